// SPDX-License-Identifier: MIT
// The AgentBay RPC API of agentbay-local, spoken over raw HTTP against a real server.
#include "portlinksupport.h"

#include <support/localserver.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using AgentBay::Test::encodeForm;
using AgentBay::Test::encodeFormPython;
using AgentBay::Test::Form;
using AgentBay::Test::LocalServer;
using AgentBay::Test::RawAnswer;
using AgentBay::Test::RawApi;

namespace {

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonValue valueAt(const QJsonObject &root, const QString &path)
{
    QJsonValue current = root;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        current = current.toObject().value(part);
    }
    return current;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("absent");
}

} // namespace

class tst_HttpApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void envelope_everyAction_hasTheFieldTypesOfTheProtocol_data();
    void envelope_everyAction_hasTheFieldTypesOfTheProtocol();
    void requestId_isUniqueUppercaseUuid();
    void nestedJsonStrings_decodeToTheirContent();

    void sdkEncodings_areAllUnderstood_data();
    void sdkEncodings_areAllUnderstood();
    void actionHeader_isTheFallbackForAction();
    void action_queryWinsOverHeaderAndBody();
    void sdkExtras_areAcceptedAndIgnored_data();
    void sdkExtras_areAcceptedAndIgnored();
    void getSessionDetail_takesSessionIdFromTheQuery();

    void auth_missingOrWrongKey_isRefusedWithoutData_data();
    void auth_missingOrWrongKey_isRefusedWithoutData();
    void invalidParameters_areRefusedNamingTheParameter_data();
    void invalidParameters_areRefusedNamingTheParameter();
    void unknownSession_isHttp400NotFound();
    void errorAnswers_alwaysCarryTheWholeEnvelope_data();
    void errorAnswers_alwaysCarryTheWholeEnvelope();
    void unimplementedActions_answerInvalidActionNotFound_data();
    void unimplementedActions_answerInvalidActionNotFound();
    void contexts_syncAndInfo_answerForASessionWithoutContexts();

    void pauseResume_moveThroughTransitionalStatuses();
    void transitions_pollingRightAfterTheCall_seesOnlyTheTransitionAndTarget_data();
    void transitions_pollingRightAfterTheCall_seesOnlyTheTransitionAndTarget();
    void pausedSession_refusesToolCallsAndDeletion();
    void delete_movesThroughDeletingAndSessionIsGone_data();
    void delete_movesThroughDeletingAndSessionIsGone();

    void callMcpTool_concurrentCalls_runInParallel();
    void delete_duringAToolCall_answersTheCall();

    void listSession_filtersAndPages_data();
    void listSession_filtersAndPages();
    void labels_setReplacesAndGetReturnsThem();

    void resourceUrl_servesTheSessionPageOnlyWithItsAuthCode();
    void getLink_urlReachesAServiceOnThatPort();
    void getLink_wss_goesThroughTheServer();

    void oversizedBody_isRefusedWith413AndServerKeepsServing();
    void unknownPath_is404();
    void garbage_neverCrashesTheServer_data();
    void garbage_neverCrashesTheServer();

private:
    LocalServer m_server;
    std::unique_ptr<RawApi> m_api;
    QString m_session;
};

void tst_HttpApi::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    m_api = std::make_unique<RawApi>(m_server.url(), m_server.apiKey());
    m_session = m_api->createSession({{q("Labels"), q(R"({"suite": "httpapi"})")}});
    QVERIFY(m_session.startsWith(u"session-"));
}

void tst_HttpApi::envelope_everyAction_hasTheFieldTypesOfTheProtocol_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("needsSession");
    QTest::addColumn<Form>("params");
    QTest::addColumn<QStringList>("fields"); // path=type; type "absent" = must not be there

    const QStringList envelope{
        q("RequestId=string"), q("Success=bool"), q("Code=string"), q("Message=string"), q("HttpStatusCode=number")};
    QTest::newRow("CreateMcpSession") << q("CreateMcpSession") << false << Form{{q("ImageId"), q("linux_latest")}}
                                      << envelope
            + QStringList{q("Data.SessionId=string"),
                q("Data.ResourceUrl=string"),
                q("Data.Success=bool"),
                q("Data.ErrMsg=string"),
                q("Data.AppInstanceId=string"),
                q("Data.ResourceId=string"),
                q("Data.ToolList=string"),
                q("Data.HttpPort=string"),
                q("Data.NetworkInterfaceIp=string"),
                q("Data.VpcResource=bool"),
                // No LinkUrl, so the SDKs keep calling tools through CallMcpTool; WsUrl and
                // Token open the terminal channel (protocol-2026.md 4.1, docs/TERMINAL.md).
                q("Data.LinkUrl=absent"),
                q("Data.WsUrl=string"),
                q("Data.Token=string")};
    QTest::newRow("GetSession") << q("GetSession") << true << Form{}
                                << envelope
            + QStringList{q("Data.SessionId=string"),
                q("Data.Status=string"),
                q("Data.ResourceUrl=string"),
                q("Data.AppInstanceId=string"),
                q("Data.ResourceId=string"),
                q("Data.ToolList=string"),
                q("Data.HttpPort=string"),
                q("Data.NetworkInterfaceIp=string"),
                q("Data.VpcResource=bool"),
                q("Data.Success=bool"),
                q("Data.contexts=array"),
                // No LinkUrl, so the SDKs keep calling tools through CallMcpTool; WsUrl and
                // Token open the terminal channel (protocol-2026.md 4.1, docs/TERMINAL.md).
                q("Data.LinkUrl=absent"),
                q("Data.WsUrl=string"),
                q("Data.Token=string")};
    QTest::newRow("GetSessionDetail") << q("GetSessionDetail") << true << Form{}
                                      << envelope
            + QStringList{q("Data.Status=string"),
                q("Data.ImageId=string"),
                q("Data.Id=number"),
                q("Data.BizType=number"),
                q("Data.IsDeleted=number"),
                q("Data.RegionId=string"),
                q("Data.AppInstanceId=string")};
    QTest::newRow("ListSession") << q("ListSession") << false << Form{{q("Labels"), q("{}")}}
                                 << envelope
            + QStringList{q("Data=array"), q("NextToken=string"), q("MaxResults=number"), q("TotalCount=number")};
    QTest::newRow("GetMcpResource") << q("GetMcpResource") << true << Form{}
                                    << envelope
            + QStringList{q("Data.SessionId=string"),
                q("Data.ResourceUrl=string"),
                q("Data.DesktopInfo=object"),
                q("Data.DesktopInfo.AppId=string"),
                q("Data.DesktopInfo.AuthCode=string"),
                q("Data.DesktopInfo.ConnectionProperties=string"),
                q("Data.DesktopInfo.ResourceId=string"),
                q("Data.DesktopInfo.ResourceType=string"),
                q("Data.DesktopInfo.Ticket=string")};
    QTest::newRow("SetLabel") << q("SetLabel") << true << Form{{q("Labels"), q(R"({"suite":"httpapi"})")}}
                              << envelope + QStringList{q("Data=absent")};
    QTest::newRow("GetLabel") << q("GetLabel") << true << Form{}
                              << envelope
            + QStringList{
                q("Data.Labels=string"), q("MaxResults=number"), q("NextToken=string"), q("TotalCount=number")};
    QTest::newRow("GetLink") << q("GetLink") << true << Form{{q("Port"), q("30150")}, {q("ProtocolType"), q("https")}}
                             << envelope + QStringList{q("Data.Url=string")};
    QTest::newRow("ListMcpTools") << q("ListMcpTools") << false << Form{{q("ImageId"), q("linux_latest")}}
                                  << envelope + QStringList{q("Data=string")};
    QTest::newRow("CallMcpTool") << q("CallMcpTool") << true
                                 << Form{{q("Name"), q("shell")},
                                        {q("Args"), q(R"({"command": "echo hi"})")},
                                        {q("Server"), QString()},
                                        {q("AutoGenSession"), q("False")}}
                                 << envelope + QStringList{q("Data=object"), q("Data.content=array")};
    QTest::newRow("PauseSessionAsync") << q("PauseSessionAsync") << true << Form{}
                                       << envelope + QStringList{q("Data=absent")};
    QTest::newRow("ResumeSessionAsync") << q("ResumeSessionAsync") << true << Form{}
                                        << envelope + QStringList{q("Data=absent")};
    QTest::newRow("RefreshSessionIdleTime")
        << q("RefreshSessionIdleTime") << true << Form{} << envelope + QStringList{q("Data=absent")};
    QTest::newRow("DeleteSessionAsync") << q("DeleteSessionAsync") << true << Form{}
                                        << envelope + QStringList{q("Data=absent")};
    QTest::newRow("ReleaseMcpSession") << q("ReleaseMcpSession") << true << Form{}
                                       << envelope + QStringList{q("Data=absent")};
}

