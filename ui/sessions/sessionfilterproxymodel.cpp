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
    if (!selector.isValid() || selector == m_selector) {
        return;
    }
    m_selector = selector;
    invalidateRowsFilter();
}

void SessionFilterProxyModel::setStatusFilter(std::optional<Core::SessionStatus> status)
{
    if (status == m_status) {
        return;
    }
    m_status = status;
    invalidateRowsFilter();
}

void SessionFilterProxyModel::setIdFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_idText) {
        return;
    }
    m_idText = trimmed;
    invalidateRowsFilter();
}

bool SessionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid()) {
        return false;
    }
    if (m_sessions) {
        const SessionRow *row = m_sessions->rowAt(sourceRow);
        if (!row) {
            return false;
        }
        if (m_status && row->status != *m_status) {
            return false;
        }
        if (!m_idText.isEmpty() && !row->id.contains(m_idText, Qt::CaseInsensitive)) {
            return false;
        }
        if (!m_selector.isEmpty()) {
            // Until its labels are known a row cannot be said to match.
            return row->labelsLoaded && m_selector.matches(row->labels);
        }
        return true;
    }

    // Any other source model: go through the roles.
    const QModelIndex index = sourceModel()->index(sourceRow, SessionListModel::IdColumn, sourceParent);
    if (m_status && index.data(SessionListModel::StatusRole).toInt() != int(*m_status)) {
        return false;
    }
    if (!m_idText.isEmpty()
        && !index.data(SessionListModel::SessionIdRole).toString().contains(m_idText, Qt::CaseInsensitive)) {
        return false;
    }
    if (!m_selector.isEmpty()) {
        return index.data(SessionListModel::LabelsLoadedRole).toBool()
            && m_selector.matches(index.data(SessionListModel::LabelsRole).value<Core::Labels>());
    }
    return true;
}

} // namespace AgentBay::Ui
