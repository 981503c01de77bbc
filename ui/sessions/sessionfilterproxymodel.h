// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/sessionfilter.h>

#include <QSortFilterProxyModel>

#include <optional>

namespace AgentBay::Ui {

class SessionListModel;

// Filters the session table by label selector, status and id text; sorts on SortRole. The
// decisions are the core SessionFilter's; this class only hands it each row.
class SessionFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionFilterProxyModel)

public:
    explicit SessionFilterProxyModel(QObject *parent = nullptr);
    ~SessionFilterProxyModel() override;

    void setSourceModel(QAbstractItemModel *model) override;

    // An invalid selector is ignored (the filter bar marks it); the last valid one stays.
    void setLabelSelector(const Core::LabelSelector &selector);

    const Core::LabelSelector &labelSelector() const { return m_filter.labelSelector(); }

    // nullopt = any status.
    void setStatusFilter(std::optional<Core::SessionStatus> status);

    std::optional<Core::SessionStatus> statusFilter() const { return m_filter.status(); }

    // Case-insensitive substring of the session id.
    void setIdFilter(const QString &text);

    QString idFilter() const { return m_filter.idText(); }

    const Core::SessionFilter &filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Core::SessionFilter m_filter;
    SessionListModel *m_sessions = nullptr;
};

} // namespace AgentBay::Ui
