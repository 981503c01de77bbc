// SPDX-License-Identifier: MIT
#include <core/apiclient.h>
#include <support/callbackprobe.h>
#include <support/fakehttpserver.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace AgentBay::Core;
using AgentBay::Test::CannedResponse;
using AgentBay::Test::FakeHttpServer;
using AgentBay::Test::RecordedRequest;

namespace {

// Characters a naive encoder breaks: '+', '&', '=', '%', ';', '/', spaces and UTF-8.
const QString ApiKey = QStringLiteral("akm-Secr3tMarker+/=&;%2B key-é");
const QString KeyMarker = QStringLiteral("Secr3tMarker");
const QString SessionA = QStringLiteral("session-abcdefghij0123456789");

// Everything a callback said, whatever its value type.
struct Outcome
{
    bool ok = false;
    ApiError error;
    QString requestId;
};

template <typename T>
using Probe = AgentBay::Test::CallbackProbe<T>;

struct AnyProbe
{
    std::optional<Outcome> outcome;
    int calls = 0;
    QObject context;

    template <typename T>
    ApiClient::Callback<T> callback()
    {
        return [this](const Result<T> &r) {
            Outcome o;
            o.ok = r.ok();
            if (!r.ok()) {
                o.error = r.error();
            }
            o.requestId = r.requestId();
            outcome = o;
            ++calls;
        };
    }

    bool done() const { return outcome.has_value(); }
};

enum class Op {
    Create,
    List,
    ListAll,
    GetSession,
    Get,
    GetSessionDetail,
    Delete,
    PauseAsync,
    ResumeAsync,
    Pause,
    Resume,
    SetLabels,
    GetLabels,
    Info,
    GetLink,
    ListMcpTools,
    CallMcpTool,
};

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
    }
    return {};
}

const WaitOptions FastWait{3000, 20};

OperationHandle startOp(Op op, ApiClient &client, AnyProbe &probe, const QString &sessionId = SessionA)
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
    }
    return {};
}

QJsonObject envelope(
    const QJsonValue &data = QJsonValue(QJsonValue::Undefined), const QString &requestId = QStringLiteral("rid-ok"))
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

CannedResponse notFound(const QString &requestId = QStringLiteral("rid-nf"))
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

QJsonObject mcpText(const QString &text, bool isError = false)
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

// Captures every log line of the process while a test runs.
QStringList g_logLines;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_logLines.append(
        QString::fromLatin1(context.category ? context.category : "default") + QLatin1Char(' ') + message);
}

} // namespace

Q_DECLARE_METATYPE(Op)
Q_DECLARE_METATYPE(AgentBay::Core::SessionStatus)

class tst_ApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // Exact requests (protocol.md 1.2-1.5, 4, 8).
    void everyOperation_request_followsWireContract_data();
    void everyOperation_request_followsWireContract();
    void signatureNonce_severalRequests_uniquePerRequest();
    void getSessionDetail_request_sessionIdInQueryNotBody();
    void sessionOperations_request_sessionIdInBody_data();
    void sessionOperations_request_sessionIdInBody();
    void list_noFilter_sendsEmptyLabelsAndMaxResults();
    void list_filters_sendLabelsStatusAndLimit();
    void list_invalidArguments_refusedBeforeAnyRequest_data();
    void list_invalidArguments_refusedBeforeAnyRequest();
    void create_optionalFields_sentOnlyWhenSet_data();
    void create_optionalFields_sentOnlyWhenSet();
    void callMcpTool_request_sendsNameArgsServerAutoGenSessionAndSessionId();
    void getLink_optionalFields_sentOnlyWhenGiven_data();
    void getLink_optionalFields_sentOnlyWhenGiven();
    void getLink_portOutsideRange_refusedBeforeAnyRequest_data();
    void getLink_portOutsideRange_refusedBeforeAnyRequest();
    void listMcpTools_imageId_defaultsToLinuxLatest();
    void setLabels_invalidLabels_refusedBeforeAnyRequest_data();
    void setLabels_invalidLabels_refusedBeforeAnyRequest();
    void get_emptySessionId_refusedBeforeAnyRequest();
    void sessionActions_emptySessionId_refusedBeforeAnyRequest_data();
    void sessionActions_emptySessionId_refusedBeforeAnyRequest();
    void specialCharacters_inLabelsAndArgs_surviveFormDecoding_data();
    void specialCharacters_inLabelsAndArgs_surviveFormDecoding();

    // Response shapes (protocol.md 1.6, 1.7, 4).
    void create_dataObject_parsesEveryField();
    void create_dataAsJsonString_isParsed();
    void create_dataSuccessFalse_failsWithErrMsg();
    void create_noSessionId_fails();
    void getSession_toolListStringOrArray_parsed_data();
    void getSession_toolListStringOrArray_parsed();
    void getSession_notFound400_isApiErrorNotFound();
    void get_notFound_namesTheSession();
    void successFalseWithHttp200_anyAction_isApiError_data();
    void successFalseWithHttp200_anyAction_isApiError();
    void successMissing_perAction_followsDocumentedChoice_data();
    void successMissing_perAction_followsDocumentedChoice();
    void list_response_parsesPagingFields();
    void list_emptyOrMissingStatus_becomesUnknown();
    void getSessionDetail_response_parsesFields();
    void getLabels_labelsStringOrObject_decoded_data();
    void getLabels_labelsStringOrObject_decoded();
    void info_response_parsesDesktopInfo();
    void getLink_dataObjectOrString_givesUrl_data();
    void getLink_dataObjectOrString_givesUrl();
    void listMcpTools_dataStringOrArray_keepsFullInputSchema_data();
    void listMcpTools_dataStringOrArray_keepsFullInputSchema();
    void callMcpTool_severalContentItems_keptWhole();
    void callMcpTool_isError_isOkWithIsErrorSet();
    void callMcpTool_emptyData_fails();
    void successFalse_otherSpellings_isApiError_data();
    void successFalse_otherSpellings_isApiError();
    void create_dataSuccessFalseAsText_fails();
    void list_maxResultsMissing_fallsBackToRequestedSize();
    void transportErrorAfterStatusLine_isNetworkErrorAndRetried();
    void retryAfter_statedByServer_honouredOnReads_data();
    void retryAfter_statedByServer_honouredOnReads();
    void retryAfter_longerThanRetriesWait_notRetriedAndReported();
    void httpError_status_classified_data();
    void httpError_status_classified();
    void malformedAnswer_isParseError_data();
    void malformedAnswer_isParseError();

    // Faults through the fake server.
    void hang_shortTimeout_reportsTimeout_data();
    void hang_shortTimeout_reportsTimeout();
    void cancel_requestInFlight_reportsCancelledNotTimeout();
    void cancel_waitingOperationBetweenPolls_reportsCancelled();
    void cancel_afterFinish_doesNothing();
    void cancel_eachPhase_reportsCancelledOnceAndStopsRequests_data();
    void cancel_eachPhase_reportsCancelledOnceAndStopsRequests();
    void contextDestroyed_eachPhase_silentAndStopsRequests_data();
    void contextDestroyed_eachPhase_silentAndStopsRequests();
    void clientDestroyed_eachPhase_silentNoCrash_data();
    void clientDestroyed_eachPhase_silentNoCrash();
    void connectionReset_write_reportsNetworkError();
    void connectionReset_read_retriedThenNetworkError();
    void garbageBytes_notHttp_reportsError();
    void serverError_thenSuccess_readIsRetried_data();
    void serverError_thenSuccess_readIsRetried();
    void serverError_onWrite_notRetried_data();
    void serverError_onWrite_notRetried();
    void throttling_onRead_retried_data();
    void throttling_onRead_retried();
    void throttling_onWrite_notRetried();
    void serverAlwaysFails_read_retriesAreBounded();
    void contextDestroyed_beforeReply_callbackNeverRuns();
    void clientDestroyed_beforeReply_callbackNeverRuns();
    void requestLog_retriedRead_entriesDescribeEachAttempt();

    // Secrets.
    void apiKey_neverInLogsErrorsOrLogEntries_data();
    void apiKey_neverInLogsErrorsOrLogEntries();

    // Waiting operations.
    void pause_transitionalStatus_reportsPausingThenPaused();
    void resume_transitionalStatus_reportsResumingThenRunning();
    void waitingForms_settledBeforeFirstPoll_stillReportTransitionalStatusFirst_data();
    void waitingForms_settledBeforeFirstPoll_stillReportTransitionalStatusFirst();
    void pause_neverSettles_timesOut();
    void pause_initiatingCallRefused_failsWithoutPolling();
    void pause_errorStatus_fails();
    void pauseAsync_onlyTheInitiatingCall();
    void delete_pollsDetailUntilNotFound();
    void delete_finishStatus_endsTheWait();
    void delete_refused_failsWithoutPolling();
    void delete_neverGone_timesOut();
    void delete_syncContext_syncsFirstWithKeyInQuery();
    void delete_detailActionMissing_isNotTakenForDeleted();
    void list_page3_walksTwoTokensThenTheRealRequest();
    void list_skipPageWithoutNextToken_failsClearly();
    void listAll_severalPages_oneRequestPerPage();
    void listAll_emptyPageWithNextToken_followsTheToken();
    void listAll_repeatedEmptyPageToken_endsTheWalk();

private:
    Config configFor(int timeoutMs = 5000) const;
    void makeClient(int timeoutMs = 5000);
    std::optional<CannedResponse> serveOk(const RecordedRequest &request);
    // Starts op and waits for its first request; returns it.
    RecordedRequest firstRequestOf(Op op);
    // The composite phases of phaseRows(): serves so that `phase` is reached, starts the
    // operation and waits until it is there.
    OperationHandle startInPhase(const QString &phase, AnyProbe &probe, QObject *context = nullptr);
    static void phaseRows();

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_sessionStatus = QStringLiteral("RUNNING"); // what serveOk's GetSession says
};

Config tst_ApiClient::configFor(int timeoutMs) const
{
    Config config;
    config.apiKey = ApiKey;
    config.endpoint = m_server->endpoint();
    config.timeoutMs = timeoutMs;
    return config;
}

void tst_ApiClient::makeClient(int timeoutMs)
{
    m_client = std::make_unique<ApiClient>(configFor(timeoutMs));
}

void tst_ApiClient::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->isListening());
    m_sessionStatus = QStringLiteral("RUNNING");
    makeClient();
}

void tst_ApiClient::cleanup()
{
    m_client.reset();
    m_server.reset();
}

std::optional<CannedResponse> tst_ApiClient::serveOk(const RecordedRequest &request)
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

RecordedRequest tst_ApiClient::firstRequestOf(Op op)
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

// ---------------------------------------------------------------------------------------------
// Exact requests

void tst_ApiClient::everyOperation_request_followsWireContract_data()
{
    QTest::addColumn<Op>("op");
    QTest::addColumn<QString>("status"); // what GetSession reports, so waits end

    QTest::newRow("create") << Op::Create << QStringLiteral("RUNNING");
    QTest::newRow("list") << Op::List << QStringLiteral("RUNNING");
    QTest::newRow("listAll") << Op::ListAll << QStringLiteral("RUNNING");
    QTest::newRow("getSession") << Op::GetSession << QStringLiteral("RUNNING");
    QTest::newRow("get") << Op::Get << QStringLiteral("RUNNING");
    QTest::newRow("getSessionDetail") << Op::GetSessionDetail << QStringLiteral("RUNNING");
    QTest::newRow("deleteSession") << Op::Delete << QStringLiteral("RUNNING");
    QTest::newRow("pauseAsync") << Op::PauseAsync << QStringLiteral("RUNNING");
    QTest::newRow("resumeAsync") << Op::ResumeAsync << QStringLiteral("RUNNING");
    QTest::newRow("pause") << Op::Pause << QStringLiteral("PAUSED");
    QTest::newRow("resume") << Op::Resume << QStringLiteral("RUNNING");
    QTest::newRow("setLabels") << Op::SetLabels << QStringLiteral("RUNNING");
    QTest::newRow("getLabels") << Op::GetLabels << QStringLiteral("RUNNING");
    QTest::newRow("info") << Op::Info << QStringLiteral("RUNNING");
    QTest::newRow("getLink") << Op::GetLink << QStringLiteral("RUNNING");
    QTest::newRow("listMcpTools") << Op::ListMcpTools << QStringLiteral("RUNNING");
    QTest::newRow("callMcpTool") << Op::CallMcpTool << QStringLiteral("RUNNING");
}