void tst_HttpApi::envelope_everyAction_hasTheFieldTypesOfTheProtocol()
{
    QFETCH(QString, action);
    QFETCH(bool, needsSession);
    QFETCH(Form, params);
    QFETCH(QStringList, fields);

    if (needsSession) {
        // A session of its own: some of these actions change or end it.
        const QString id = m_api->createSession();
        QVERIFY(!id.isEmpty());
        params.append({q("SessionId"), id});
        if (action == u"ResumeSessionAsync") {
            QCOMPARE(m_api->call(q("PauseSessionAsync"), {{q("SessionId"), id}}).status, 200);
            QTRY_COMPARE(m_api->status(id), q("PAUSED"));
        }
    }
    const RawAnswer answer = m_api->call(action, params);
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(answer.json.value(q("Success")).toBool(), true);
    QCOMPARE(answer.json.value(q("Code")).toString(), q("ok"));
    QCOMPARE(answer.json.value(q("HttpStatusCode")).toInt(), 200);
    for (const QString &field : std::as_const(fields)) {
        const QString path = field.section(QLatin1Char('='), 0, 0);
        const QString expected = field.section(QLatin1Char('='), 1);
        QVERIFY2(typeName(valueAt(answer.json, path)) == expected,
            qPrintable(path + q(" is ") + typeName(valueAt(answer.json, path)) + q(", expected ") + expected));
    }
}

void tst_HttpApi::requestId_isUniqueUppercaseUuid()
{
    const QRegularExpression uuid(q("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$"));
    QSet<QString> seen;
    for (int i = 0; i < 5; ++i) {
        const RawAnswer answer = m_api->call(q(i % 2 ? "GetSession" : "Nope"), {{q("SessionId"), m_session}});
        const QString id = answer.json.value(q("RequestId")).toString();
        QVERIFY2(uuid.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 5);
}

void tst_HttpApi::nestedJsonStrings_decodeToTheirContent()
{
    const RawAnswer tools = m_api->call(q("ListMcpTools"), {{q("ImageId"), q("code_latest")}});
    const QJsonArray list = QJsonDocument::fromJson(tools.json.value(q("Data")).toString().toUtf8()).array();
    QVERIFY(!list.isEmpty());
    for (const QJsonValue &tool : list) {
        QVERIFY(tool.toObject().value(q("name")).isString());
        QVERIFY(tool.toObject().value(q("inputSchema")).isObject());
        QVERIFY(tool.toObject().value(q("server")).isString());
    }

    const RawAnswer call = m_api->call(q("CallMcpTool"),
        {{q("SessionId"), m_session}, {q("Name"), q("shell")}, {q("Args"), q(R"({"command":"echo nested"})")}});
    // The tool result is an object (protocol.md 4.12); its first text item is JSON again.
    const QJsonObject result = call.json.value(q("Data")).toObject();
    QCOMPARE(result.value(q("isError")).toBool(true), false);
    const QString text = result.value(q("content")).toArray().first().toObject().value(q("text")).toString();
    const QJsonObject shell = QJsonDocument::fromJson(text.toUtf8()).object();
    QCOMPARE(shell.value(q("stdout")).toString(), q("nested\n"));
    QCOMPARE(shell.value(q("exit_code")).toInt(-1), 0);

    const RawAnswer detail = m_api->call(q("GetMcpResource"), {{q("SessionId"), m_session}});
    const QString props = valueAt(detail.json, q("Data.DesktopInfo.ConnectionProperties")).toString();
    const QJsonObject connection = QJsonDocument::fromJson(props.toUtf8()).object();
    QVERIFY(connection.value(q("isolation")).toString() == u"bwrap"
        || connection.value(q("isolation")).toString() == u"process");
    QVERIFY(connection.value(q("note")).toString().contains(q("do not survive")));
}

void tst_HttpApi::sdkEncodings_areAllUnderstood_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedLabel");

    const QString labels = q(R"({"owner": "Ada Lovelace", "expr": "1+1=2 & more"})");
    const QString expected = q("Ada Lovelace|1+1=2 & more");
    // Python: sorted keys, quote_plus ('+' for spaces), True/False, spaces in JSON.
    QTest::newRow("python") << QByteArray("Action=CreateMcpSession&Format=json&Version=2025-05-06") << QByteArray()
                            << expected;
    // Node querystring: %20 for spaces, insertion order.
    QTest::newRow("node") << QByteArray("Action=CreateMcpSession&Format=json&Version=2025-05-06") << QByteArray()
                          << expected;
    // Go: Authorization in the query string.
    QTest::newRow("go, key in query") << QByteArray("Action=CreateMcpSession&Authorization=") << QByteArray()
                                      << expected;
    Q_UNUSED(labels)
}

