// SPDX-License-Identifier: MIT
#include "sessionactions.h"

#include <server/api/actioncontext.h>
#include <server/api/labelactions.h>
#include <server/api/lifecyclefields.h>
#include <server/api/pagetoken.h>
#include <server/api/replytext.h>
#include <server/api/requestparameters.h>
#include <server/sandbox/sessionsandbox.h>
#include <server/sessions/localsession.h>
#include <server/sessions/sessionstore.h>
#include <server/terminal/terminalaccess.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

namespace AgentBay::Server {

namespace {

Q_LOGGING_CATEGORY(lcSessions, "agentbay.server.sessions")

constexpr int defaultPageSize = 10;
constexpr int maxPageSize = 100;

QString suffixOf(const QString &sessionId)
{
    return sessionId.mid(sessionId.indexOf(QLatin1Char('-')) + 1);
}

QString appInstanceId(const LocalSession *session)
{
    return QStringLiteral("ai-") + suffixOf(session->id());
}

QString resourceId(const LocalSession *session)
{
    return QStringLiteral("p-") + suffixOf(session->id());
}

// Pause and resume: the transitional status shows before the reply, the sandbox does the
// work on the next turn of the event loop, and a failure returns the session where it was.
void beginTransition(LocalSession *session,
    LocalSession::Status through,
    LocalSession::Status to,
    bool (SessionSandbox::*step)(QString *),
    const char *failure)
{
    const LocalSession::Status from = session->status();
    session->setStatus(through);
    QTimer::singleShot(0, session, [session, from, through, to, step, failure] {
        if (session->status() != through) {
            return;
        }
        QString error;
        if (session->sandbox() && !(session->sandbox()->*step)(&error)) {
            qCWarning(lcSessions).noquote() << failure << session->id() << error;
            session->setStatus(from);
            return;
        }
        session->setStatus(to);
    });
}

} // namespace

SessionActions::SessionActions(ActionContext *context)
    : m_context(context)
{
}

ApiReply SessionActions::create(const RequestParameters &params, const QString &baseUrl)
{
    ApiReply refusal;
    const auto image = ActionContext::imageFor(params, &refusal);
    if (!image) {
        return refusal;
    }
    const QString imageId = *image;
    QString problem;
    const auto labels = LabelActions::parse(params.value(QStringLiteral("Labels")), &problem);
    if (!labels) {
        return ApiReply::badRequest(QStringLiteral("InvalidParameter.Labels"), problem);
    }
    const auto lifecycle = LifecycleFields::parse(params, &refusal);
    if (!lifecycle) {
        return refusal;
    }
    if (m_context->store()->count() >= m_maxSessions) {
        return ApiReply::badRequest(QStringLiteral("ResourceLimit.Sessions"),
            tr("This server runs at most %1 sessions at once; delete one first (agentbay-local --max-sessions)")
                .arg(m_maxSessions));
    }
    // NetworkMode (this server's own parameter): "user" (outbound through user-mode networking)
    // or "none" (the session's own loopback only); absent = the server's --network.
    const QString networkMode = params.value(QStringLiteral("NetworkMode")).trimmed().toLower();
    if (!networkMode.isEmpty() && !SessionNetwork::parseMode(networkMode)) {
        return ApiReply::badRequest(
            QStringLiteral("InvalidParameter.NetworkMode"), tr("NetworkMode must be \"none\" or \"user\""));
    }
    QString error;
    LocalSession *session = m_context->store()->create(imageId, *labels, &error, networkMode);
    if (!session) {
        qCWarning(lcSessions).noquote() << "cannot create a session:" << error;
        return ApiReply::success(QJsonObject{
            {QStringLiteral("Success"), false},
            {QStringLiteral("ErrMsg"), tr("The session could not start: %1").arg(error)},
        });
    }
    if (!lifecycle->isManual()) {
        session->setLifecycle(*lifecycle);
        m_context->store()->save();
    }
    QJsonObject data{
        {QStringLiteral("SessionId"), session->id()},
        {QStringLiteral("ResourceUrl"), ActionContext::resourceUrl(baseUrl, session)},
        {QStringLiteral("Success"), true},
        {QStringLiteral("ErrMsg"), QString()},
        {QStringLiteral("AppInstanceId"), appInstanceId(session)},
        {QStringLiteral("ResourceId"), resourceId(session)},
        {QStringLiteral("ToolList"), m_context->toolListJson(imageId)},
        // The terminal channel (protocol-2026.md 4.1; docs/TERMINAL.md). LinkUrl stays empty,
        // so tool calls still go through CallMcpTool.
        {QStringLiteral("WsUrl"), TerminalAccess::wsUrl(baseUrl, session->id())},
        {QStringLiteral("Token"), TerminalAccess::token(session->id())},
        {QStringLiteral("HttpPort"), QString()},
        {QStringLiteral("NetworkInterfaceIp"), QString()},
        {QStringLiteral("VpcResource"), false},
    };
    LifecycleFields::addTo(&data, session);
    return ApiReply::success(data);
}

ApiReply SessionActions::get(const RequestParameters &params, const QString &baseUrl)
{
    ApiReply refusal;
    const LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    QJsonObject data{
        {QStringLiteral("SessionId"), session->id()},
        {QStringLiteral("Status"), session->statusName()},
        {QStringLiteral("ResourceUrl"), ActionContext::resourceUrl(baseUrl, session)},
        {QStringLiteral("AppInstanceId"), appInstanceId(session)},
        {QStringLiteral("ResourceId"), resourceId(session)},
        {QStringLiteral("ToolList"), m_context->toolListJson(session->imageId())},
        // No LinkUrl: with it (and Token) the SDKs would call <LinkUrl>/callTool, which this
        // server does not serve (protocol.md 5 and 7.8). WsUrl + Token open the terminal
        // channel (protocol-2026.md 4.1; docs/TERMINAL.md).
        {QStringLiteral("WsUrl"), TerminalAccess::wsUrl(baseUrl, session->id())},
        {QStringLiteral("Token"), TerminalAccess::token(session->id())},
        {QStringLiteral("HttpPort"), QString()},
        {QStringLiteral("NetworkInterfaceIp"), QString()},
        {QStringLiteral("VpcResource"), false},
        {QStringLiteral("Success"), true},
        {QStringLiteral("contexts"), QJsonArray()},
    };
    LifecycleFields::addTo(&data, session);
    return ApiReply::success(data);
}

ApiReply SessionActions::getDetail(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    QJsonObject data{
        {QStringLiteral("Aliuid"), QString()},
        {QStringLiteral("ApikeyId"), QString()},
        {QStringLiteral("AppInstanceGroupId"), QString()},
        {QStringLiteral("AppInstanceId"), appInstanceId(session)},
        {QStringLiteral("AppUserId"), QString()},
        {QStringLiteral("BizType"), 1},
        {QStringLiteral("EndReason"), QString()},
        {QStringLiteral("Id"), session->sequence()},
        {QStringLiteral("ImageId"), session->imageId()},
        {QStringLiteral("ImageType"), QStringLiteral("System")},
        {QStringLiteral("IsDeleted"), 0},
        {QStringLiteral("PolicyId"), QString()},
        {QStringLiteral("RegionId"), QStringLiteral("local")},
        {QStringLiteral("ResourceConfigId"), QString()},
        {QStringLiteral("Status"), session->statusName()},
    };
    LifecycleFields::addTo(&data, session);
    return ApiReply::success(data);
}

ApiReply SessionActions::list(const RequestParameters &params)
{
    QString problem;
    const auto filter = LabelActions::parse(params.value(QStringLiteral("Labels")), &problem);
    if (!filter) {
        return ApiReply::badRequest(QStringLiteral("InvalidParameter.Labels"), problem);
    }
    const QString status = params.value(QStringLiteral("Status")).trimmed().toUpper();
    static const QStringList knownStatuses{QStringLiteral("RUNNING"),
        QStringLiteral("PAUSING"),
        QStringLiteral("PAUSED"),
        QStringLiteral("RESUMING"),
        QStringLiteral("DELETING"),
        QStringLiteral("DELETED"),
        QStringLiteral("UNKNOWN")};
    if (!status.isEmpty() && !knownStatuses.contains(status)) {
        return ApiReply::badRequest(QStringLiteral("InvalidParameter.Status"),
            tr("Status must be one of %1").arg(knownStatuses.join(QStringLiteral(", "))));
    }
    // Sessions of one image only; an image this server does not offer matches none.
    const QString imageId = params.value(QStringLiteral("ImageId")).trimmed();
    int pageSize = defaultPageSize;
    const QString maxText = params.value(QStringLiteral("MaxResults")).trimmed();
    if (!maxText.isEmpty()) {
        bool ok = false;
        pageSize = maxText.toInt(&ok);
        if (!ok || pageSize < 1) {
            return ApiReply::badRequest(QStringLiteral("InvalidParameter.MaxResults"),
                tr("MaxResults must be a whole number from 1 to %1").arg(maxPageSize));
        }
        pageSize = qMin(pageSize, maxPageSize);
    }
    qint64 after = 0;
    const QString tokenText = params.value(QStringLiteral("NextToken")).trimmed();
    if (!tokenText.isEmpty()) {
        const auto decoded = PageToken::decode(tokenText);
        if (!decoded) {
            return ApiReply::badRequest(
                QStringLiteral("InvalidParameter.NextToken"), tr("NextToken is not a token this server gave out"));
        }
        after = *decoded;
    }

    QJsonArray page;
    int total = 0;
    qint64 lastSequence = 0;
    bool more = false;
    for (const LocalSession *session : m_context->store()->sessions()) {
        if (!status.isEmpty() && session->statusName() != status) {
            continue;
        }
        if (!session->matchesLabels(*filter)) {
            continue;
        }
        if (!imageId.isEmpty() && session->imageId() != imageId) {
            continue;
        }
        ++total;
        if (session->sequence() <= after) {
            continue;
        }
        if (page.size() < pageSize) {
            QJsonObject item{
                {QStringLiteral("SessionId"), session->id()},
                {QStringLiteral("SessionStatus"), session->statusName()},
                {QStringLiteral("AppInstanceId"), appInstanceId(session)},
                {QStringLiteral("ImageId"), session->imageId()},
            };
            LifecycleFields::addTo(&item, session);
            page.append(item);
            lastSequence = session->sequence();
        } else {
            more = true;
        }
    }
    ApiReply reply = ApiReply::success(page);
    reply.withTopLevel(QStringLiteral("NextToken"), more ? PageToken::encode(lastSequence) : QString())
        .withTopLevel(QStringLiteral("MaxResults"), pageSize)
        .withTopLevel(QStringLiteral("TotalCount"), total);
    return reply;
}

ApiReply SessionActions::getMcpResource(const RequestParameters &params, const QString &baseUrl)
{
    ApiReply refusal;
    const LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    const SessionSandbox *sandbox = session->sandbox();
    // The walls of the session (isolation, uid, network, limits) first; then what every
    // session shows.
    QJsonObject connection = sandbox ? sandbox->describe() : QJsonObject{};
    connection.insert(QStringLiteral("isolation"), sandbox ? sandbox->isolationName() : QStringLiteral("none"));
    connection.insert(QStringLiteral("pauseMethod"), sandbox ? sandbox->pauseMethod() : QString());
    connection.insert(QStringLiteral("workspace"), sandbox ? sandbox->workspaceInside() : session->workspace());
    connection.insert(QStringLiteral("hostWorkspace"), session->workspace());
    connection.insert(QStringLiteral("processesSurviveRestart"), false);
    connection.insert(QStringLiteral("note"),
        tr("Processes do not survive a server restart; the workspace, labels and the session itself do."));
    return ApiReply::success(QJsonObject{
        {QStringLiteral("SessionId"), session->id()},
        {QStringLiteral("ResourceUrl"), ActionContext::resourceUrl(baseUrl, session)},
        {QStringLiteral("DesktopInfo"),
            QJsonObject{
                {QStringLiteral("AppId"), QStringLiteral("agentbay-local")},
                {QStringLiteral("AuthCode"), session->authCode()},
                {QStringLiteral("ConnectionProperties"), ReplyText::compact(connection)},
                {QStringLiteral("ResourceId"), resourceId(session)},
                {QStringLiteral("ResourceType"), QStringLiteral("AIAgent")},
                {QStringLiteral("Ticket"), QString()},
            }},
    });
}

ApiReply SessionActions::remove(const RequestParameters &params)
{
    ApiReply refusal;
    LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    switch (session->status()) {
    case LocalSession::Status::Deleting:
        return ApiReply::success(QJsonValue::Undefined, tr("Session deletion already in progress"));
    case LocalSession::Status::Running:
        break;
    default:
        return ApiReply::wrongStatus(session->statusName(), tr("resume it before deleting it"));
    }
    // DELETING is visible (and persisted as gone) before the answer; the teardown follows.
    m_context->store()->release(session);
    return ApiReply::success(QJsonValue::Undefined, tr("Session deletion initiated successfully"));
}

ApiReply SessionActions::pause(const RequestParameters &params)
{
    ApiReply refusal;
    LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    switch (session->status()) {
    case LocalSession::Status::Pausing:
    case LocalSession::Status::Paused:
        return ApiReply::success(QJsonValue::Undefined, tr("Session is already paused"));
    case LocalSession::Status::Running:
        break;
    default:
        return ApiReply::wrongStatus(session->statusName(), tr("it cannot be paused now"));
    }
    beginTransition(
        session, LocalSession::Status::Pausing, LocalSession::Status::Paused, &SessionSandbox::pause, "cannot pause");
    return ApiReply::success(QJsonValue::Undefined, tr("Session pause initiated successfully"));
}

ApiReply SessionActions::resume(const RequestParameters &params)
{
    ApiReply refusal;
    LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    switch (session->status()) {
    case LocalSession::Status::Resuming:
    case LocalSession::Status::Running:
        return ApiReply::success(QJsonValue::Undefined, tr("Session is already running"));
    case LocalSession::Status::Paused:
        break;
    default:
        return ApiReply::wrongStatus(session->statusName(), tr("it cannot be resumed now"));
    }
    // A resume is activity: the idle release clock starts again.
    session->noteActivity(m_context->store()->now());
    beginTransition(session,
        LocalSession::Status::Resuming,
        LocalSession::Status::Running,
        &SessionSandbox::resume,
        "cannot resume");
    return ApiReply::success(QJsonValue::Undefined, tr("Session resume initiated successfully"));
}

ApiReply SessionActions::refreshIdleTime(const RequestParameters &params)
{
    ApiReply refusal;
    LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    if (session->status() == LocalSession::Status::Deleting) {
        return ApiReply::wrongStatus(session->statusName(), tr("it is being deleted"));
    }
    session->noteActivity(m_context->store()->now());
    return ApiReply::success();
}

} // namespace AgentBay::Server