void tst_ApiClient::everyOperation_request_followsWireContract()
{
    QFETCH(Op, op);
    QFETCH(QString, status);
    m_sessionStatus = status;
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    AnyProbe probe;
    startOp(op, *m_client, probe);
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.outcome->ok, qPrintable(probe.outcome->error.details()));
    QCOMPARE(probe.calls, 1);

    const QList<RecordedRequest> requests = m_server->requests();
    QVERIFY(!requests.isEmpty());
    QCOMPARE(requests.first().action(), actionOf(op));

    static const QRegularExpression timestampPattern(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$)"));
    for (const RecordedRequest &request : requests) {
        const QString what = request.action();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.url.path(), QStringLiteral("/"));
        // Common parameters in the query, and nothing else there (GetSessionDetail adds SessionId).
        QSet<QString> queryKeys;
        for (const auto &field : request.query) {
            QVERIFY2(!queryKeys.contains(field.first), qPrintable(what + u": twice in query: " + field.first));
            queryKeys.insert(field.first);
        }
        QSet<QString> expectedKeys{QStringLiteral("Action"),
            QStringLiteral("Format"),
            QStringLiteral("Version"),
            QStringLiteral("Timestamp"),
            QStringLiteral("SignatureNonce")};
        if (what == u"GetSessionDetail") {
            expectedKeys.insert(QStringLiteral("SessionId"));
        }
        QCOMPARE(queryKeys, expectedKeys);
        QCOMPARE(request.queryValue(QStringLiteral("Format")), QStringLiteral("json"));
        QCOMPARE(request.queryValue(QStringLiteral("Version")), QStringLiteral("2025-05-06"));
        const QString timestamp = request.queryValue(QStringLiteral("Timestamp"));
        QVERIFY2(timestampPattern.match(timestamp).hasMatch(), qPrintable(timestamp));
        const QDateTime sent = QDateTime::fromString(timestamp, Qt::ISODate);
        QVERIFY(sent.isValid());
        QCOMPARE(sent.timeSpec(), Qt::UTC);
        QVERIFY2(qAbs(sent.secsTo(QDateTime::currentDateTimeUtc())) < 300, qPrintable(timestamp));
        QVERIFY(!request.queryValue(QStringLiteral("SignatureNonce")).isEmpty());

        // Everything else in a form body; the key as "Bearer <key>" there, once.
        QVERIFY2(request.header("content-type").startsWith("application/x-www-form-urlencoded"),
            request.header("content-type").constData());
        QCOMPARE(request.formCount(QStringLiteral("Authorization")), 1);
        QCOMPARE(request.formValue(QStringLiteral("Authorization")), QStringLiteral("Bearer ") + ApiKey);
        for (const QString &common : {QStringLiteral("Action"),
                 QStringLiteral("Format"),
                 QStringLiteral("Version"),
                 QStringLiteral("Timestamp"),
                 QStringLiteral("SignatureNonce")}) {
            QVERIFY2(!request.hasForm(common), qPrintable(what + u": in body: " + common));
        }
        QSet<QString> formKeys;
        for (const auto &field : request.form) {
            QVERIFY2(!formKeys.contains(field.first), qPrintable(what + u": twice in body: " + field.first));
            formKeys.insert(field.first);
        }
        // No HTTP Authorization header and none of the signed-mode parameters.
        QVERIFY(!request.hasHeader("authorization"));
        for (const QString &signedOnly : {QStringLiteral("SignatureMethod"),
                 QStringLiteral("AccessKeyId"),
                 QStringLiteral("Signature"),
                 QStringLiteral("SecurityToken")}) {
            QVERIFY(!request.hasQuery(signedOnly));
            QVERIFY(!request.hasForm(signedOnly));
        }
    }
}

void tst_ApiClient::signatureNonce_severalRequests_uniquePerRequest()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    AnyProbe probes[5];
    for (AnyProbe &probe : probes) {
        startOp(Op::GetSession, *m_client, probe);
    }
    QTRY_COMPARE(m_server->requestCount(), 5);
    QSet<QString> nonces;
    for (const RecordedRequest &request : m_server->requests()) {
        nonces.insert(request.queryValue(QStringLiteral("SignatureNonce")));
    }
    QCOMPARE(nonces.size(), 5);
    QVERIFY(!nonces.contains(QString()));
}

void tst_ApiClient::getSessionDetail_request_sessionIdInQueryNotBody()
{
    const RecordedRequest request = firstRequestOf(Op::GetSessionDetail);
    QCOMPARE(request.action(), QStringLiteral("GetSessionDetail"));
    QCOMPARE(request.queryValue(QStringLiteral("SessionId")), SessionA);
    QVERIFY(!request.hasForm(QStringLiteral("SessionId")));
    QCOMPARE(request.formValue(QStringLiteral("Authorization")), QStringLiteral("Bearer ") + ApiKey);
}

void tst_ApiClient::sessionOperations_request_sessionIdInBody_data()
{
    QTest::addColumn<Op>("op");
    QTest::newRow("getSession") << Op::GetSession;
    QTest::newRow("deleteSession") << Op::Delete;
    QTest::newRow("pauseAsync") << Op::PauseAsync;
    QTest::newRow("resumeAsync") << Op::ResumeAsync;
    QTest::newRow("setLabels") << Op::SetLabels;
    QTest::newRow("getLabels") << Op::GetLabels;
    QTest::newRow("info") << Op::Info;
    QTest::newRow("getLink") << Op::GetLink;
    QTest::newRow("callMcpTool") << Op::CallMcpTool;
}

void tst_ApiClient::sessionOperations_request_sessionIdInBody()
{
    QFETCH(Op, op);
    const RecordedRequest request = firstRequestOf(op);
    QCOMPARE(request.action(), actionOf(op));
    QCOMPARE(request.formValue(QStringLiteral("SessionId")), SessionA);
    QVERIFY(!request.hasQuery(QStringLiteral("SessionId")));
}

void tst_ApiClient::list_noFilter_sendsEmptyLabelsAndMaxResults()
{
    const RecordedRequest request = firstRequestOf(Op::List);
    QVERIFY(request.hasForm(QStringLiteral("Labels")));
    QCOMPARE(parseObject(request.formValue(QStringLiteral("Labels"))), QJsonObject());
    QCOMPARE(request.formValue(QStringLiteral("MaxResults")), QStringLiteral("10"));
    QVERIFY(!request.hasForm(QStringLiteral("NextToken")));
    QVERIFY(!request.hasForm(QStringLiteral("Status")));
}

void tst_ApiClient::list_filters_sendLabelsStatusAndLimit()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    ListSessionParams params;
    params.labels = {
        {QStringLiteral("project"), QStringLiteral("demo")}, {QStringLiteral("owner"), QStringLiteral("alice")}};
    params.limit = 5;
    params.status = QStringLiteral("PAUSED");
    Probe<SessionListPage> probe;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest request = m_server->lastRequest();
    QCOMPARE(parseObject(request.formValue(QStringLiteral("Labels"))), labelsJson(params.labels));
    QCOMPARE(request.formValue(QStringLiteral("MaxResults")), QStringLiteral("5"));
    QCOMPARE(request.formValue(QStringLiteral("Status")), QStringLiteral("PAUSED"));
    QVERIFY(!request.hasForm(QStringLiteral("NextToken")));
}

void tst_ApiClient::list_invalidArguments_refusedBeforeAnyRequest_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("status");
    QTest::newRow("page 0") << 0 << 10 << QString();
    QTest::newRow("negative page") << -2 << 10 << QString();
    QTest::newRow("limit 0") << 1 << 0 << QString();
    QTest::newRow("unknown status") << 1 << 10 << QStringLiteral("SLEEPING");
    QTest::newRow("FINISH is no filter value") << 1 << 10 << QStringLiteral("FINISH");
}