void tst_HttpApi::sdkEncodings_areAllUnderstood()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, expectedLabel);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QString labels = q(R"({"owner": "Ada Lovelace", "expr": "1+1=2 & more"})");

    Form form{{q("ImageId"), q("linux_latest")},
        {q("Labels"), labels},
        {q("SdkStats"), q(R"({"source":"sdk","is_release":true})")},
        {q("EnableRecord"), q("False")}};
    QByteArray body;
    if (tag == u"python") {
        form.append({q("Authorization"), m_api->authorization()});
        std::sort(form.begin(), form.end());
        body = encodeFormPython(form);
        QVERIFY(body.contains("Bearer+")); // the encoding under test
    } else if (tag == u"node") {
        form.prepend({q("Authorization"), m_api->authorization()});
        body = encodeForm(form);
        QVERIFY(body.contains("Bearer%20"));
    } else {
        query += QUrl::toPercentEncoding(m_api->authorization());
        body = encodeForm(form);
    }
    const RawAnswer created = m_api->send("/?" + query, body);
    QVERIFY2(created.status == 200, created.body.constData());
    const QString id = valueAt(created.json, q("Data.SessionId")).toString();
    QVERIFY(!id.isEmpty());

    const RawAnswer got = m_api->call(q("GetLabel"), {{q("SessionId"), id}});
    const QJsonObject stored =
        QJsonDocument::fromJson(valueAt(got.json, q("Data.Labels")).toString().toUtf8()).object();
    QCOMPARE(stored.value(q("owner")).toString() + u'|' + stored.value(q("expr")).toString(), expectedLabel);

    // Pause and resume as the Go SDK sends them: the key in the query.
    const QByteArray keyInQuery = "&Authorization=" + QUrl::toPercentEncoding(m_api->authorization());
    const RawAnswer paused = m_api->send("/?Action=PauseSessionAsync" + keyInQuery, "SessionId=" + id.toUtf8());
    QVERIFY2(paused.status == 200, paused.body.constData());
    QTRY_COMPARE(m_api->status(id), q("PAUSED"));
    const RawAnswer resumed = m_api->send("/?Action=ResumeSessionAsync" + keyInQuery, "SessionId=" + id.toUtf8());
    QVERIFY2(resumed.status == 200, resumed.body.constData());
    QTRY_COMPARE(m_api->status(id), q("RUNNING"));
}

void tst_HttpApi::actionHeader_isTheFallbackForAction()
{
    const RawAnswer answer = m_api->send("/",
        encodeForm({{q("Authorization"), m_api->authorization()}, {q("SessionId"), m_session}}),
        {{"x-acs-action", "GetSession"}});
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(valueAt(answer.json, q("Data.SessionId")).toString(), m_session);

    // Path suffixes are ignored for API calls.
    const RawAnswer suffixed = m_api->send("/some/path/?Action=GetSession",
        encodeForm({{q("Authorization"), m_api->authorization()}, {q("SessionId"), m_session}}));
    QCOMPARE(suffixed.status, 200);
}

void tst_HttpApi::action_queryWinsOverHeaderAndBody()
{
    // The body may carry a stray Action and the header another: the query's is the action.
    const RawAnswer answer = m_api->send("/?Action=GetSession",
        encodeForm({{q("Authorization"), m_api->authorization()},
            {q("SessionId"), m_session},
            {q("Action"), q("DescribeEverything")}}),
        {{"x-acs-action", "ListMcpTools"}});
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(valueAt(answer.json, q("Data.SessionId")).toString(), m_session);
}

void tst_HttpApi::sdkExtras_areAcceptedAndIgnored_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<Form>("params"); // "SESSION" stands for a live session id
    QTest::addColumn<QString>("topLevel"); // key=value expected at the top level, or empty

    const QString s = q("SESSION");
    QTest::newRow("python create: extras, flattened ExtraConfigs, True/False")
        << q("CreateMcpSession")
        << Form{{q("ImageId"), q("linux_latest")},
               {q("SdkStats"),
                   q(R"({"source": "sdk", "sdk_language": "python", "sdk_version": "0.15.0", "is_release": true})")},
               {q("EnableRecord"), q("False")},
               {q("VpcResource"), q("True")},
               {q("PersistenceDataList"),
                   q(R"([{"ContextId": "SdkCtx-1", "Path": "/home/wuying/work", "Policy": "{\"uploadPolicy\": {}}"}])")},
               {q("McpPolicyId"), q("policy-1")},
               {q("NetworkId"), q("net-1")},
               {q("LoginRegionId"), q("cn-hangzhou")},
               {q("ExtraConfigs.Mobile.LockResolution"), q("True")},
               {q("ExtraConfigs.Mobile.HideNavigationBar"), q("False")}}
        << QString();
    QTest::newRow("go create: ExtraConfigs JSON, true/false, 1/0")
        << q("CreateMcpSession")
        << Form{{q("ExtraConfigs"), q(R"({"mobile":{"lock_resolution":true}})")},
               {q("EnableRecord"), q("0")},
               {q("VpcResource"), q("false")},
               {q("SdkStats"), q(R"({"source":"sdk","sdk_language":"golang"})")}}
        << QString();
    QTest::newRow("python call: Server empty, AutoGenSession False")
        << q("CallMcpTool")
        << Form{{q("SessionId"), s},
               {q("Name"), q("shell")},
               {q("Args"), q(R"({"command": "true", "timeout_ms": 50000})")},
               {q("Server"), QString()},
               {q("AutoGenSession"), q("False")}}
        << QString();
    QTest::newRow("go call: ExternalUserId and ImageId empty, AutoGenSession false")
        << q("CallMcpTool")
        << Form{{q("SessionId"), s},
               {q("Name"), q("shell")},
               {q("Args"), q(R"({"command":"true","timeout_ms":1000})")},
               {q("Server"), q("wuying_shell")},
               {q("AutoGenSession"), q("false")},
               {q("ExternalUserId"), QString()},
               {q("ImageId"), QString()}}
        << QString();
    QTest::newRow("list: Labels absent") << q("ListSession") << Form{} << q("MaxResults=10");
    QTest::newRow("list: Labels {} and MaxResults echoed")
        << q("ListSession") << Form{{q("Labels"), q("{}")}, {q("MaxResults"), q("7")}} << q("MaxResults=7");
    QTest::newRow("list: Status filter") << q("ListSession")
                                         << Form{{q("Labels"), q("{}")}, {q("Status"), q("RUNNING")}}
                                         << q("MaxResults=10");
    QTest::newRow("get link: Option passed through")
        << q("GetLink")
        << Form{{q("SessionId"), s}, {q("Port"), q("30150")}, {q("ProtocolType"), q("https")}, {q("Option"), q("x")}}
        << QString();
}

