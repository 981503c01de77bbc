// SPDX-License-Identifier: MIT
#include "sessionreaper.h"

#include <server/sessions/localsession.h>
#include <server/sessions/sessionstore.h>

#include <QLoggingCategory>

#include <optional>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcReaper, "agentbay.server.sessionreaper")

namespace {

// A wake-up at least this often, so that a clock change is noticed in bounded time.
constexpr qint64 maxSleepMs = 60 * 60 * 1000;

std::optional<QDateTime> idleDeadlineOf(const LocalSession *session)
{
    // Idle time counts only while the session runs and no tool call is in flight.
    if (session->status() != LocalSession::Status::Running || session->toolCallsRunning() > 0) {
        return std::nullopt;
    }
    return session->lifecycle().idleDeadline(session->lastActivity());
}

} // namespace

SessionReaper::SessionReaper(SessionStore *store)
    : QObject(store)
    , m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SessionReaper::check);
}

SessionReaper::~SessionReaper() = default;

QString SessionReaper::dueReason(const LocalSession *session) const
{
    if (session->status() == LocalSession::Status::Deleting) {
        return {};
    }
    const QDateTime now = m_store->now();
    const auto maxRuntime = session->lifecycle().maxRuntimeDeadline(session->createdAt());
    if (maxRuntime && *maxRuntime <= now) {
        return QStringLiteral("max runtime reached");
    }
    const auto idle = idleDeadlineOf(session);
    if (idle && *idle <= now) {
        return QStringLiteral("idle release timeout reached");
    }
    return {};
}

void SessionReaper::check()
{
    const QList<LocalSession *> sessions = m_store->sessions();
    for (LocalSession *session : sessions) {
        const QString reason = dueReason(session);
        if (reason.isEmpty()) {
            continue;
        }
        qCInfo(lcReaper).noquote() << "releasing session" << session->id() << "-" << reason;
        const QString id = session->id();
        m_store->release(session);
        Q_EMIT released(id, reason);
    }
    reschedule();
}

void SessionReaper::reschedule()
{
    std::optional<QDateTime> nearest;
    const QList<LocalSession *> sessions = m_store->sessions();
    for (const LocalSession *session : sessions) {
        if (session->status() == LocalSession::Status::Deleting) {
            continue;
        }
        for (const auto &deadline :
            {session->lifecycle().maxRuntimeDeadline(session->createdAt()), idleDeadlineOf(session)}) {
            if (deadline && (!nearest || *deadline < *nearest)) {
                nearest = deadline;
            }
        }
    }
    if (!nearest) {
        m_timer.stop();
        return;
    }
    const qint64 waitMs = qBound<qint64>(0, m_store->now().msecsTo(*nearest), maxSleepMs);
    m_timer.start(std::chrono::milliseconds(waitMs));
}

} // namespace AgentBay::Server