void tst_ApiClient::list_invalidArguments_refusedBeforeAnyRequest()
{
    QFETCH(int, page);
    QFETCH(int, limit);
    QFETCH(QString, status);
    ListSessionParams params;
    params.page = page;
    params.limit = limit;
    params.status = status;
    Probe<SessionListPage> probe;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::InvalidArgument);
    QVERIFY(!probe.error().message.isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ApiClient::create_optionalFields_sentOnlyWhenSet_data()
{
    QTest::addColumn<QString>("imageId");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<QString>("regionId");
    QTest::addColumn<QString>("configRegion");
    QTest::addColumn<QString>("policyId");
    QTest::addColumn<QString>("expectedRegion"); // empty = LoginRegionId absent

    const Labels labels{{QStringLiteral("project"), QStringLiteral("demo")}};
    QTest::newRow("nothing set") << QString() << Labels() << QString() << QString() << QString() << QString();
    QTest::newRow("image only") << QStringLiteral("code_latest") << Labels() << QString() << QString() << QString()
                                << QString();
    QTest::newRow("labels only") << QString() << labels << QString() << QString() << QString() << QString();
    QTest::newRow("region in params") << QString() << Labels() << QStringLiteral("cn-hangzhou") << QString()
                                      << QString() << QStringLiteral("cn-hangzhou");
    QTest::newRow("region from config") << QString() << Labels() << QString() << QStringLiteral("ap-southeast-1")
                                        << QString() << QStringLiteral("ap-southeast-1");
    QTest::newRow("params region beats config")
        << QString() << Labels() << QStringLiteral("cn-hangzhou") << QStringLiteral("ap-southeast-1") << QString()
        << QStringLiteral("cn-hangzhou");
    QTest::newRow("policy only") << QString() << Labels() << QString() << QString() << QStringLiteral("policy-1")
                                 << QString();
    QTest::newRow("everything") << QStringLiteral("linux_latest") << labels << QStringLiteral("cn-hangzhou")
                                << QString() << QStringLiteral("policy-1") << QStringLiteral("cn-hangzhou");
}

void tst_ApiClient::create_optionalFields_sentOnlyWhenSet()
{
    QFETCH(QString, imageId);
    QFETCH(Labels, labels);
    QFETCH(QString, regionId);
    QFETCH(QString, configRegion);
    QFETCH(QString, policyId);
    QFETCH(QString, expectedRegion);

    Config config = configFor();
    config.regionId = configRegion;
    m_client = std::make_unique<ApiClient>(config);
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    CreateSessionParams params;
    params.imageId = imageId;
    params.labels = labels;
    params.regionId = regionId;
    params.policyId = policyId;
    Probe<SessionData> probe;
    m_client->create(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest request = m_server->lastRequest();
    QCOMPARE(request.action(), QStringLiteral("CreateMcpSession"));

    QCOMPARE(request.hasForm(QStringLiteral("ImageId")), !imageId.isEmpty());
    QCOMPARE(request.formValue(QStringLiteral("ImageId")), imageId);
    QCOMPARE(request.hasForm(QStringLiteral("Labels")), !labels.isEmpty());
    if (!labels.isEmpty()) {
        QCOMPARE(parseObject(request.formValue(QStringLiteral("Labels"))), labelsJson(labels));
    }
    QCOMPARE(request.hasForm(QStringLiteral("LoginRegionId")), !expectedRegion.isEmpty());
    QCOMPARE(request.formValue(QStringLiteral("LoginRegionId")), expectedRegion);
    QCOMPARE(request.hasForm(QStringLiteral("McpPolicyId")), !policyId.isEmpty());
    QCOMPARE(request.formValue(QStringLiteral("McpPolicyId")), policyId);
    // Fields the SDK never sets stay away.
    for (const QString &never : {QStringLiteral("SessionId"),
             QStringLiteral("ContextId"),
             QStringLiteral("VpcResource"),
             QStringLiteral("PersistenceDataList")}) {
        QVERIFY2(!request.hasForm(never), qPrintable(never));
    }
}

void tst_ApiClient::callMcpTool_request_sendsNameArgsServerAutoGenSessionAndSessionId()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    const QJsonObject args{{QStringLiteral("command"), QStringLiteral("ls -la /tmp && echo \"a+b=c\"")},
        {QStringLiteral("timeout_ms"), 50000},
        {QStringLiteral("envs"), QJsonObject{{QStringLiteral("GREETING"), QStringLiteral("grüß dich 漢")}}}};
    CallToolOptions options;
    options.server = QStringLiteral("wuying_shell");
    Probe<McpToolResult> probe;
    m_client->callMcpTool(SessionA, QStringLiteral("shell"), args, options, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const RecordedRequest request = m_server->lastRequest();
    QCOMPARE(request.action(), QStringLiteral("CallMcpTool"));
    QCOMPARE(request.formValue(QStringLiteral("Name")), QStringLiteral("shell"));
    QCOMPARE(parseObject(request.formValue(QStringLiteral("Args"))), args);
    QCOMPARE(request.formValue(QStringLiteral("Server")), QStringLiteral("wuying_shell"));
    QCOMPARE(request.formValue(QStringLiteral("AutoGenSession")), QStringLiteral("false"));
    QCOMPARE(request.formValue(QStringLiteral("SessionId")), SessionA);
    QVERIFY(!request.hasForm(QStringLiteral("Tool")));

    // Without a known server the service resolves by name: Server is empty or absent.
    m_server->clearRecords();
    Probe<McpToolResult> second;
    m_client->callMcpTool(
        SessionA, QStringLiteral("shell"), args, CallToolOptions(), &second.context, second.callback());
    QTRY_VERIFY(second.done());
    QVERIFY(m_server->lastRequest().formValue(QStringLiteral("Server")).isEmpty());
    QCOMPARE(m_server->lastRequest().formValue(QStringLiteral("AutoGenSession")), QStringLiteral("false"));
}

void tst_ApiClient::getLink_optionalFields_sentOnlyWhenGiven_data()
{
    QTest::addColumn<QString>("protocolType");
    QTest::addColumn<int>("port"); // 0 = not given
    QTest::addColumn<QString>("options");

    QTest::newRow("nothing given") << QString() << 0 << QString();
    QTest::newRow("port only") << QString() << 30150 << QString();
    QTest::newRow("https and port") << QStringLiteral("https") << 30150 << QString();
    QTest::newRow("lowest port") << QStringLiteral("wss") << 30100 << QString();
    QTest::newRow("highest port") << QStringLiteral("https") << 30199 << QString();
    QTest::newRow("option passed through") << QString() << 0 << QStringLiteral(R"({"adbkey_pub": "ssh-rsa AAA+/="})");
}

void tst_ApiClient::getLink_optionalFields_sentOnlyWhenGiven()
{
    QFETCH(QString, protocolType);
    QFETCH(int, port);
    QFETCH(QString, options);

    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    LinkParams params;
    params.protocolType = protocolType;
    if (port != 0) {
        params.port = port;
    }
    params.options = options;
    Probe<QString> probe;
    m_client->getLink(SessionA, params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value(), QStringLiteral("https://gw.example/p/"));
    const RecordedRequest request = m_server->lastRequest();
    QCOMPARE(request.hasForm(QStringLiteral("ProtocolType")), !protocolType.isEmpty());
    QCOMPARE(request.formValue(QStringLiteral("ProtocolType")), protocolType);
    QCOMPARE(request.hasForm(QStringLiteral("Port")), port != 0);
    if (port != 0) {
        QCOMPARE(request.formValue(QStringLiteral("Port")), QString::number(port));
    }
    QCOMPARE(request.hasForm(QStringLiteral("Option")), !options.isEmpty());
    QCOMPARE(request.formValue(QStringLiteral("Option")), options);
    QVERIFY(!request.hasForm(QStringLiteral("option")));
}

void tst_ApiClient::getLink_portOutsideRange_refusedBeforeAnyRequest_data()
{
    QTest::addColumn<int>("port");
    QTest::newRow("just below") << 30099;
    QTest::newRow("just above") << 30200;
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -1;
    QTest::newRow("http port") << 80;
    QTest::newRow("max tcp port") << 65535;
}

void tst_ApiClient::getLink_portOutsideRange_refusedBeforeAnyRequest()
{
    QFETCH(int, port);
    LinkParams params;
    params.protocolType = QStringLiteral("https");
    params.port = port;
    Probe<QString> probe;
    m_client->getLink(SessionA, params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::InvalidArgument);
    QVERIFY2(probe.error().message.contains(QString::number(port)), qPrintable(probe.error().message));
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(probe.calls, 1);
}

void tst_ApiClient::listMcpTools_imageId_defaultsToLinuxLatest()
{
    QCOMPARE(firstRequestOf(Op::ListMcpTools).formValue(QStringLiteral("ImageId")), QStringLiteral("linux_latest"));
    m_server->clearRecords();
    Probe<QList<McpTool>> probe;
    m_client->listMcpTools(QStringLiteral("code_latest"), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QCOMPARE(m_server->lastRequest().formValue(QStringLiteral("ImageId")), QStringLiteral("code_latest"));
}

void tst_ApiClient::setLabels_invalidLabels_refusedBeforeAnyRequest_data()
{
    QTest::addColumn<Labels>("labels");
    QTest::newRow("empty map") << Labels();
    QTest::newRow("empty key") << Labels{{QString(), QStringLiteral("v")}};
    QTest::newRow("blank key") << Labels{{QStringLiteral("  "), QStringLiteral("v")}};
    QTest::newRow("empty value") << Labels{{QStringLiteral("k"), QString()}};
    QTest::newRow("blank value") << Labels{{QStringLiteral("k"), QStringLiteral(" ")}};
}

void tst_ApiClient::setLabels_invalidLabels_refusedBeforeAnyRequest()
{
    QFETCH(Labels, labels);
    Probe<Empty> probe;
    m_client->setLabels(SessionA, labels, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::InvalidArgument);
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ApiClient::get_emptySessionId_refusedBeforeAnyRequest()
{
    Probe<SessionData> probe;
    m_client->get(QString(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::InvalidArgument);
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ApiClient::sessionActions_emptySessionId_refusedBeforeAnyRequest_data()
{
    QTest::addColumn<Op>("op");
    QTest::addColumn<QString>("sessionId");
    QTest::addColumn<bool>("syncContext"); // deleteSession only
    const QList<QPair<const char *, Op>> ops{{"getSession", Op::GetSession},
        {"getSessionDetail", Op::GetSessionDetail},
        {"pauseAsync", Op::PauseAsync},
        {"resumeAsync", Op::ResumeAsync},
        {"pause", Op::Pause},
        {"resume", Op::Resume},
        {"setLabels", Op::SetLabels},
        {"getLabels", Op::GetLabels},
        {"info", Op::Info},
        {"getLink", Op::GetLink},
        {"callMcpTool", Op::CallMcpTool},
        {"deleteSession", Op::Delete}};
    for (const auto &[name, op] : ops) {
        QTest::addRow("%s, empty", name) << op << QString() << false;
        QTest::addRow("%s, blank", name) << op << QStringLiteral(" \t") << false;
    }
    QTest::newRow("deleteSession with context sync, empty") << Op::Delete << QString() << true;
}

void tst_ApiClient::sessionActions_emptySessionId_refusedBeforeAnyRequest()
{
    QFETCH(Op, op);
    QFETCH(QString, sessionId);
    QFETCH(bool, syncContext);
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    QSignalSpy started(m_client.get(), &ApiClient::requestStarted);
    AnyProbe probe;
    if (syncContext) {
        m_client->deleteSession(sessionId, true, FastWait, &probe.context, probe.callback<Empty>());
    } else {
        startOp(op, *m_client, probe, sessionId);
    }
    QTRY_VERIFY(probe.done());
    QCOMPARE(probe.calls, 1);
    QVERIFY(!probe.outcome->ok);
    QCOMPARE(probe.outcome->error.kind, ApiError::Kind::InvalidArgument);
    QVERIFY2(
        probe.outcome->error.message.contains(QStringLiteral("session id")), qPrintable(probe.outcome->error.message));
    QCOMPARE(started.size(), 0); // not even started, so nothing can arrive later
    QCOMPARE(m_client->inFlightCount(), 0);
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ApiClient::specialCharacters_inLabelsAndArgs_surviveFormDecoding_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("the classic") << QStringLiteral("a+b&c=d%e é 漢");
    QTest::newRow("semicolon and slash") << QStringLiteral("x;y/z?w#v");
    QTest::newRow("plus alone") << QStringLiteral("+");
    QTest::newRow("literal percent escape") << QStringLiteral("%41%2B%20");
    QTest::newRow("spaces kept") << QStringLiteral("  two  spaces  ");
    QTest::newRow("quotes and backslash") << QStringLiteral(R"(say "hi" \ bye)");
    QTest::newRow("emoji outside the BMP") << QStringLiteral("rocket 🚀");
    QTest::newRow("newline and tab") << QStringLiteral("line1\nline2\tend");
}

void tst_ApiClient::specialCharacters_inLabelsAndArgs_surviveFormDecoding()
{
    QFETCH(QString, text);
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    const Labels labels{{QStringLiteral("k+&=;") + text.trimmed(), text}, {QStringLiteral("plain"), text}};

    AnyProbe create;
    CreateSessionParams params;
    params.labels = labels;
    m_client->create(params, &create.context, create.callback<SessionData>());
    AnyProbe setLabels;
    m_client->setLabels(SessionA, labels, &setLabels.context, setLabels.callback<Empty>());
    AnyProbe list;
    ListSessionParams listParams;
    listParams.labels = labels;
    m_client->list(listParams, &list.context, list.callback<SessionListPage>());
    AnyProbe call;
    const QJsonObject args{{QStringLiteral("text"), text}, {text, QStringLiteral("as a key")}};
    m_client->callMcpTool(
        SessionA, QStringLiteral("echo"), args, CallToolOptions(), &call.context, call.callback<McpToolResult>());

    QTRY_VERIFY(create.done() && setLabels.done() && list.done() && call.done());
    QVERIFY(create.outcome->ok && setLabels.outcome->ok && list.outcome->ok && call.outcome->ok);

    const QJsonObject expectedLabels = labelsJson(labels);
    for (const QString &action :
        {QStringLiteral("CreateMcpSession"), QStringLiteral("SetLabel"), QStringLiteral("ListSession")}) {
        const QList<RecordedRequest> requests = m_server->requests(action);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(parseObject(requests.first().formValue(QStringLiteral("Labels"))), expectedLabels);
    }
    const QList<RecordedRequest> calls = m_server->requests(QStringLiteral("CallMcpTool"));
    QCOMPARE(calls.size(), 1);
    QCOMPARE(parseObject(calls.first().formValue(QStringLiteral("Args"))), args);
}

// ---------------------------------------------------------------------------------------------
// Response shapes

void tst_ApiClient::create_dataObject_parsesEveryField()
{
    const QJsonArray toolList{QJsonObject{{QStringLiteral("name"), QStringLiteral("shell")},
                                  {QStringLiteral("description"), QStringLiteral("Run a shell command")},
                                  {QStringLiteral("inputSchema"), shellSchema()},
                                  {QStringLiteral("server"), QStringLiteral("wuying_shell")},
                                  {QStringLiteral("tool"), QStringLiteral("shell")}},
        QJsonObject{{QStringLiteral("Name"), QStringLiteral("read_file")},
            {QStringLiteral("serverName"), QStringLiteral("wuying_filesystem")}}};
    const QJsonObject data{{QStringLiteral("SessionId"), SessionA},
        {QStringLiteral("ResourceUrl"), QStringLiteral("https://example.invalid/desktop?session=x&authcode=y")},
        {QStringLiteral("Success"), true},
        {QStringLiteral("ErrMsg"), QString()},
        {QStringLiteral("AppInstanceId"), QStringLiteral("ai-0a1b")},
        {QStringLiteral("ResourceId"), QStringLiteral("p-0a1b")},
        {QStringLiteral("ToolList"), jsonText(toolList)},
        {QStringLiteral("LinkUrl"), QStringLiteral("https://example.invalid/link/abc/")},
        {QStringLiteral("Token"), QStringLiteral("tkn-123")},
        {QStringLiteral("HttpPort"), QStringLiteral("8080")},
        {QStringLiteral("NetworkInterfaceIp"), QStringLiteral("10.0.0.5")},
        {QStringLiteral("VpcResource"), true}};
    m_server->enqueueJson(envelope(data, QStringLiteral("5E3C2B1A-8D4F")));

    Probe<SessionData> probe;
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.result->requestId(), QStringLiteral("5E3C2B1A-8D4F"));
    const SessionData &session = probe.value();
    QCOMPARE(session.sessionId, SessionA);
    QCOMPARE(session.resourceUrl, QStringLiteral("https://example.invalid/desktop?session=x&authcode=y"));
    QCOMPARE(session.appInstanceId, QStringLiteral("ai-0a1b"));
    QCOMPARE(session.resourceId, QStringLiteral("p-0a1b"));
    QCOMPARE(session.linkUrl, QStringLiteral("https://example.invalid/link/abc/"));
    QCOMPARE(session.token, QStringLiteral("tkn-123"));
    QCOMPARE(session.httpPort, QStringLiteral("8080"));
    QCOMPARE(session.networkInterfaceIp, QStringLiteral("10.0.0.5"));
    QVERIFY(session.vpcResource);
    QCOMPARE(session.toolList.size(), 2);
    QCOMPARE(session.toolList.at(0).name, QStringLiteral("shell"));
    QCOMPARE(session.toolList.at(0).server, QStringLiteral("wuying_shell"));
    QCOMPARE(session.toolList.at(0).description, QStringLiteral("Run a shell command"));
    QCOMPARE(session.toolList.at(0).tool, QStringLiteral("shell"));
    QCOMPARE(session.toolList.at(0).inputSchema, shellSchema());
    QCOMPARE(session.toolList.at(1).name, QStringLiteral("read_file")); // Name / serverName fallbacks
    QCOMPARE(session.toolList.at(1).server, QStringLiteral("wuying_filesystem"));
}

void tst_ApiClient::create_dataAsJsonString_isParsed()
{
    const QJsonObject data{
        {QStringLiteral("SessionId"), SessionA}, {QStringLiteral("ResourceUrl"), QStringLiteral("https://r.example/")}};
    m_server->enqueueJson(envelope(jsonText(data)));
    Probe<SessionData> probe;
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().sessionId, SessionA);
    QCOMPARE(probe.value().resourceUrl, QStringLiteral("https://r.example/"));
}

void tst_ApiClient::create_dataSuccessFalse_failsWithErrMsg()
{
    const QJsonObject data{{QStringLiteral("Success"), false},
        {QStringLiteral("ErrMsg"), QStringLiteral("no available resource for image linux_latest")}};
    m_server->enqueueJson(envelope(data, QStringLiteral("9B1D7E34")));
    Probe<SessionData> probe;
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Api);
    QVERIFY2(
        probe.error().message.contains(QStringLiteral("no available resource")), qPrintable(probe.error().message));
    QCOMPARE(probe.error().requestId, QStringLiteral("9B1D7E34"));
    QCOMPARE(probe.result->requestId(), QStringLiteral("9B1D7E34"));
}

void tst_ApiClient::create_noSessionId_fails()
{
    m_server->enqueueJson(envelope(QJsonObject{{QStringLiteral("ResourceUrl"), QStringLiteral("https://r.example/")}}));
    Probe<SessionData> probe;
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QVERIFY(!probe.error().message.isEmpty());
}

void tst_ApiClient::getSession_toolListStringOrArray_parsed_data()
{
    QTest::addColumn<bool>("toolListAsString");
    QTest::addColumn<bool>("dataAsString");
    QTest::newRow("ToolList JSON string") << true << false;
    QTest::newRow("ToolList array") << false << false;
    QTest::newRow("Data JSON string") << true << true;
}

void tst_ApiClient::getSession_toolListStringOrArray_parsed()
{
    QFETCH(bool, toolListAsString);
    QFETCH(bool, dataAsString);
    const QJsonArray toolList{QJsonObject{{QStringLiteral("name"), QStringLiteral("shell")},
        {QStringLiteral("server"), QStringLiteral("wuying_shell")},
        {QStringLiteral("inputSchema"), shellSchema()}}};
    const QJsonObject data{{QStringLiteral("SessionId"), SessionA},
        {QStringLiteral("Status"), QStringLiteral("PAUSING")},
        {QStringLiteral("ResourceUrl"), QStringLiteral("https://r.example/")},
        {QStringLiteral("ToolList"), toolListAsString ? QJsonValue(jsonText(toolList)) : QJsonValue(toolList)},
        {QStringLiteral("contexts"),
            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("SdkCtx-1")},
                {QStringLiteral("name"), QStringLiteral("my-work")}}}}};
    m_server->enqueueJson(
        envelope(dataAsString ? QJsonValue(jsonText(data)) : QJsonValue(data), QStringLiteral("rid-gs")));

    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const SessionData &session = probe.value();
    QCOMPARE(session.sessionId, SessionA);
    QCOMPARE(session.status, SessionStatus::Pausing);
    QCOMPARE(session.toolList.size(), 1);
    QCOMPARE(session.toolList.first().inputSchema, shellSchema());
    QCOMPARE(session.contexts.size(), 1);
    QCOMPARE(session.contexts.first().first, QStringLiteral("SdkCtx-1"));
    QCOMPARE(session.contexts.first().second, QStringLiteral("my-work"));
    QCOMPARE(probe.result->requestId(), QStringLiteral("rid-gs"));
}