void tst_HttpApi::sdkExtras_areAcceptedAndIgnored()
{
    QFETCH(QString, action);
    QFETCH(Form, params);
    QFETCH(QString, topLevel);
    for (auto &[key, value] : params) {
        value.replace(q("SESSION"), m_session);
    }
    const RawAnswer answer = m_api->send("/?Action=" + action.toUtf8() + "&Format=json&Version=2025-05-06",
        encodeFormPython(Form{{q("Authorization"), m_api->authorization()}} + params));
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(answer.json.value(q("Success")).toBool(), true);
    if (action == u"CreateMcpSession") {
        QCOMPARE(valueAt(answer.json, q("Data.Success")).toBool(), true);
        QCOMPARE(valueAt(answer.json, q("Data.VpcResource")), QJsonValue(false)); // no VPC route here
        const QString id = valueAt(answer.json, q("Data.SessionId")).toString();
        QCOMPARE(m_api->call(q("DeleteSessionAsync"), {{q("SessionId"), id}}).status, 200);
    }
    if (action == u"CallMcpTool") {
        QCOMPARE(answer.json.value(q("Data")).toObject().value(q("isError")).toBool(true), false);
    }
    if (!topLevel.isEmpty()) {
        const QString key = topLevel.section(u'=', 0, 0);
        QCOMPARE(QString::number(answer.json.value(key).toInt()), topLevel.section(u'=', 1));
    }
}

void tst_HttpApi::getSessionDetail_takesSessionIdFromTheQuery()
{
    const RawAnswer answer = m_api->send("/?Action=GetSessionDetail&SessionId=" + m_session.toUtf8(),
        encodeForm({{q("Authorization"), m_api->authorization()}}));
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(valueAt(answer.json, q("Data.Status")).toString(), q("RUNNING"));
}

void tst_HttpApi::auth_missingOrWrongKey_isRefusedWithoutData_data()
{
    QTest::addColumn<QString>("authorization"); // "-" = not sent
    QTest::addColumn<QString>("code");
    QTest::newRow("missing") << q("-") << q("MissingApiKey");
    QTest::newRow("empty") << QString() << q("MissingApiKey");
    QTest::newRow("wrong key") << q("Bearer abl-wrong") << q("InvalidApiKey");
    QTest::newRow("no Bearer") << q("KEY") << q("InvalidApiKey");
    QTest::newRow("lower-case bearer") << q("bearer KEY") << q("InvalidApiKey");
}

void tst_HttpApi::auth_missingOrWrongKey_isRefusedWithoutData()
{
    QFETCH(QString, authorization);
    QFETCH(QString, code);
    authorization.replace(q("KEY"), m_server.apiKey());
    Form form{{q("SessionId"), m_session}};
    if (authorization != u"-") {
        form.append({q("Authorization"), authorization});
    }
    const RawAnswer answer = m_api->call(q("GetSession"), form, false);
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.json.value(q("Code")).toString(), code);
    QCOMPARE(answer.json.value(q("Success")).toBool(true), false);
    QCOMPARE(answer.json.value(q("HttpStatusCode")).toInt(), 401);
    QVERIFY(!answer.json.contains(q("Data")));
    QVERIFY(!answer.body.contains(m_server.apiKey().toUtf8()));
}

void tst_HttpApi::invalidParameters_areRefusedNamingTheParameter_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<Form>("params"); // "SESSION" stands for a live session id
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message"); // part of the message, or empty

    const QString s = q("SESSION");
    QTest::newRow("labels not JSON") << q("CreateMcpSession") << Form{{q("Labels"), q("{oops")}}
                                     << q("InvalidParameter.Labels") << QString();
    QTest::newRow("label value not a string")
        << q("CreateMcpSession") << Form{{q("Labels"), q(R"({"a": 1})")}} << q("InvalidParameter.Labels") << QString();
    QTest::newRow("labels an array") << q("ListSession") << Form{{q("Labels"), q("[]")}} << q("InvalidParameter.Labels")
                                     << QString();
    QTest::newRow("unknown image") << q("CreateMcpSession") << Form{{q("ImageId"), q("windows_latest")}}
                                   << q("InvalidParameter.ImageId") << QString();
    QTest::newRow("unknown image for tools")
        << q("ListMcpTools") << Form{{q("ImageId"), q("nope")}} << q("InvalidParameter.ImageId") << QString();
    QTest::newRow("bad page token") << q("ListSession") << Form{{q("NextToken"), q("not-a-token")}}
                                    << q("InvalidParameter.NextToken") << QString();
    QTest::newRow("page size not a number")
        << q("ListSession") << Form{{q("MaxResults"), q("ten")}} << q("InvalidParameter.MaxResults") << QString();
    QTest::newRow("page size zero") << q("ListSession") << Form{{q("MaxResults"), q("0")}}
                                    << q("InvalidParameter.MaxResults") << QString();
    QTest::newRow("unknown status") << q("ListSession") << Form{{q("Status"), q("SLEEPING")}}
                                    << q("InvalidParameter.Status") << QString();
    QTest::newRow("port below range") << q("GetLink") << Form{{q("SessionId"), s}, {q("Port"), q("30099")}}
                                      << q("InvalidParameter.Port") << QString();
    QTest::newRow("port above range") << q("GetLink") << Form{{q("SessionId"), s}, {q("Port"), q("30200")}}
                                      << q("InvalidParameter.Port") << QString();
    QTest::newRow("port not a number") << q("GetLink") << Form{{q("SessionId"), s}, {q("Port"), q("http")}}
                                       << q("InvalidParameter.Port") << QString();
    QTest::newRow("wss without port") << q("GetLink") << Form{{q("SessionId"), s}, {q("ProtocolType"), q("wss")}}
                                      << q("InvalidParameter.Port") << QString();
    QTest::newRow("http link") << q("GetLink")
                               << Form{{q("SessionId"), s}, {q("Port"), q("30150")}, {q("ProtocolType"), q("http")}}
                               << q("InvalidParameter.ProtocolType") << q("http not supported");
    QTest::newRow("args not an object") << q("CallMcpTool")
                                        << Form{{q("SessionId"), s}, {q("Name"), q("shell")}, {q("Args"), q("[1]")}}
                                        << q("InvalidParameter.Args") << QString();
    QTest::newRow("no tool name") << q("CallMcpTool") << Form{{q("SessionId"), s}} << q("MissingParameter.Name")
                                  << QString();
    QTest::newRow("no labels to set") << q("SetLabel") << Form{{q("SessionId"), s}} << q("MissingParameter.Labels")
                                      << QString();
    QTest::newRow("no session id") << q("GetSession") << Form{} << q("MissingParameter.SessionId") << QString();
    QTest::newRow("unknown action") << q("DescribeEverything") << Form{} << q("InvalidAction.NotFound") << QString();
    QTest::newRow("missing action") << QString() << Form{} << q("InvalidAction.NotFound") << QString();
}

