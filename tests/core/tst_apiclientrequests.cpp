// SPDX-License-Identifier: MIT
// Exact requests of every operation (protocol.md 1.2-1.5, 4, 8), and what is refused before any request.
#include "apiclientfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace AgentBay::Core;
using namespace AgentBay::Test;

class tst_ApiClientRequests
    : public QObject
    , public ApiClientFixture
{
    Q_OBJECT

private Q_SLOTS:

    void init() { setUpClient(); }

    void cleanup() { tearDownClient(); }

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
    void create_lifecyclePolicy_sentInMinutes_data();
    void create_lifecyclePolicy_sentInMinutes();
    void create_lifecyclePolicyNotPositive_refusedBeforeAnyRequest_data();
    void create_lifecyclePolicyNotPositive_refusedBeforeAnyRequest();
    void keepAlive_request_onlySessionIdToRefreshSessionIdleTime();
    void list_imageIdFilter_sentOnEveryPageRequest();
    void listAll_everyFilter_sentOnEveryPage();
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
};

void tst_ApiClientRequests::everyOperation_request_followsWireContract_data()
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
    QTest::newRow("keepAlive") << Op::KeepAlive << QStringLiteral("RUNNING");
}

void tst_ApiClientRequests::everyOperation_request_followsWireContract()
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

void tst_ApiClientRequests::signatureNonce_severalRequests_uniquePerRequest()
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

void tst_ApiClientRequests::getSessionDetail_request_sessionIdInQueryNotBody()
{
    const RecordedRequest request = firstRequestOf(Op::GetSessionDetail);
    QCOMPARE(request.action(), QStringLiteral("GetSessionDetail"));
    QCOMPARE(request.queryValue(QStringLiteral("SessionId")), SessionA);
    QVERIFY(!request.hasForm(QStringLiteral("SessionId")));
    QCOMPARE(request.formValue(QStringLiteral("Authorization")), QStringLiteral("Bearer ") + ApiKey);
}

void tst_ApiClientRequests::sessionOperations_request_sessionIdInBody_data()
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
    QTest::newRow("keepAlive") << Op::KeepAlive;
}

void tst_ApiClientRequests::sessionOperations_request_sessionIdInBody()
{
    QFETCH(Op, op);
    const RecordedRequest request = firstRequestOf(op);
    QCOMPARE(request.action(), actionOf(op));
    QCOMPARE(request.formValue(QStringLiteral("SessionId")), SessionA);
    QVERIFY(!request.hasQuery(QStringLiteral("SessionId")));
}

void tst_ApiClientRequests::list_noFilter_sendsEmptyLabelsAndMaxResults()
{
    const RecordedRequest request = firstRequestOf(Op::List);
    QVERIFY(request.hasForm(QStringLiteral("Labels")));
    QCOMPARE(parseObject(request.formValue(QStringLiteral("Labels"))), QJsonObject());
    QCOMPARE(request.formValue(QStringLiteral("MaxResults")), QStringLiteral("10"));
    QVERIFY(!request.hasForm(QStringLiteral("NextToken")));
    QVERIFY(!request.hasForm(QStringLiteral("Status")));
}

void tst_ApiClientRequests::list_filters_sendLabelsStatusAndLimit()
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

void tst_ApiClientRequests::list_invalidArguments_refusedBeforeAnyRequest_data()
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

void tst_ApiClientRequests::list_invalidArguments_refusedBeforeAnyRequest()
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

void tst_ApiClientRequests::create_optionalFields_sentOnlyWhenSet_data()
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

void tst_ApiClientRequests::create_optionalFields_sentOnlyWhenSet()
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

void tst_ApiClientRequests::create_lifecyclePolicy_sentInMinutes_data()
{
    QTest::addColumn<bool>("withPolicy");
    QTest::addColumn<int>("idle");
    QTest::addColumn<int>("maxRuntime");
    QTest::addColumn<bool>("manual");
    QTest::addColumn<QString>("expectedTimeout"); // empty = not sent
    QTest::addColumn<QString>("expectedMaxRuntime");
    QTest::addColumn<QString>("expectedManual");
    QTest::newRow("no policy: service defaults") << false << 0 << 0 << false << QString() << QString() << QString();
    QTest::newRow("policy defaults") << true << 5 << 30 << false << QStringLiteral("5") << QStringLiteral("30")
                                     << QString();
    QTest::newRow("idle 10, max 60") << true << 10 << 60 << false << QStringLiteral("10") << QStringLiteral("60")
                                     << QString();
    QTest::newRow("manual release: the values are not sent")
        << true << 10 << 60 << true << QString() << QString() << QStringLiteral("true");
}

