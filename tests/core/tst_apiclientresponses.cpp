// SPDX-License-Identifier: MIT
// Response shapes and how they are classified (protocol.md 1.6, 1.7, 4).
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

class tst_ApiClientResponses
    : public QObject
    , public ApiClientFixture
{
    Q_OBJECT

private Q_SLOTS:

    void init() { setUpClient(); }

    void cleanup() { tearDownClient(); }

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
    void callMcpTool_dataAsObjectOrJsonString_sameResult_data();
    void callMcpTool_dataAsObjectOrJsonString_sameResult();
    void list_newerItemFields_parsedWhenPresent();
    void keepAlive_bareEnvelope_isSuccess();
    void getSession_timeFields_optionalInEveryForm_data();
    void getSession_timeFields_optionalInEveryForm();
    void getSessionDetail_createTime_parsed();
    void keepAlive_unknownSession_isNotFound();
    void successFalse_otherSpellings_isApiError_data();
    void successFalse_otherSpellings_isApiError();
    void create_dataSuccessFalseAsText_fails();
    void list_maxResultsMissing_fallsBackToRequestedSize();
    void httpError_status_classified_data();
    void httpError_status_classified();
    void malformedAnswer_isParseError_data();
    void malformedAnswer_isParseError();
};

void tst_ApiClientResponses::create_dataObject_parsesEveryField()
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

void tst_ApiClientResponses::create_dataAsJsonString_isParsed()
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

void tst_ApiClientResponses::create_dataSuccessFalse_failsWithErrMsg()
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

void tst_ApiClientResponses::create_noSessionId_fails()
{
    m_server->enqueueJson(envelope(QJsonObject{{QStringLiteral("ResourceUrl"), QStringLiteral("https://r.example/")}}));
    Probe<SessionData> probe;
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QVERIFY(!probe.error().message.isEmpty());
}

void tst_ApiClientResponses::getSession_toolListStringOrArray_parsed_data()
{
    QTest::addColumn<bool>("toolListAsString");
    QTest::addColumn<bool>("dataAsString");
    QTest::newRow("ToolList JSON string") << true << false;
    QTest::newRow("ToolList array") << false << false;
    QTest::newRow("Data JSON string") << true << true;
}

void tst_ApiClientResponses::getSession_toolListStringOrArray_parsed()
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

void tst_ApiClientResponses::getSession_notFound400_isApiErrorNotFound()
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

