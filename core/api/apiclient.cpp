// SPDX-License-Identifier: MIT
#include "apiclient.h"

#include <core/api/operation.h>
#include <core/api/responseparser.h>
#include <core/api/waitingoperations.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcApiClient) // requestsender.cpp

namespace AgentBay::Core {

namespace {

const QString DefaultImage = QStringLiteral("linux_latest");
const int MaxListPages = 10000; // listAll's bound on a walk that never ends

ApiError invalidArgument(const QString &message)
{
    return ApiError::invalidArgument(message);
}

Result<Empty> emptyResult(const QJsonObject &envelope)
{
    return Result<Empty>(Empty(), envelope.value(u"RequestId").toString());
}

ApiError emptySessionId()
{
    return invalidArgument(ApiClient::tr("The session id must not be empty."));
}

bool isEmptySessionId(const QString &sessionId)
{
    return sessionId.trimmed().isEmpty();
}

bool isValidStatusFilter(const QString &status)
{
    static const QStringList allowed{QStringLiteral("RUNNING"),
        QStringLiteral("PAUSING"),
        QStringLiteral("PAUSED"),
        QStringLiteral("RESUMING"),
        QStringLiteral("DELETING"),
        QStringLiteral("DELETED")};
    return status.isEmpty() || allowed.contains(status);
}

} // namespace

ApiClient::ApiClient(const Config &config, QObject *parent)
    : QObject(parent)
    , m_sender(new RequestSender(config, this))
    , m_waits(std::make_unique<WaitingOperations>(this, m_sender))
{
    connect(m_sender, &RequestSender::requestStarted, this, &ApiClient::requestStarted);
    connect(m_sender, &RequestSender::requestFinished, this, &ApiClient::requestFinished);
    connect(m_sender, &RequestSender::inFlightCountChanged, this, &ApiClient::inFlightCountChanged);
}

ApiClient::~ApiClient()
{
    // The children die after this body, the sender and its NAM first. Silence every operation before that, so
    // that nothing (a retry timer, a status waiter cancelling its poll) reports on the way out.
    const auto operations = findChildren<Operation *>(Qt::FindDirectChildrenOnly);
    for (Operation *operation : operations) {
        operation->abandon();
    }
}

void ApiClient::setConfig(const Config &config)
{
    m_sender->setConfig(config);
}

Operation *ApiClient::startOperation()
{
    return new Operation(this);
}

template <typename T>
OperationHandle ApiClient::simpleRequest(
    const Request &request, QObject *context, Callback<T> done, Result<T> (*parse)(const QJsonObject &))
{
    Operation *operation = startOperation();
    auto deliver = guarded<T>(operation, context, std::move(done));
    send(operation, request, [deliver, parse](const Result<QJsonObject> &envelope) {
        deliver(envelope.ok() ? parse(envelope.value()) : Result<T>(envelope.error()));
    });
    return OperationHandle(operation);
}

template <typename T>
OperationHandle ApiClient::sessionRequest(const QString &action,
    const QString &sessionId,
    QObject *context,
    Callback<T> done,
    Result<T> (*parse)(const QJsonObject &),
    const Fields &extraBody)
{
    if (isEmptySessionId(sessionId)) {
        return refuse<T>(emptySessionId(), context, std::move(done));
    }
    const Fields body = Fields{{QStringLiteral("SessionId"), sessionId}} + extraBody;
    return simpleRequest<T>({action, sessionId, body}, context, std::move(done), parse);
}

template <typename T>
OperationHandle ApiClient::refuse(ApiError error, QObject *context, Callback<T> done)
{
    return refused<T>(this, error, context, std::move(done));
}

OperationHandle ApiClient::sessionAction(
    const QString &action, const QString &sessionId, QObject *context, Callback<Empty> done)
{
    return sessionRequest<Empty>(action, sessionId, context, std::move(done), &emptyResult);
}

OperationHandle ApiClient::pauseOrResume(bool pausing,
    const QString &sessionId,
    const WaitOptions &wait,
    QObject *context,
    Callback<SessionStatus> done,
    StatusCallback onStatus)
{
    if (isEmptySessionId(sessionId)) {
        return refuse<SessionStatus>(emptySessionId(), context, std::move(done));
    }
    return m_waits->pauseOrResume(pausing, sessionId, wait, context, std::move(done), std::move(onStatus));
}

OperationHandle ApiClient::create(const CreateSessionParams &params, QObject *context, Callback<SessionData> done)
{
    Fields body;
    if (!params.imageId.isEmpty()) {
        body.append({QStringLiteral("ImageId"), params.imageId});
    }
    if (!params.labels.isEmpty()) {
        body.append({QStringLiteral("Labels"), ResponseParser::labelsToJson(params.labels)});
    }
    const QString region = params.regionId.isEmpty() ? config().regionId : params.regionId;
    if (!region.isEmpty()) {
        body.append({QStringLiteral("LoginRegionId"), region});
    }
    if (!params.policyId.isEmpty()) {
        body.append({QStringLiteral("McpPolicyId"), params.policyId});
    }
    if (params.lifecycle) {
        // The 0.20 LifecyclePolicy wire (protocol-2026.md 1.1), as the Python and Go SDKs send
        // it: minutes, and MaxRuntime beside Timeout so that Timeout is read as minutes (1.3).
        const LifecyclePolicy &policy = *params.lifecycle;
        if (policy.manualRelease) {
            body.append({QStringLiteral("ManualRelease"), QStringLiteral("true")});
        } else if (policy.idleReleaseTimeoutMinutes <= 0 || policy.maxRuntimeMinutes <= 0) {
            return refuse<SessionData>(
                invalidArgument(tr("The idle release timeout and the maximum runtime must be 1 minute or more.")),
                context,
                std::move(done));
        } else {
            body.append({QStringLiteral("Timeout"), QString::number(policy.idleReleaseTimeoutMinutes)});
            body.append({QStringLiteral("MaxRuntime"), QString::number(policy.maxRuntimeMinutes)});
        }
    }
    // Informational; says who we are rather than posing as one of the SDKs.
    body.append({QStringLiteral("SdkStats"),
        QStringLiteral(
            R"({"source":"desktop","sdk_language":"cpp","sdk_version":"%1","is_release":true,"framework":""})")
            .arg(QCoreApplication::applicationVersion())});
    return simpleRequest<SessionData>(
        {QStringLiteral("CreateMcpSession"), {}, body}, context, std::move(done), &ResponseParser::createdSession);
}

void ApiClient::sendListPage(Operation *operation,
    const ListSessionParams &filter,
    int limit,
    const QString &token,
    std::function<void(const Result<SessionListPage> &)> done)
{
    // Labels and MaxResults always (protocol.md 4.4); NextToken from the second page on. Skip
    // requests repeat Status as the Python and TS SDKs do (Go drops it there). ImageId is in
    // the newest request models (protocol-2026.md 5); a service that does not know it ignores it.
    Fields body{{QStringLiteral("Labels"), ResponseParser::labelsToJson(filter.labels)},
        {QStringLiteral("MaxResults"), QString::number(limit)}};
    if (!token.isEmpty()) {
        body.append({QStringLiteral("NextToken"), token});
    }
    if (!filter.status.isEmpty()) {
        body.append({QStringLiteral("Status"), filter.status});
    }
    if (!filter.imageId.isEmpty()) {
        body.append({QStringLiteral("ImageId"), filter.imageId});
    }
    send(operation, {QStringLiteral("ListSession"), {}, body}, [limit, done](const Result<QJsonObject> &envelope) {
        if (!envelope.ok()) {
            done(envelope.error());
            return;
        }
        Result<SessionListPage> page = ResponseParser::sessionList(envelope.value());
        if (page.ok() && page.value().maxResults <= 0) { // as the SDK: fall back to the page size asked for
            SessionListPage withSize = page.value();
            withSize.maxResults = limit;
            page = Result<SessionListPage>(withSize, page.requestId());
        }
        done(page);
    });
}

OperationHandle ApiClient::list(const ListSessionParams &params, QObject *context, Callback<SessionListPage> done)
{
    if (params.page < 1) {
        return refuse<SessionListPage>(
            invalidArgument(tr("The page number must be 1 or more.")), context, std::move(done));
    }
    if (params.limit < 1) {
        return refuse<SessionListPage>(
            invalidArgument(tr("The page size must be 1 or more.")), context, std::move(done));
    }
    if (!isValidStatusFilter(params.status)) {
        return refuse<SessionListPage>(
            invalidArgument(tr("Unknown status filter \"%1\".").arg(params.status)), context, std::move(done));
    }
    Operation *operation = startOperation();
    auto deliver = guarded<SessionListPage>(operation, context, std::move(done));

    // Page N: N-1 skip requests, each giving the token of the next page.
    auto step = std::make_shared<std::function<void(int, QString)>>();
    *step = [this, operation, deliver, params, weakStep = std::weak_ptr(step)](int page, const QString &token) {
        sendListPage(operation, params, params.limit, token, [=](const Result<SessionListPage> &result) {
            if (!result.ok() || page == params.page) {
                deliver(result);
                return;
            }
            if (result.value().nextToken.isEmpty()) {
                ApiError error =
                    invalidArgument(tr("Cannot reach page %1: no more pages available (%2 sessions in all).")
                                        .arg(params.page)
                                        .arg(result.value().totalCount));
                error.requestId = result.requestId();
                deliver(error);
                return;
            }
            if (auto next = weakStep.lock()) {
                (*next)(page + 1, result.value().nextToken);
            }
        });
    };
    // The operation keeps the walk alive until it finishes.
    connect(operation, &QObject::destroyed, this, [step] {
        Q_UNUSED(step)
    });
    (*step)(1, {});
    return OperationHandle(operation);
}

OperationHandle ApiClient::listAll(
    const Labels &labels, const QString &status, int pageSize, QObject *context, Callback<QList<SessionSummary>> done)
{
    ListSessionParams params;
    params.labels = labels;
    params.status = status;
    params.limit = pageSize;
    return listAll(params, context, std::move(done));
}

OperationHandle ApiClient::listAll(
    const ListSessionParams &params, QObject *context, Callback<QList<SessionSummary>> done)
{
    if (!isValidStatusFilter(params.status)) {
        return refuse<QList<SessionSummary>>(
            invalidArgument(tr("Unknown status filter \"%1\".").arg(params.status)), context, std::move(done));
    }
    Operation *operation = startOperation();
    auto deliver = guarded<QList<SessionSummary>>(operation, context, std::move(done));

    struct Walk
    {
        QList<SessionSummary> sessions;
        QSet<QString> tokensSeen;
        int pages = 0;
        std::function<void(const QString &)> step;
    };

    auto walk = std::make_shared<Walk>();
    const int limit = qBound(1, params.limit, 100);
    walk->step = [this, operation, deliver, params, limit, weakWalk = std::weak_ptr(walk)](const QString &token) {
        sendListPage(operation, params, limit, token, [=](const Result<SessionListPage> &page) {
            auto state = weakWalk.lock();
            if (!state) {
                return;
            }
            if (!page.ok()) {
                deliver(page.error());
                return;
            }
            state->sessions += page.value().sessions;
            ++state->pages;
            const QString next = page.value().nextToken;
            // An empty page with a token is not the end (the service may filter a page away);
            // a token seen before would loop forever, and a bound stops a server that never ends.
            if (next.isEmpty() || state->tokensSeen.contains(next) || state->pages >= MaxListPages) {
                if (!next.isEmpty()) {
                    qCWarning(lcApiClient) << "ListSession walk stopped after" << state->pages
                                           << "pages: repeated token or page bound reached";
                }
                deliver(Result<QList<SessionSummary>>(state->sessions, page.requestId()));
                return;
            }
            state->tokensSeen.insert(next);
            state->step(next);
        });
    };
    connect(operation, &QObject::destroyed, this, [walk] {
        Q_UNUSED(walk)
    });
    walk->step({});
    return OperationHandle(operation);
}

OperationHandle ApiClient::getSession(const QString &sessionId, QObject *context, Callback<SessionData> done)
{
    return sessionRequest<SessionData>(
        QStringLiteral("GetSession"), sessionId, context, std::move(done), &ResponseParser::session);
}

OperationHandle ApiClient::get(const QString &sessionId, QObject *context, Callback<SessionData> done)
{
    if (isEmptySessionId(sessionId)) {
        return refuse<SessionData>(emptySessionId(), context, std::move(done));
    }
    return getSession(sessionId, context, [sessionId, done = std::move(done)](const Result<SessionData> &result) {
        if (!result.ok() && result.error().isNotFound()) {
            ApiError error = result.error();
            error.message = tr("Session %1 not found.").arg(sessionId);
            done(error);
            return;
        }
        done(result);
    });
}

OperationHandle ApiClient::getSessionDetail(const QString &sessionId, QObject *context, Callback<SessionDetail> done)
{
    if (isEmptySessionId(sessionId)) {
        return refuse<SessionDetail>(emptySessionId(), context, std::move(done));
    }
    // The one action whose SessionId travels in the query string (all SDKs; protocol.md 4.3).
    Request request{QStringLiteral("GetSessionDetail"), sessionId};
    request.query = {{QStringLiteral("SessionId"), sessionId}};
    return simpleRequest<SessionDetail>(request, context, std::move(done), &ResponseParser::sessionDetail);
}

OperationHandle ApiClient::pauseAsync(const QString &sessionId, QObject *context, Callback<Empty> done)
{
    return sessionAction(QStringLiteral("PauseSessionAsync"), sessionId, context, std::move(done));
}

OperationHandle ApiClient::resumeAsync(const QString &sessionId, QObject *context, Callback<Empty> done)
{
    return sessionAction(QStringLiteral("ResumeSessionAsync"), sessionId, context, std::move(done));
}

OperationHandle ApiClient::pause(const QString &sessionId,
    const WaitOptions &wait,
    QObject *context,
    Callback<SessionStatus> done,
    StatusCallback onStatus)
{
    return pauseOrResume(true, sessionId, wait, context, std::move(done), std::move(onStatus));
}

OperationHandle ApiClient::resume(const QString &sessionId,
    const WaitOptions &wait,
    QObject *context,
    Callback<SessionStatus> done,
    StatusCallback onStatus)
{
    return pauseOrResume(false, sessionId, wait, context, std::move(done), std::move(onStatus));
}

OperationHandle ApiClient::keepAlive(const QString &sessionId, QObject *context, Callback<Empty> done)
{
    return sessionAction(QStringLiteral("RefreshSessionIdleTime"), sessionId, context, std::move(done));
}

OperationHandle ApiClient::deleteAsync(const QString &sessionId, QObject *context, Callback<Empty> done)
{
    return sessionAction(QStringLiteral("DeleteSessionAsync"), sessionId, context, std::move(done));
}

OperationHandle ApiClient::deleteSession(const QString &sessionId,
    bool syncContext,
    const WaitOptions &wait,
    QObject *context,
    Callback<Empty> done,
    StatusCallback onStatus)
{
    if (isEmptySessionId(sessionId)) {
        return refuse<Empty>(emptySessionId(), context, std::move(done));
    }
    return m_waits->deleteSession(sessionId, syncContext, wait, context, std::move(done), std::move(onStatus));
}

OperationHandle ApiClient::setLabels(
    const QString &sessionId, const Labels &labels, QObject *context, Callback<Empty> done)
{
    if (labels.isEmpty()) {
        return refuse<Empty>(invalidArgument(tr("Give at least one label.")), context, std::move(done));
    }
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key().trimmed().isEmpty() || it.value().trimmed().isEmpty()) {
            return refuse<Empty>(
                invalidArgument(tr("Label keys and values must not be empty.")), context, std::move(done));
        }
    }
    return sessionRequest<Empty>(QStringLiteral("SetLabel"),
        sessionId,
        context,
        std::move(done),
        &emptyResult,
        {{QStringLiteral("Labels"), ResponseParser::labelsToJson(labels)}});
}

