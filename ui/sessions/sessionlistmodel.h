// SPDX-License-Identifier: MIT
#pragma once

#include <core/session.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTimer>

#include <functional>

namespace AgentBay::Ui {

// One row of the session table. ListSession gives only id and status; the rest is filled
// lazily (SessionDetailLoader) and stays empty until then.
struct SessionRow
{
    QString id;
    Core::SessionStatus status = Core::SessionStatus::Unknown;
    QDateTime statusSince; // when this status was first seen
    QDateTime firstSeen;
    QString imageId;
    QString regionId;
    QString policyId;
    Core::Labels labels;
    bool detailsLoaded = false;
    bool labelsLoaded = false;
    bool confirmed = false; // seen in a whole-list refresh
    QString error; // last failed action on this row, shown as an icon + tooltip
};

// The sessions of the current profile. Owns the rows; refreshes apply differences only, matched
// by id, so selection, sort, scroll and the current row survive every poll.
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
    };

    using Clock = std::function<QDateTime()>;

    explicit SessionListModel(QObject *parent = nullptr);
    ~SessionListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Tests and benchmarks inject time.
    void setClock(Clock clock);
    QDateTime now() const;

    // A whole-list refresh: removes rows that are gone, updates changed statuses, appends new
    // rows. Identical payloads change nothing.
    void applyRefresh(const QList<Core::SessionSummary> &sessions);
    // One session's status (pause/resume progress, transitional polling); adds the row if new.
    void setStatus(const QString &id, Core::SessionStatus status);
    void removeSession(const QString &id);
    void setDetails(const QString &id, const Core::SessionDetail &detail);
    void setLabels(const QString &id, const Core::Labels &labels);
    void setError(const QString &id, const QString &error);
    void clear();

    int rowOf(const QString &id) const; // -1 if unknown
    const SessionRow *rowAt(int row) const;
    const SessionRow *find(const QString &id) const;

    const QList<SessionRow> &rows() const { return m_rows; }

    // First-seen times survive restarts when the caller persists them.
    QHash<QString, QDateTime> firstSeenTimes() const;
    void setKnownFirstSeen(const QHash<QString, QDateTime> &times);

    static QString statusText(Core::SessionStatus status);
    static QString formatAge(qint64 seconds);

Q_SIGNALS:
    // New ids, in order, so the detail loader can fetch what ListSession does not say.
    void sessionsAdded(const QStringList &ids);
    void sessionsRemoved(const QStringList &ids);

private:
    void appendRows(const QList<SessionRow> &rows);
    void removeRowsWhere(const std::function<bool(const SessionRow &)> &gone);
    void rebuildIndex(int fromRow = 0);
    void emitRowChanged(int row, int firstColumn, int lastColumn);
    void updateTicker();
    void tick();
    SessionRow makeRow(const QString &id, Core::SessionStatus status, const QDateTime &at) const;

    QList<SessionRow> m_rows;
    QHash<QString, int> m_index;
    QList<Core::SessionSummary> m_lastRefresh;
    QHash<QString, QDateTime> m_knownFirstSeen;
    Clock m_clock;
    QTimer m_ticker; // repaints time-in-state and age
    int m_ticks = 0;
};

} // namespace AgentBay::Ui
