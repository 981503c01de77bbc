// SPDX-License-Identifier: MIT
#include "sessionpoller.h"

#include <core/api/apiclient.h>

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPoller, "agentbay.core.sessionpoller")

namespace AgentBay::Core {

using namespace std::chrono_literals;

SessionPoller::SessionPoller(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionPoller::refresh);
    m_fastTimer.setSingleShot(true);
    connect(&m_fastTimer, &QTimer::timeout, this, &SessionPoller::pollTransitional);
}

SessionPoller::~SessionPoller() = default;

void SessionPoller::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    if (m_timer.isActive()) {
        scheduleRefresh(); // from now on, not after the old interval
    }
}

void SessionPoller::setFastInterval(std::chrono::milliseconds interval)
{
    m_fastInterval = interval;
}

std::chrono::milliseconds SessionPoller::interval() const
{
    return m_interval;
}

void SessionPoller::setFilter(const Labels &labels, const QString &status)
{
    if (labels == m_labels && status == m_status) {
        return;
    }
    m_labels = labels;
    m_status = status;
    if (!m_running) {
        return;
    }
    m_refreshOperation.cancel(); // its answer would be for the old filter
    refreshNow();
}

void SessionPoller::setPageSize(int pageSize)
{
    m_pageSize = qBound(1, pageSize, 100);
}

void SessionPoller::start()
{
    m_running = true;
    refreshNow();
}

void SessionPoller::stop()
{
    m_running = false;
    m_refreshPending = false;
    m_timer.stop();
    m_fastTimer.stop();
    m_refreshOperation.cancel();
    m_fastOperation.cancel();
}

void SessionPoller::refreshNow()
{
    if (m_refreshInFlight) {
        m_refreshPending = true; // one more right after the one in flight, never two at once
        return;
    }
    m_timer.stop();
    refresh();
}

void SessionPoller::watch(const QString &sessionId)
{
    m_watched.insert(sessionId);
    scheduleFastPoll();
}

std::chrono::milliseconds SessionPoller::nextRefreshDelay() const
{
    if (m_failures == 0) {
        return m_interval;
    }
    const auto backedOff = std::min(m_interval * (1 << std::min(m_failures, 3)), m_interval + 60s);
    return std::max(backedOff, m_retryAfter);
}

std::chrono::milliseconds SessionPoller::nextFastPollDelay() const
{
    // As the list refresh: a failing service is not asked ever faster than the list is.
    return m_fastInterval * (1 << std::min(m_fastFailures, 3));
}

void SessionPoller::scheduleRefresh()
{
    // A coarse timer may fire 5% early, i.e. before a wait the server stated.
    m_timer.setTimerType(m_retryAfter.count() > 0 ? Qt::PreciseTimer : Qt::CoarseTimer);
    m_timer.start(nextRefreshDelay());
}

void SessionPoller::refresh()
{
    if (m_refreshInFlight) {
        return;
    }
    if (m_fastInFlight) {
        m_refreshPending = true; // right after the status poll: one request at a time
        return;
    }
    m_refreshInFlight = true;
    m_refreshOperation =
        m_client->listAll(m_labels, m_status, m_pageSize, this, [this](const Result<QList<SessionSummary>> &result) {
            m_refreshInFlight = false;
            if (!result.ok() && result.error().kind == ApiError::Kind::Cancelled) {
                return; // stop() or a new filter: whoever cancelled decides what comes next
            }
            if (result.ok()) {
                m_failures = 0;
                m_retryAfter = {};
                QHash<QString, SessionStatus> now;
                for (const SessionSummary &session : result.value()) {
                    now.insert(session.sessionId, session.status);
                    if (isTransitional(session.status)) {
                        m_watched.insert(session.sessionId);
                    }
                }
                m_known = now;
                Q_EMIT sessionsRefreshed(result.value(), QDateTime::currentDateTime());
            } else {
                ++m_failures;
                m_retryAfter = result.error().retryAfter;
                qCInfo(lcPoller).noquote() << "refresh failed:" << result.error().details();
                Q_EMIT refreshFailed(result.error());
            }
            scheduleFastPoll();
            if (m_refreshPending) {
                m_refreshPending = false;
                refresh();
                return;
            }
            if (m_running) {
                scheduleRefresh();
            }
        });
}

void SessionPoller::scheduleFastPoll()
{
    if (m_running && !m_watched.isEmpty() && !m_fastInFlight && !m_fastTimer.isActive()) {
        m_fastTimer.start(nextFastPollDelay());
    }
}

void SessionPoller::pollTransitional()
{
    if (m_watched.isEmpty() || m_fastInFlight || m_refreshInFlight) {
        return; // a refresh in flight re-arms the fast poll when it answers
    }
    // One session at a time, round robin, so a long list of transitions never bursts requests.
    const QString sessionId = *m_watched.cbegin();
    m_watched.remove(sessionId);
    m_fastInFlight = true;
    m_fastOperation = m_client->getSession(sessionId, this, [this, sessionId](const Result<SessionData> &result) {
        m_fastInFlight = false;
        if (result.ok() || result.error().isNotFound()) {
            m_fastFailures = 0;
        }
        if (result.ok()) {
            const SessionStatus status = result.value().status;
            if (m_known.value(sessionId, SessionStatus::Unknown) != status) {
                m_known.insert(sessionId, status);
                Q_EMIT sessionStatusChanged(sessionId, status);
            }
            if (isTransitional(status)) {
                m_watched.insert(sessionId);
            } else if (isGone(status)) {
                m_known.remove(sessionId);
                Q_EMIT sessionGone(sessionId);
            }
        } else if (result.error().isNotFound()) {
            m_known.remove(sessionId);
            Q_EMIT sessionGone(sessionId);
        } else if (result.error().kind != ApiError::Kind::Cancelled) {
            ++m_fastFailures;
            m_watched.insert(sessionId); // try again on the next tick, a little later
            Q_EMIT refreshFailed(result.error());
        } else {
            m_watched.insert(sessionId); // stopped, not settled: watch it again after start()
            return;
        }
        if (m_refreshPending) {
            m_refreshPending = false;
            refresh();
        }
        scheduleFastPoll();
    });
}

} // namespace AgentBay::Core
