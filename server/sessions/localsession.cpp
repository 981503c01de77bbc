// SPDX-License-Identifier: MIT
#include "localsession.h"

#include <server/sandbox/sessionsandbox.h>

namespace AgentBay::Server {

namespace {
constexpr qsizetype maxRecentCalls = 50;
} // namespace

LocalSession::LocalSession(const QString &id,
    const QString &imageId,
    const QMap<QString, QString> &labels,
    const QDateTime &createdAt,
    const QString &authCode,
    qint64 sequence,
    const QString &workspace,
    QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_imageId(imageId)
    , m_labels(labels)
    , m_createdAt(createdAt)
    , m_authCode(authCode)
    , m_sequence(sequence)
    , m_workspace(workspace)
{
}

LocalSession::~LocalSession() = default;

QString LocalSession::statusName(Status status)
{
    switch (status) {
    case Status::Running:
        return QStringLiteral("RUNNING");
    case Status::Pausing:
        return QStringLiteral("PAUSING");
    case Status::Paused:
        return QStringLiteral("PAUSED");
    case Status::Resuming:
        return QStringLiteral("RESUMING");
    case Status::Deleting:
        return QStringLiteral("DELETING");
    }
    return QStringLiteral("UNKNOWN");
}

bool LocalSession::start(QString *error)
{
    if (m_sandbox) {
        return true;
    }
    auto *sandbox = new SessionSandbox(m_id, m_workspace, this);
    if (const auto mode = SessionNetwork::parseMode(m_networkMode)) {
        sandbox->setNetworkMode(*mode);
    }
    if (!sandbox->start(error)) {
        delete sandbox;
        return false;
    }
    m_sandbox = sandbox;
    m_status = Status::Running;
    return true;
}

void LocalSession::terminate()
{
    if (!m_sandbox) {
        return;
    }
    m_sandbox->terminate();
    // Deferred: tool calls that are finishing may still be inside the sandbox's callbacks.
    m_sandbox->deleteLater();
    m_sandbox = nullptr;
}

void LocalSession::setStatus(Status status)
{
    if (m_status != status) {
        m_status = status;
        Q_EMIT lifecycleChanged();
    }
}

void LocalSession::setLifecycle(const SessionLifecycle &lifecycle)
{
    m_lifecycle = lifecycle;
    Q_EMIT lifecycleChanged();
}

void LocalSession::noteActivity(const QDateTime &at)
{
    m_lastActivity = at;
    Q_EMIT lifecycleChanged();
}

void LocalSession::toolCallStarted(const QDateTime &at)
{
    ++m_toolCallsRunning;
    noteActivity(at);
}

void LocalSession::toolCallFinished(const QDateTime &at)
{
    m_toolCallsRunning = qMax(0, m_toolCallsRunning - 1);
    noteActivity(at);
}

bool LocalSession::matchesLabels(const QMap<QString, QString> &filter) const
{
    for (auto it = filter.cbegin(); it != filter.cend(); ++it) {
        const auto found = m_labels.constFind(it.key());
        if (found == m_labels.cend() || found.value() != it.value()) {
            return false;
        }
    }
    return true;
}

void LocalSession::recordToolCall(const ToolCall &call)
{
    m_recentCalls.prepend(call);
    if (m_recentCalls.size() > maxRecentCalls) {
        m_recentCalls.removeLast();
    }
}

QJsonObject LocalSession::toJson() const
{
    QJsonObject labels;
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        labels.insert(it.key(), it.value());
    }
    QJsonObject json{
        {QStringLiteral("id"), m_id},
        {QStringLiteral("imageId"), m_imageId},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("createdAt"), m_createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("authCode"), m_authCode},
        {QStringLiteral("sequence"), m_sequence},
    };
    if (!m_networkMode.isEmpty()) {
        json.insert(QStringLiteral("networkMode"), m_networkMode);
    }
    if (!m_lifecycle.isManual()) {
        json.insert(QStringLiteral("lifecycle"), m_lifecycle.toJson());
    }
    return json;
}

} // namespace AgentBay::Server
