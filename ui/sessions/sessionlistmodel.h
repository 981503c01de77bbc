// SPDX-License-Identifier: MIT
#pragma once

#include <ui/services/sessionstore.h>

#include <QAbstractTableModel>
#include <QTimer>

namespace AgentBay::Ui {

// The session table: a view of a SessionStore (which owns the rows) with the texts, icons and
// sort keys of each column. It follows the store's fine-grained signals, so selection, sort,
// scroll and the current row survive every poll.
class SessionListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionListModel)

public:
    enum Column {
        IdColumn,
        StatusColumn,
        ImageColumn,
        LabelsColumn,
        AgeColumn,
        RegionColumn,
        ColumnCount,
    };

    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        StatusRole, // int(Core::SessionStatus)
        StatusSinceRole, // QDateTime
        FirstSeenRole, // QDateTime
        LabelsRole, // Core::Labels
        LabelsLoadedRole, // bool
        DetailsLoadedRole, // bool
        ErrorRole, // QString, empty when fine
        SortRole, // raw value of the cell's column
        // Header roles of the columns that give way when the table is narrow (the glance columns).
        FitOrderRole, // int: the lower, the longer the column keeps its place; absent: always shown
        WidestTextRole, // QString: about the widest text the column's cells show
    };

    explicit SessionListModel(SessionStore *store, QObject *parent = nullptr);
    ~SessionListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    SessionStore *store() const { return m_store; }

    static QString statusText(Core::SessionStatus status);
    static QString formatAge(qint64 seconds);

private:
    void emitRowChanged(int row, SessionStore::Part part);
    void updateTicker();
    void tick();

    SessionStore *m_store;
    QTimer m_ticker; // repaints time-in-state and age
    int m_ticks = 0;
};

} // namespace AgentBay::Ui