void tst_HttpApi::invalidParameters_areRefusedNamingTheParameter()
{
    QFETCH(QString, action);
    QFETCH(Form, params);
    QFETCH(QString, code);
    QFETCH(QString, message);
    for (auto &[key, value] : params) {
        value.replace(q("SESSION"), m_session);
    }
    const RawAnswer answer = m_api->call(action, params);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(q("Code")).toString(), code);
    QCOMPARE(answer.json.value(q("Success")).toBool(true), false);
    QCOMPARE(answer.json.value(q("HttpStatusCode")).toInt(), 400);
    QVERIFY(!answer.json.value(q("Message")).toString().isEmpty());
    if (!message.isEmpty()) {
        QCOMPARE(answer.json.value(q("Message")).toString(), message);
    }
}

void tst_HttpApi::unknownSession_isHttp400NotFound()
{
    for (const char *action : {"GetSession",
             "GetSessionDetail",
             "GetMcpResource",
             "DeleteSessionAsync",
             "PauseSessionAsync",
             "SetLabel",
             "GetLabel",
             "GetLink",
             "CallMcpTool"}) {
        const RawAnswer answer = m_api->call(q(action),
            {{q("SessionId"), q("session-doesnotexist000000")}, {q("Labels"), q("{}")}, {q("Name"), q("shell")}});
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json.value(q("Code")).toString(), q("InvalidMcpSession.NotFound"));
        QCOMPARE(answer.json.value(q("Message")).toString(), q("Session not found"));
        QCOMPARE(answer.json.value(q("Success")).toBool(true), false);
        QCOMPARE(answer.json.value(q("HttpStatusCode")).toInt(), 400);
    }
}

void tst_HttpApi::errorAnswers_alwaysCarryTheWholeEnvelope_data()
{
    QTest::addColumn<QByteArray>("request"); // raw HTTP
    QTest::addColumn<int>("status");

    const QByteArray key = "Authorization=" + QUrl::toPercentEncoding(m_api->authorization());
    const QByteArray session = m_session.toUtf8();
    const auto post =
        [](const QByteArray &pathAndQuery, const QByteArray &body, const QByteArray &extra = {}) -> QByteArray {
        return "POST " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body;
    };
    QTest::newRow("401 missing key") << post("/?Action=GetSession", "SessionId=" + session) << 401;
    QTest::newRow("401 wrong key") << post("/?Action=GetSession", "Authorization=Bearer%20nope&SessionId=" + session)
                                   << 401;
    QTest::newRow("400 missing action") << post("/", key) << 400;
    QTest::newRow("400 unknown action") << post("/?Action=Nope", key) << 400;
    QTest::newRow("400 unknown session") << post("/?Action=GetSessionDetail&SessionId=session-gone", key) << 400;
    QTest::newRow("400 bad content length")
        << QByteArray("POST /?Action=GetSession HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ten\r\n\r\n") << 400;
    QTest::newRow("404 unknown path") << QByteArray("GET /no/such/page HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") << 404;
    // A chunked body is read (the TypeScript SDK sends every body so); this one has no key.
    QTest::newRow("401 chunked without key") << QByteArray("POST /?Action=GetSession HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                           "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                             << 401;
    QTest::newRow("400 two content lengths") << QByteArray(
        "POST /?Action=GetSession HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
        "Content-Length: 5\r\n\r\nhello") << 400;
    QTest::newRow("413 body too large") << QByteArray(
        "POST /?Action=GetSession HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 999999999\r\n\r\n")
                                        << 413;
    QTest::newRow("431 headers too large")
        << post("/?Action=GetSession", key, "X-Big: " + QByteArray(70000, 'a') + "\r\n") << 431;
}

void tst_HttpApi::errorAnswers_alwaysCarryTheWholeEnvelope()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, QUrl(m_server.url()).port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(request);
    QByteArray answer;
    // Until the whole body (Content-Length) is in, or the server closes.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            socket.waitForReadyRead(50);
            answer += socket.readAll();
            const qsizetype end = answer.indexOf("\r\n\r\n");
            if (end < 0) {
                return socket.state() != QAbstractSocket::ConnectedState;
            }
            const QRegularExpression length(q("content-length:\\s*(\\d+)"), QRegularExpression::CaseInsensitiveOption);
            const auto match = length.match(QString::fromLatin1(answer.left(end)));
            return match.hasMatch() && answer.size() - end - 4 >= match.captured(1).toLongLong();
        }(),
        10000);
    socket.abort();

    QVERIFY2(
        answer.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')), answer.left(200).constData());
    const QJsonObject json = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
    QVERIFY2(
        json.value(q("RequestId")).isString() && !json.value(q("RequestId")).toString().isEmpty(), answer.constData());
    QCOMPARE(typeName(json.value(q("Success"))), q("bool"));
    QCOMPARE(json.value(q("Success")).toBool(), false);
    QCOMPARE(typeName(json.value(q("Code"))), q("string"));
    QVERIFY(!json.value(q("Code")).toString().isEmpty());
    QCOMPARE(typeName(json.value(q("Message"))), q("string"));
    QVERIFY(!json.value(q("Message")).toString().isEmpty());
    QCOMPARE(typeName(json.value(q("HttpStatusCode"))), q("number"));
    QCOMPARE(json.value(q("HttpStatusCode")).toInt(), status);
    QVERIFY(!json.contains(q("Data")));
}

void tst_HttpApi::unimplementedActions_answerInvalidActionNotFound_data()
{
    QTest::addColumn<QString>("action");
    for (const char *action : {"GetContext",
             "ListContexts",
             "ModifyContext",
             "DeleteContext",
             "ClearContext",
             "DescribeContextFiles",
             "GetContextFileDownloadUrl",
             "GetContextFileUploadUrl",
             "DeleteContextFile",
             "GetAndLoadInternalContext",
             "GetCdpLink",
             "GetAdbLink",
             "InitBrowser",
             "CreateNetwork",
             "DescribeNetwork"}) {
        QTest::newRow(action) << q(action);
    }
}

void tst_HttpApi::unimplementedActions_answerInvalidActionNotFound()
{
    QFETCH(QString, action);
    const RawAnswer answer = m_api->call(action,
        {{q("SessionId"), m_session},
            {q("Name"), q("ctx")},
            {q("AllowCreate"), q("True")},
            {q("Option"), q(R"({"adbkey_pub": "k"})")}});
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(q("Code")).toString(), q("InvalidAction.NotFound"));
    QCOMPARE(answer.json.value(q("Success")).toBool(true), false);
    QCOMPARE(answer.json.value(q("HttpStatusCode")).toInt(), 400);
    QVERIFY(answer.json.value(q("Message")).toString().contains(action));
    QVERIFY(!answer.json.contains(q("Data")));
    QCOMPARE(m_api->status(m_session), q("RUNNING"));
}

