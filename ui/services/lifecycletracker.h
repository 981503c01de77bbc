// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/remainingtime.h>
#include <core/sessions/session.h>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

namespace AgentBay::Core {
class ApiClient;
class SessionPoller;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

class Notifier;
class SessionStore;

// What the app knows about when each session will be released: the server's deadlines from
// every list refresh, else the policy the app set at create and its own record of the last
// activity it caused (RemainingTime). Notifies a few minutes before a release and when a
// session disappears that the app did not delete; keepAlive() pushes the idle deadline back.
class LifecycleTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LifecycleTracker)

public:
    using Clock = std::function<QDateTime()>;

    LifecycleTracker(Core::ApiClient *client,
        Core::SessionPoller *poller,
        SessionStore *store,
        Notifier *notifier,
        QObject *parent = nullptr);
    ~LifecycleTracker() override;

    void setClock(Clock clock);

    QDateTime now() const { return m_clock(); }

    // Warn this long before a release (default 3 minutes).
    void setWarnAhead(qint64 seconds) { m_warnSeconds = seconds; }

    qint64 warnAhead() const { return m_warnSeconds; }

    // The app created this session with this policy (the cloud's only source).
    void recordCreated(const QString &id, const Core::LifecyclePolicy &policy);
    // The app caused activity (a tool call, a resume, a keep-alive).
    void noteActivity(const QString &id);
    // The app is deleting these: their disappearance is no news.
    void noteDeleting(const QStringList &ids);
    // The server's times, as a refresh or a GetSession reported them.
    void setTimes(const QString &id, const Core::SessionTimes &times);
    // Those of a whole list refresh: one timesChanged for all (each makes the table re-sort).
    void setTimes(const QList<Core::SessionSummary> &sessions);

    Core::RemainingTime remaining(const QString &id) const;

    // RefreshSessionIdleTime on each; keptAlive / keepAliveFailed per session.
    void keepAlive(const QStringList &ids);

    // Checks the deadlines now (also every second while any session has one).
    void check();

Q_SIGNALS:
    void keptAlive(const QString &sessionId);
    void keepAliveFailed(const QString &sessionId, const QString &message);
    // Some remaining time changed beyond the clock ticking (new deadlines, a keep-alive).
    void timesChanged();

private:
    struct Record
    {
        Core::SessionTimes times;
        std::optional<Core::LifecyclePolicy> policy;
        QDateTime created; // the app's record
        QDateTime lastActivity; // the app's record
        QDateTime warnedFor; // the deadline already warned about
    };

    bool storeTimes(const QString &id, const Core::SessionTimes &times); // true when changed
    void onRemoved(const QStringList &ids);

    Core::ApiClient *m_client;
    SessionStore *m_store;
    Notifier *m_notifier;
    Clock m_clock;
    QTimer m_timer;
    qint64 m_warnSeconds = 180;
    QHash<QString, Record> m_records;
    QSet<QString> m_deleting;
};

} // namespace AgentBay::Ui