OperationHandle ApiClient::getLabels(const QString &sessionId, QObject *context, Callback<Labels> done)
{
    return sessionRequest<Labels>(
        QStringLiteral("GetLabel"), sessionId, context, std::move(done), &ResponseParser::labels);
}

OperationHandle ApiClient::info(const QString &sessionId, QObject *context, Callback<SessionInfo> done)
{
    return sessionRequest<SessionInfo>(
        QStringLiteral("GetMcpResource"), sessionId, context, std::move(done), &ResponseParser::info);
}

OperationHandle ApiClient::getLink(
    const QString &sessionId, const LinkParams &params, QObject *context, Callback<QString> done)
{
    if (params.port && (*params.port < LinkParams::MinPort || *params.port > LinkParams::MaxPort)) {
        return refuse<QString>(invalidArgument(tr("Port %1 is outside the allowed range %2 to %3.")
                                                   .arg(*params.port)
                                                   .arg(LinkParams::MinPort)
                                                   .arg(LinkParams::MaxPort)),
            context,
            std::move(done));
    }
    Fields body;
    if (!params.protocolType.isEmpty()) {
        body.append({QStringLiteral("ProtocolType"), params.protocolType});
    }
    if (params.port) {
        body.append({QStringLiteral("Port"), QString::number(*params.port)});
    }
    if (!params.options.isEmpty()) {
        body.append({QStringLiteral("Option"), params.options});
    }
    return sessionRequest<QString>(
        QStringLiteral("GetLink"), sessionId, context, std::move(done), &ResponseParser::link, body);
}