void tst_HttpApi::contexts_syncAndInfo_answerForASessionWithoutContexts()
{
    // delete(sync_context=True): SyncContext with the key in the query (every SDK does so)...
    const QByteArray keyInQuery = "&Authorization=" + QUrl::toPercentEncoding(m_api->authorization());
    const RawAnswer synced = m_api->send("/?Action=SyncContext" + keyInQuery, "SessionId=" + m_session.toUtf8());
    QVERIFY2(synced.status == 200, synced.body.constData());
    QCOMPARE(synced.json.value(q("Success")).toBool(), true);
    QVERIFY(!synced.json.contains(q("Data")));

    // ...then GetContextInfo until every task is done: there are none.
    const RawAnswer info = m_api->call(q("GetContextInfo"), {{q("SessionId"), m_session}});
    QVERIFY2(info.status == 200, info.body.constData());
    QCOMPARE(info.json.value(q("Success")).toBool(), true);
    const QJsonValue status = valueAt(info.json, q("Data.ContextStatus"));
    QCOMPARE(typeName(status), q("string"));
    const QJsonDocument tasks = QJsonDocument::fromJson(status.toString().toUtf8());
    QVERIFY(tasks.isArray());
    QVERIFY(tasks.array().isEmpty());

    // A context this server does not have, or a session that is gone, is refused.
    const RawAnswer named =
        m_api->call(q("SyncContext"), {{q("SessionId"), m_session}, {q("ContextId"), q("SdkCtx-1")}});
    QCOMPARE(named.status, 400);
    QCOMPARE(named.json.value(q("Code")).toString(), q("InvalidParameter.ContextId"));
    for (const char *action : {"SyncContext", "GetContextInfo"}) {
        const RawAnswer gone = m_api->call(q(action), {{q("SessionId"), q("session-doesnotexist000000")}});
        QCOMPARE(gone.status, 400);
        QCOMPARE(gone.json.value(q("Code")).toString(), q("InvalidMcpSession.NotFound"));
    }
}

void tst_HttpApi::transitions_pollingRightAfterTheCall_seesOnlyTheTransitionAndTarget_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("through");
    QTest::addColumn<QString>("target"); // a status, or the error code that ends the SDKs' wait
    QTest::newRow("pause") << q("PauseSessionAsync") << q("PAUSING") << q("PAUSED");
    QTest::newRow("resume") << q("ResumeSessionAsync") << q("RESUMING") << q("RUNNING");
    QTest::newRow("delete") << q("DeleteSessionAsync") << q("DELETING") << q("InvalidMcpSession.NotFound");
}

void tst_HttpApi::transitions_pollingRightAfterTheCall_seesOnlyTheTransitionAndTarget()
{
    QFETCH(QString, action);
    QFETCH(QString, through);
    QFETCH(QString, target);
    const QString id = m_api->createSession();
    QVERIFY(!id.isEmpty());
    if (action == u"ResumeSessionAsync") {
        QCOMPARE(m_api->call(q("PauseSessionAsync"), {{q("SessionId"), id}}).status, 200);
        QTRY_COMPARE(m_api->status(id), q("PAUSED"));
    }
    // Go and TS fail on anything but the transitional status until the target shows; the
    // delete wait polls GetSessionDetail (SessionId in the query) and stops at not found.
    const bool viaDetail = action == u"DeleteSessionAsync";
    const auto poll = [&] {
        if (!viaDetail) {
            return m_api->status(id);
        }
        const RawAnswer detail = m_api->send("/?Action=GetSessionDetail&SessionId=" + id.toUtf8(),
            encodeForm({{q("Authorization"), m_api->authorization()}}));
        if (detail.status == 200) {
            return valueAt(detail.json, q("Data.Status")).toString();
        }
        const QString message = detail.json.value(q("Message")).toString();
        const bool goneForTheSdks = detail.status == 400 && detail.json.value(q("HttpStatusCode")).toInt() == 400
            && message.contains(q("not found"), Qt::CaseInsensitive);
        return goneForTheSdks ? detail.json.value(q("Code")).toString() : q("unexpected: ") + message;
    };

    const RawAnswer started = m_api->call(action, {{q("SessionId"), id}});
    QVERIFY2(started.status == 200, started.body.constData());
    QStringList seen;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000 && (seen.isEmpty() || seen.constLast() != target)) {
        seen.append(poll());
    }
    for (int i = 0; i < 5; ++i) {
        seen.append(poll()); // and it stays there
    }
    seen.removeDuplicates();
    QVERIFY2(seen == QStringList({through, target}) || seen == QStringList({target}), qPrintable(seen.join(q(" -> "))));
}

void tst_HttpApi::pauseResume_moveThroughTransitionalStatuses()
{
    const QString id = m_api->createSession();
    const RawAnswer paused = m_api->call(q("PauseSessionAsync"), {{q("SessionId"), id}});
    QCOMPARE(paused.status, 200);
    // Never RUNNING again after the reply: PAUSING, then PAUSED.
    const QString first = m_api->status(id);
    QVERIFY2(first == u"PAUSING" || first == u"PAUSED", qPrintable(first));
    QTRY_COMPARE(m_api->status(id), q("PAUSED"));

    const RawAnswer resumed = m_api->call(q("ResumeSessionAsync"), {{q("SessionId"), id}});
    QCOMPARE(resumed.status, 200);
    const QString next = m_api->status(id);
    QVERIFY2(next == u"RESUMING" || next == u"RUNNING", qPrintable(next));
    QTRY_COMPARE(m_api->status(id), q("RUNNING"));
}

void tst_HttpApi::pausedSession_refusesToolCallsAndDeletion()
{
    const QString id = m_api->createSession();
    QCOMPARE(m_api->call(q("PauseSessionAsync"), {{q("SessionId"), id}}).status, 200);
    QTRY_COMPARE(m_api->status(id), q("PAUSED"));
    for (const char *action : {"CallMcpTool", "DeleteSessionAsync", "ReleaseMcpSession"}) {
        const RawAnswer answer = m_api->call(
            q(action), {{q("SessionId"), id}, {q("Name"), q("shell")}, {q("Args"), q(R"({"command":"true"})")}});
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json.value(q("Code")).toString(), q("InvalidSessionStatus.Paused"));
    }
    QCOMPARE(m_api->status(id), q("PAUSED"));
}

void tst_HttpApi::delete_movesThroughDeletingAndSessionIsGone_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("DeleteSessionAsync") << q("DeleteSessionAsync");
    QTest::newRow("ReleaseMcpSession") << q("ReleaseMcpSession");
}

