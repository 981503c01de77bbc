// SPDX-License-Identifier: MIT
#include "lifecycletracker.h"

#include "notifier.h"
#include "sessionstore.h"

#include <core/api/apiclient.h>
#include <core/sessions/sessionpoller.h>

namespace AgentBay::Ui {

LifecycleTracker::LifecycleTracker(
    Core::ApiClient *client, Core::SessionPoller *poller, SessionStore *store, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_notifier(notifier)
    , m_clock([] {
        return QDateTime::currentDateTimeUtc();
    })
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &LifecycleTracker::check);
    if (poller) {
        connect(poller,
            &Core::SessionPoller::sessionsRefreshed,
            this,
            qOverload<const QList<Core::SessionSummary> &>(&LifecycleTracker::setTimes));
    }
    if (store) {
        connect(store, &SessionStore::sessionsRemoved, this, &LifecycleTracker::onRemoved);
        // A row the table showed as DELETING (the app's delete, or one a refresh saw) is no
        // surprise when it goes; a release goes straight from RUNNING.
        connect(store, &SessionStore::rowsAboutToBeRemoved, this, [this](int first, int last) {
            for (int row = first; row <= last; ++row) {
                const SessionRow *r = m_store->rowAt(row);
                if (r && r->status == Core::SessionStatus::Deleting) {
                    m_deleting.insert(r->id);
                }
            }
        });
    }
}

LifecycleTracker::~LifecycleTracker() = default;

void LifecycleTracker::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void LifecycleTracker::recordCreated(const QString &id, const Core::LifecyclePolicy &policy)
{
    Record &record = m_records[id];
    record.policy = policy;
    record.created = m_clock();
    m_timer.start();
    Q_EMIT timesChanged();
}

void LifecycleTracker::noteActivity(const QString &id)
{
    const auto it = m_records.find(id);
    if (it != m_records.end()) {
        it->lastActivity = m_clock();
        Q_EMIT timesChanged();
    }
}

void LifecycleTracker::noteDeleting(const QStringList &ids)
{
    for (const QString &id : ids) {
        m_deleting.insert(id);
    }
}

void LifecycleTracker::setTimes(const QString &id, const Core::SessionTimes &times)
{
    if (storeTimes(id, times)) {
        Q_EMIT timesChanged();
    }
}

void LifecycleTracker::setTimes(const QList<Core::SessionSummary> &sessions)
{
    bool changed = false;
    for (const Core::SessionSummary &summary : sessions) {
        changed = storeTimes(summary.sessionId, summary.times) || changed;
    }
    if (changed) {
        Q_EMIT timesChanged();
    }
}

bool LifecycleTracker::storeTimes(const QString &id, const Core::SessionTimes &times)
{
    Record &record = m_records[id];
    if (record.times == times) {
        return false;
    }
    record.times = times;
    if (times.idleReleaseDeadline.isValid() || times.maxRuntimeDeadline.isValid()) {
        m_timer.start();
    }
    return true;
}

Core::RemainingTime LifecycleTracker::remaining(const QString &id) const
{
    const auto it = m_records.constFind(id);
    if (it == m_records.cend()) {
        return {};
    }
    return Core::RemainingTime::best(it->times, it->policy, it->created, it->lastActivity, m_clock());
}

void LifecycleTracker::keepAlive(const QStringList &ids)
{
    for (const QString &id : ids) {
        m_client->keepAlive(id, this, [this, id](const Core::Result<Core::Empty> &result) {
            if (!result.ok()) {
                Q_EMIT keepAliveFailed(id, result.errorMessage());
                return;
            }
            noteActivity(id);
            Q_EMIT keptAlive(id);
        });
    }
}

void LifecycleTracker::check()
{
    const QDateTime now = m_clock();
    bool any = false;
    for (auto it = m_records.begin(); it != m_records.end(); ++it) {
        const Core::RemainingTime left =
            Core::RemainingTime::best(it->times, it->policy, it->created, it->lastActivity, now);
        if (!left.isKnown()) {
            continue;
        }
        any = true;
        if (!left.isNearEnd(now, m_warnSeconds) || it->warnedFor == left.deadline()) {
            continue;
        }
        it->warnedFor = left.deadline(); // once per deadline: a keep-alive earns a new warning
        if (m_notifier) {
            const QString when = Core::RemainingTime::formatSeconds(*left.secondsLeft(now));
            m_notifier->notify(Notifier::Kind::ReleaseSoon,
                tr("Session %1 will be released soon").arg(it.key()),
                left.reason() == Core::RemainingTime::Reason::Idle
                    ? tr("Idle release in %1 unless it is kept alive.").arg(when)
                    : tr("Its maximum runtime ends in %1.").arg(when));
        }
    }
    if (!any) {
        m_timer.stop();
    }
}

void LifecycleTracker::onRemoved(const QStringList &ids)
{
    for (const QString &id : ids) {
        m_records.remove(id);
        if (m_deleting.remove(id)) {
            continue; // the app deleted it
        }
        if (m_notifier) {
            m_notifier->notify(Notifier::Kind::SessionVanished,
                tr("Session %1 is gone").arg(id),
                tr("It was released or deleted outside this app."));
        }
    }
}

} // namespace AgentBay::Ui
