// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace AgentBay::Server {

// The lifecycle policy a session was created with (protocol-2026.md §1): an idle release
// timeout and a maximum runtime, each 0 for none. A released session is deleted. Idle time
// counts only while the session is RUNNING with no tool call in flight; tool calls,
// RefreshSessionIdleTime and a resume are activity. The maximum runtime counts from creation
// in every status.
class SessionLifecycle
{
public:
    SessionLifecycle() = default;
    SessionLifecycle(qint64 idleTimeoutSeconds, qint64 maxRuntimeSeconds);

    qint64 idleTimeoutSeconds() const { return m_idleTimeoutSeconds; }

    qint64 maxRuntimeSeconds() const { return m_maxRuntimeSeconds; }

    // No automatic release at all (no policy, or ManualRelease).
    bool isManual() const { return m_idleTimeoutSeconds <= 0 && m_maxRuntimeSeconds <= 0; }

    std::optional<QDateTime> idleDeadline(const QDateTime &lastActivity) const;
    std::optional<QDateTime> maxRuntimeDeadline(const QDateTime &createdAt) const;

    // For the session store; an empty object for a manual policy.
    QJsonObject toJson() const;
    static SessionLifecycle fromJson(const QJsonObject &json);

    friend bool operator==(const SessionLifecycle &, const SessionLifecycle &) = default;

private:
    qint64 m_idleTimeoutSeconds = 0;
    qint64 m_maxRuntimeSeconds = 0;
};

} // namespace AgentBay::Server