void tst_ApiClientRequests::create_lifecyclePolicy_sentInMinutes()
{
    // protocol-2026.md 1.1: Timeout and MaxRuntime in minutes, sent together (so that Timeout
    // reads as minutes, 1.3); ManualRelease alone.
    QFETCH(bool, withPolicy);
    QFETCH(int, idle);
    QFETCH(int, maxRuntime);
    QFETCH(bool, manual);
    QFETCH(QString, expectedTimeout);
    QFETCH(QString, expectedMaxRuntime);
    QFETCH(QString, expectedManual);
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    CreateSessionParams params;
    if (withPolicy) {
        params.lifecycle = LifecyclePolicy{idle, maxRuntime, manual};
    }
    Probe<SessionData> probe;
    m_client->create(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    const RecordedRequest request = m_server->lastRequest();
    QCOMPARE(request.hasForm(QStringLiteral("Timeout")), !expectedTimeout.isEmpty());
    QCOMPARE(request.formValue(QStringLiteral("Timeout")), expectedTimeout);
    QCOMPARE(request.hasForm(QStringLiteral("MaxRuntime")), !expectedMaxRuntime.isEmpty());
    QCOMPARE(request.formValue(QStringLiteral("MaxRuntime")), expectedMaxRuntime);
    QCOMPARE(request.hasForm(QStringLiteral("ManualRelease")), !expectedManual.isEmpty());
    QCOMPARE(request.formValue(QStringLiteral("ManualRelease")), expectedManual);
    for (const QString &key :
        {QStringLiteral("Timeout"), QStringLiteral("MaxRuntime"), QStringLiteral("ManualRelease")}) {
        QVERIFY(request.formCount(key) <= 1);
        QVERIFY(!request.hasQuery(key));
    }
}

void tst_ApiClientRequests::create_lifecyclePolicyNotPositive_refusedBeforeAnyRequest_data()
{
    QTest::addColumn<int>("idle");
    QTest::addColumn<int>("maxRuntime");
    QTest::newRow("idle 0") << 0 << 30;
    QTest::newRow("negative idle") << -5 << 30;
    QTest::newRow("max runtime 0") << 5 << 0;
    QTest::newRow("negative max runtime") << 5 << -1;
}

void tst_ApiClientRequests::create_lifecyclePolicyNotPositive_refusedBeforeAnyRequest()
{
    QFETCH(int, idle);
    QFETCH(int, maxRuntime);
    CreateSessionParams params;
    params.lifecycle = LifecyclePolicy{idle, maxRuntime, false};
    Probe<SessionData> probe;
    m_client->create(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QCOMPARE(probe.error().kind, ApiError::Kind::InvalidArgument);
    QVERIFY2(probe.error().message.contains(QStringLiteral("1 minute or more")), qPrintable(probe.error().message));
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ApiClientRequests::keepAlive_request_onlySessionIdToRefreshSessionIdleTime()
{
    const RecordedRequest request = firstRequestOf(Op::KeepAlive);
    QCOMPARE(request.action(), QStringLiteral("RefreshSessionIdleTime"));
    QCOMPARE(request.form.size(), 2); // protocol-2026.md 2: Authorization and SessionId, nothing else
    QCOMPARE(request.formValue(QStringLiteral("Authorization")), QStringLiteral("Bearer ") + ApiKey);
    QCOMPARE(request.formValue(QStringLiteral("SessionId")), SessionA);
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClientRequests::list_imageIdFilter_sentOnEveryPageRequest()
{
    m_server->setHandler([](const RecordedRequest &) {
        QJsonObject page = envelope(QJsonArray{QJsonObject{{QStringLiteral("SessionId"), SessionA}}});
        page.insert(QStringLiteral("NextToken"), QStringLiteral("token-next"));
        return std::optional<CannedResponse>(CannedResponse::json(page));
    });
    ListSessionParams params;
    params.page = 2;
    params.status = QStringLiteral("RUNNING");
    params.imageId = QStringLiteral("code_latest");
    Probe<SessionListPage> probe;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QCOMPARE(m_server->requestCount(), 2); // the skip request and the page
    for (const RecordedRequest &request : m_server->requests()) {
        QCOMPARE(request.formValue(QStringLiteral("ImageId")), QStringLiteral("code_latest"));
        QCOMPARE(request.formValue(QStringLiteral("Status")), QStringLiteral("RUNNING"));
    }

    // Without a filter the key is not sent at all.
    m_server->clearRecords();
    const RecordedRequest plain = firstRequestOf(Op::List);
    QVERIFY(!plain.hasForm(QStringLiteral("ImageId")));
}

void tst_ApiClientRequests::listAll_everyFilter_sentOnEveryPage()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        const bool first = !request.hasForm(QStringLiteral("NextToken"));
        QJsonObject page = envelope(QJsonArray{QJsonObject{
            {QStringLiteral("SessionId"), SessionA}, {QStringLiteral("SessionStatus"), QStringLiteral("PAUSED")}}});
        page.insert(QStringLiteral("NextToken"), first ? QStringLiteral("t2") : QString());
        Q_UNUSED(this)
        return std::optional<CannedResponse>(CannedResponse::json(page));
    });
    ListSessionParams params;
    params.labels = {{QStringLiteral("team"), QStringLiteral("core")}};
    params.status = QStringLiteral("PAUSED");
    params.imageId = QStringLiteral("linux_latest");
    params.limit = 7;
    params.page = 9; // ignored by listAll
    Probe<QList<SessionSummary>> probe;
    m_client->listAll(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().size(), 2);
    QCOMPARE(m_server->requestCount(), 2);
    for (const RecordedRequest &request : m_server->requests()) {
        QCOMPARE(parseObject(request.formValue(QStringLiteral("Labels"))), labelsJson(params.labels));
        QCOMPARE(request.formValue(QStringLiteral("Status")), QStringLiteral("PAUSED"));
        QCOMPARE(request.formValue(QStringLiteral("ImageId")), QStringLiteral("linux_latest"));
        QCOMPARE(request.formValue(QStringLiteral("MaxResults")), QStringLiteral("7"));
    }
}

void tst_ApiClientRequests::callMcpTool_request_sendsNameArgsServerAutoGenSessionAndSessionId()
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

void tst_ApiClientRequests::getLink_optionalFields_sentOnlyWhenGiven_data()
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

void tst_ApiClientRequests::getLink_optionalFields_sentOnlyWhenGiven()
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

void tst_ApiClientRequests::getLink_portOutsideRange_refusedBeforeAnyRequest_data()
{
    QTest::addColumn<int>("port");
    QTest::newRow("just below") << 30099;
    QTest::newRow("just above") << 30200;
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -1;
    QTest::newRow("http port") << 80;
    QTest::newRow("max tcp port") << 65535;
}

void tst_ApiClientRequests::getLink_portOutsideRange_refusedBeforeAnyRequest()
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

void tst_ApiClientRequests::listMcpTools_imageId_defaultsToLinuxLatest()
{
    QCOMPARE(firstRequestOf(Op::ListMcpTools).formValue(QStringLiteral("ImageId")), QStringLiteral("linux_latest"));
    m_server->clearRecords();
    Probe<QList<McpTool>> probe;
    m_client->listMcpTools(QStringLiteral("code_latest"), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QCOMPARE(m_server->lastRequest().formValue(QStringLiteral("ImageId")), QStringLiteral("code_latest"));
}

void tst_ApiClientRequests::setLabels_invalidLabels_refusedBeforeAnyRequest_data()
{
    QTest::addColumn<Labels>("labels");
    QTest::newRow("empty map") << Labels();
    QTest::newRow("empty key") << Labels{{QString(), QStringLiteral("v")}};
    QTest::newRow("blank key") << Labels{{QStringLiteral("  "), QStringLiteral("v")}};
    QTest::newRow("empty value") << Labels{{QStringLiteral("k"), QString()}};
    QTest::newRow("blank value") << Labels{{QStringLiteral("k"), QStringLiteral(" ")}};
}

void tst_ApiClientRequests::setLabels_invalidLabels_refusedBeforeAnyRequest()
{
    QFETCH(Labels, labels);
    Probe<Empty> probe;
    m_client->setLabels(SessionA, labels, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::InvalidArgument);
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ApiClientRequests::get_emptySessionId_refusedBeforeAnyRequest()
{
    Probe<SessionData> probe;
    m_client->get(QString(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::InvalidArgument);
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ApiClientRequests::sessionActions_emptySessionId_refusedBeforeAnyRequest_data()
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
        {"keepAlive", Op::KeepAlive},
        {"deleteSession", Op::Delete}};
    for (const auto &[name, op] : ops) {
        QTest::addRow("%s, empty", name) << op << QString() << false;
        QTest::addRow("%s, blank", name) << op << QStringLiteral(" \t") << false;
    }
    QTest::newRow("deleteSession with context sync, empty") << Op::Delete << QString() << true;
}

void tst_ApiClientRequests::sessionActions_emptySessionId_refusedBeforeAnyRequest()
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

void tst_ApiClientRequests::specialCharacters_inLabelsAndArgs_surviveFormDecoding_data()
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

void tst_ApiClientRequests::specialCharacters_inLabelsAndArgs_surviveFormDecoding()
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

QTEST_GUILESS_MAIN(tst_ApiClientRequests)
#include "tst_apiclientrequests.moc"