void tst_ApiClientResponses::get_notFound_namesTheSession()
{
    m_server->enqueue(notFound());
    Probe<SessionData> probe;
    m_client->get(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QVERIFY(probe.error().isNotFound());
    QVERIFY2(probe.error().message.contains(SessionA), qPrintable(probe.error().message));
}

void tst_ApiClientResponses::successFalseWithHttp200_anyAction_isApiError_data()
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

void tst_ApiClientResponses::successFalseWithHttp200_anyAction_isApiError()
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

void tst_ApiClientResponses::successMissing_perAction_followsDocumentedChoice_data()
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

void tst_ApiClientResponses::successMissing_perAction_followsDocumentedChoice()
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

void tst_ApiClientResponses::list_response_parsesPagingFields()
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

void tst_ApiClientResponses::list_emptyOrMissingStatus_becomesUnknown()
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

void tst_ApiClientResponses::getSessionDetail_response_parsesFields()
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

void tst_ApiClientResponses::getLabels_labelsStringOrObject_decoded_data()
{
    QTest::addColumn<QJsonValue>("labels");
    const QJsonObject object{
        {QStringLiteral("key1"), QStringLiteral("value1")}, {QStringLiteral("k é"), QStringLiteral("a+b&c")}};
    QTest::newRow("JSON object string (the wire shape)") << QJsonValue(jsonText(object));
    QTest::newRow("object (robustness)") << QJsonValue(object);
}

void tst_ApiClientResponses::getLabels_labelsStringOrObject_decoded()
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

void tst_ApiClientResponses::info_response_parsesDesktopInfo()
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

void tst_ApiClientResponses::getLink_dataObjectOrString_givesUrl_data()
{
    QTest::addColumn<QJsonValue>("data");
    const QJsonObject object{
        {QStringLiteral("Url"), QStringLiteral("https://gateway.example.invalid/request_ai/abc123/path/")}};
    QTest::newRow("object") << QJsonValue(object);
    QTest::newRow("JSON string") << QJsonValue(jsonText(object));
}

void tst_ApiClientResponses::getLink_dataObjectOrString_givesUrl()
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

void tst_ApiClientResponses::listMcpTools_dataStringOrArray_keepsFullInputSchema_data()
{
    QTest::addColumn<bool>("asString");
    QTest::newRow("JSON array string (the wire shape)") << true;
    QTest::newRow("array (robustness)") << false;
}

void tst_ApiClientResponses::listMcpTools_dataStringOrArray_keepsFullInputSchema()
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

void tst_ApiClientResponses::callMcpTool_severalContentItems_keptWhole()
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

void tst_ApiClientResponses::callMcpTool_isError_isOkWithIsErrorSet()
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

void tst_ApiClientResponses::callMcpTool_emptyData_fails()
{
    m_server->enqueueJson(envelope(QString()));
    Probe<McpToolResult> probe;
    m_client->callMcpTool(
        SessionA, QStringLiteral("shell"), QJsonObject(), CallToolOptions(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
}

void tst_ApiClientResponses::callMcpTool_dataAsObjectOrJsonString_sameResult_data()
{
    // agentbay-local now answers with an object, as the TypeScript SDK reads it; the service
    // and older servers send the same JSON as a string. Both must give the same result.
    QTest::addColumn<bool>("asObject");
    QTest::newRow("JSON string") << false;
    QTest::newRow("object") << true;
}

void tst_ApiClientResponses::callMcpTool_dataAsObjectOrJsonString_sameResult()
{
    QFETCH(bool, asObject);
    const QJsonObject data = mcpText(QStringLiteral(R"({"stdout":"hello\n","stderr":"","errorCode":0})"));
    m_server->enqueueJson(envelope(asObject ? QJsonValue(data) : QJsonValue(jsonText(data))));
    Probe<McpToolResult> probe;
    m_client->callMcpTool(
        SessionA, QStringLiteral("shell"), QJsonObject(), CallToolOptions(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().content.size(), 1);
    QCOMPARE(probe.value().content.first().type, McpContentItem::Type::Text);
    QVERIFY(!probe.value().isError);
    const auto shell = probe.value().shellOutput();
    QVERIFY(shell.has_value());
    QCOMPARE(shell->stdOut, QStringLiteral("hello\n"));
    QCOMPARE(shell->exitCode, 0);
}

void tst_ApiClientResponses::list_newerItemFields_parsedWhenPresent()
{
    QJsonObject page = envelope(QJsonArray{QJsonObject{{QStringLiteral("SessionId"), QStringLiteral("s-new")},
                                               {QStringLiteral("SessionStatus"), QStringLiteral("RUNNING")},
                                               {QStringLiteral("AppInstanceId"), QStringLiteral("ai-1")},
                                               {QStringLiteral("ImageId"), QStringLiteral("code_latest")},
                                               {QStringLiteral("CreateTime"), QStringLiteral("2026-11-30T15:00:00Z")}},
        QJsonObject{{QStringLiteral("SessionId"), QStringLiteral("s-old")},
            {QStringLiteral("SessionStatus"), QStringLiteral("PAUSED")}}});
    m_server->enqueueJson(page);
    Probe<SessionListPage> probe;
    m_client->list(ListSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    const QList<SessionSummary> sessions = probe.value().sessions;
    QCOMPARE(sessions.size(), 2);
    QCOMPARE(sessions.at(0).appInstanceId, QStringLiteral("ai-1"));
    QCOMPARE(sessions.at(0).imageId, QStringLiteral("code_latest"));
    QCOMPARE(sessions.at(0).times.created, QDateTime(QDate(2026, 11, 30), QTime(15, 0, 0), Qt::UTC));
    QVERIFY(!sessions.at(1).times.created.isValid());
    QCOMPARE(sessions.at(1).appInstanceId, QString()); // an older service: the fields stay empty
    QCOMPARE(sessions.at(1).imageId, QString());
    QCOMPARE(sessions.at(1).status, SessionStatus::Paused);
}

void tst_ApiClientResponses::getSession_timeFields_optionalInEveryForm_data()
{
    // agentbay-local's extra Data fields (the service has none): absent or unreadable = invalid.
    QTest::addColumn<QJsonValue>("created");
    QTest::addColumn<QJsonValue>("idle");
    QTest::addColumn<QJsonValue>("maxRuntime");
    QTest::addColumn<QDateTime>("expectedCreated");
    QTest::addColumn<QDateTime>("expectedIdle");
    QTest::addColumn<QDateTime>("expectedMaxRuntime");
    const QDateTime t0(QDate(2026, 11, 30), QTime(15, 0, 0), Qt::UTC);
    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("absent (the service)") << none << none << none << QDateTime() << QDateTime() << QDateTime();
    QTest::newRow("ISO 8601, UTC and with an offset")
        << QJsonValue(QStringLiteral("2026-11-30T15:00:00Z")) << QJsonValue(QStringLiteral("2026-11-30T16:05:00+01:00"))
        << QJsonValue(QStringLiteral("2026-11-30T15:30:00.250Z")) << t0 << t0.addSecs(300) << t0.addMSecs(1800250);
    QTest::newRow("epoch seconds and milliseconds")
        << QJsonValue(double(t0.toSecsSinceEpoch())) << QJsonValue(double(t0.addSecs(300).toMSecsSinceEpoch()))
        << QJsonValue(double(t0.addSecs(1800).toSecsSinceEpoch())) << t0 << t0.addSecs(300) << t0.addSecs(1800);
    QTest::newRow("unreadable or empty") << QJsonValue(QStringLiteral("soon")) << QJsonValue(QString()) << QJsonValue(0)
                                         << QDateTime() << QDateTime() << QDateTime();
    QTest::newRow("only some sent (manual release: no deadlines)")
        << QJsonValue(QStringLiteral("2026-11-30T15:00:00Z")) << QJsonValue(QJsonValue::Null) << none << t0
        << QDateTime() << QDateTime();
}

void tst_ApiClientResponses::getSession_timeFields_optionalInEveryForm()
{
    QFETCH(QJsonValue, created);
    QFETCH(QJsonValue, idle);
    QFETCH(QJsonValue, maxRuntime);
    QFETCH(QDateTime, expectedCreated);
    QFETCH(QDateTime, expectedIdle);
    QFETCH(QDateTime, expectedMaxRuntime);
    QJsonObject data{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), QStringLiteral("RUNNING")}};
    for (const auto &[key, value] : {std::pair{QStringLiteral("CreateTime"), created},
             std::pair{QStringLiteral("IdleReleaseDeadline"), idle},
             std::pair{QStringLiteral("MaxRuntimeDeadline"), maxRuntime}}) {
        if (!value.isUndefined()) {
            data.insert(key, value);
        }
    }
    m_server->enqueueJson(envelope(data));
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    const SessionTimes &times = probe.value().times;
    QCOMPARE(times.created, expectedCreated);
    QCOMPARE(times.idleReleaseDeadline, expectedIdle);
    QCOMPARE(times.maxRuntimeDeadline, expectedMaxRuntime);
    QCOMPARE(probe.value().status, SessionStatus::Running); // the rest is read as before
}

void tst_ApiClientResponses::getSessionDetail_createTime_parsed()
{
    m_server->enqueueJson(envelope(QJsonObject{{QStringLiteral("Status"), QStringLiteral("RUNNING")},
        {QStringLiteral("CreateTime"), QStringLiteral("2026-11-30T15:00:00Z")}}));
    Probe<SessionDetail> probe;
    m_client->getSessionDetail(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().times.created, QDateTime(QDate(2026, 11, 30), QTime(15, 0, 0), Qt::UTC));
    QVERIFY(!probe.value().times.idleReleaseDeadline.isValid());
}

void tst_ApiClientResponses::keepAlive_bareEnvelope_isSuccess()
{
    m_server->enqueueJson(envelope(QJsonValue(QJsonValue::Undefined), QStringLiteral("rid-keep")));
    Probe<Empty> probe;
    m_client->keepAlive(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QCOMPARE(probe.result->requestId(), QStringLiteral("rid-keep"));
}

void tst_ApiClientResponses::keepAlive_unknownSession_isNotFound()
{
    m_server->setFallback(notFound(QStringLiteral("rid-gone")));
    Probe<Empty> probe;
    m_client->keepAlive(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.ok());
    QVERIFY(probe.error().isNotFound());
    QCOMPARE(probe.error().requestId, QStringLiteral("rid-gone"));
    QCOMPARE(m_server->requestCount(), 1); // a write: never tried again on its own
}

void tst_ApiClientResponses::successFalse_otherSpellings_isApiError_data()
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

void tst_ApiClientResponses::successFalse_otherSpellings_isApiError()
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

void tst_ApiClientResponses::create_dataSuccessFalseAsText_fails()
{
    m_server->enqueueJson(envelope(QJsonObject{{QStringLiteral("Success"), QStringLiteral("false")},
        {QStringLiteral("ErrMsg"), QStringLiteral("no available resource")}}));
    Probe<SessionData> probe;
    m_client->create(CreateSessionParams(), &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().message, QStringLiteral("no available resource"));
}

void tst_ApiClientResponses::list_maxResultsMissing_fallsBackToRequestedSize()
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

void tst_ApiClientResponses::httpError_status_classified_data()
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

void tst_ApiClientResponses::httpError_status_classified()
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

void tst_ApiClientResponses::malformedAnswer_isParseError_data()
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

void tst_ApiClientResponses::malformedAnswer_isParseError()
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

QTEST_GUILESS_MAIN(tst_ApiClientResponses)
#include "tst_apiclientresponses.moc"