void tst_ApiClient::getSession_notFound400_isApiErrorNotFound()
{
    m_server->enqueue(notFound(QStringLiteral("8A7B6C5D")));
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    const ApiError &error = probe.error();
    QCOMPARE(error.kind, ApiError::Kind::Api);
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(error.code, QStringLiteral("InvalidMcpSession.NotFound"));
    QCOMPARE(error.requestId, QStringLiteral("8A7B6C5D"));
    QVERIFY(error.isNotFound());
    QCOMPARE(probe.result->requestId(), QStringLiteral("8A7B6C5D"));
    QCOMPARE(m_server->requestCount(), 1); // a 4xx read is not retried
}

void tst_ApiClient::get_notFound_namesTheSession()
{
    m_server->enqueue(notFound());
    Probe<SessionData> probe;
    m_client->get(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QVERIFY(probe.error().isNotFound());
    QVERIFY2(probe.error().message.contains(SessionA), qPrintable(probe.error().message));
}

void tst_ApiClient::successFalseWithHttp200_anyAction_isApiError_data()
{
    QTest::addColumn<Op>("op");
    QTest::newRow("CreateMcpSession") << Op::Create;
    QTest::newRow("GetSession") << Op::GetSession;
    QTest::newRow("ListSession") << Op::List;
    QTest::newRow("DeleteSessionAsync") << Op::Delete;
    QTest::newRow("PauseSessionAsync") << Op::PauseAsync;
    QTest::newRow("ResumeSessionAsync") << Op::ResumeAsync;
    QTest::newRow("SetLabel") << Op::SetLabels;
    QTest::newRow("GetMcpResource") << Op::Info;
    QTest::newRow("CallMcpTool") << Op::CallMcpTool;
}

void tst_ApiClient::successFalseWithHttp200_anyAction_isApiError()
{
    QFETCH(Op, op);
    m_server->enqueueJson(
        failure(QStringLiteral("ErrorCode"), QStringLiteral("Error message"), 200, QStringLiteral("request-123")));
    AnyProbe probe;
    startOp(op, *m_client, probe);
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.outcome->ok);
    const ApiError &error = probe.outcome->error;
    QCOMPARE(error.kind, ApiError::Kind::Api);
    QCOMPARE(error.code, QStringLiteral("ErrorCode"));
    QCOMPARE(error.message, QStringLiteral("Error message"));
    QCOMPARE(error.requestId, QStringLiteral("request-123"));
    QCOMPARE(probe.outcome->requestId, QStringLiteral("request-123"));
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClient::successMissing_perAction_followsDocumentedChoice_data()
{
    // ApiClient's documented choice (responseparser.h): a missing Success counts as success when
    // the HTTP status is 2xx. The SDKs agree for DeleteSessionAsync, CreateMcpSession, SetLabel,
    // GetLink and CallMcpTool; Python GetSession and Go ListSession would fail instead.
    QTest::addColumn<Op>("op");
    QTest::addColumn<QJsonObject>("answer");

    auto without = [](QJsonObject object) {
        object.remove(QStringLiteral("Success"));
        return object;
    };
    QTest::newRow("DeleteSessionAsync") << Op::Delete << without(envelope());
    QTest::newRow("CreateMcpSession") << Op::Create
                                      << without(envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}}));
    QTest::newRow("SetLabel") << Op::SetLabels << without(envelope());
    QTest::newRow("GetLink") << Op::GetLink
                             << without(envelope(QJsonObject{{QStringLiteral("Url"), QStringLiteral("wss://x/")}}));
    QTest::newRow("CallMcpTool") << Op::CallMcpTool << without(envelope(jsonText(mcpText(QStringLiteral("hi")))));
    QTest::newRow("GetSession") << Op::GetSession
                                << without(envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA},
                                       {QStringLiteral("Status"), QStringLiteral("RUNNING")}}));
    QTest::newRow("ListSession") << Op::List << without(envelope(QJsonArray()));
}

void tst_ApiClient::successMissing_perAction_followsDocumentedChoice()
{
    QFETCH(Op, op);
    QFETCH(QJsonObject, answer);
    m_server->enqueueJson(answer);
    m_server->setFallback(notFound()); // the delete wait's GetSessionDetail: gone
    AnyProbe probe;
    startOp(op, *m_client, probe);
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.outcome->ok, qPrintable(probe.outcome->error.details()));
}

void tst_ApiClient::list_response_parsesPagingFields()
{
    QJsonObject answer = envelope(QJsonArray{QJsonObject{{QStringLiteral("SessionId"), QStringLiteral("session-1")},
                                                 {QStringLiteral("SessionStatus"), QStringLiteral("RUNNING")}},
        QJsonObject{{QStringLiteral("SessionId"), QStringLiteral("session-2")},
            {QStringLiteral("SessionStatus"), QStringLiteral("PAUSED")}}});
    answer.insert(QStringLiteral("NextToken"), QStringLiteral("token-page2"));
    answer.insert(QStringLiteral("MaxResults"), 2);
    answer.insert(QStringLiteral("TotalCount"), 7);
    m_server->enqueueJson(answer);

    Probe<SessionListPage> probe;
    ListSessionParams params;
    params.limit = 2;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const SessionListPage &page = probe.value();
    QCOMPARE(page.sessions.size(), 2);
    QCOMPARE(page.sessions.at(0).sessionId, QStringLiteral("session-1"));
    QCOMPARE(page.sessions.at(0).status, SessionStatus::Running);
    QCOMPARE(page.sessions.at(1).status, SessionStatus::Paused);
    QCOMPARE(page.nextToken, QStringLiteral("token-page2"));
    QCOMPARE(page.maxResults, 2);
    QCOMPARE(page.totalCount, 7);
}

void tst_ApiClient::list_emptyOrMissingStatus_becomesUnknown()
{
    QJsonObject answer = envelope(QJsonArray{QJsonObject{{QStringLiteral("SessionId"), QStringLiteral("session-1")},
                                                 {QStringLiteral("SessionStatus"), QString()}},
        QJsonObject{{QStringLiteral("SessionId"), QStringLiteral("session-2")}}});
    answer.insert(QStringLiteral("NextToken"), QString());
    answer.insert(QStringLiteral("TotalCount"), 2);
    m_server->enqueueJson(answer);
    Probe<SessionListPage> probe;
    m_client->list(ListSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().sessions.size(), 2);
    QCOMPARE(probe.value().sessions.at(0).status, SessionStatus::Unknown);
    QCOMPARE(probe.value().sessions.at(1).status, SessionStatus::Unknown);
    QVERIFY(probe.value().nextToken.isEmpty());
}

void tst_ApiClient::getSessionDetail_response_parsesFields()
{
    const QJsonObject data{{QStringLiteral("Status"), QStringLiteral("RUNNING")},
        {QStringLiteral("ImageId"), QStringLiteral("linux_latest")},
        {QStringLiteral("ImageType"), QStringLiteral("Linux")},
        {QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
        {QStringLiteral("AppInstanceId"), QStringLiteral("ai-1")},
        {QStringLiteral("PolicyId"), QStringLiteral("pol-1")},
        {QStringLiteral("EndReason"), QString()},
        {QStringLiteral("IsDeleted"), 0},
        {QStringLiteral("Id"), qint64(9007199254740)},
        {QStringLiteral("BizType"), 1}};
    m_server->enqueueJson(envelope(data, QStringLiteral("rid-test")));
    Probe<SessionDetail> probe;
    m_client->getSessionDetail(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const SessionDetail &detail = probe.value();
    QCOMPARE(detail.status, SessionStatus::Running);
    QCOMPARE(detail.imageId, QStringLiteral("linux_latest"));
    QCOMPARE(detail.imageType, QStringLiteral("Linux"));
    QCOMPARE(detail.regionId, QStringLiteral("cn-hangzhou"));
    QCOMPARE(detail.appInstanceId, QStringLiteral("ai-1"));
    QCOMPARE(detail.policyId, QStringLiteral("pol-1"));
    QCOMPARE(detail.id, qint64(9007199254740));
    QVERIFY(!detail.isDeleted);
    QCOMPARE(detail.raw.value(QStringLiteral("BizType")).toInt(), 1);
    QCOMPARE(probe.result->requestId(), QStringLiteral("rid-test"));
}

void tst_ApiClient::getLabels_labelsStringOrObject_decoded_data()
{
    QTest::addColumn<QJsonValue>("labels");
    const QJsonObject object{
        {QStringLiteral("key1"), QStringLiteral("value1")}, {QStringLiteral("k é"), QStringLiteral("a+b&c")}};
    QTest::newRow("JSON object string (the wire shape)") << QJsonValue(jsonText(object));
    QTest::newRow("object (robustness)") << QJsonValue(object);
}

void tst_ApiClient::getLabels_labelsStringOrObject_decoded()
{
    QFETCH(QJsonValue, labels);
    QJsonObject answer = envelope(QJsonObject{{QStringLiteral("Labels"), labels}});
    answer.insert(QStringLiteral("MaxResults"), 0);
    answer.insert(QStringLiteral("NextToken"), QString());
    answer.insert(QStringLiteral("TotalCount"), 1);
    m_server->enqueueJson(answer);
    Probe<Labels> probe;
    m_client->getLabels(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const Labels expected{
        {QStringLiteral("key1"), QStringLiteral("value1")}, {QStringLiteral("k é"), QStringLiteral("a+b&c")}};
    QCOMPARE(probe.value(), expected);
}

void tst_ApiClient::info_response_parsesDesktopInfo()
{
    const QJsonObject data{{QStringLiteral("SessionId"), SessionA},
        {QStringLiteral("ResourceUrl"), QStringLiteral("https://example.invalid/desktop?authcode=1")},
        {QStringLiteral("DesktopInfo"),
            QJsonObject{{QStringLiteral("AppId"), QStringLiteral("app-0123")},
                {QStringLiteral("AuthCode"), QStringLiteral("ac-0123")},
                {QStringLiteral("ConnectionProperties"), QStringLiteral(R"({"protocol": "asp"})")},
                {QStringLiteral("ResourceId"), QStringLiteral("p-0a1b")},
                {QStringLiteral("ResourceType"), QStringLiteral("AIAgent")},
                {QStringLiteral("Ticket"), QStringLiteral("tk-1")}}}};
    m_server->enqueueJson(envelope(data, QStringLiteral("E11EF0D5")));
    Probe<SessionInfo> probe;
    m_client->info(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const SessionInfo &info = probe.value();
    QCOMPARE(info.sessionId, SessionA);
    QCOMPARE(info.resourceUrl, QStringLiteral("https://example.invalid/desktop?authcode=1"));
    QCOMPARE(info.appId, QStringLiteral("app-0123"));
    QCOMPARE(info.authCode, QStringLiteral("ac-0123"));
    QCOMPARE(info.connectionProperties, QStringLiteral(R"({"protocol": "asp"})"));
    QCOMPARE(info.resourceId, QStringLiteral("p-0a1b"));
    QCOMPARE(info.resourceType, QStringLiteral("AIAgent"));
    QCOMPARE(info.ticket, QStringLiteral("tk-1"));
    QCOMPARE(probe.result->requestId(), QStringLiteral("E11EF0D5"));
}

void tst_ApiClient::getLink_dataObjectOrString_givesUrl_data()
{
    QTest::addColumn<QJsonValue>("data");
    const QJsonObject object{
        {QStringLiteral("Url"), QStringLiteral("https://gateway.example.invalid/request_ai/abc123/path/")}};
    QTest::newRow("object") << QJsonValue(object);
    QTest::newRow("JSON string") << QJsonValue(jsonText(object));
}

void tst_ApiClient::getLink_dataObjectOrString_givesUrl()
{
    QFETCH(QJsonValue, data);
    m_server->enqueueJson(envelope(data));
    Probe<QString> probe;
    LinkParams params;
    params.protocolType = QStringLiteral("https");
    params.port = 30150;
    m_client->getLink(SessionA, params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value(), QStringLiteral("https://gateway.example.invalid/request_ai/abc123/path/"));
}

void tst_ApiClient::listMcpTools_dataStringOrArray_keepsFullInputSchema_data()
{
    QTest::addColumn<bool>("asString");
    QTest::newRow("JSON array string (the wire shape)") << true;
    QTest::newRow("array (robustness)") << false;
}

void tst_ApiClient::listMcpTools_dataStringOrArray_keepsFullInputSchema()
{
    QFETCH(bool, asString);
    const QJsonObject readSchema{{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
            QJsonObject{{QStringLiteral("path"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                {QStringLiteral("format"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                        {QStringLiteral("enum"), QJsonArray{QStringLiteral("text"), QStringLiteral("binary")}}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("path")}}};
    const QJsonArray tools{QJsonObject{{QStringLiteral("name"), QStringLiteral("shell")},
                               {QStringLiteral("description"), QStringLiteral("Run a shell command in the session")},
                               {QStringLiteral("inputSchema"), shellSchema()},
                               {QStringLiteral("server"), QStringLiteral("wuying_shell")},
                               {QStringLiteral("tool"), QStringLiteral("shell")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("read_file")},
            {QStringLiteral("description"), QStringLiteral("Read a text file")},
            {QStringLiteral("inputSchema"), readSchema},
            {QStringLiteral("server"), QStringLiteral("wuying_filesystem")},
            {QStringLiteral("tool"), QStringLiteral("read_file")}}};
    m_server->enqueueJson(envelope(asString ? QJsonValue(jsonText(tools)) : QJsonValue(tools)));
    Probe<QList<McpTool>> probe;
    m_client->listMcpTools(QStringLiteral("linux_latest"), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const QList<McpTool> &list = probe.value();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).name, QStringLiteral("shell"));
    QCOMPARE(list.at(0).description, QStringLiteral("Run a shell command in the session"));
    QCOMPARE(list.at(0).server, QStringLiteral("wuying_shell"));
    QCOMPARE(list.at(0).tool, QStringLiteral("shell"));
    QCOMPARE(list.at(0).inputSchema, shellSchema());
    QCOMPARE(list.at(1).inputSchema, readSchema);
}

void tst_ApiClient::callMcpTool_severalContentItems_keptWhole()
{
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a");
    const QJsonObject data{{QStringLiteral("content"),
                               QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                              {QStringLiteral("text"), QStringLiteral("first")}},
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                                       {QStringLiteral("data"), QString::fromLatin1(png.toBase64())},
                                       {QStringLiteral("mimeType"), QStringLiteral("image/png")}},
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("resource")},
                                       {QStringLiteral("resource"),
                                           QJsonObject{{QStringLiteral("uri"), QStringLiteral("file:///w/a.txt")},
                                               {QStringLiteral("text"), QStringLiteral("res")}}}},
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("resource_link")},
                                       {QStringLiteral("uri"), QStringLiteral("file:///w/b.md")},
                                       {QStringLiteral("name"), QStringLiteral("b.md")}}}},
        {QStringLiteral("structuredContent"), QJsonObject{{QStringLiteral("count"), 3}}},
        {QStringLiteral("isError"), false}};
    m_server->enqueueJson(envelope(jsonText(data), QStringLiteral("7D3C1F0A")));
    Probe<McpToolResult> probe;
    m_client->callMcpTool(
        SessionA, QStringLiteral("multi"), QJsonObject(), CallToolOptions(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const McpToolResult &result = probe.value();
    QCOMPARE(result.content.size(), 4);
    QCOMPARE(result.content.at(0).text, QStringLiteral("first"));
    QCOMPARE(result.content.at(1).type, McpContentItem::Type::Image);
    QCOMPARE(result.content.at(1).data, png);
    QCOMPARE(result.content.at(1).mimeType, QStringLiteral("image/png"));
    QCOMPARE(result.content.at(2).type, McpContentItem::Type::Resource);
    QCOMPARE(result.content.at(2).uri, QStringLiteral("file:///w/a.txt"));
    QCOMPARE(result.content.at(2).text, QStringLiteral("res"));
    QCOMPARE(result.content.at(3).type, McpContentItem::Type::ResourceLink);
    QCOMPARE(result.content.at(3).name, QStringLiteral("b.md"));
    QVERIFY(result.structuredContent.has_value());
    QCOMPARE(result.structuredContent->toObject().value(QStringLiteral("count")).toInt(), 3);
    QVERIFY(!result.isError);
    QCOMPARE(result.firstText(), QStringLiteral("first"));
    QCOMPARE(probe.result->requestId(), QStringLiteral("7D3C1F0A"));
}

void tst_ApiClient::callMcpTool_isError_isOkWithIsErrorSet()
{
    const QString text = QStringLiteral(
        R"({"errorCode": 1, "stderr": "cat: /nope: No such file or directory\n", "stdout": "", "traceId": "77f9"})");
    QJsonObject answer = envelope(jsonText(mcpText(text, true)));
    answer.insert(QStringLiteral("Success"), true);
    m_server->enqueueJson(answer);
    Probe<McpToolResult> probe;
    m_client->callMcpTool(SessionA,
        QStringLiteral("shell"),
        QJsonObject{{QStringLiteral("command"), QStringLiteral("cat /nope")}},
        CallToolOptions(),
        &probe.context,
        probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QVERIFY(probe.value().isError);
    const auto shell = probe.value().shellOutput();
    QVERIFY(shell.has_value());
    QCOMPARE(shell->exitCode, 1);
    QVERIFY(shell->stdErr.contains(QStringLiteral("No such file")));
}

void tst_ApiClient::callMcpTool_emptyData_fails()
{
    m_server->enqueueJson(envelope(QString()));
    Probe<McpToolResult> probe;
    m_client->callMcpTool(
        SessionA, QStringLiteral("shell"), QJsonObject(), CallToolOptions(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
}

void tst_ApiClient::successFalse_otherSpellings_isApiError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("requestId");

    QTest::newRow("lower-case keys") << QByteArray(
        R"({"success":false,"code":"Quota.Exceeded","message":"too many","requestId":"r-lc"})")
                                     << QStringLiteral("Quota.Exceeded") << QStringLiteral("too many")
                                     << QStringLiteral("r-lc");
    QTest::newRow("Success as text") << QByteArray(
        R"({"Success":"false","Code":"Quota.Exceeded","Message":"too many","RequestId":"r-t"})")
                                     << QStringLiteral("Quota.Exceeded") << QStringLiteral("too many")
                                     << QStringLiteral("r-t");
    QTest::newRow("Python-style False text")
        << QByteArray(R"({"Success":"False","Code":"Quota.Exceeded","RequestId":"r-p"})")
        << QStringLiteral("Quota.Exceeded") << QStringLiteral("Quota.Exceeded") << QStringLiteral("r-p");
    QTest::newRow("empty Code, lower-case code set")
        << QByteArray(R"({"Success":false,"Code":"","code":"Quota.Exceeded","Message":"m","RequestId":"r-e"})")
        << QStringLiteral("Quota.Exceeded") << QStringLiteral("m") << QStringLiteral("r-e");
}

void tst_ApiClient::successFalse_otherSpellings_isApiError()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, requestId);
    m_server->setFallback(CannedResponse::raw(200, body));
    Probe<Empty> probe; // a write, so one answer decides
    m_client->setLabels(SessionA, {{QStringLiteral("a"), QStringLiteral("b")}}, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Api);
    QCOMPARE(probe.error().code, code);
    QCOMPARE(probe.error().message, message);
    QCOMPARE(probe.error().requestId, requestId);
}

void tst_ApiClient::create_dataSuccessFalseAsText_fails()
{
    m_server->enqueueJson(envelope(QJsonObject{{QStringLiteral("Success"), QStringLiteral("false")},
        {QStringLiteral("ErrMsg"), QStringLiteral("no available resource")}}));
    Probe<SessionData> probe;
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().message, QStringLiteral("no available resource"));
}

void tst_ApiClient::list_maxResultsMissing_fallsBackToRequestedSize()
{
    QJsonObject answer = envelope(QJsonArray{QJsonObject{{QStringLiteral("SessionId"), SessionA}}});
    answer.insert(QStringLiteral("TotalCount"), QStringLiteral("7")); // a number as text is still read
    m_server->enqueueJson(answer);
    ListSessionParams params;
    params.limit = 4;
    Probe<SessionListPage> probe;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().maxResults, 4);
    QCOMPARE(probe.value().totalCount, 7);
}

