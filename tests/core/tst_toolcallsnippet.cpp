// SPDX-License-Identifier: MIT
#include <core/config/config.h>
#include <core/tools/toolcallsnippet.h>

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ToolCallSnippet;
using AgentBay::Core::ToolCallSnippetInput;

namespace {

ToolCallSnippetInput shellInput()
{
    ToolCallSnippetInput input;
    input.endpoint = u"http://127.0.0.1:8123"_s;
    input.sessionId = u"session-abcdefghij0123456789"_s;
    input.toolName = u"shell"_s;
    input.server = u"wuying_shell"_s;
    input.arguments = {{u"command"_s, u"echo 'it''s' \"q\" & $HOME"_s}, {u"timeout_ms"_s, 5000}};
    input.readTimeoutMs = 30000;
    return input;
}

} // namespace

class tst_ToolCallSnippet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void python_shellCall_usesTheSdkAndTheKeyFromTheEnvironment();
    void curl_shellCall_postsCallMcpToolWithAPlaceholderKey();
    void snippets_configuredKey_neverAppears();
    void pythonLiteral_values_data();
    void pythonLiteral_values();
    void shellQuote_roundTripsThroughSh_data();
    void shellQuote_roundTripsThroughSh();
    void baseUrl_endpointForms_data();
    void baseUrl_endpointForms();
};

void tst_ToolCallSnippet::python_shellCall_usesTheSdkAndTheKeyFromTheEnvironment()
{
    const QString code = ToolCallSnippet::python(shellInput());
    QVERIFY(code.contains(u"from agentbay import AgentBay"_s));
    QVERIFY(code.contains(u"AgentBay(api_key=os.environ[\"AGENTBAY_API_KEY\"])"_s));
    QVERIFY(code.contains(u"os.environ[\"AGENTBAY_ENDPOINT\"] = \"http://127.0.0.1:8123\""_s));
    QVERIFY(code.contains(u"agent_bay.get(\"session-abcdefghij0123456789\").session"_s));
    QVERIFY(code.contains(u"session.call_mcp_tool(\n    \"shell\",\n"_s));
    QVERIFY(code.contains(u"\"timeout_ms\": 5000"_s));
    QVERIFY(code.contains(u"read_timeout=30"_s));
}

void tst_ToolCallSnippet::curl_shellCall_postsCallMcpToolWithAPlaceholderKey()
{
    const QString command = ToolCallSnippet::curl(shellInput());
    QVERIFY(command.startsWith(u"curl -sS -X POST \"http://127.0.0.1:8123/?Action=CallMcpTool&Format=json"_s));
    QVERIFY(command.contains(u"--data-urlencode \"Authorization=Bearer $AGENTBAY_API_KEY\""_s));
    QVERIFY(command.contains(u"--data-urlencode 'SessionId=session-abcdefghij0123456789'"_s));
    QVERIFY(command.contains(u"--data-urlencode 'Name=shell'"_s));
    QVERIFY(command.contains(u"--data-urlencode 'Server=wuying_shell'"_s));
    QVERIFY(command.contains(u"--max-time 30"_s));
    // The arguments survive the shell's quoting unchanged.
    QVERIFY(command.contains(
        u"'Args={\"command\":\"echo '\\''it'\\'''\\''s'\\'' \\\"q\\\" & $HOME\",\"timeout_ms\":5000}'"_s));
}

void tst_ToolCallSnippet::snippets_configuredKey_neverAppears()
{
    AgentBay::Core::Config config;
    config.apiKey = u"akm-real-key-0123456789"_s;
    config.endpoint = u"127.0.0.1:9000"_s;
    ToolCallSnippetInput input = shellInput();
    input.endpoint = config.endpoint;
    for (const QString &snippet : {ToolCallSnippet::python(input), ToolCallSnippet::curl(input)}) {
        QVERIFY(!snippet.contains(config.apiKey));
        QVERIFY(snippet.contains(u"AGENTBAY_API_KEY"_s));
    }
    QVERIFY(ToolCallSnippet::curl(input).contains(u"\"https://127.0.0.1:9000/?Action=CallMcpTool"_s));
}

void tst_ToolCallSnippet::pythonLiteral_values_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("literal");
    QTest::newRow("true") << QJsonValue(true) << u"True"_s;
    QTest::newRow("false") << QJsonValue(false) << u"False"_s;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << u"None"_s;
    QTest::newRow("number") << QJsonValue(1.5) << u"1.5"_s;
    QTest::newRow("string escapes") << QJsonValue(u"a\"b\nc"_s) << u"\"a\\\"b\\nc\""_s;
    QTest::newRow("unicode kept") << QJsonValue(u"héllo"_s) << u"\"héllo\""_s;
    QTest::newRow("object") << QJsonValue(QJsonObject{{u"a"_s, true}, {u"b"_s, QJsonArray{1, QJsonValue()}}})
                            << u"{\"a\": True, \"b\": [1, None]}"_s;
    QTest::newRow("long object breaks lines")
        << QJsonValue(QJsonObject{{u"a"_s, QString(40, u'x')}, {u"b"_s, QString(40, u'y')}})
        << u"{\n    \"a\": \"%1\",\n    \"b\": \"%2\",\n}"_s.arg(QString(40, u'x'), QString(40, u'y'));
}

void tst_ToolCallSnippet::pythonLiteral_values()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, literal);
    QCOMPARE(ToolCallSnippet::pythonLiteral(value), literal);
}

void tst_ToolCallSnippet::shellQuote_roundTripsThroughSh_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << u"abc"_s;
    QTest::newRow("single quotes") << u"it's 'quoted'"_s;
    QTest::newRow("shell syntax") << u"$HOME `id` \"x\" & ; | \\n"_s;
    QTest::newRow("json") << u"{\"command\":\"echo 'hi'\"}"_s;
}

void tst_ToolCallSnippet::shellQuote_roundTripsThroughSh()
{
    QFETCH(QString, text);
    if (QStandardPaths::findExecutable(u"sh"_s).isEmpty()) {
        QSKIP("no sh");
    }
    QProcess sh;
    sh.start(u"sh"_s, {u"-c"_s, u"printf %s "_s + ToolCallSnippet::shellQuote(text)});
    QVERIFY(sh.waitForFinished(5000));
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), text);
}

void tst_ToolCallSnippet::baseUrl_endpointForms_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("url");
    QTest::newRow("host") << u"wuyingai.ap-southeast-1.aliyuncs.com"_s
                          << u"https://wuyingai.ap-southeast-1.aliyuncs.com/"_s;
    QTest::newRow("host:port") << u"127.0.0.1:9000"_s << u"https://127.0.0.1:9000/"_s;
    QTest::newRow("http url") << u"http://127.0.0.1:9000"_s << u"http://127.0.0.1:9000/"_s;
    QTest::newRow("https url with slash") << u"https://x.example/"_s << u"https://x.example/"_s;
    QTest::newRow("empty = default") << QString() << u"https://wuyingai.cn-shanghai.aliyuncs.com/"_s;
}

void tst_ToolCallSnippet::baseUrl_endpointForms()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, url);
    QCOMPARE(ToolCallSnippet::baseUrl(endpoint), url);
}

QTEST_GUILESS_MAIN(tst_ToolCallSnippet)
#include "tst_toolcallsnippet.moc"
