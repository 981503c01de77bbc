// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace AgentBay::Core {

using Labels = QMap<QString, QString>;

enum class SessionStatus {
    Unknown,
    Running,
    Pausing,
    Paused,
    Resuming,
    Deleting,
    Deleted,
    Finish,
    Error,
    Failed,
};

SessionStatus sessionStatusFromString(const QString &text);
QString sessionStatusToString(SessionStatus status); // wire text, e.g. "RUNNING"
bool isTransitional(SessionStatus status); // PAUSING, RESUMING, DELETING
bool isGone(SessionStatus status); // DELETED, FINISH
// What a user may do to a session in this status (the service refuses the rest).
bool canPause(SessionStatus status);
bool canResume(SessionStatus status);
bool canDelete(SessionStatus status); // paused too: it is resumed first (the service refuses it paused)
bool canOpen(SessionStatus status); // its desktop

// One entry of the session's ToolList (CreateMcpSession / GetSession).
struct SessionTool
{
    QString name;
    QString server;
    QString description;
    QString tool;
    QJsonObject inputSchema;
    bool operator==(const SessionTool &) const = default;
};

// Times agentbay-local adds to a session's Data (the service sends none, protocol-2026.md
// 10). Each one stays invalid when the server does not send it.
struct SessionTimes
{
    QDateTime created;
    QDateTime idleReleaseDeadline; // released then unless there is activity (or a keep-alive) first
    QDateTime maxRuntimeDeadline; // released then whatever happens
    bool operator==(const SessionTimes &) const = default;
};

// CreateMcpSession and GetSession data.
struct SessionData
{
    QString sessionId;
    SessionStatus status = SessionStatus::Unknown; // GetSession only
    QString resourceUrl;
    QString appInstanceId;
    QString resourceId;
    QList<SessionTool> toolList;
    QString linkUrl;
    QString token; // direct-call and terminal-channel token; never logged
    QString wsUrl; // the WebSocket channel (terminals), protocol-2026.md 4.1
    QString httpPort;
    QString networkInterfaceIp;
    bool vpcResource = false;
    QList<QPair<QString, QString>> contexts; // id, name
    SessionTimes times; // optional extras
    bool operator==(const SessionData &) const = default;
};

// When the service releases a session on its own (protocol-2026.md 1): after idle minutes
// without activity, or maxRuntime minutes after creation; manualRelease = only a delete ends it.
struct LifecyclePolicy
{
    int idleReleaseTimeoutMinutes = 5; // > 0; ignored with manualRelease
    int maxRuntimeMinutes = 30; // > 0; ignored with manualRelease
    bool manualRelease = false;
};

struct CreateSessionParams
{
    QString imageId; // empty = server default (linux_latest)
    Labels labels;
    QString regionId; // empty = Config::regionId
    QString policyId;
    std::optional<LifecyclePolicy> lifecycle; // none = the service's defaults
};

struct ListSessionParams
{
    Labels labels;
    int page = 1; // >= 1; page N walks N-1 tokens
    int limit = 10; // MaxResults
    QString status; // empty or one of RUNNING, PAUSING, PAUSED, RESUMING, DELETING, DELETED
    QString imageId; // empty = any image
};

struct SessionSummary
{
    QString sessionId;
    SessionStatus status = SessionStatus::Unknown;
    QString appInstanceId; // newer services only
    QString imageId; // newer services only
    SessionTimes times; // optional extras
    bool operator==(const SessionSummary &) const = default;
};

struct SessionListPage
{
    QList<SessionSummary> sessions;
    QString nextToken;
    int maxResults = 0;
    int totalCount = 0;
    bool operator==(const SessionListPage &) const = default;
};

// GetSessionDetail data (status plus the account-side fields).
struct SessionDetail
{
    SessionStatus status = SessionStatus::Unknown;
    QString imageId;
    QString imageType;
    QString regionId;
    QString appInstanceId;
    QString policyId;
    QString endReason;
    qint64 id = 0;
    bool isDeleted = false;
    SessionTimes times; // optional extras
    QJsonObject raw; // every field as received
    bool operator==(const SessionDetail &) const = default;
};

struct LinkParams
{
    QString protocolType; // empty, "https" or "wss"
    std::optional<int> port; // must be in 30100..30199
    QString options;
    static constexpr int MinPort = 30100;
    static constexpr int MaxPort = 30199;
};

// Waiting forms of pause/resume/delete (seconds as in the SDK, but kept in ms here).
struct WaitOptions
{
    int timeoutMs = 600000;
    int pollIntervalMs = 2000;
};

} // namespace AgentBay::Core