void tst_ApiClient::transportErrorAfterStatusLine_isNetworkErrorAndRetried()
{
    const QByteArray body = QJsonDocument(envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA},
                                              {QStringLiteral("Status"), QStringLiteral("RUNNING")}}))
                                .toJson(QJsonDocument::Compact);
    m_server->setFallback(CannedResponse::truncated(200, body));
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 15000);
    QVERIFY(!probe.result->ok());
    // The connection broke mid-body: nothing malformed was said, the network failed.
    QCOMPARE(probe.error().kind, ApiError::Kind::Network);
    QVERIFY2(m_server->requestCount() >= 2, qPrintable(QString::number(m_server->requestCount())));
    QTRY_COMPARE(m_client->inFlightCount(), 0);
}

void tst_ApiClient::retryAfter_statedByServer_honouredOnReads_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("minWaitMs");

    // x-acs-retry-after is in milliseconds (the OpenAPI cores' unit), Retry-After in seconds.
    QTest::newRow("x-acs-retry-after 400 ms with Code Throttling")
        << 400 << QByteArray("x-acs-retry-after") << QByteArray("400")
        << QByteArray(R"({"Code":"Throttling","Message":"slow down","RequestId":"r-t"})") << 400;
    QTest::newRow("x-acs-retry-after makes any Code throttling")
        << 400 << QByteArray("X-Acs-Retry-After") << QByteArray("400")
        << QByteArray(R"({"Code":"Busy","Message":"slow down","RequestId":"r-t"})") << 400;
    QTest::newRow("Retry-After 1 s on 503") << 503 << QByteArray("Retry-After") << QByteArray("1")
                                            << QByteArray(R"({"Code":"Unavailable","Message":"later"})") << 1000;
}

void tst_ApiClient::retryAfter_statedByServer_honouredOnReads()
{
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, body);
    QFETCH(int, minWaitMs);

    CannedResponse throttled = CannedResponse::raw(status, body);
    throttled.headers.append({header, value});
    QList<qint64> arrivals;
    QElapsedTimer clock;
    clock.start();
    m_server->setHandler([&, this](const RecordedRequest &request) -> std::optional<CannedResponse> {
        arrivals.append(clock.elapsed());
        return arrivals.size() == 1 ? throttled : *serveOk(request);
    });
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 5000);
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(arrivals.size(), 2);
    const qint64 waited = arrivals.at(1) - arrivals.at(0);
    QVERIFY2(waited >= minWaitMs - 20 && waited < minWaitMs + 2000, qPrintable(QString::number(waited)));
    m_server->setHandler({});
}

void tst_ApiClient::retryAfter_longerThanRetriesWait_notRetriedAndReported()
{
    CannedResponse throttled =
        CannedResponse::raw(400, R"({"Code":"Throttling.User","Message":"slow down","RequestId":"r-t"})");
    throttled.headers.append({QByteArrayLiteral("x-acs-retry-after"), QByteArrayLiteral("60000")});
    m_server->setFallback(throttled);
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QVERIFY(probe.error().isThrottling());
    QCOMPARE(probe.error().retryAfter, std::chrono::milliseconds(60000));
    QCOMPARE(m_server->requestCount(), 1); // a retry now would ignore what the server asked
}

void tst_ApiClient::httpError_status_classified_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("requestId");

    QTest::newRow("400 with API body")
        << 400
        << QByteArray(
               R"({"Code":"InvalidParameter.Labels","Message":"Labels is not JSON","RequestId":"r-400","Success":false,"HttpStatusCode":400})")
        << int(ApiError::Kind::Api) << QStringLiteral("InvalidParameter.Labels") << QStringLiteral("r-400");
    QTest::newRow("401 lower-case keys") << 401
                                         << QByteArray(
                                                R"({"code":"InvalidApiKey","message":"bad key","requestId":"r-401"})")
                                         << int(ApiError::Kind::Api) << QStringLiteral("InvalidApiKey")
                                         << QStringLiteral("r-401");
    QTest::newRow("404 html") << 404 << QByteArray("<html><body>Not Found</body></html>") << int(ApiError::Kind::Http)
                              << QString() << QString();
    QTest::newRow("403 empty body") << 403 << QByteArray() << int(ApiError::Kind::Http) << QString() << QString();
    QTest::newRow("500 with API body") << 500
                                       << QByteArray(R"({"Code":"InternalError","Message":"boom","RequestId":"r-500"})")
                                       << int(ApiError::Kind::Api) << QStringLiteral("InternalError")
                                       << QStringLiteral("r-500");
    QTest::newRow("502 html") << 502 << QByteArray("<html>Bad Gateway</html>") << int(ApiError::Kind::Http) << QString()
                              << QString();
}

void tst_ApiClient::httpError_status_classified()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, requestId);

    m_server->setFallback(CannedResponse::raw(status, body, body.startsWith('{') ? "application/json" : "text/html"));
    Probe<SessionData> probe; // a write: never retried, so one answer decides
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    const ApiError &error = probe.error();
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.code, code);
    QCOMPARE(error.requestId, requestId);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClient::malformedAnswer_isParseError_data()
{
    QTest::addColumn<Op>("op");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON at all") << Op::GetSession << QByteArray("<html>oops</html>");
    QTest::newRow("truncated JSON") << Op::GetSession << QByteArray(R"({"RequestId":"r","Success":tr)");
    QTest::newRow("top level array") << Op::GetSession << QByteArray(R"([1,2,3])");
    QTest::newRow("empty body") << Op::Create << QByteArray();
    QTest::newRow("GetSession Data is a number")
        << Op::GetSession << QByteArray(R"({"RequestId":"r","Success":true,"Data":42})");
    QTest::newRow("ListSession Data is an object")
        << Op::List << QByteArray(R"({"RequestId":"r","Success":true,"Data":{"a":1}})");
    QTest::newRow("ListMcpTools Data is not JSON")
        << Op::ListMcpTools << QByteArray(R"({"RequestId":"r","Success":true,"Data":"[{broken"})");
}

void tst_ApiClient::malformedAnswer_isParseError()
{
    QFETCH(Op, op);
    QFETCH(QByteArray, body);
    m_server->setFallback(CannedResponse::raw(200, body));
    AnyProbe probe;
    startOp(op, *m_client, probe);
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.outcome->ok);
    QCOMPARE(probe.outcome->error.kind, ApiError::Kind::Parse);
    QVERIFY(!probe.outcome->error.message.isEmpty());
    QCOMPARE(m_server->requestCount(), 1); // a parse error is not retried
}

// ---------------------------------------------------------------------------------------------
// Faults

void tst_ApiClient::hang_shortTimeout_reportsTimeout_data()
{
    QTest::addColumn<Op>("op");
    QTest::newRow("write (CreateMcpSession)") << Op::Create;
    QTest::newRow("read (GetSession)") << Op::GetSession;
}

void tst_ApiClient::hang_shortTimeout_reportsTimeout()
{
    QFETCH(Op, op);
    makeClient(300);
    m_server->setFallback(CannedResponse::hang());
    AnyProbe probe;
    QElapsedTimer clock;
    clock.start();
    startOp(op, *m_client, probe);
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 10000);
    QVERIFY(!probe.outcome->ok);
    QCOMPARE(probe.outcome->error.kind, ApiError::Kind::Timeout);
    QVERIFY(!probe.outcome->error.message.isEmpty());
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(probe.calls, 1);
    QVERIFY(m_server->requestCount() >= 1);
}