void tst_HttpApi::delete_movesThroughDeletingAndSessionIsGone()
{
    QFETCH(QString, action);
    const QString id = m_api->createSession();
    const QString workspace = m_server.dataDir() + q("/sessions/") + id + q("/workspace");
    QVERIFY(QFileInfo::exists(workspace));
    QCOMPARE(m_api->call(action, {{q("SessionId"), id}}).status, 200);
    const RawAnswer detail = m_api->send("/?Action=GetSessionDetail&SessionId=" + id.toUtf8(),
        encodeForm({{q("Authorization"), m_api->authorization()}}));
    QVERIFY2(detail.status == 400 || valueAt(detail.json, q("Data.Status")).toString() == u"DELETING",
        detail.body.constData());
    QTRY_COMPARE(m_api->status(id), q("InvalidMcpSession.NotFound"));
    QTRY_VERIFY(!QFileInfo::exists(workspace));
}

void tst_HttpApi::callMcpTool_concurrentCalls_runInParallel()
{
    constexpr int calls = 20;
    // Each call checks in, then waits until all have: one after another, the first would wait
    // until its timeout. Overlap is proven without a clock.
    const QString barrier = q("barrier-%1").arg(QRandomGenerator::global()->generate());
    const QString command =
        q("mkdir -p %1; mktemp -p %1 >/dev/null; until [ $(ls %1 | wc -l) -ge %2 ]; do sleep 0.05; done; echo done")
            .arg(barrier)
            .arg(calls);
    const QByteArray body = encodeForm({{q("Authorization"), m_api->authorization()},
        {q("SessionId"), m_session},
        {q("Name"), q("shell")},
        {q("Args"),
            QString::fromUtf8(QJsonDocument(QJsonObject{{q("command"), command}, {q("timeout_ms"), 20000}})
                                  .toJson(QJsonDocument::Compact))}});
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    int finished = 0;
    int succeeded = 0;
    for (int i = 0; i < calls; ++i) {
        // One manager each: a single one would queue beyond 6 connections per host.
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest request(QUrl(m_server.url() + q("/?Action=CallMcpTool")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        QNetworkReply *reply = managers.back()->post(request, body);
        connect(reply, &QNetworkReply::finished, this, [reply, &finished, &succeeded] {
            ++finished;
            if (reply->readAll().contains("done")) {
                ++succeeded;
            }
            reply->deleteLater();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, calls, 60000);
    QCOMPARE(succeeded, calls);
}

void tst_HttpApi::delete_duringAToolCall_answersTheCall()
{
    const QString id = m_api->createSession();
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_server.url() + q("/?Action=CallMcpTool")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    QNetworkReply *reply = nam.post(request,
        encodeForm({{q("Authorization"), m_api->authorization()},
            {q("SessionId"), id},
            {q("Name"), q("shell")},
            {q("Args"), q(R"({"command": "touch began; sleep 30", "timeout_ms": 40000})")}}));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    // Delete once the call runs (a second call sees its file), so it is deleted mid-call.
    const auto began = [this, &id] {
        return m_api
            ->call(q("CallMcpTool"),
                {{q("SessionId"), id},
                    {q("Name"), q("shell")},
                    {q("Args"), q(R"({"command": "test -e began && echo yes-began"})")}})
            .body.contains("yes-began");
    };
    QTRY_VERIFY_WITH_TIMEOUT(began(), 30000);
    QCOMPARE(m_api->call(q("DeleteSessionAsync"), {{q("SessionId"), id}}).status, 200);
    QVERIFY(finished.wait(10000) || finished.count() == 1);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QVERIFY2(status == 200 || status == 400, qPrintable(QString::number(status)));
    reply->deleteLater();
}

void tst_HttpApi::listSession_filtersAndPages_data()
{
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("expectedTotal");

    QTest::newRow("one label, pages of 2") << q(R"({"list": "yes"})") << QString() << 2 << 5;
    QTest::newRow("two labels, pages of 2") << q(R"({"list": "yes", "team": "a"})") << QString() << 2 << 3;
    QTest::newRow("label and status") << q(R"({"list": "yes"})") << q("PAUSED") << 1 << 2;
    QTest::newRow("one big page") << q(R"({"list": "yes"})") << QString() << 100 << 5;
    QTest::newRow("no match") << q(R"({"list": "no"})") << QString() << 10 << 0;
}

void tst_HttpApi::listSession_filtersAndPages()
{
    QFETCH(QString, labels);
    QFETCH(QString, status);
    QFETCH(int, pageSize);
    QFETCH(int, expectedTotal);

    static QStringList created;
    if (created.isEmpty()) {
        const QStringList teams{q("a"), q("a"), q("a"), q("b"), q("b")};
        for (const QString &team : teams) {
            created.append(
                m_api->createSession({{q("Labels"), QStringLiteral(R"({"list": "yes", "team": "%1"})").arg(team)}}));
        }
        for (const QString &id : {created.at(1), created.at(3)}) {
            QCOMPARE(m_api->call(q("PauseSessionAsync"), {{q("SessionId"), id}}).status, 200);
            QTRY_COMPARE(m_api->status(id), q("PAUSED"));
        }
    }

    QSet<QString> seen;
    QString token;
    int pages = 0;
    do {
        Form form{{q("Labels"), labels}, {q("MaxResults"), QString::number(pageSize)}};
        if (!status.isEmpty()) {
            form.append({q("Status"), status});
        }
        if (!token.isEmpty()) {
            form.append({q("NextToken"), token});
        }
        const RawAnswer answer = m_api->call(q("ListSession"), form);
        QVERIFY2(answer.status == 200, answer.body.constData());
        QCOMPARE(answer.json.value(q("TotalCount")).toInt(), expectedTotal);
        QCOMPARE(answer.json.value(q("MaxResults")).toInt(), pageSize);
        const QJsonArray data = answer.json.value(q("Data")).toArray();
        QVERIFY(data.size() <= pageSize);
        for (const QJsonValue &item : data) {
            const QString id = item.toObject().value(q("SessionId")).toString();
            QVERIFY2(!seen.contains(id), "a session came twice");
            QVERIFY(created.contains(id));
            if (!status.isEmpty()) {
                QCOMPARE(item.toObject().value(q("SessionStatus")).toString(), status);
            }
            seen.insert(id);
        }
        token = answer.json.value(q("NextToken")).toString();
        QVERIFY(++pages <= expectedTotal + 1);
    } while (!token.isEmpty());
    QCOMPARE(int(seen.size()), expectedTotal);
}

void tst_HttpApi::labels_setReplacesAndGetReturnsThem()
{
    const QString id = m_api->createSession({{q("Labels"), q(R"({"a": "1", "b": "2"})")}});
    QCOMPARE(m_api->call(q("SetLabel"), {{q("SessionId"), id}, {q("Labels"), q(R"({"c": "ünï côde"})")}}).status, 200);
    const RawAnswer got = m_api->call(q("GetLabel"), {{q("SessionId"), id}});
    const QJsonObject labels =
        QJsonDocument::fromJson(valueAt(got.json, q("Data.Labels")).toString().toUtf8()).object();
    QCOMPARE(labels, QJsonObject({{q("c"), q("ünï côde")}}));
    QCOMPARE(got.json.value(q("TotalCount")).toInt(), 1);
}

void tst_HttpApi::resourceUrl_servesTheSessionPageOnlyWithItsAuthCode()
{
    const QString id = m_api->createSession({{q("Labels"), q(R"({"page": "<shown & escaped>"})")}});
    m_api->call(q("CallMcpTool"),
        {{q("SessionId"), id},
            {q("Name"), q("shell")},
            {q("Args"), q(R"({"command": "echo made > marker-file.txt"})")}});
    const QString resourceUrl =
        valueAt(m_api->call(q("GetSession"), {{q("SessionId"), id}}).json, q("Data.ResourceUrl")).toString();
    QVERIFY(resourceUrl.startsWith(m_server.url() + q("/sessions/") + id + q("/?authcode=")));
    QVERIFY(!resourceUrl.contains(m_server.apiKey()));

    RawApi page{QString(), QString()};
    const RawAnswer shown = page.send(resourceUrl.toUtf8(), {}, {}, "GET");
    QCOMPARE(shown.status, 200);
    QVERIFY(shown.body.contains("RUNNING"));
    QVERIFY(shown.body.contains("&lt;shown &amp; escaped&gt;"));
    QVERIFY(shown.body.contains("marker-file.txt"));
    QVERIFY(shown.body.contains("shell"));

    const QString wrong = resourceUrl.left(resourceUrl.indexOf(u'=') + 1) + q("wrong");
    QCOMPARE(page.send(wrong.toUtf8(), {}, {}, "GET").status, 403);
    QCOMPARE(page.send((m_server.url() + q("/sessions/") + id + q("/")).toUtf8(), {}, {}, "GET").status, 403);
}

void tst_HttpApi::getLink_urlReachesAServiceOnThatPort()
{
    // Each session has its own network: the service runs inside the session, as a session's
    // `python3 -m http.server 301xx` would.
    const int port = 30199;
    QVERIFY(AgentBay::Test::startSessionFileServer(*m_api, m_session, port, q("hello"), "hello from the session"));

    const RawAnswer link = m_api->call(q("GetLink"),
        {{q("SessionId"), m_session}, {q("Port"), QString::number(port)}, {q("ProtocolType"), q("https")}});
    QCOMPARE(link.status, 200);
    const QUrl url(valueAt(link.json, q("Data.Url")).toString());
    QCOMPARE(url.scheme(), q("http"));
    QVERIFY(url.path().endsWith(u'/'));

    QUrl hello = url;
    hello.setPath(url.path() + q("hello"));
    RawApi browser{QString(), QString()};
    const RawAnswer answer = browser.send(hello.toEncoded(), {}, {}, "GET");
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("hello from the session"));

    // The code is kept in a cookie for the link's path, so the service's own links work...
    QUrl bare = hello;
    bare.setQuery(QString());
    QCOMPARE(browser.send(bare.toEncoded(), {}, {}, "GET").status, 200);
    // ...and without the code nobody else gets in.
    RawApi stranger{QString(), QString()};
    QCOMPARE(stranger.send(bare.toEncoded(), {}, {}, "GET").status, 403);
}

void tst_HttpApi::getLink_wss_goesThroughTheServer()
{
    const RawAnswer link = m_api->call(
        q("GetLink"), {{q("SessionId"), m_session}, {q("Port"), q("30123")}, {q("ProtocolType"), q("wss")}});
    QCOMPARE(link.status, 200);
    // The same path as the https link, through this server (which upgrades it there).
    const QUrl url(valueAt(link.json, q("Data.Url")).toString());
    QCOMPARE(url.scheme(), q("ws"));
    QCOMPARE(url.port(), QUrl(m_server.url()).port());
    QCOMPARE(url.path(), q("/sessions/") + m_session + q("/ports/30123/"));
}

void tst_HttpApi::oversizedBody_isRefusedWith413AndServerKeepsServing()
{
    QByteArray body = encodeForm({{q("Authorization"), m_api->authorization()}, {q("SessionId"), m_session}});
    body += "&Padding=" + QByteArray(9 * 1024 * 1024, 'x');
    const RawAnswer refused = m_api->send("/?Action=GetSession", body);
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.json.value(q("Code")).toString(), q("RequestBodyTooLarge"));

    // Just under the limit is fine.
    QByteArray fits = encodeForm({{q("Authorization"), m_api->authorization()}, {q("SessionId"), m_session}});
    fits += "&Padding=" + QByteArray(7 * 1024 * 1024, 'x');
    QCOMPARE(m_api->send("/?Action=GetSession", fits).status, 200);
    QCOMPARE(m_api->status(m_session), q("RUNNING"));
}

void tst_HttpApi::unknownPath_is404()
{
    const RawAnswer get = m_api->send("/no/such/page", {}, {}, "GET");
    QCOMPARE(get.status, 404);
    QCOMPARE(get.json.value(q("Code")).toString(), q("InvalidPath.NotFound"));
    QCOMPARE(m_api->send("/sessions/session-nope/?authcode=x", {}, {}, "GET").status, 404);
    QCOMPARE(m_api->send("/", {}, {}, "DELETE").status, 404);
}

void tst_HttpApi::garbage_neverCrashesTheServer_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("not http") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage", 18);
    QTest::newRow("header without end") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nX: ") + QByteArray(70000, 'a');
    QTest::newRow("chunked body") << QByteArray(
        "POST /?Action=GetSession HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
    QTest::newRow("lying length, then gone")
        << QByteArray("POST /?Action=CreateMcpSession HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nAuth");
    QTest::newRow("broken percent escapes")
        << QByteArray("POST /?Action=%ZZ%&&=&%% HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n%%%=&&%G1");
}

void tst_HttpApi::garbage_neverCrashesTheServer()
{
    QFETCH(QByteArray, bytes);
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, QUrl(m_server.url()).port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(bytes);
        QVERIFY(socket.waitForBytesWritten(5000));
        socket.waitForReadyRead(500);
        socket.abort();
    }
    QVERIFY(m_server.isRunning());
    QCOMPARE(m_api->status(m_session), q("RUNNING"));
}

QTEST_GUILESS_MAIN(tst_HttpApi)
#include "tst_httpapi.moc"
