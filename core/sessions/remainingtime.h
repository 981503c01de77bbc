// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/session.h>

#include <QDateTime>
#include <QString>

#include <optional>

namespace AgentBay::Core {

// How long until the service releases a session on its own, and how the app knows it.
// agentbay-local reports its deadlines (SessionTimes); the cloud reports none, so the app
// falls back on the policy it set at create and when it last saw activity (its own record);
// anything else is unknown. Manual release and sessions without a policy never run out.
class RemainingTime
{
public:
    enum class Source {
        Unknown, // no deadline reported and no policy recorded
        Never, // manual release: only a delete ends it
        Server, // the server's own deadlines
        Estimate, // the policy the app set and its own record of activity
    };
    enum class Reason {
        None,
        Idle, // the idle release timeout runs out first
        MaxRuntime, // the maximum runtime runs out first
    };

    RemainingTime() = default;

    // From the server's deadlines; unknown when it sent none.
    static RemainingTime fromTimes(const SessionTimes &times, const QDateTime &now);
    // From the policy the app set, when the session was created and last active (both as the
    // app recorded them; lastActivity invalid = created).
    static RemainingTime fromPolicy(
        const LifecyclePolicy &policy, const QDateTime &created, const QDateTime &lastActivity, const QDateTime &now);
    // The server's deadlines when there are any, else the policy when the app has one.
    static RemainingTime best(const SessionTimes &times,
        const std::optional<LifecyclePolicy> &policy,
        const QDateTime &created,
        const QDateTime &lastActivity,
        const QDateTime &now);

    Source source() const { return m_source; }

    Reason reason() const { return m_reason; }

    bool isKnown() const { return m_source == Source::Server || m_source == Source::Estimate; }

    QDateTime deadline() const { return m_deadline; } // invalid unless known

    // Seconds left at `now` (0 once due); nullopt unless known.
    std::optional<qint64> secondsLeft(const QDateTime &now) const;
    // Known and at most warnSeconds left.
    bool isNearEnd(const QDateTime &now, qint64 warnSeconds) const;

    // "4m 05s", "1h 20m", "due" ; "~" before estimates; "never", "unknown".
    QString text(const QDateTime &now) const;
    static QString formatSeconds(qint64 seconds);

    bool operator==(const RemainingTime &) const = default;

private:
    static RemainingTime earliest(const QDateTime &idle, const QDateTime &maxRuntime, Source source);

    Source m_source = Source::Unknown;
    Reason m_reason = Reason::None;
    QDateTime m_deadline;
};

} // namespace AgentBay::Core