void tst_ApiClient::cancel_requestInFlight_reportsCancelledNotTimeout()
{
    makeClient(60000);
    m_server->setFallback(CannedResponse::hang());
    Probe<SessionData> probe;
    OperationHandle handle = m_client->getSession(SessionA, &probe.context, probe.callback());
    QVERIFY(handle.isRunning());
    QTRY_COMPARE(m_server->requestCount(), 1);
    handle.cancel();
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(probe.calls, 1);
    QTRY_VERIFY(!handle.isRunning());
    QTRY_COMPARE(m_client->inFlightCount(), 0);
    QCOMPARE(m_server->requestCount(), 1); // a cancel is not retried
}

void tst_ApiClient::cancel_waitingOperationBetweenPolls_reportsCancelled()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"PauseSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(QJsonObject{
            {QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), QStringLiteral("PAUSING")}}));
    });
    Probe<SessionStatus> probe;
    OperationHandle handle = m_client->pause(SessionA, WaitOptions{60000, 200}, &probe.context, probe.callback());
    QTRY_VERIFY(m_server->requestCount(QStringLiteral("GetSession")) >= 1);
    handle.cancel();
    QTRY_VERIFY(probe.done());
    QCOMPARE(probe.error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(probe.calls, 1);
    const int polls = m_server->requestCount(QStringLiteral("GetSession"));
    // No more polls after the cancel: one more poll interval passes with the count unchanged.
    QTest::qWait(400);
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), polls);
    QVERIFY(!handle.isRunning());
}

void tst_ApiClient::cancel_afterFinish_doesNothing()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    Probe<SessionData> probe;
    OperationHandle handle = m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(probe.result->ok());
    QTRY_VERIFY(!handle.isRunning());
    handle.cancel();
    QCoreApplication::processEvents();
    QCOMPARE(probe.calls, 1);
    QVERIFY(probe.result->ok());
    OperationHandle empty;
    empty.cancel(); // a default handle is harmless
    QVERIFY(!empty.isRunning());
}

// ---------------------------------------------------------------------------------------------
// Lifetimes: every phase of the composite operations

void tst_ApiClient::phaseRows()
{
    QTest::addColumn<QString>("phase");
    for (const char *phase : {"read in flight",
             "read in retry backoff",
             "list skip request",
             "listAll second page",
             "pause initiating call",
             "pause between polls",
             "pause during a poll",
             "delete SyncContext",
             "delete initiating call",
             "delete between polls",
             "delete during a poll",
             "delete poll in retry backoff"}) {
        QTest::newRow(phase) << QString::fromLatin1(phase);
    }
}

OperationHandle tst_ApiClient::startInPhase(const QString &phase, AnyProbe &probe, QObject *context)
{
    // Which action stops the operation where the phase is, and how.
    const QString stopAt = phase.startsWith(u"read") ? QStringLiteral("GetSession")
        : phase.startsWith(u"list")                  ? QStringLiteral("ListSession")
        : phase == u"pause initiating call"          ? QStringLiteral("PauseSessionAsync")
        : phase.startsWith(u"pause")                 ? QStringLiteral("GetSession")
        : phase == u"delete SyncContext"             ? QStringLiteral("SyncContext")
        : phase == u"delete initiating call"         ? QStringLiteral("DeleteSessionAsync")
                                                     : QStringLiteral("GetSessionDetail");
    const bool hangs = phase.contains(u"in flight") || phase.contains(u"during") || phase.contains(u"initiating")
        || phase.contains(u"SyncContext") || phase.contains(u"skip") || phase.contains(u"second page");
    const bool backoff = phase.contains(u"backoff");
    m_server->setHandler([=, this](const RecordedRequest &request) -> std::optional<CannedResponse> {
        const QString action = request.action();
        if (action == u"ListSession") {
            if (m_server->requestCount(action) >= 2) {
                return CannedResponse::hang();
            }
            QJsonObject page = envelope(QJsonArray{QJsonObject{{QStringLiteral("SessionId"), SessionA}}});
            page.insert(QStringLiteral("NextToken"), QStringLiteral("token-2"));
            return CannedResponse::json(page);
        }
        if (action != stopAt) {
            return CannedResponse::json(envelope());
        }
        if (hangs) {
            return CannedResponse::hang();
        }
        if (backoff) {
            CannedResponse busy = CannedResponse::raw(503, R"({"Code":"Unavailable","Message":"later"})");
            busy.headers.append({QByteArrayLiteral("x-acs-retry-after"), QByteArrayLiteral("10000")});
            return busy;
        }
        const QString status = action == u"GetSession" ? QStringLiteral("PAUSING") : QStringLiteral("DELETING");
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), status}}));
    });

    const WaitOptions slowPolls{60000, 30000}; // the second poll is far away
    QObject *ctx = context ? context : &probe.context;
    OperationHandle handle;
    if (phase.startsWith(u"read")) {
        handle = m_client->getSession(SessionA, ctx, probe.callback<SessionData>());
    } else if (phase == u"list skip request") {
        ListSessionParams params;
        params.page = 3;
        handle = m_client->list(params, ctx, probe.callback<SessionListPage>());
    } else if (phase.startsWith(u"listAll")) {
        handle = m_client->listAll(Labels(), QString(), 1, ctx, probe.callback<QList<SessionSummary>>());
    } else if (phase.startsWith(u"pause")) {
        handle = m_client->pause(SessionA, slowPolls, ctx, probe.callback<SessionStatus>());
    } else {
        handle =
            m_client->deleteSession(SessionA, phase == u"delete SyncContext", slowPolls, ctx, probe.callback<Empty>());
    }
    const int stopCount = stopAt == u"ListSession" ? 2 : 1;
    [&] {
        QTRY_COMPARE(m_server->requestCount(stopAt), stopCount);
        // Hanging: the request is open; otherwise its answer has been taken in.
        QTRY_COMPARE(m_client->inFlightCount(), hangs ? 1 : 0);
    }();
    return handle;
}

void tst_ApiClient::cancel_eachPhase_reportsCancelledOnceAndStopsRequests_data()
{
    phaseRows();
}

void tst_ApiClient::cancel_eachPhase_reportsCancelledOnceAndStopsRequests()
{
    QFETCH(QString, phase);
    AnyProbe probe;
    OperationHandle handle = startInPhase(phase, probe);
    QVERIFY(handle.isRunning());
    QVERIFY(!probe.done());
    const int requests = m_server->requestCount();

    handle.cancel();
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.outcome->ok);
    QCOMPARE(probe.outcome->error.kind, ApiError::Kind::Cancelled);
    QCOMPARE(m_client->inFlightCount(), 0);
    QTRY_VERIFY(!handle.isRunning());
    handle.cancel(); // a second cancel is harmless
    QTRY_COMPARE(m_server->openRequestCount(), 0); // the aborted connection is gone
    QTest::qWait(100);
    QCOMPARE(probe.calls, 1);
    QCOMPARE(m_server->requestCount(), requests);
}

void tst_ApiClient::contextDestroyed_eachPhase_silentAndStopsRequests_data()
{
    phaseRows();
}

void tst_ApiClient::contextDestroyed_eachPhase_silentAndStopsRequests()
{
    QFETCH(QString, phase);
    AnyProbe probe;
    auto context = std::make_unique<QObject>();
    OperationHandle handle = startInPhase(phase, probe, context.get());
    const int requests = m_server->requestCount();
    context.reset();

    QTRY_COMPARE(m_client->inFlightCount(), 0);
    QTRY_VERIFY(!handle.isRunning());
    QTRY_COMPARE(m_server->openRequestCount(), 0);
    QTest::qWait(100);
    QCOMPARE(probe.calls, 0);
    QCOMPARE(m_server->requestCount(), requests);
}

void tst_ApiClient::clientDestroyed_eachPhase_silentNoCrash_data()
{
    phaseRows();
}

void tst_ApiClient::clientDestroyed_eachPhase_silentNoCrash()
{
    QFETCH(QString, phase);
    AnyProbe probe;
    OperationHandle handle = startInPhase(phase, probe);
    const int requests = m_server->requestCount();
    m_client.reset();
    QCOMPARE(probe.calls, 0);
    QVERIFY(!handle.isRunning());
    handle.cancel(); // the operation is gone: harmless
    QTRY_COMPARE(m_server->openRequestCount(), 0);
    QTest::qWait(100);
    QCOMPARE(probe.calls, 0);
    QCOMPARE(m_server->requestCount(), requests);
}

void tst_ApiClient::connectionReset_write_reportsNetworkError()
{
    m_server->setFallback(CannedResponse::reset());
    Probe<SessionData> probe;
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Network);
    QCOMPARE(probe.error().httpStatus, 0);
    QVERIFY(!probe.error().message.isEmpty());
    QCOMPARE(probe.calls, 1);
    // Core never retries a write. Qt 6.4's HTTP channel itself re-sends a request once when the
    // connection is reset before any answer byte (even a POST), so the server may see it twice.
    QVERIFY2(m_server->requestCount() <= 2, qPrintable(QString::number(m_server->requestCount())));
}

void tst_ApiClient::connectionReset_read_retriedThenNetworkError()
{
    m_server->setFallback(CannedResponse::reset());
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 15000);
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Network);
    QVERIFY2(m_server->requestCount() >= 2 && m_server->requestCount() <= 6,
        qPrintable(QString::number(m_server->requestCount())));
}

void tst_ApiClient::garbageBytes_notHttp_reportsError()
{
    m_server->setFallback(CannedResponse::garbage());
    Probe<SessionData> probe;
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    const ApiError::Kind kind = probe.error().kind;
    QVERIFY2(kind == ApiError::Kind::Network || kind == ApiError::Kind::Parse, qPrintable(ApiError::kindName(kind)));
    QVERIFY(!probe.error().message.isEmpty());
    QCOMPARE(probe.calls, 1);
}

void tst_ApiClient::serverError_thenSuccess_readIsRetried_data()
{
    QTest::addColumn<Op>("op");
    QTest::addColumn<int>("status");
    QTest::newRow("GetSession 503") << Op::GetSession << 503;
    QTest::newRow("GetSession 500") << Op::GetSession << 500;
    QTest::newRow("ListSession 502") << Op::List << 502;
    QTest::newRow("GetSessionDetail 503") << Op::GetSessionDetail << 503;
    QTest::newRow("GetLabel 500") << Op::GetLabels << 500;
    QTest::newRow("GetMcpResource 503") << Op::Info << 503;
    QTest::newRow("GetLink 503") << Op::GetLink << 503;
    QTest::newRow("ListMcpTools 503") << Op::ListMcpTools << 503;
}

void tst_ApiClient::serverError_thenSuccess_readIsRetried()
{
    QFETCH(Op, op);
    QFETCH(int, status);
    bool failedOnce = false;
    m_server->setHandler([&, this](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (!failedOnce) {
            failedOnce = true;
            return CannedResponse::raw(status, "<html>upstream trouble</html>", "text/html");
        }
        if (request.action() == u"GetSessionDetail") {
            return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("Status"), QStringLiteral("RUNNING")}}));
        }
        return serveOk(request);
    });
    AnyProbe probe;
    startOp(op, *m_client, probe);
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 10000);
    QVERIFY2(probe.outcome->ok, qPrintable(probe.outcome->error.details()));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->requests().at(1).action(), actionOf(op));
    QCOMPARE(probe.calls, 1);
    m_server->setHandler({});
}

void tst_ApiClient::serverError_onWrite_notRetried_data()
{
    QTest::addColumn<Op>("op");
    QTest::newRow("CreateMcpSession") << Op::Create;
    QTest::newRow("DeleteSessionAsync") << Op::Delete;
    QTest::newRow("PauseSessionAsync") << Op::PauseAsync;
    QTest::newRow("ResumeSessionAsync") << Op::ResumeAsync;
    QTest::newRow("pause (waiting form)") << Op::Pause;
    QTest::newRow("SetLabel") << Op::SetLabels;
    QTest::newRow("CallMcpTool") << Op::CallMcpTool;
}

void tst_ApiClient::serverError_onWrite_notRetried()
{
    QFETCH(Op, op);
    m_server->setFallback(CannedResponse::raw(503, "<html>Service Unavailable</html>", "text/html"));
    AnyProbe probe;
    startOp(op, *m_client, probe);
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.outcome->ok);
    QCOMPARE(probe.outcome->error.httpStatus, 503);
    // The callback is the end of the operation: no retry can follow it.
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->lastRequest().action(), actionOf(op));
    QTRY_COMPARE(m_client->inFlightCount(), 0);
}

void tst_ApiClient::throttling_onRead_retried_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("400 Code Throttling.User")
        << 400
        << QByteArray(
               R"({"Code":"Throttling.User","Message":"Request was denied due to user flow control.","RequestId":"r-t"})");
    QTest::newRow("200 Success:false Code Throttling")
        << 200 << QByteArray(R"({"Code":"Throttling","Message":"slow down","RequestId":"r-t","Success":false})");
    QTest::newRow("429") << 429
                         << QByteArray(
                                R"({"Code":"TooManyRequests.Throttling","Message":"slow down","RequestId":"r-t"})");
}

void tst_ApiClient::throttling_onRead_retried()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    m_server->enqueue(CannedResponse::raw(status, body));
    m_server->setHandler([this](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (m_server->queuedCount() > 0) {
            return std::nullopt; // the throttled answer first
        }
        return serveOk(request);
    });
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 10000);
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(m_server->requestCount(), 2);
}

