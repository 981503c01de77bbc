// SPDX-License-Identifier: MIT
#include "apiclientfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace AgentBay::Core;

namespace AgentBay::Test {

QString actionOf(Op op)
{
    switch (op) {
    case Op::Create:
        return QStringLiteral("CreateMcpSession");
    case Op::List:
    case Op::ListAll:
        return QStringLiteral("ListSession");
    case Op::GetSession:
    case Op::Get:
        return QStringLiteral("GetSession");
    case Op::GetSessionDetail:
        return QStringLiteral("GetSessionDetail");
    case Op::Delete:
        return QStringLiteral("DeleteSessionAsync");
    case Op::PauseAsync:
    case Op::Pause:
        return QStringLiteral("PauseSessionAsync");
    case Op::ResumeAsync:
    case Op::Resume:
        return QStringLiteral("ResumeSessionAsync");
    case Op::SetLabels:
        return QStringLiteral("SetLabel");
    case Op::GetLabels:
        return QStringLiteral("GetLabel");
    case Op::Info:
        return QStringLiteral("GetMcpResource");
    case Op::GetLink:
        return QStringLiteral("GetLink");
    case Op::ListMcpTools:
        return QStringLiteral("ListMcpTools");
    case Op::CallMcpTool:
        return QStringLiteral("CallMcpTool");
    case Op::KeepAlive:
        return QStringLiteral("RefreshSessionIdleTime");
    }
    return {};
}

OperationHandle startOp(Op op, ApiClient &client, AnyProbe &probe, const QString &sessionId)
{
    QObject *ctx = &probe.context;
    switch (op) {
    case Op::Create:
        return client.create(CreateSessionParams(), ctx, probe.callback<SessionData>());
    case Op::List:
        return client.list(ListSessionParams(), ctx, probe.callback<SessionListPage>());
    case Op::ListAll:
        return client.listAll(Labels(), QString(), 10, ctx, probe.callback<QList<SessionSummary>>());
    case Op::GetSession:
        return client.getSession(sessionId, ctx, probe.callback<SessionData>());
    case Op::Get:
        return client.get(sessionId, ctx, probe.callback<SessionData>());
    case Op::GetSessionDetail:
        return client.getSessionDetail(sessionId, ctx, probe.callback<SessionDetail>());
    case Op::Delete:
        return client.deleteSession(sessionId, false, FastWait, ctx, probe.callback<Empty>());
    case Op::PauseAsync:
        return client.pauseAsync(sessionId, ctx, probe.callback<Empty>());
    case Op::ResumeAsync:
        return client.resumeAsync(sessionId, ctx, probe.callback<Empty>());
    case Op::Pause:
        return client.pause(sessionId, FastWait, ctx, probe.callback<SessionStatus>());
    case Op::Resume:
        return client.resume(sessionId, FastWait, ctx, probe.callback<SessionStatus>());
    case Op::SetLabels:
        return client.setLabels(
            sessionId, {{QStringLiteral("team"), QStringLiteral("core")}}, ctx, probe.callback<Empty>());
    case Op::GetLabels:
        return client.getLabels(sessionId, ctx, probe.callback<Labels>());
    case Op::Info:
        return client.info(sessionId, ctx, probe.callback<SessionInfo>());
    case Op::GetLink:
        return client.getLink(sessionId, LinkParams(), ctx, probe.callback<QString>());
    case Op::ListMcpTools:
        return client.listMcpTools(QString(), ctx, probe.callback<QList<McpTool>>());
    case Op::CallMcpTool:
        return client.callMcpTool(sessionId,
            QStringLiteral("shell"),
            QJsonObject{{QStringLiteral("command"), QStringLiteral("echo hello")}},
            CallToolOptions(),
            ctx,
            probe.callback<McpToolResult>());
    case Op::KeepAlive:
        return client.keepAlive(sessionId, ctx, probe.callback<Empty>());
    }
    return {};
}

QJsonObject envelope(const QJsonValue &data, const QString &requestId)
{
    QJsonObject object{{QStringLiteral("RequestId"), requestId},
        {QStringLiteral("Success"), true},
        {QStringLiteral("Code"), QStringLiteral("ok")},
        {QStringLiteral("Message"), QString()},
        {QStringLiteral("HttpStatusCode"), 200}};
    if (!data.isUndefined()) {
        object.insert(QStringLiteral("Data"), data);
    }
    return object;
}

QJsonObject failure(const QString &code, const QString &message, int httpStatus, const QString &requestId)
{
    return {{QStringLiteral("RequestId"), requestId},
        {QStringLiteral("Success"), false},
        {QStringLiteral("Code"), code},
        {QStringLiteral("Message"), message},
        {QStringLiteral("HttpStatusCode"), httpStatus}};
}

CannedResponse notFound(const QString &requestId)
{
    return CannedResponse::json(
        failure(QStringLiteral("InvalidMcpSession.NotFound"), QStringLiteral("Session not found"), 400, requestId),
        400);
}

QString jsonText(const QJsonValue &value)
{
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    }
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        qWarning("not a JSON object: %s", qPrintable(text));
    }
    return doc.object();
}

