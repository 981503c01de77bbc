// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/sessions/sessionmetrics.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {

// Polls get_metrics (protocol-2026.md 3) for the sessions the window shows as running, and
// keeps a short history of each. The caller says which sessions those are (visible rows whose
// status is RUNNING); nothing else is ever asked, so paused and scrolled-away sessions cost no
// request. Each tick sends at most one request per such session, and none for a session whose
// previous request is still out: never more requests per interval than visible running rows.
// Reading metrics is no activity (agentbay-local does not count get_metrics as use), so polling
// never keeps a session from its idle release.
class MetricsPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsPoller)

public:
    struct Sample
    {
        QDateTime at; // when the answer arrived (the app's clock)
        Core::SessionMetrics metrics;
    };

    using Clock = std::function<QDateTime()>;

    static constexpr std::chrono::milliseconds DefaultInterval{15000}; // status polls every 5 s
    static constexpr std::chrono::seconds HistorySpan{600}; // the detail pane's graph

    explicit MetricsPoller(Core::ApiClient *client, QObject *parent = nullptr);
    ~MetricsPoller() override;

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;
    void setClock(Clock clock);

    // The visible running sessions; others lose their pending answer (history stays until
    // forget()). A newly shown session is asked at the next tick.
    void setSessions(const QStringList &ids);

    QStringList sessions() const { return m_ids; }

    void start();
    void stop();

    bool isActive() const { return m_timer.isActive(); }

    // One round now (skipping sessions with a request out), as a tick does.
    void pollNow();

    bool hasMetrics(const QString &id) const { return m_history.contains(id); }

    Core::SessionMetrics latest(const QString &id) const; // default-constructed when none
    QList<Sample> history(const QString &id) const; // oldest first, the last HistorySpan
    void forget(const QString &id); // a deleted session
    // Adds an answer as if it had just arrived (each answer goes through here; tests use it too).
    void record(const QString &id, const Core::SessionMetrics &metrics);

    int inFlightCount() const { return int(m_inFlight.size()); }

    qint64 requestsSent() const { return m_requestsSent; }

Q_SIGNALS:
    void metricsUpdated(const QString &sessionId);
    void metricsFailed(const QString &sessionId, const QString &message);

private:
    void request(const QString &id);

    Core::ApiClient *m_client;
    QTimer m_timer;
    Clock m_clock;
    QStringList m_ids;

    struct Pending
    {
        quint64 serial = 0; // tells a stale (cancelled) answer from the current request's
        Core::OperationHandle handle;
    };

    void cancelPending(QList<Pending> pending);

    QHash<QString, Pending> m_inFlight;
    quint64 m_nextSerial = 0;
    QHash<QString, QList<Sample>> m_history;
    qint64 m_requestsSent = 0;
};

} // namespace AgentBay::Ui
