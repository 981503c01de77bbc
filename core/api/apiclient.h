// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/api/requestlogentry.h>
#include <core/api/requestsender.h>
#include <core/api/result.h>
#include <core/config/config.h>
#include <core/sessions/session.h>
#include <core/sessions/sessioninfo.h>
#include <core/tools/mcptool.h>

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace AgentBay::Core {

class Operation;
class WaitingOperations;

// Asynchronous client for every AgentBay session operation (protocol.md). Each call takes a
// context object and a callback: the callback runs at most once, on the context's thread, and
// not at all if the context or the client is destroyed first. Nothing blocks the event loop.
// A reply counts as failed on a transport error, a redirect (never followed), HTTP >= 400, a
// body over maxResponseBytes() or not a JSON object, Success:false, or (create)
// Data.Success:false; a missing Success with HTTP 2xx counts as success for every action (the
// SDKs disagree per action; the desktop takes the lenient side and relies on the typed Data
// checks instead). Reads retry on their own; writes never do.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    template <typename T>
    using Callback = std::function<void(const Result<T> &)>;
    using StatusCallback = std::function<void(SessionStatus)>;

    explicit ApiClient(const Config &config, QObject *parent = nullptr);
    ~ApiClient() override;

    const Config &config() const { return m_sender->config(); }

    void setConfig(const Config &config);

    int inFlightCount() const { return m_sender->inFlightCount(); }

    // Answers larger than this fail with a Parse error, the download cut off once over it
    // (default RequestSender::DefaultMaxResponseBytes; 0 = no cap).
    qint64 maxResponseBytes() const { return m_sender->maxResponseBytes(); }

    void setMaxResponseBytes(qint64 bytes) { m_sender->setMaxResponseBytes(bytes); }

    // CreateMcpSession.
    OperationHandle create(const CreateSessionParams &params, QObject *context, Callback<SessionData> done);
    // ListSession; page N > 1 walks N-1 NextTokens first.
    OperationHandle list(const ListSessionParams &params, QObject *context, Callback<SessionListPage> done);
    // Every page of ListSession, one request per page.
    OperationHandle listAll(const Labels &labels,
        const QString &status,
        int pageSize,
        QObject *context,
        Callback<QList<SessionSummary>> done);
    // The same with every filter of ListSessionParams; its page is ignored, limit is the page size.
    OperationHandle listAll(const ListSessionParams &params, QObject *context, Callback<QList<SessionSummary>> done);
    // GetSession (raw session data).
    OperationHandle getSession(const QString &sessionId, QObject *context, Callback<SessionData> done);
    // GetSession with the SDK get() checks (non-empty id, "Session <id> not found").
    OperationHandle get(const QString &sessionId, QObject *context, Callback<SessionData> done);
    // GetSessionDetail (SessionId in the query string).
    OperationHandle getSessionDetail(const QString &sessionId, QObject *context, Callback<SessionDetail> done);
    // DeleteSessionAsync, then GetSessionDetail every pollInterval until gone (protocol.md 4.6).
    // syncContext: SyncContext first. onStatus reports each status seen while waiting.
    OperationHandle deleteSession(const QString &sessionId,
        bool syncContext,
        const WaitOptions &wait,
        QObject *context,
        Callback<Empty> done,
        StatusCallback onStatus = {});
    // PauseSessionAsync / ResumeSessionAsync only.
    OperationHandle pauseAsync(const QString &sessionId, QObject *context, Callback<Empty> done);
    OperationHandle resumeAsync(const QString &sessionId, QObject *context, Callback<Empty> done);
    // RefreshSessionIdleTime: the idle release timer starts again (protocol-2026.md 2).
    OperationHandle keepAlive(const QString &sessionId, QObject *context, Callback<Empty> done);
    // DeleteSessionAsync only (deleteSession() waits until the session is gone).
    OperationHandle deleteAsync(const QString &sessionId, QObject *context, Callback<Empty> done);
    // The initiating call, then GetSession every pollInterval until PAUSED / RUNNING or timeout.
    // The result carries the final status; onStatus reports each status seen.
    OperationHandle pause(const QString &sessionId,
        const WaitOptions &wait,
        QObject *context,
        Callback<SessionStatus> done,
        StatusCallback onStatus = {});
    OperationHandle resume(const QString &sessionId,
        const WaitOptions &wait,
        QObject *context,
        Callback<SessionStatus> done,
        StatusCallback onStatus = {});
    // SetLabel (replaces the whole map) / GetLabel.
    OperationHandle setLabels(const QString &sessionId, const Labels &labels, QObject *context, Callback<Empty> done);
    OperationHandle getLabels(const QString &sessionId, QObject *context, Callback<Labels> done);
    // GetMcpResource.
    OperationHandle info(const QString &sessionId, QObject *context, Callback<SessionInfo> done);
    // GetLink; a port outside 30100..30199 is refused before any request.
    OperationHandle getLink(
        const QString &sessionId, const LinkParams &params, QObject *context, Callback<QString> done);
    // ListMcpTools for an image (empty = linux_latest).
    OperationHandle listMcpTools(const QString &imageId, QObject *context, Callback<QList<McpTool>> done);
    // CallMcpTool; the whole MCP result is kept. isError results are still ok() here:
    // check McpToolResult::isError.
    OperationHandle callMcpTool(const QString &sessionId,
        const QString &toolName,
        const QJsonObject &args,
        const CallToolOptions &options,
        QObject *context,
        Callback<McpToolResult> done);

Q_SIGNALS:
    void requestStarted(const AgentBay::Core::RequestLogEntry &entry);
    void requestFinished(const AgentBay::Core::RequestLogEntry &entry);
    void inFlightCountChanged(int count);

private:
    using Fields = RequestSender::Fields;
    using Request = RequestSender::Request;

    // A new operation whose callback is guarded by context.
    Operation *startOperation();

    void send(Operation *operation, const Request &request, RequestSender::EnvelopeHandler onEnvelope)
    {
        m_sender->send(operation, request, std::move(onEnvelope));
    }

    template <typename T>
    OperationHandle simpleRequest(
        const Request &request, QObject *context, Callback<T> done, Result<T> (*parse)(const QJsonObject &));
    // An action whose body is the SessionId plus extraBody.
    template <typename T>
    OperationHandle sessionRequest(const QString &action,
        const QString &sessionId,
        QObject *context,
        Callback<T> done,
        Result<T> (*parse)(const QJsonObject &),
        const Fields &extraBody = {});
    template <typename T>
    OperationHandle refuse(ApiError error, QObject *context, Callback<T> done);
    // An action on one session whose answer is only its RequestId (pause, resume, delete, keep alive).
    OperationHandle sessionAction(
        const QString &action, const QString &sessionId, QObject *context, Callback<Empty> done);
    // pause() and resume(): an empty id is refused, else WaitingOperations waits for the status.
    OperationHandle pauseOrResume(bool pausing,
        const QString &sessionId,
        const WaitOptions &wait,
        QObject *context,
        Callback<SessionStatus> done,
        StatusCallback onStatus);
    // ListSession from `token` on (empty = first page), as list() and listAll() send it.
    void sendListPage(Operation *operation,
        const ListSessionParams &filter,
        int limit,
        const QString &token,
        std::function<void(const Result<SessionListPage> &)> done);
    RequestSender *m_sender = nullptr;
    std::unique_ptr<WaitingOperations> m_waits;
};

} // namespace AgentBay::Core