void tst_ApiClient::throttling_onWrite_notRetried()
{
    m_server->setFallback(
        CannedResponse::raw(400, R"({"Code":"Throttling.User","Message":"slow down","RequestId":"r-t"})"));
    Probe<Empty> probe;
    m_client->setLabels(SessionA, {{QStringLiteral("a"), QStringLiteral("b")}}, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QVERIFY(probe.error().isThrottling());
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClient::serverAlwaysFails_read_retriesAreBounded()
{
    m_server->setFallback(
        CannedResponse::raw(503, R"({"Code":"ServiceUnavailable","Message":"down","RequestId":"r-503"})"));
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 20000);
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().httpStatus, 503);
    QCOMPARE(probe.error().code, QStringLiteral("ServiceUnavailable"));
    const int attempts = m_server->requestCount();
    QVERIFY2(attempts >= 2 && attempts <= 5, qPrintable(QString::number(attempts)));
    QCOMPARE(probe.calls, 1);
    QTRY_COMPARE(m_client->inFlightCount(), 0);
}

void tst_ApiClient::contextDestroyed_beforeReply_callbackNeverRuns()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request)->delayed(200);
    });
    int calls = 0;
    auto context = std::make_unique<QObject>();
    m_client->getSession(SessionA, context.get(), [&calls](const Result<SessionData> &) {
        ++calls;
    });
    QTRY_COMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_client->inFlightCount(), 1);
    QSignalSpy inFlight(m_client.get(), &ApiClient::inFlightCountChanged);
    context.reset();
    // Nothing is emitted while the context is being destroyed: its owner may be half gone.
    QCOMPARE(inFlight.count(), 0);
    // Nobody waits for the answer any more: the request is dropped on the next turn.
    QTRY_COMPARE(m_client->inFlightCount(), 0);
    // A later request on a live context completes, proving the event loop got past the first one.
    Probe<SessionData> later;
    m_client->getSession(SessionA, &later.context, later.callback());
    QTRY_VERIFY(later.done());
    QCOMPARE(calls, 0);
}

void tst_ApiClient::clientDestroyed_beforeReply_callbackNeverRuns()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request)->delayed(200);
    });
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_COMPARE(m_server->requestCount(), 1);
    m_client.reset();
    // The server's delayed answer goes nowhere; a fresh client works and the old callback stays silent.
    QTRY_COMPARE(m_server->openRequestCount(), 0);
    makeClient();
    Probe<SessionData> later;
    m_client->getSession(SessionA, &later.context, later.callback());
    QTRY_VERIFY(later.done());
    QCOMPARE(probe.calls, 0);
}

void tst_ApiClient::requestLog_retriedRead_entriesDescribeEachAttempt()
{
    bool failedOnce = false;
    m_server->setHandler([&, this](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (!failedOnce) {
            failedOnce = true;
            return CannedResponse::raw(503, R"({"Code":"ServiceUnavailable","Message":"down","RequestId":"r-1"})");
        }
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), request.formValue(QStringLiteral("SessionId"))},
                         {QStringLiteral("Status"), QStringLiteral("RUNNING")}},
                QStringLiteral("r-2")));
    });
    QSignalSpy started(m_client.get(), &ApiClient::requestStarted);
    QSignalSpy finished(m_client.get(), &ApiClient::requestFinished);
    QSignalSpy inFlight(m_client.get(), &ApiClient::inFlightCountChanged);
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 10000);
    QVERIFY(probe.result->ok());
    QCOMPARE(started.size(), 2);
    QCOMPARE(finished.size(), 2);

    const auto first = finished.at(0).at(0).value<RequestLogEntry>();
    const auto second = finished.at(1).at(0).value<RequestLogEntry>();
    QCOMPARE(first.action, QStringLiteral("GetSession"));
    QCOMPARE(first.sessionId, SessionA);
    QVERIFY(first.finished);
    QVERIFY(!first.ok);
    QCOMPARE(first.httpStatus, 503);
    QCOMPARE(first.requestId, QStringLiteral("r-1"));
    QCOMPARE(first.attempt, 1);
    QVERIFY(first.durationMs >= 0);
    QVERIFY(!first.outcome.isEmpty());
    QVERIFY(second.ok);
    QCOMPARE(second.attempt, 2);
    QCOMPARE(second.httpStatus, 200);
    QCOMPARE(second.requestId, QStringLiteral("r-2"));
    QVERIFY(second.id > first.id);
    const auto startedFirst = started.at(0).at(0).value<RequestLogEntry>();
    QVERIFY(!startedFirst.finished);
    QCOMPARE(startedFirst.id, first.id);
    QCOMPARE(startedFirst.durationMs, qint64(-1));

    // In flight: up to 1 and back to 0 for each attempt.
    QVERIFY(!inFlight.isEmpty());
    QCOMPARE(inFlight.first().at(0).toInt(), 1);
    QCOMPARE(inFlight.last().at(0).toInt(), 0);
    for (const QList<QVariant> &change : inFlight) {
        QVERIFY(change.at(0).toInt() <= 1);
    }
}

// ---------------------------------------------------------------------------------------------
// Secrets

void tst_ApiClient::apiKey_neverInLogsErrorsOrLogEntries_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("success") << QStringLiteral("success");
    QTest::newRow("API error echoing the key") << QStringLiteral("api-echo");
    QTest::newRow("HTTP 500 page echoing the key") << QStringLiteral("http-echo");
    QTest::newRow("Success:false echoing the key") << QStringLiteral("success-false-echo");
    QTest::newRow("garbage body echoing the key") << QStringLiteral("parse-echo");
    QTest::newRow("timeout") << QStringLiteral("timeout");
    QTest::newRow("connection reset") << QStringLiteral("reset");
    QTest::newRow("cancelled") << QStringLiteral("cancel");
    QTest::newRow("invalid argument") << QStringLiteral("invalid");
    QTest::newRow("delete with SyncContext (key in the query)") << QStringLiteral("sync-delete");
    QTest::newRow("unreachable server") << QStringLiteral("refused");
    QTest::newRow("SyncContext refused with HTTP 400 (key in the query)") << QStringLiteral("sync-refused");
    QTest::newRow("SyncContext unreachable (key in the query)") << QStringLiteral("sync-unreachable");
    QTest::newRow("API error echoing the key form-encoded") << QStringLiteral("api-echo-encoded");
    QTest::newRow("API error echoing it in Code and RequestId") << QStringLiteral("api-echo-fields");
    QTest::newRow("endpoint with user:password, HTTP 500") << QStringLiteral("userinfo-http");
    QTest::newRow("endpoint with user:password, unreachable") << QStringLiteral("userinfo-refused");
}

void tst_ApiClient::apiKey_neverInLogsErrorsOrLogEntries()
{
    QFETCH(QString, scenario);
    const QString echo = QStringLiteral("the key Bearer ") + ApiKey + QStringLiteral(" is not valid");
    const QByteArray echoJson =
        QJsonDocument(failure(QStringLiteral("InvalidApiKey"), echo, 401, QStringLiteral("r-k")))
            .toJson(QJsonDocument::Compact);

    g_logLines.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true")); // Qt's own categories too
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
    });

    Config config = configFor(scenario == u"timeout" ? 300 : 5000);
    if (scenario == u"refused" || scenario.endsWith(u"unreachable") || scenario == u"userinfo-refused") {
        FakeHttpServer closed;
        config.endpoint = closed.endpoint();
        closed.close(); // nothing listens there any more
    }
    if (scenario.startsWith(u"userinfo")) {
        QUrl withUser(config.endpoint);
        withUser.setUserName(QStringLiteral("alice"));
        withUser.setPassword(QStringLiteral("Pa55-") + KeyMarker);
        config.endpoint = withUser.toString();
    }
    m_client = std::make_unique<ApiClient>(config);
    QSignalSpy started(m_client.get(), &ApiClient::requestStarted);
    QSignalSpy finished(m_client.get(), &ApiClient::requestFinished);

    if (scenario == u"success") {
        m_server->setHandler([this](const RecordedRequest &request) {
            return serveOk(request);
        });
    } else if (scenario == u"api-echo") {
        m_server->setFallback(CannedResponse::raw(401, echoJson));
    } else if (scenario == u"http-echo") {
        m_server->setFallback(CannedResponse::raw(500, "<html>" + echo.toUtf8() + "</html>", "text/html"));
    } else if (scenario == u"success-false-echo") {
        m_server->setFallback(CannedResponse::raw(200, echoJson));
    } else if (scenario == u"parse-echo") {
        m_server->setFallback(CannedResponse::raw(200, "Authorization=" + echo.toUtf8()));
    } else if (scenario == u"timeout" || scenario == u"cancel") {
        m_server->setFallback(CannedResponse::hang());
    } else if (scenario == u"reset") {
        m_server->setFallback(CannedResponse::reset());
    } else if (scenario == u"sync-refused") {
        m_server->setFallback(CannedResponse::raw(400, "<html>bad request</html>", "text/html"));
    } else if (scenario == u"api-echo-encoded") {
        const QByteArray encoded = "Authorization=Bearer+" + QUrl::toPercentEncoding(ApiKey) + " / Bearer%20"
            + QUrl::toPercentEncoding(ApiKey);
        m_server->setFallback(CannedResponse::raw(400,
            QJsonDocument(
                failure(QStringLiteral("InvalidApiKey"), QString::fromLatin1(encoded), 400, QStringLiteral("r")))
                .toJson(QJsonDocument::Compact)));
    } else if (scenario == u"api-echo-fields") {
        m_server->setFallback(CannedResponse::raw(
            400, QJsonDocument(failure(QStringLiteral("Bad.") + ApiKey, QStringLiteral("bad"), 400, ApiKey)).toJson()));
    } else if (scenario == u"userinfo-http") {
        m_server->setFallback(CannedResponse::raw(500, "<html>down</html>", "text/html"));
    } else if (scenario == u"sync-delete") {
        m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
            if (request.action() == u"GetSessionDetail") {
                return notFound();
            }
            return CannedResponse::json(envelope());
        });
    }

    QList<ApiError> errors;
    AnyProbe create;
    AnyProbe read;
    AnyProbe extra;
    if (scenario == u"invalid") {
        LinkParams params;
        params.port = 1;
        m_client->getLink(SessionA, params, &extra.context, extra.callback<QString>());
    } else if (scenario.startsWith(u"sync")) {
        m_client->deleteSession(SessionA, true, FastWait, &extra.context, extra.callback<Empty>());
    } else if (scenario == u"cancel") {
        OperationHandle handle = m_client->getSession(SessionA, &extra.context, extra.callback<SessionData>());
        QTRY_COMPARE(m_server->requestCount(), 1);
        handle.cancel();
    } else {
        startOp(Op::Create, *m_client, create);
        startOp(Op::GetSession, *m_client, read);
        startOp(Op::CallMcpTool, *m_client, extra);
    }
    if (scenario == u"cancel") {
        QTRY_VERIFY(extra.done());
        QCOMPARE(extra.outcome->error.kind, ApiError::Kind::Cancelled);
    } else if (scenario == u"invalid" || scenario.startsWith(u"sync")) {
        QTRY_VERIFY_WITH_TIMEOUT(extra.done(), 10000);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(create.done() && read.done() && extra.done(), 15000);
    }
    for (const AnyProbe *probe : {&create, &read, &extra}) {
        if (probe->done() && !probe->outcome->ok) {
            errors.append(probe->outcome->error);
        }
    }
    if (scenario != u"success" && scenario != u"sync-delete") {
        QVERIFY2(!errors.isEmpty(), "the scenario should have produced errors");
    }

    // The marker is in the key and in the endpoint's password: any spelling of either shows it.
    auto leaks = [](const QString &text) {
        return text.contains(ApiKey) || text.contains(KeyMarker)
            || text.contains(QString::fromLatin1(QUrl::toPercentEncoding(ApiKey)));
    };
    for (const ApiError &error : errors) {
        QVERIFY2(!leaks(error.message), qPrintable(error.message));
        QVERIFY2(!leaks(error.details()), qPrintable(error.details()));
        QVERIFY2(!leaks(error.code), qPrintable(error.code));
    }
    QVERIFY(!started.isEmpty() || scenario == u"invalid");
    for (const QSignalSpy *spy : {&started, &finished}) {
        for (const QList<QVariant> &args : *spy) {
            const auto entry = args.at(0).value<RequestLogEntry>();
            for (const QString &field : {entry.action, entry.sessionId, entry.requestId, entry.outcome}) {
                QVERIFY2(!leaks(field), qPrintable(field));
            }
        }
    }
    if (scenario != u"invalid") {
        QVERIFY2(!g_logLines.isEmpty(), "the capture should see the client's debug lines");
    }
    for (const QString &line : std::as_const(g_logLines)) {
        QVERIFY2(!leaks(line), qPrintable(line));
    }
}

// ---------------------------------------------------------------------------------------------
// Waiting operations

void tst_ApiClient::pause_transitionalStatus_reportsPausingThenPaused()
{
    QStringList statuses{QStringLiteral("PAUSING"), QStringLiteral("PAUSING"), QStringLiteral("PAUSED")};
    m_server->setHandler([&statuses](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"PauseSessionAsync") {
            return CannedResponse::json(envelope(QJsonValue(QJsonValue::Undefined), QStringLiteral("rid-pause")));
        }
        const QString status = statuses.size() > 1 ? statuses.takeFirst() : statuses.first();
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), status}}));
    });
    QList<SessionStatus> seen;
    Probe<SessionStatus> probe;
    m_client->pause(SessionA, WaitOptions{5000, 20}, &probe.context, probe.callback(), [&seen](SessionStatus status) {
        seen.append(status);
    });
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value(), SessionStatus::Paused);
    QCOMPARE(seen, (QList<SessionStatus>{SessionStatus::Pausing, SessionStatus::Paused}));
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 4);
    QCOMPARE(requests.first().action(), QStringLiteral("PauseSessionAsync"));
    for (qsizetype i = 1; i < requests.size(); ++i) {
        QCOMPARE(requests.at(i).action(), QStringLiteral("GetSession"));
        QCOMPARE(requests.at(i).formValue(QStringLiteral("SessionId")), SessionA);
    }
    QCOMPARE(probe.calls, 1);
}

