// SPDX-License-Identifier: MIT
#pragma once

#include "sessionrow.h"

#include <core/sessions/session.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace AgentBay::Ui {

// The sessions of the current profile, without any view: owns the rows, in a stable order, and
// applies refreshes as differences matched by id. Its signals say exactly which rows come, go or
// change, so that a table model can follow it without losing selection, sort or scroll.
class SessionStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStore)

public:
    // Which part of a row changed.
    enum class Part {
        Status,
        Details, // image, region, policy
        Labels,
        Error,
    };
    Q_ENUM(Part)

    using Clock = std::function<QDateTime()>;

    explicit SessionStore(QObject *parent = nullptr);
    ~SessionStore() override;

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

    int count() const { return int(m_rows.size()); }

    int rowOf(const QString &id) const; // -1 if unknown
    const SessionRow *rowAt(int row) const;
    const SessionRow *find(const QString &id) const;

    const QList<SessionRow> &rows() const { return m_rows; }

    // First-seen times survive restarts when the caller persists them, and filters always:
    // a row a label filter drops and later returns keeps its first time.
    QHash<QString, QDateTime> firstSeenTimes() const;
    void setKnownFirstSeen(const QHash<QString, QDateTime> &times);

Q_SIGNALS:
    // Structural changes, in the order a QAbstractItemModel needs them.
    void rowsAboutToBeAppended(int first, int last);
    void rowsAppended();
    void rowsAboutToBeRemoved(int first, int last);
    void rowsRemoved();
    void aboutToBeCleared();
    void cleared();
    void rowChanged(int row, AgentBay::Ui::SessionStore::Part part);
    // New ids, in order, so the detail loader can fetch what ListSession does not say.
    void sessionsAdded(const QStringList &ids);
    void sessionsRemoved(const QStringList &ids);

private:
    void appendRows(const QList<SessionRow> &rows);
    void removeRowsWhere(const std::function<bool(const SessionRow &)> &gone);
    void rebuildIndex(int fromRow = 0);
    SessionRow makeRow(const QString &id, Core::SessionStatus status, const QDateTime &at) const;

    QList<SessionRow> m_rows;
    QHash<QString, int> m_index;
    QList<Core::SessionSummary> m_lastRefresh;
    QHash<QString, QDateTime> m_knownFirstSeen;
    Clock m_clock;
};

} // namespace AgentBay::Ui
