// SPDX-License-Identifier: MIT
#pragma once

#include <core/labelselector.h>
#include <core/session.h>

#include <QSortFilterProxyModel>

#include <optional>

namespace AgentBay::Ui {

class SessionListModel;

// Filters the session table by label selector, status and id text; sorts on SortRole. The
// decisions are the core LabelSelector's; this class only wires them to the model (STYLE M4).
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

    const Core::LabelSelector &labelSelector() const { return m_selector; }

    // nullopt = any status.
    void setStatusFilter(std::optional<Core::SessionStatus> status);

    std::optional<Core::SessionStatus> statusFilter() const { return m_status; }

    // Case-insensitive substring of the session id.
    void setIdFilter(const QString &text);

    QString idFilter() const { return m_idText; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Core::LabelSelector m_selector;
    std::optional<Core::SessionStatus> m_status;
    QString m_idText;
    SessionListModel *m_sessions = nullptr;
};

} // namespace AgentBay::Ui
