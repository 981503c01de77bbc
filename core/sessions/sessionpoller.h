// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apierror.h>
#include <core/api/operationhandle.h>
#include <core/sessions/session.h>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace AgentBay::Core {

class ApiClient;

// Keeps a list of sessions fresh: a whole-list refresh (one ListSession per page) on a
// single-shot timer re-armed after each answer, and faster one-by-one GetSession polls for
// sessions in PAUSING, RESUMING or DELETING until they settle. Never overlaps requests.
// Failed refreshes back off (doubling up to 8x the interval, at most a minute more), and a
// wait the server states (Retry-After) is honoured. Failed status polls back off the same way
// (doubling up to 8x the fast interval), back to the fast interval after an answer.
class SessionPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionPoller)

public:
    explicit SessionPoller(ApiClient *client, QObject *parent = nullptr);
    ~SessionPoller() override;

    void setInterval(std::chrono::milliseconds interval); // whole list, default 5 s; takes effect at once
    void setFastInterval(std::chrono::milliseconds interval); // transitional sessions, default 1 s
    std::chrono::milliseconds interval() const;
    // Server-side filter for ListSession (label equalities and status). A change drops the
    // refresh in flight (its answer is for the old filter) and refreshes once, at once.
    void setFilter(const Labels &labels, const QString &status);
    void setPageSize(int pageSize);

    bool isRunning() const { return m_running; }

    void start(); // refreshes at once, then every interval
    void stop(); // also drops the requests in flight: nothing is emitted after it
    void refreshNow(); // a refresh now (or right after the one in flight)
    // Poll this session quickly until it leaves its transitional state (e.g. after the UI paused it).
    void watch(const QString &sessionId);

Q_SIGNALS:
    void sessionsRefreshed(const QList<AgentBay::Core::SessionSummary> &sessions, const QDateTime &at);
    void sessionStatusChanged(const QString &sessionId, AgentBay::Core::SessionStatus status);
    void sessionGone(const QString &sessionId);
    void refreshFailed(const AgentBay::Core::ApiError &error);

private:
    void refresh();
    void pollTransitional();
    void scheduleFastPoll();
    void scheduleRefresh();
    std::chrono::milliseconds nextRefreshDelay() const;
    std::chrono::milliseconds nextFastPollDelay() const;

    ApiClient *m_client;
    std::chrono::milliseconds m_interval{5000};
    std::chrono::milliseconds m_fastInterval{1000};
    QTimer m_timer;
    QTimer m_fastTimer;
    Labels m_labels;
    QString m_status;
    int m_pageSize = 100;
    bool m_running = false;
    bool m_refreshInFlight = false;
    bool m_refreshPending = false;
    bool m_fastInFlight = false;
    int m_failures = 0; // refreshes failed in a row
    int m_fastFailures = 0; // status polls failed in a row
    std::chrono::milliseconds m_retryAfter{0}; // stated by the server with the last failure
    OperationHandle m_refreshOperation;
    OperationHandle m_fastOperation;
    QSet<QString> m_watched;
    QHash<QString, SessionStatus> m_known;
};

} // namespace AgentBay::Core