OperationHandle ApiClient::listMcpTools(const QString &imageId, QObject *context, Callback<QList<McpTool>> done)
{
    return simpleRequest<QList<McpTool>>(
        {QStringLiteral("ListMcpTools"), {}, {{QStringLiteral("ImageId"), imageId.isEmpty() ? DefaultImage : imageId}}},
        context,
        std::move(done),
        &ResponseParser::tools);
}

OperationHandle ApiClient::callMcpTool(const QString &sessionId,
    const QString &toolName,
    const QJsonObject &args,
    const CallToolOptions &options,
    QObject *context,
    Callback<McpToolResult> done)
{
    if (isEmptySessionId(sessionId)) {
        return refuse<McpToolResult>(emptySessionId(), context, std::move(done));
    }
    if (toolName.trimmed().isEmpty()) {
        return refuse<McpToolResult>(invalidArgument(tr("The tool name must not be empty.")), context, std::move(done));
    }
    // As the Python SDK: Server always (empty when unknown), ExternalUserId and ImageId omitted
    // (Go sends them empty), AutoGenSession false unless asked.
    const Fields body{{QStringLiteral("SessionId"), sessionId},
        {QStringLiteral("Name"), toolName},
        {QStringLiteral("Args"), QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact))},
        {QStringLiteral("Server"), options.server},
        {QStringLiteral("AutoGenSession"), options.autoGenSession ? QStringLiteral("true") : QStringLiteral("false")}};
    // Qt has one inactivity timeout per request; the longer of the two limits governs it.
    Request request{QStringLiteral("CallMcpTool"), sessionId, body};
    request.timeoutMs = qMax(options.readTimeoutMs, options.connectTimeoutMs);
    return simpleRequest<McpToolResult>(request, context, std::move(done), &ResponseParser::toolResult);
}

} // namespace AgentBay::Core
