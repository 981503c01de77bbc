// SPDX-License-Identifier: MIT
#include "sessionlifecycle.h"

namespace AgentBay::Server {

SessionLifecycle::SessionLifecycle(qint64 idleTimeoutSeconds, qint64 maxRuntimeSeconds)
    : m_idleTimeoutSeconds(qMax<qint64>(0, idleTimeoutSeconds))
    , m_maxRuntimeSeconds(qMax<qint64>(0, maxRuntimeSeconds))
{
}

std::optional<QDateTime> SessionLifecycle::idleDeadline(const QDateTime &lastActivity) const
{
    if (m_idleTimeoutSeconds <= 0 || !lastActivity.isValid()) {
        return std::nullopt;
    }
    return lastActivity.addSecs(m_idleTimeoutSeconds);
}

std::optional<QDateTime> SessionLifecycle::maxRuntimeDeadline(const QDateTime &createdAt) const
{
    if (m_maxRuntimeSeconds <= 0 || !createdAt.isValid()) {
        return std::nullopt;
    }
    return createdAt.addSecs(m_maxRuntimeSeconds);
}

QJsonObject SessionLifecycle::toJson() const
{
    QJsonObject json;
    if (m_idleTimeoutSeconds > 0) {
        json.insert(QStringLiteral("idleTimeoutSeconds"), m_idleTimeoutSeconds);
    }
    if (m_maxRuntimeSeconds > 0) {
        json.insert(QStringLiteral("maxRuntimeSeconds"), m_maxRuntimeSeconds);
    }
    return json;
}

SessionLifecycle SessionLifecycle::fromJson(const QJsonObject &json)
{
    return SessionLifecycle(json.value(QStringLiteral("idleTimeoutSeconds")).toInteger(),
        json.value(QStringLiteral("maxRuntimeSeconds")).toInteger());
}

} // namespace AgentBay::Server
