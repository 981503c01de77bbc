// SPDX-License-Identifier: MIT
#include "remainingtime.h"

#include <QCoreApplication>

namespace AgentBay::Core {

RemainingTime RemainingTime::earliest(const QDateTime &idle, const QDateTime &maxRuntime, Source source)
{
    RemainingTime result;
    if (!idle.isValid() && !maxRuntime.isValid()) {
        return result;
    }
    result.m_source = source;
    if (idle.isValid() && (!maxRuntime.isValid() || idle <= maxRuntime)) {
        result.m_reason = Reason::Idle;
        result.m_deadline = idle.toUTC();
    } else {
        result.m_reason = Reason::MaxRuntime;
        result.m_deadline = maxRuntime.toUTC();
    }
    return result;
}

RemainingTime RemainingTime::fromTimes(const SessionTimes &times, const QDateTime &now)
{
    Q_UNUSED(now)
    return earliest(times.idleReleaseDeadline, times.maxRuntimeDeadline, Source::Server);
}

RemainingTime RemainingTime::fromPolicy(
    const LifecyclePolicy &policy, const QDateTime &created, const QDateTime &lastActivity, const QDateTime &now)
{
    Q_UNUSED(now)
    RemainingTime result;
    if (policy.manualRelease) {
        result.m_source = Source::Never;
        return result;
    }
    if (!created.isValid()) {
        return result; // the app has no record of this session's start
    }
    const QDateTime active = lastActivity.isValid() && lastActivity > created ? lastActivity : created;
    const QDateTime idle = policy.idleReleaseTimeoutMinutes > 0
        ? active.addSecs(qint64(policy.idleReleaseTimeoutMinutes) * 60)
        : QDateTime();
    const QDateTime maxRuntime =
        policy.maxRuntimeMinutes > 0 ? created.addSecs(qint64(policy.maxRuntimeMinutes) * 60) : QDateTime();
    return earliest(idle, maxRuntime, Source::Estimate);
}

RemainingTime RemainingTime::best(const SessionTimes &times,
    const std::optional<LifecyclePolicy> &policy,
    const QDateTime &created,
    const QDateTime &lastActivity,
    const QDateTime &now)
{
    const RemainingTime fromServer = fromTimes(times, now);
    if (fromServer.isKnown()) {
        return fromServer;
    }
    if (!policy) {
        return {};
    }
    // A server creation time beats the app's own record of it.
    return fromPolicy(*policy, times.created.isValid() ? times.created : created, lastActivity, now);
}

std::optional<qint64> RemainingTime::secondsLeft(const QDateTime &now) const
{
    if (!isKnown()) {
        return std::nullopt;
    }
    return std::max<qint64>(0, now.secsTo(m_deadline));
}

bool RemainingTime::isNearEnd(const QDateTime &now, qint64 warnSeconds) const
{
    const std::optional<qint64> left = secondsLeft(now);
    return left && *left <= warnSeconds;
}

QString RemainingTime::formatSeconds(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds >= 3600) {
        return QCoreApplication::translate("RemainingTime", "%1h %2m")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    }
    if (seconds >= 60) {
        return QCoreApplication::translate("RemainingTime", "%1m %2s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return QCoreApplication::translate("RemainingTime", "%1s").arg(seconds);
}

QString RemainingTime::text(const QDateTime &now) const
{
    switch (m_source) {
    case Source::Unknown:
        return QCoreApplication::translate("RemainingTime", "unknown");
    case Source::Never:
        return QCoreApplication::translate("RemainingTime", "never");
    case Source::Server:
    case Source::Estimate:
        break;
    }
    const qint64 left = *secondsLeft(now);
    if (left == 0) {
        return QCoreApplication::translate("RemainingTime", "due");
    }
    // An estimate says so: the cloud may count activity the app never saw.
    return (m_source == Source::Estimate ? QStringLiteral("~") : QString()) + formatSeconds(left);
}

} // namespace AgentBay::Core