void tst_ApiClient::resume_transitionalStatus_reportsResumingThenRunning()
{
    QStringList statuses{QStringLiteral("RESUMING"), QStringLiteral("RUNNING")};
    m_server->setHandler([&statuses](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"ResumeSessionAsync") {
            return CannedResponse::json(envelope());
        }
        const QString status = statuses.size() > 1 ? statuses.takeFirst() : statuses.first();
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), status}}));
    });
    QList<SessionStatus> seen;
    Probe<SessionStatus> probe;
    m_client->resume(SessionA, WaitOptions{5000, 20}, &probe.context, probe.callback(), [&seen](SessionStatus status) {
        seen.append(status);
    });
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value(), SessionStatus::Running);
    QCOMPARE(seen, (QList<SessionStatus>{SessionStatus::Resuming, SessionStatus::Running}));
    QCOMPARE(m_server->requests().first().action(), QStringLiteral("ResumeSessionAsync"));
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 2);
}

void tst_ApiClient::waitingForms_settledBeforeFirstPoll_stillReportTransitionalStatusFirst_data()
{
    QTest::addColumn<Op>("op");
    QTest::addColumn<QString>("settled");
    QTest::addColumn<QList<SessionStatus>>("expected");
    QTest::newRow("pause") << Op::Pause << QStringLiteral("PAUSED")
                           << QList<SessionStatus>{SessionStatus::Pausing, SessionStatus::Paused};
    QTest::newRow("resume") << Op::Resume << QStringLiteral("RUNNING")
                            << QList<SessionStatus>{SessionStatus::Resuming, SessionStatus::Running};
}

void tst_ApiClient::waitingForms_settledBeforeFirstPoll_stillReportTransitionalStatusFirst()
{
    // A fast server (agentbay-local freezes in milliseconds) answers the first poll with the
    // settled status. The initiating call's success already means PAUSING/RESUMING (the server
    // shows it before answering), so the status callback reports it, as delete reports DELETING.
    QFETCH(Op, op);
    QFETCH(QString, settled);
    QFETCH(QList<SessionStatus>, expected);
    m_server->setHandler([settled](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() != u"GetSession") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), settled}}));
    });
    QList<SessionStatus> seen;
    Probe<SessionStatus> probe;
    auto onStatus = [&seen](SessionStatus status) {
        seen.append(status);
    };
    if (op == Op::Pause) {
        m_client->pause(SessionA, FastWait, &probe.context, probe.callback(), onStatus);
    } else {
        m_client->resume(SessionA, FastWait, &probe.context, probe.callback(), onStatus);
    }
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value(), expected.last());
    QCOMPARE(seen, expected);
}

void tst_ApiClient::pause_neverSettles_timesOut()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"PauseSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(QJsonObject{
            {QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), QStringLiteral("PAUSING")}}));
    });
    Probe<SessionStatus> probe;
    QElapsedTimer clock;
    clock.start();
    m_client->pause(SessionA, WaitOptions{300, 30}, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 10000);
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Timeout);
    QVERIFY(!probe.error().message.isEmpty());
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    const int polls = m_server->requestCount(QStringLiteral("GetSession"));
    QVERIFY2(polls >= 2 && polls <= 20, qPrintable(QString::number(polls))); // ~300/30, bounded
}

void tst_ApiClient::pause_initiatingCallRefused_failsWithoutPolling()
{
    m_server->enqueueJson(failure(QStringLiteral("SessionNotFound"),
        QStringLiteral("Session does not exist"),
        404,
        QStringLiteral("test-request-id")));
    Probe<SessionStatus> probe;
    m_client->pause(SessionA, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Api);
    QCOMPARE(probe.error().code, QStringLiteral("SessionNotFound"));
    QCOMPARE(probe.error().requestId, QStringLiteral("test-request-id"));
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClient::pause_errorStatus_fails()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"PauseSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(
            QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), QStringLiteral("ERROR")}}));
    });
    Probe<SessionStatus> probe;
    m_client->pause(SessionA, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 1); // no waiting after ERROR
}

void tst_ApiClient::pauseAsync_onlyTheInitiatingCall()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    Probe<Empty> probe;
    m_client->pauseAsync(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(probe.result->ok());
    QTRY_COMPARE(m_client->inFlightCount(), 0);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->lastRequest().action(), QStringLiteral("PauseSessionAsync"));
}

void tst_ApiClient::delete_pollsDetailUntilNotFound()
{
    int details = 0;
    m_server->setHandler([&details](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"DeleteSessionAsync") {
            return CannedResponse::json(envelope(QJsonValue(QJsonValue::Undefined), QStringLiteral("rid-delete")));
        }
        if (++details < 3) {
            return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("Status"), QStringLiteral("DELETING")}}));
        }
        return notFound();
    });
    QList<SessionStatus> seen;
    Probe<Empty> probe;
    m_client->deleteSession(
        SessionA, false, WaitOptions{5000, 20}, &probe.context, probe.callback(), [&seen](SessionStatus s) {
            seen.append(s);
        });
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.result->requestId(), QStringLiteral("rid-delete"));
    QVERIFY(seen.contains(SessionStatus::Deleting));
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 4);
    QCOMPARE(requests.first().action(), QStringLiteral("DeleteSessionAsync"));
    QCOMPARE(requests.first().formValue(QStringLiteral("SessionId")), SessionA);
    for (qsizetype i = 1; i < requests.size(); ++i) {
        QCOMPARE(requests.at(i).action(), QStringLiteral("GetSessionDetail"));
        QCOMPARE(requests.at(i).queryValue(QStringLiteral("SessionId")), SessionA);
    }
    QVERIFY(m_server->requests(QStringLiteral("SyncContext")).isEmpty());
}

void tst_ApiClient::delete_finishStatus_endsTheWait()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"DeleteSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("Status"), QStringLiteral("FINISH")}}));
    });
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, false, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSessionDetail")), 1);
}

void tst_ApiClient::delete_refused_failsWithoutPolling()
{
    m_server->enqueueJson(
        failure(QStringLiteral("ErrorCode"), QStringLiteral("Error message"), 200, QStringLiteral("request-123")));
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, false, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().code, QStringLiteral("ErrorCode"));
    QCOMPARE(probe.error().requestId, QStringLiteral("request-123"));
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClient::delete_neverGone_timesOut()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"DeleteSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("Status"), QStringLiteral("DELETING")}}));
    });
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, false, WaitOptions{300, 30}, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 10000);
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Timeout);
    QVERIFY(m_server->requestCount(QStringLiteral("GetSessionDetail")) >= 2);
}

void tst_ApiClient::delete_syncContext_syncsFirstWithKeyInQuery()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"GetSessionDetail") {
            return notFound();
        }
        return CannedResponse::json(envelope());
    });
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, true, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const QList<RecordedRequest> requests = m_server->requests();
    QVERIFY(requests.size() >= 3);
    QCOMPARE(requests.at(0).action(), QStringLiteral("SyncContext"));
    QCOMPARE(requests.at(0).queryValue(QStringLiteral("Authorization")), QStringLiteral("Bearer ") + ApiKey);
    // Appendix A: Authorization in the query only; the body holds SessionId and nothing else.
    QCOMPARE(requests.at(0).form.size(), 1);
    QCOMPARE(requests.at(0).formValue(QStringLiteral("SessionId")), SessionA);
    QVERIFY(!requests.at(0).hasQuery(QStringLiteral("SessionId")));
    QCOMPARE(requests.at(1).queryValue(QStringLiteral("Authorization")), QString());
    QCOMPARE(requests.at(1).formValue(QStringLiteral("Authorization")), QStringLiteral("Bearer ") + ApiKey);
    QCOMPARE(requests.at(1).action(), QStringLiteral("DeleteSessionAsync"));
}

void tst_ApiClient::delete_detailActionMissing_isNotTakenForDeleted()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"GetSessionDetail") {
            return CannedResponse::json(
                failure(QStringLiteral("InvalidAction.NotFound"),
                    QStringLiteral("Specified api is not found, please check your url and method."),
                    404,
                    QStringLiteral("r-ia")),
                404);
        }
        return CannedResponse::json(envelope());
    });
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, false, WaitOptions{400, 20}, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok()); // an action the server lacks says nothing about the session
    QCOMPARE(probe.error().kind, ApiError::Kind::Timeout);
}

void tst_ApiClient::list_page3_walksTwoTokensThenTheRealRequest()
{
    auto page = [](const QString &first, const QString &next) {
        QJsonObject answer = envelope(QJsonArray{QJsonObject{
            {QStringLiteral("SessionId"), first}, {QStringLiteral("SessionStatus"), QStringLiteral("RUNNING")}}});
        answer.insert(QStringLiteral("NextToken"), next);
        answer.insert(QStringLiteral("MaxResults"), 1);
        answer.insert(QStringLiteral("TotalCount"), 3);
        return answer;
    };
    m_server->enqueueJson(page(QStringLiteral("session-1"), QStringLiteral("token-2")));
    m_server->enqueueJson(page(QStringLiteral("session-2"), QStringLiteral("token-3")));
    m_server->enqueueJson(page(QStringLiteral("session-3"), QString()));

    ListSessionParams params;
    params.page = 3;
    params.limit = 1;
    params.status = QStringLiteral("RUNNING");
    params.labels = {{QStringLiteral("project"), QStringLiteral("demo")}};
    Probe<SessionListPage> probe;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().sessions.size(), 1);
    QCOMPARE(probe.value().sessions.first().sessionId, QStringLiteral("session-3"));
    QCOMPARE(probe.value().totalCount, 3);

    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 3);
    QVERIFY(!requests.at(0).hasForm(QStringLiteral("NextToken")));
    QCOMPARE(requests.at(1).formValue(QStringLiteral("NextToken")), QStringLiteral("token-2"));
    QCOMPARE(requests.at(2).formValue(QStringLiteral("NextToken")), QStringLiteral("token-3"));
    for (const RecordedRequest &request : requests) {
        QCOMPARE(request.action(), QStringLiteral("ListSession"));
        QCOMPARE(request.formValue(QStringLiteral("MaxResults")), QStringLiteral("1"));
        QCOMPARE(parseObject(request.formValue(QStringLiteral("Labels"))), labelsJson(params.labels));
        QCOMPARE(request.formValue(QStringLiteral("Status")), QStringLiteral("RUNNING"));
    }
}

void tst_ApiClient::list_skipPageWithoutNextToken_failsClearly()
{
    QJsonObject last = envelope(QJsonArray{QJsonObject{{QStringLiteral("SessionId"), QStringLiteral("session-1")}}});
    last.insert(QStringLiteral("NextToken"), QString());
    last.insert(QStringLiteral("TotalCount"), 1);
    m_server->enqueueJson(last);
    ListSessionParams params;
    params.page = 3;
    Probe<SessionListPage> probe;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QVERIFY2(probe.error().message.contains(u'3'), qPrintable(probe.error().message)); // names the page
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClient::listAll_severalPages_oneRequestPerPage()
{
    auto page = [](const QStringList &ids, const QString &next) {
        QJsonArray data;
        for (const QString &id : ids) {
            data.append(QJsonObject{
                {QStringLiteral("SessionId"), id}, {QStringLiteral("SessionStatus"), QStringLiteral("RUNNING")}});
        }
        QJsonObject answer = envelope(data);
        answer.insert(QStringLiteral("NextToken"), next);
        answer.insert(QStringLiteral("TotalCount"), 5);
        return answer;
    };
    m_server->enqueueJson(page({QStringLiteral("s-1"), QStringLiteral("s-2")}, QStringLiteral("t-2")));
    m_server->enqueueJson(page({QStringLiteral("s-3"), QStringLiteral("s-4")}, QStringLiteral("t-3")));
    m_server->enqueueJson(page({QStringLiteral("s-5")}, QString()));
    Probe<QList<SessionSummary>> probe;
    m_client->listAll(Labels(), QString(), 2, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().size(), 5);
    QCOMPARE(probe.value().last().sessionId, QStringLiteral("s-5"));
    QCOMPARE(m_server->requestCount(), 3);
}

void tst_ApiClient::listAll_emptyPageWithNextToken_followsTheToken()
{
    auto page = [](const QStringList &ids, const QString &next) {
        QJsonArray data;
        for (const QString &id : ids) {
            data.append(QJsonObject{
                {QStringLiteral("SessionId"), id}, {QStringLiteral("SessionStatus"), QStringLiteral("RUNNING")}});
        }
        QJsonObject answer = envelope(data);
        answer.insert(QStringLiteral("NextToken"), next);
        answer.insert(QStringLiteral("TotalCount"), 2);
        return answer;
    };
    m_server->enqueueJson(page({QStringLiteral("s-1")}, QStringLiteral("t-2")));
    m_server->enqueueJson(page({}, QStringLiteral("t-3"))); // empty, yet more to come
    m_server->enqueueJson(page({QStringLiteral("s-2")}, QString()));
    Probe<QList<SessionSummary>> probe;
    m_client->listAll(Labels(), QString(), 1, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().size(), 2);
    QCOMPARE(probe.value().last().sessionId, QStringLiteral("s-2"));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_server->requests().at(2).formValue(QStringLiteral("NextToken")), QStringLiteral("t-3"));
}

void tst_ApiClient::listAll_repeatedEmptyPageToken_endsTheWalk()
{
    // Empty pages whose token comes back again would otherwise be walked for ever.
    QJsonObject empty = envelope(QJsonArray());
    empty.insert(QStringLiteral("NextToken"), QStringLiteral("t-loop"));
    m_server->setFallback(CannedResponse::json(empty));
    Probe<QList<SessionSummary>> probe;
    m_client->listAll(Labels(), QString(), 1, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QVERIFY(probe.value().isEmpty());
    QCOMPARE(m_server->requestCount(), 2);
}

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_apiclient.moc"