QJsonObject labelsJson(const Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        object.insert(it.key(), it.value());
    }
    return object;
}

QJsonObject mcpText(const QString &text, bool isError)
{
    return {
        {QStringLiteral("content"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}},
        {QStringLiteral("isError"), isError}};
}

QJsonObject shellSchema()
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
            QJsonObject{{QStringLiteral("command"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                {QStringLiteral("timeout_ms"),
                    QJsonObject{
                        {QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("maximum"), 50000}}},
                {QStringLiteral("envs"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                        {QStringLiteral("additionalProperties"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("command")}}};
}

Config ApiClientFixture::configFor(int timeoutMs) const
{
    Config config;
    config.apiKey = ApiKey;
    config.endpoint = m_server->endpoint();
    config.timeoutMs = timeoutMs;
    return config;
}

void ApiClientFixture::makeClient(int timeoutMs)
{
    m_client = std::make_unique<ApiClient>(configFor(timeoutMs));
}

void ApiClientFixture::setUpClient()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->isListening());
    m_sessionStatus = QStringLiteral("RUNNING");
    makeClient();
}

void ApiClientFixture::tearDownClient()
{
    m_client.reset();
    m_server.reset();
}

std::optional<CannedResponse> ApiClientFixture::serveOk(const RecordedRequest &request)
{
    const QString action = request.action();
    if (action == u"CreateMcpSession") {
        return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}}));
    }
    if (action == u"ListSession") {
        QJsonObject page = envelope(QJsonArray{QJsonObject{
            {QStringLiteral("SessionId"), SessionA}, {QStringLiteral("SessionStatus"), QStringLiteral("RUNNING")}}});
        page.insert(QStringLiteral("NextToken"), QString());
        page.insert(QStringLiteral("MaxResults"), 10);
        page.insert(QStringLiteral("TotalCount"), 1);
        return CannedResponse::json(page);
    }
    if (action == u"GetSession") {
        return CannedResponse::json(envelope(
            QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), m_sessionStatus}}));
    }
    if (action == u"GetSessionDetail") {
        if (m_server->requestCount(QStringLiteral("DeleteSessionAsync")) > 0) {
            return notFound(); // a deleted session: ends the delete wait
        }
        return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("Status"), m_sessionStatus}}));
    }
    if (action == u"GetLabel") {
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("Labels"), QStringLiteral(R"({"team":"core"})")}}));
    }
    if (action == u"GetMcpResource") {
        return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA},
            {QStringLiteral("ResourceUrl"), QStringLiteral("http://127.0.0.1/desktop")},
            {QStringLiteral("DesktopInfo"), QJsonObject{{QStringLiteral("AppId"), QStringLiteral("app-1")}}}}));
    }
    if (action == u"GetLink") {
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("Url"), QStringLiteral("https://gw.example/p/")}}));
    }
    if (action == u"ListMcpTools") {
        return CannedResponse::json(
            envelope(jsonText(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("shell")},
                {QStringLiteral("server"), QStringLiteral("wuying_shell")},
                {QStringLiteral("inputSchema"), shellSchema()}}})));
    }
    if (action == u"CallMcpTool") {
        return CannedResponse::json(envelope(jsonText(mcpText(QStringLiteral("hello")))));
    }
    return CannedResponse::json(envelope());
}

RecordedRequest ApiClientFixture::firstRequestOf(Op op)
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    AnyProbe probe;
    startOp(op, *m_client, probe);
    [&] {
        QTRY_VERIFY(probe.done());
    }();
    return m_server->requests().value(0);
}

} // namespace AgentBay::Test
