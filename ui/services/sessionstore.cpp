// SPDX-License-Identifier: MIT
#include "sessionstore.h"

namespace AgentBay::Ui {

namespace {

// Rows created here (e.g. by the create dialog) may be missing from a refresh that was already
// on its way; keep them this long before trusting the server's list.
constexpr qint64 UnconfirmedGraceMs = 10000;

// First-seen times of sessions that no longer show up are kept this long (they may be hidden
// by a label filter, or on a server that is down for now).
constexpr int KeepUnseenDays = 30;

} // namespace

SessionStore::SessionStore(QObject *parent)
    : QObject(parent)
    , m_clock([] {
        return QDateTime::currentDateTimeUtc();
    })
{
}

SessionStore::~SessionStore() = default;

void SessionStore::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime SessionStore::now() const
{
    return m_clock();
}

SessionRow SessionStore::makeRow(const QString &id, Core::SessionStatus status, const QDateTime &at) const
{
    SessionRow row;
    row.id = id;
    row.status = status;
    row.statusSince = at;
    row.firstSeen = m_knownFirstSeen.value(id, at);
    return row;
}

void SessionStore::applyRefresh(const QList<Core::SessionSummary> &sessions)
{
    if (sessions == m_lastRefresh) {
        return; // nothing changed: not a single signal
    }
    const QDateTime at = now();

    // The common case: the same sessions in the same order, a few statuses moved. Compare in
    // step with the previous answer instead of hashing all of them.
    if (sessions.size() == m_lastRefresh.size() && m_rows.size() == sessions.size()) {
        bool sameIds = true;
        QList<qsizetype> changed;
        for (qsizetype i = 0; i < sessions.size(); ++i) {
            const Core::SessionSummary &next = sessions.at(i);
            const Core::SessionSummary &previous = m_lastRefresh.at(i);
            if (next.sessionId != previous.sessionId) {
                sameIds = false;
                break;
            }
            if (next.status != previous.status) {
                changed.append(i);
            }
        }
        if (sameIds) {
            m_lastRefresh = sessions;
            for (const qsizetype i : changed) {
                const Core::SessionSummary &next = sessions.at(i);
                const int row = rowOf(next.sessionId);
                if (row < 0 || m_rows.at(row).status == next.status) {
                    continue;
                }
                SessionRow &r = m_rows[row];
                r.status = next.status;
                r.statusSince = at;
                r.confirmed = true;
                Q_EMIT rowChanged(row, Part::Status);
            }
            return;
        }
    }
    m_lastRefresh = sessions;

    QHash<QString, Core::SessionStatus> incoming;
    incoming.reserve(sessions.size());
    for (const Core::SessionSummary &summary : sessions) {
        incoming.insert(summary.sessionId, summary.status);
    }

    QStringList removed;
    removeRowsWhere([&](const SessionRow &row) {
        if (incoming.contains(row.id)) {
            return false;
        }
        // A row added here a moment ago may simply be newer than this list.
        if (!row.confirmed && row.firstSeen.msecsTo(at) < UnconfirmedGraceMs) {
            return false;
        }
        removed.append(row.id);
        return true;
    });

    for (int i = 0; i < m_rows.size(); ++i) {
        SessionRow &row = m_rows[i];
        const auto it = incoming.constFind(row.id);
        if (it == incoming.constEnd()) {
            continue;
        }
        row.confirmed = true;
        if (*it == row.status) {
            continue;
        }
        row.status = *it;
        row.statusSince = at;
        Q_EMIT rowChanged(i, Part::Status);
    }

    QList<SessionRow> added;
    QStringList addedIds;
    for (const Core::SessionSummary &summary : sessions) {
        if (m_index.contains(summary.sessionId)) {
            continue;
        }
        // Ids repeated within one answer (pages shifting under us) are added once.
        m_index.insert(summary.sessionId, int(m_rows.size() + added.size()));
        added.append(makeRow(summary.sessionId, summary.status, at));
        added.last().confirmed = true;
        added.last().created = summary.times.created;
        addedIds.append(summary.sessionId);
    }
    if (!added.isEmpty()) {
        appendRows(added);
    }

    if (!removed.isEmpty()) {
        Q_EMIT sessionsRemoved(removed);
    }
    if (!addedIds.isEmpty()) {
        Q_EMIT sessionsAdded(addedIds);
    }
}

void SessionStore::setStatus(const QString &id, Core::SessionStatus status)
{
    const int row = rowOf(id);
    if (row < 0) {
        if (Core::isGone(status)) {
            return;
        }
        appendRows({makeRow(id, status, now())});
        Q_EMIT sessionsAdded({id});
        return;
    }
    if (Core::isGone(status)) {
        removeSession(id);
        return;
    }
    SessionRow &r = m_rows[row];
    if (r.status == status) {
        return;
    }
    r.status = status;
    r.statusSince = now();
    Q_EMIT rowChanged(row, Part::Status);
}

void SessionStore::removeSession(const QString &id)
{
    if (!m_index.contains(id)) {
        return;
    }
    removeRowsWhere([&id](const SessionRow &row) {
        return row.id == id;
    });
    m_knownFirstSeen.remove(id); // gone for good, not just filtered out
    Q_EMIT sessionsRemoved({id});
}

void SessionStore::setDetails(const QString &id, const Core::SessionDetail &detail)
{
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    SessionRow &r = m_rows[row];
    const QDateTime created = detail.times.created.isValid() ? detail.times.created : r.created;
    if (r.detailsLoaded && r.imageId == detail.imageId && r.regionId == detail.regionId && r.policyId == detail.policyId
        && r.created == created) {
        return;
    }
    r.detailsLoaded = true;
    r.created = created;
    r.imageId = detail.imageId;
    r.regionId = detail.regionId;
    r.policyId = detail.policyId;
    Q_EMIT rowChanged(row, Part::Details);
}

void SessionStore::setLabels(const QString &id, const Core::Labels &labels)
{
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    SessionRow &r = m_rows[row];
    if (r.labelsLoaded && r.labels == labels) {
        return;
    }
    r.labelsLoaded = true;
    r.labels = labels;
    Q_EMIT rowChanged(row, Part::Labels);
}

void SessionStore::setError(const QString &id, const QString &error)
{
    const int row = rowOf(id);
    if (row < 0 || m_rows.at(row).error == error) {
        return;
    }
    m_rows[row].error = error;
    Q_EMIT rowChanged(row, Part::Error);
}

void SessionStore::clear()
{
    Q_EMIT aboutToBeCleared();
    m_rows.clear();
    m_index.clear();
    m_lastRefresh.clear();
    Q_EMIT cleared();
}

int SessionStore::rowOf(const QString &id) const
{
    return m_index.value(id, -1);
}

const SessionRow *SessionStore::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

const SessionRow *SessionStore::find(const QString &id) const
{
    return rowAt(rowOf(id));
}

QHash<QString, QDateTime> SessionStore::firstSeenTimes() const
{
    // Rows a label filter hides keep their time; only entries nobody has seen for a month go.
    const QDateTime cutoff = now().addDays(-KeepUnseenDays);
    QHash<QString, QDateTime> times;
    times.reserve(m_knownFirstSeen.size());
    for (auto it = m_knownFirstSeen.constBegin(); it != m_knownFirstSeen.constEnd(); ++it) {
        if (it.value() >= cutoff || m_index.contains(it.key())) {
            times.insert(it.key(), it.value());
        }
    }
    return times;
}

void SessionStore::setKnownFirstSeen(const QHash<QString, QDateTime> &times)
{
    m_knownFirstSeen = times;
}

void SessionStore::appendRows(const QList<SessionRow> &rows)
{
    const int first = int(m_rows.size());
    Q_EMIT rowsAboutToBeAppended(first, first + int(rows.size()) - 1);
    m_rows.append(rows);
    for (const SessionRow &row : rows) {
        m_knownFirstSeen.insert(row.id, row.firstSeen); // so a row filtered out and back keeps it
    }
    rebuildIndex(first);
    Q_EMIT rowsAppended();
}

void SessionStore::removeRowsWhere(const std::function<bool(const SessionRow &)> &gone)
{
    // Walk backwards and remove contiguous runs, so each run is one rowsRemoved.
    int end = int(m_rows.size()) - 1;
    while (end >= 0) {
        if (!gone(m_rows.at(end))) {
            --end;
            continue;
        }
        int start = end;
        while (start > 0 && gone(m_rows.at(start - 1))) {
            --start;
        }
        Q_EMIT rowsAboutToBeRemoved(start, end);
        for (int i = start; i <= end; ++i) {
            m_index.remove(m_rows.at(i).id);
        }
        m_rows.remove(start, end - start + 1);
        // Before the signal: whoever it reaches may look rows up by id (the window's actions do).
        rebuildIndex(start);
        Q_EMIT rowsRemoved();
        end = start - 1;
    }
}

void SessionStore::rebuildIndex(int fromRow)
{
    for (int i = fromRow; i < m_rows.size(); ++i) {
        m_index.insert(m_rows.at(i).id, i);
    }
}

} // namespace AgentBay::Ui
