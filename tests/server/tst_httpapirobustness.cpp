// SPDX-License-Identifier: MIT
// agentbay-local against careless and hostile clients: malformed parameters and requests,
// lifecycle races, secrets and limits. A real server, spoken to over raw HTTP and raw TCP.
#include "portlinksupport.h"

#include <support/localserver.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using AgentBay::Test::encodeForm;
using AgentBay::Test::Form;
using AgentBay::Test::LocalServer;
using AgentBay::Test::RawAnswer;
using AgentBay::Test::RawApi;

namespace {

// A secret in the server's own environment, the way a desktop app might start it.
const QByteArray environmentSecret = "akm-environment-secret-0123456789";

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray repeated(const QByteArray &part, int times)
{
    QByteArray out;
    out.reserve(part.size() * times);
    for (int i = 0; i < times; ++i) {
        out += part;
    }
    return out;
}

QByteArray formValue(const QByteArray &json)
{
    return QUrl::toPercentEncoding(QString::fromUtf8(json));
}

// The JSON payload of a shell or run_code result: CallMcpTool's Data is the MCP result object,
// whose first text item is the tool's JSON again.
QJsonObject toolPayload(const RawAnswer &answer)
{
    const QJsonObject result = answer.json.value(q("Data")).toObject();
    const QString text = result.value(q("content")).toArray().first().toObject().value(q("text")).toString();
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// Writes bytes on a fresh connection, reads until a whole head has come (or waitMs passed, or
// the server closed), closes. The default bound only ends a broken run: an answer ends the wait
// at once, and a sanitized server on a loaded machine can take seconds to give one.
QByteArray exchange(quint16 port, const QByteArray &bytes, int waitMs = 15000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000)) {
        return "NO CONNECTION";
    }
    socket.write(bytes);
    socket.waitForBytesWritten(5000);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < waitMs && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(100)) {
            answer += socket.readAll();
            if (answer.contains("\r\n\r\n")) {
                break;
            }
        }
    }
    answer += socket.readAll();
    socket.abort();
    return answer;
}

int statusOf(const QByteArray &answer)
{
    if (!answer.startsWith("HTTP/1.1 ")) {
        return 0;
    }
    return answer.mid(9, 3).toInt();
}

} // namespace

class tst_HttpApiRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void malformedParameters_areRefusedNamingTheParameter_data();
    void malformedParameters_areRefusedNamingTheParameter();
    void hostilePaths_neverReachTheFilesystem_data();
    void hostilePaths_neverReachTheFilesystem();
    void brokenRequests_areRefusedAndNeverCrashTheServer_data();
    void brokenRequests_areRefusedAndNeverCrashTheServer();

    void concurrentDeletes_ofOneSession_allAnswerAndTheSessionGoes();
    void pause_duringAToolCall_freezesItUntilResume();
    void pauseAndResume_repeated_areHarmless();
    void clientGone_midToolCall_serverKeepsServing();

    void token_neverReachesSessionProcesses();
    void token_neverInErrorsPagesOrLog();
    void authCodes_arePerSession();
    void portLink_portSpelledDifferently_forwardsTheSamePath_data();
    void portLink_portSpelledDifferently_forwardsTheSamePath();

    void maxSessions_createBeyondTheCap_isRefusedWithResourceLimit();
    void maxSessions_invalidValue_isRefusedAtStart_data();
    void maxSessions_invalidValue_isRefusedAtStart();
    void toolOutput_beyondTheCap_isTruncatedWithANote_data();
    void toolOutput_beyondTheCap_isTruncatedWithANote();
    void toolOutput_flood_isKilledAtTheHardCap();

private:
    QNetworkReply *callAsync(const Form &form, QNetworkAccessManager *nam);

    quint16 port() const { return quint16(QUrl(m_server.url()).port()); }

    QString workspaceOf(const QString &id) const { return m_server.dataDir() + q("/sessions/") + id + q("/workspace"); }

    QString isolationOf(const QString &id);
    void verifyUnharmed();

    LocalServer m_server;
    std::unique_ptr<RawApi> m_api;
    QString m_session;
};

void tst_HttpApiRobustness::initTestCase()
{
    qputenv("AGENTBAY_API_KEY", environmentSecret);
    qputenv("QT_LOGGING_RULES", "agentbay.*=true");
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    m_api = std::make_unique<RawApi>(m_server.url(), m_server.apiKey());
    m_session = m_api->createSession({{q("Labels"), q(R"({"suite": "robustness"})")}});
    QVERIFY(m_session.startsWith(u"session-"));
    QVERIFY(QFile(workspaceOf(m_session) + q("/kept.txt")).open(QIODevice::WriteOnly));
}

QString tst_HttpApiRobustness::isolationOf(const QString &id)
{
    const RawAnswer info = m_api->call(q("GetMcpResource"), {{q("SessionId"), id}});
    const QString properties = info.json.value(q("Data"))
                                   .toObject()
                                   .value(q("DesktopInfo"))
                                   .toObject()
                                   .value(q("ConnectionProperties"))
                                   .toString();
    return QJsonDocument::fromJson(properties.toUtf8()).object().value(q("isolation")).toString();
}

// Nothing lost: the server runs, the suite's session is RUNNING with its labels and files.
void tst_HttpApiRobustness::verifyUnharmed()
{
    QVERIFY(m_server.isRunning());
    QCOMPARE(m_api->status(m_session), q("RUNNING"));
    const RawAnswer labels = m_api->call(q("GetLabel"), {{q("SessionId"), m_session}});
    QCOMPARE(labels.json.value(q("Data")).toObject().value(q("Labels")).toString(), q(R"({"suite":"robustness"})"));
    QVERIFY(QFileInfo::exists(workspaceOf(m_session) + q("/kept.txt")));
}

void tst_HttpApiRobustness::malformedParameters_areRefusedNamingTheParameter_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QByteArray>("form"); // encoded; "SESSION" stands for a live session id
    QTest::addColumn<QString>("code");

    const QString create = q("CreateMcpSession");
    const QString call = q("CallMcpTool");
    const QByteArray tool = "SessionId=SESSION&Name=shell&Args=";
    QByteArray thousands = "{";
    for (int i = 0; i < 3000; ++i) {
        thousands += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":\"v\"";
    }
    thousands += '}';

    QTest::newRow("labels: invalid UTF-8")
        << create << QByteArray("Labels=%7B%22k%22%3A%22%FF%FE%22%7D") << q("InvalidParameter.Labels");
    QTest::newRow("labels: truncated JSON")
        << create << "Labels=" + formValue(R"({"k":"v)") << q("InvalidParameter.Labels");
    QTest::newRow("labels: deeply nested")
        << create << "Labels=" + repeated("%5B", 100000) << q("InvalidParameter.Labels");
    QTest::newRow("labels: object value")
        << create << "Labels=" + formValue(R"({"a":{"b":"c"}})") << q("InvalidParameter.Labels");
    QTest::newRow("labels: a string") << create << "Labels=" + formValue(R"("text")") << q("InvalidParameter.Labels");
    QTest::newRow("labels: null") << create << QByteArray("Labels=null") << q("InvalidParameter.Labels");
    QTest::newRow("labels: thousands") << create << "Labels=" + formValue(thousands) << q("InvalidParameter.Labels");
    QTest::newRow("labels: huge key") << q(
        "SetLabel") << "SessionId=SESSION&Labels=" + formValue("{\"" + QByteArray(100000, 'k') + "\":\"v\"}")
                                      << q("InvalidParameter.Labels");
    QTest::newRow("labels filter: invalid JSON")
        << q("ListSession") << QByteArray("Labels=%7B") << q("InvalidParameter.Labels");

    QTest::newRow("args: invalid UTF-8") << call << tool + "%7B%22command%22%3A%22echo%20%C3%28%22%7D"
                                         << q("InvalidParameter.Args");
    QTest::newRow("args: a JSON string") << call << tool + formValue(R"("echo hi")") << q("InvalidParameter.Args");
    QTest::newRow("args: not JSON at all") << call << tool + "echo%20hi" << q("InvalidParameter.Args");
    QTest::newRow("args: a number") << call << tool + "42" << q("InvalidParameter.Args");
    QTest::newRow("args: an array") << call << tool + formValue(R"(["echo","hi"])") << q("InvalidParameter.Args");
    QTest::newRow("args: null") << call << tool + "null" << q("InvalidParameter.Args");
    QTest::newRow("args: truncated") << call << tool + formValue(R"({"command":"ec)") << q("InvalidParameter.Args");
    QTest::newRow("args: deeply nested") << call << tool + "%7B%22a%22%3A" + repeated("%5B", 100000)
                                         << q("InvalidParameter.Args");

    QTest::newRow("session id: traversal")
        << q("GetSession") << QByteArray("SessionId=..%2F..%2Fetc") << q("InvalidParameter.SessionId");
    QTest::newRow("session id: traversal in a tool call")
        << call << QByteArray("SessionId=..%2FSESSION&Name=shell&Args=%7B%7D") << q("InvalidParameter.SessionId");
    QTest::newRow("session id: absolute path")
        << q("DeleteSessionAsync") << QByteArray("SessionId=%2Fetc%2Fpasswd") << q("InvalidParameter.SessionId");
    QTest::newRow("session id: dot dot") << q("PauseSessionAsync") << QByteArray("SessionId=..")
                                         << q("InvalidParameter.SessionId");
    QTest::newRow("session id: very long")
        << q("GetSession") << "SessionId=" + QByteArray(200000, 'a') << q("InvalidParameter.SessionId");
    QTest::newRow("session id: NUL byte")
        << q("SetLabel") << QByteArray("SessionId=SESSION%00&Labels=%7B%7D") << q("InvalidParameter.SessionId");
    QTest::newRow("session id: invalid UTF-8")
        << q("GetSessionDetail") << QByteArray("SessionId=session-%FF") << q("InvalidParameter.SessionId");
    QTest::newRow("session id: inner space")
        << q("GetLabel") << QByteArray("SessionId=session-+x") << q("InvalidParameter.SessionId");

    QTest::newRow("page token: huge") << q("ListSession") << "NextToken=" + QByteArray(100000, 'x')
                                      << q("InvalidParameter.NextToken");
    QTest::newRow("page size: overflows")
        << q("ListSession") << QByteArray("MaxResults=99999999999999999999") << q("InvalidParameter.MaxResults");
    QTest::newRow("port: overflows") << q("GetLink") << QByteArray("SessionId=SESSION&Port=4294997396")
                                     << q("InvalidParameter.Port");
    QTest::newRow("image: huge") << create << "ImageId=" + QByteArray(100000, 'i') << q("InvalidParameter.ImageId");
    QTest::newRow("action: huge") << QString(50000, u'A') << QByteArray() << q("InvalidAction.NotFound");
}

void tst_HttpApiRobustness::malformedParameters_areRefusedNamingTheParameter()
{
    QFETCH(QString, action);
    QFETCH(QByteArray, form);
    QFETCH(QString, code);
    form.replace("SESSION", m_session.toUtf8());
    const QByteArray body = encodeForm({{q("Authorization"), m_api->authorization()}}) + '&' + form;
    const RawAnswer answer = m_api->send("/?Action=" + QUrl::toPercentEncoding(action), body);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(q("Code")).toString(), code);
    QCOMPARE(answer.json.value(q("Success")).toBool(true), false);
    QVERIFY(!answer.json.value(q("Message")).toString().isEmpty());
    // Huge input is not echoed back.
    QVERIFY2(answer.body.size() < 2048, answer.body.left(300).constData());
    verifyUnharmed();
}

void tst_HttpApiRobustness::hostilePaths_neverReachTheFilesystem_data()
{
    QTest::addColumn<QByteArray>("target"); // "SESSION" stands for a live session id

    QTest::newRow("encoded traversal as session id") << QByteArray("/sessions/..%2F..%2Fetc%2Fpasswd/?authcode=x");
    QTest::newRow("plain traversal") << QByteArray("/sessions/../../etc/passwd");
    QTest::newRow("dot dot as session id") << QByteArray("/sessions/%2e%2e/?authcode=x");
    QTest::newRow("NUL in session id") << QByteArray("/sessions/session-x%00/?authcode=x");
    QTest::newRow("long session id") << "/sessions/" + QByteArray(20000, 'a') + "/?authcode=x";
    QTest::newRow("traversal after a session") << QByteArray("/sessions/SESSION/../../token");
    QTest::newRow("traversal behind a port link") << QByteArray("/sessions/SESSION/ports/30150/../../../../etc/passwd");
    QTest::newRow("traversal as port") << QByteArray("/sessions/SESSION/ports/..%2F..%2Ftoken/?authcode=x");
}

void tst_HttpApiRobustness::hostilePaths_neverReachTheFilesystem()
{
    QFETCH(QByteArray, target);
    target.replace("SESSION", m_session.toUtf8());
    const QByteArray answer = exchange(port(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const int status = statusOf(answer);
    QVERIFY2(status == 400 || status == 403 || status == 404, answer.left(200).constData());
    QVERIFY(!answer.contains("root:"));
    QVERIFY(!answer.contains(m_server.apiKey().toUtf8()));
    verifyUnharmed();
}

void tst_HttpApiRobustness::brokenRequests_areRefusedAndNeverCrashTheServer_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected"); // the status, or 0 when the server may also just close

    const QByteArray head = "POST /?Action=GetSession HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    QByteArray random(8192, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &c : random) {
        c = char(generator.bounded(256));
    }

    QTest::newRow("random bytes") << random << 0;
    QTest::newRow("request line only, then gone") << QByteArray("POST /?Action=GetSession HTTP/1.1\r\n") << 0;
    QTest::newRow("truncated body, then gone") << head + "Content-Length: 100\r\n\r\nAuthorization=Bea" << 0;
    QTest::newRow("huge header") << head + "X-Big: " + QByteArray(100000, 'a') + "\r\n\r\n" << 431;
    QTest::newRow("thousands of headers") << head + repeated("X-N: v\r\n", 5000) + "Content-Length: 0\r\n\r\n" << 431;
    QTest::newRow("content length overflows") << head + "Content-Length: 99999999999999999999999\r\n\r\n" << 400;
    QTest::newRow("content length not a number") << head + "Content-Length: ten\r\n\r\n" << 400;
    QTest::newRow("two content lengths") << head + "Content-Length: 5\r\nContent-Length: 500\r\n\r\nhello" << 0;
    QTest::newRow("invalid UTF-8 in path and header")
        << QByteArray("POST /?Action=Get%FFSession\xff HTTP/1.1\r\nHost: \xc3\x28\r\nContent-Length: 0\r\n\r\n") << 0;
    static const char withNul[] = "POST /\0?Action=GetSession HTTP/1.1\r\n\0\r\n\r\n";
    QTest::newRow("NUL bytes") << QByteArray(withNul, sizeof(withNul) - 1) << 0;
    QTest::newRow("pipelined, then gone") << repeated(head + "Content-Length: 0\r\n\r\n", 50) << 401;
}

void tst_HttpApiRobustness::brokenRequests_areRefusedAndNeverCrashTheServer()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    // Where the server may stay silent (expected 0, any answer or none is right) a short look
    // is enough; an expected status is waited for as long as it takes.
    const QByteArray answer = exchange(port(), bytes, expected != 0 ? 15000 : 1000);
    const int status = statusOf(answer);
    if (expected != 0) {
        QCOMPARE(status, expected);
    } else {
        QVERIFY2(status == 0 || (status >= 400 && status < 500), answer.left(200).constData());
    }
    verifyUnharmed();
}

QNetworkReply *tst_HttpApiRobustness::callAsync(const Form &form, QNetworkAccessManager *nam)
{
    QNetworkRequest request(QUrl(m_server.url() + q("/?Action=CallMcpTool")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    Form full = form;
    full.prepend({q("Authorization"), m_api->authorization()});
    return nam->post(request, encodeForm(full));
}

void tst_HttpApiRobustness::concurrentDeletes_ofOneSession_allAnswerAndTheSessionGoes()
{
    const QString id = m_api->createSession();
    QVERIFY(!id.isEmpty());
    constexpr int deletes = 6;
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QList<int> statuses;
    QStringList messages;
    const QByteArray body = encodeForm({{q("Authorization"), m_api->authorization()}, {q("SessionId"), id}});
    for (int i = 0; i < deletes; ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest request(
            QUrl(m_server.url() + (i % 2 ? q("/?Action=ReleaseMcpSession") : q("/?Action=DeleteSessionAsync"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        QNetworkReply *reply = managers.back()->post(request, body);
        connect(reply, &QNetworkReply::finished, this, [reply, &statuses, &messages] {
            statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            messages.append(json.value(q("Code")).toString() + u'|' + json.value(q("Message")).toString());
            reply->deleteLater();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), deletes, 20000);
    int initiated = 0;
    for (int i = 0; i < deletes; ++i) {
        QVERIFY2(statuses.at(i) == 200 || messages.at(i).startsWith(u"InvalidMcpSession.NotFound|"),
            qPrintable(messages.at(i)));
        initiated += messages.at(i).endsWith(u"|Session deletion initiated successfully") ? 1 : 0;
    }
    QCOMPARE(initiated, 1);
    QTRY_COMPARE(m_api->status(id), q("InvalidMcpSession.NotFound"));
    QTRY_VERIFY(!QFileInfo::exists(workspaceOf(id)));
    verifyUnharmed();
}

void tst_HttpApiRobustness::pause_duringAToolCall_freezesItUntilResume()
{
    const QString id = m_api->createSession();
    QNetworkAccessManager nam;
    QNetworkReply *reply = callAsync(
        {{q("SessionId"), id},
            {q("Name"), q("shell")},
            // Ticks until the test says "release": the call cannot end before the pause is seen,
            // however slowly the test gets to pausing it.
            {q("Args"), q(R"({"command": "until [ -e release ]; do echo . >> ticks; sleep 0.1; done; echo finished",
                            "timeout_ms": 60000})")}},
        &nam);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    const QString ticks = workspaceOf(id) + q("/ticks");
    QTRY_VERIFY(QFileInfo(ticks).size() > 0);

    QCOMPARE(m_api->call(q("PauseSessionAsync"), {{q("SessionId"), id}}).status, 200);
    QTRY_COMPARE(m_api->status(id), q("PAUSED"));
    const qint64 frozenAt = QFileInfo(ticks).size();
    QTest::qWait(800); // the loop would tick 8 times meanwhile
    QCOMPARE(QFileInfo(ticks).size(), frozenAt);
    QCOMPARE(finished.count(), 0);
    // Refused while paused, and nothing of the session is touched.
    QCOMPARE(m_api->call(q("DeleteSessionAsync"), {{q("SessionId"), id}}).json.value(q("Code")).toString(),
        q("InvalidSessionStatus.Paused"));

    QCOMPARE(m_api->call(q("ResumeSessionAsync"), {{q("SessionId"), id}}).status, 200);
    QTRY_COMPARE(m_api->status(id), q("RUNNING"));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(ticks).size() > frozenAt, 20000); // thawed: it ticks again
    QCOMPARE(finished.count(), 0);
    QFile release(workspaceOf(id) + q("/release"));
    QVERIFY(release.open(QIODevice::WriteOnly));
    release.close();
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    RawAnswer answer;
    answer.body = reply->readAll();
    answer.json = QJsonDocument::fromJson(answer.body).object();
    QVERIFY2(toolPayload(answer).value(q("stdout")).toString().endsWith(u"finished\n"), answer.body.constData());
    reply->deleteLater();
}

void tst_HttpApiRobustness::pauseAndResume_repeated_areHarmless()
{
    const QString id = m_api->createSession();
    // Resuming a running session changes nothing: it never shows RESUMING.
    QCOMPARE(m_api->call(q("ResumeSessionAsync"), {{q("SessionId"), id}}).status, 200);
    QCOMPARE(m_api->status(id), q("RUNNING"));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(m_api->call(q("PauseSessionAsync"), {{q("SessionId"), id}}).status, 200);
    }
    QTRY_COMPARE(m_api->status(id), q("PAUSED"));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(m_api->call(q("ResumeSessionAsync"), {{q("SessionId"), id}}).status, 200);
    }
    QTRY_COMPARE(m_api->status(id), q("RUNNING"));
    const RawAnswer echo = m_api->call(q("CallMcpTool"),
        {{q("SessionId"), id}, {q("Name"), q("shell")}, {q("Args"), q(R"({"command": "echo alive"})")}});
    QCOMPARE(toolPayload(echo).value(q("stdout")).toString(), q("alive\n"));
}

void tst_HttpApiRobustness::clientGone_midToolCall_serverKeepsServing()
{
    const QString id = m_api->createSession();
    const QByteArray body = encodeForm({{q("Authorization"), m_api->authorization()},
        {q("SessionId"), id},
        {q("Name"), q("shell")},
        {q("Args"), q(R"({"command": "sleep 0.5; echo gone > after-gone.txt; echo answered"})")}});
    // Three clients that leave: before the answer, mid-request, and with the answer half read.
    exchange(port(),
        "POST /?Action=CallMcpTool HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body,
        100);
    QTRY_VERIFY(QFileInfo::exists(workspaceOf(id) + q("/after-gone.txt")));
    // The server has tried to answer once the call shows on the session page.
    const QString page = m_api->call(q("GetSession"), {{q("SessionId"), id}})
                             .json.value(q("Data"))
                             .toObject()
                             .value(q("ResourceUrl"))
                             .toString();
    RawApi browser{QString(), QString()};
    QTRY_VERIFY(browser.send(page.toUtf8(), {}, {}, "GET").body.contains("after-gone.txt"));
    QVERIFY(m_server.isRunning());
    QCOMPARE(m_api->status(id), q("RUNNING"));
    verifyUnharmed();
}

void tst_HttpApiRobustness::token_neverReachesSessionProcesses()
{
    const QString id = m_api->createSession();
    auto run = [this, &id](const QString &command) -> QString {
        const QJsonObject payload = toolPayload(m_api->call(q("CallMcpTool"),
            {{q("SessionId"), id},
                {q("Name"), q("shell")},
                {q("Args"),
                    QString::fromUtf8(
                        QJsonDocument(QJsonObject{{q("command"), command}}).toJson(QJsonDocument::Compact))}}));
        return payload.value(q("stdout")).toString() + payload.value(q("stderr")).toString();
    };
    // The session's own environment is built from nothing, in every isolation mode.
    const QString environment = run(q("env; cat /proc/self/environ"));
    QVERIFY2(environment.contains(u"AGENTBAY_SESSION_ID="), qPrintable(environment.left(500)));
    QVERIFY(!environment.contains(m_server.apiKey()));
    QVERIFY(!environment.contains(QString::fromUtf8(environmentSecret)));
    if (isolationOf(id) != u"bwrap") {
        QSKIP("a plain process session runs as the server's user and can read its files and processes");
    }
    // Nor can a sandboxed session see the server's files or other processes' environments.
    const QString files = run(q("cat /proc/*/environ; cat '%1/token' '%1/server.json'").arg(m_server.dataDir()));
    QVERIFY(!files.contains(QString::fromUtf8(environmentSecret)));
    QVERIFY2(!files.contains(m_server.apiKey()), qPrintable(files));
}

void tst_HttpApiRobustness::token_neverInErrorsPagesOrLog()
{
    const QString token = m_server.apiKey();
    const QString id = m_api->createSession();
    QStringList texts;
    // A wrong key that contains the right one, in the body and in the query.
    RawApi wrong(m_server.url(), token + q("x"));
    texts << QString::fromUtf8(wrong.call(q("GetSession"), {{q("SessionId"), id}}).body);
    texts << QString::fromUtf8(
        m_api->send("/?Action=GetSession&Authorization=Bearer%20" + token.toUtf8() + "x", "SessionId=" + id.toUtf8())
            .body);
    texts << QString::fromUtf8(m_api->call(q("GetSession"), {{q("SessionId"), q("../") + token}}).body);
    const RawAnswer session = m_api->call(q("GetSession"), {{q("SessionId"), id}});
    const RawAnswer resource = m_api->call(q("GetMcpResource"), {{q("SessionId"), id}});
    const RawAnswer link = m_api->call(q("GetLink"), {{q("SessionId"), id}, {q("Port"), q("30151")}});
    texts << QString::fromUtf8(session.body) << QString::fromUtf8(resource.body) << QString::fromUtf8(link.body);
    RawApi browser{QString(), QString()};
    const QString page = session.json.value(q("Data")).toObject().value(q("ResourceUrl")).toString();
    const RawAnswer shown = browser.send(page.toUtf8(), {}, {}, "GET");
    QCOMPARE(shown.status, 200);
    texts << QString::fromUtf8(shown.body);
    for (const QString &text : std::as_const(texts)) {
        QVERIFY2(!text.contains(token), qPrintable(text.left(300)));
    }
    // The log (debug lines included) has seen these requests, and not the token.
    QTRY_VERIFY(m_server.log().contains("InvalidParameter.SessionId"));
    QVERIFY(!m_server.log().contains(token.toUtf8()));
    QVERIFY(!m_server.log().contains(environmentSecret));
}

void tst_HttpApiRobustness::authCodes_arePerSession()
{
    const QString a = m_api->createSession();
    const QString b = m_api->createSession();
    auto codeOf = [this](const QString &id) {
        return m_api->call(q("GetMcpResource"), {{q("SessionId"), id}})
            .json.value(q("Data"))
            .toObject()
            .value(q("DesktopInfo"))
            .toObject()
            .value(q("AuthCode"))
            .toString();
    };
    const QString codeA = codeOf(a);
    const QString codeB = codeOf(b);
    QVERIFY(codeA.size() >= 16);
    QVERIFY(codeA != codeB);
    QVERIFY(codeA != m_server.apiKey());
    const QString linkA = m_api->call(q("GetLink"), {{q("SessionId"), a}, {q("Port"), q("30152")}})
                              .json.value(q("Data"))
                              .toObject()
                              .value(q("Url"))
                              .toString();
    QVERIFY2(linkA.endsWith(q("authcode=") + codeA), qPrintable(linkA));

    RawApi browser{QString(), QString()};
    const QByteArray base = m_server.url().toUtf8();
    QCOMPARE(
        browser.send(base + "/sessions/" + b.toUtf8() + "/?authcode=" + codeB.toUtf8(), {}, {}, "GET").status, 200);
    QCOMPARE(
        browser.send(base + "/sessions/" + b.toUtf8() + "/?authcode=" + codeA.toUtf8(), {}, {}, "GET").status, 403);
    QCOMPARE(browser.send(base + "/sessions/" + b.toUtf8() + "/ports/30152/?authcode=" + codeA.toUtf8(), {}, {}, "GET")
                 .status,
        403);
    // Nor does the API key open a session page.
    QCOMPARE(browser
                 .send(base + "/sessions/" + b.toUtf8() + "/?authcode=" + QUrl::toPercentEncoding(m_server.apiKey()),
                     {},
                     {},
                     "GET")
                 .status,
        403);
}

void tst_HttpApiRobustness::portLink_portSpelledDifferently_forwardsTheSamePath_data()
{
    QTest::addColumn<QString>("spelling"); // %1 is the port
    QTest::newRow("plain") << q("%1");
    QTest::newRow("leading zero") << q("0%1");
    QTest::newRow("plus sign") << q("+%1");
}

void tst_HttpApiRobustness::portLink_portSpelledDifferently_forwardsTheSamePath()
{
    QFETCH(QString, spelling);
    // Inside the session, which has its own network (started by the first row, kept after).
    const int servicePort = 30180;
    QVERIFY(AgentBay::Test::startSessionFileServer(
        *m_api, m_session, servicePort, q("deep/hello"), "hello from the session"));
    const QString code = m_api->call(q("GetMcpResource"), {{q("SessionId"), m_session}})
                             .json.value(q("Data"))
                             .toObject()
                             .value(q("DesktopInfo"))
                             .toObject()
                             .value(q("AuthCode"))
                             .toString();
    const QByteArray target = "/sessions/" + m_session.toUtf8() + "/ports/"
        + QUrl::toPercentEncoding(spelling.arg(servicePort)) + "/deep/hello?authcode=" + code.toUtf8();
    RawApi browser{QString(), QString()};
    const RawAnswer answer = browser.send(m_server.url().toUtf8() + target, {}, {}, "GET");
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("hello from the session"));
}

void tst_HttpApiRobustness::maxSessions_createBeyondTheCap_isRefusedWithResourceLimit()
{
    LocalServer server;
    server.setExtraArguments({q("--max-sessions"), q("2")});
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    RawApi api(server.url(), server.apiKey());
    const QString first = api.createSession();
    QVERIFY(!first.isEmpty());
    QVERIFY(!api.createSession().isEmpty());

    const RawAnswer refused = api.call(q("CreateMcpSession"));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json.value(q("Code")).toString(), q("ResourceLimit.Sessions"));
    QVERIFY2(refused.json.value(q("Message")).toString().contains(u'2'), refused.body.constData());
    QCOMPARE(api.call(q("ListSession")).json.value(q("TotalCount")).toInt(), 2);

    QCOMPARE(api.call(q("DeleteSessionAsync"), {{q("SessionId"), first}}).status, 200);
    QTRY_COMPARE(api.status(first), q("InvalidMcpSession.NotFound"));
    QVERIFY(!api.createSession().isEmpty());
}

void tst_HttpApiRobustness::maxSessions_invalidValue_isRefusedAtStart_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("zero") << q("0");
    QTest::newRow("negative") << q("-3");
    QTest::newRow("not a number") << q("many");
    QTest::newRow("too many") << q("10001");
}

void tst_HttpApiRobustness::maxSessions_invalidValue_isRefusedAtStart()
{
    QFETCH(QString, value);
    LocalServer server;
    server.setExtraArguments({q("--max-sessions"), value});
    QVERIFY(!server.start());
    QVERIFY2(server.lastError().contains(u"--max-sessions"), qPrintable(server.lastError()));
}

void tst_HttpApiRobustness::toolOutput_beyondTheCap_isTruncatedWithANote_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("end"); // what the kept end of stdout must show

    QTest::newRow("shell stdout") << q("linux_latest") << q("shell")
                                  << q(R"({"command": "head -c 3000000 /dev/zero | tr '\\0' a; echo END"})")
                                  << q("aaaaEND\n");
    QTest::newRow("shell stderr") << q("linux_latest") << q("shell")
                                  << q(R"({"command": "head -c 3000000 /dev/zero | tr '\\0' e >&2; echo END >&2"})")
                                  << QString();
    QTest::newRow("run_code keeps its result")
        << q("code_latest") << q("run_code") << q(R"({"code": "print('p' * 3000000)\n6 * 7"})") << q("ppp\n");
}

void tst_HttpApiRobustness::toolOutput_beyondTheCap_isTruncatedWithANote()
{
    QFETCH(QString, image);
    QFETCH(QString, tool);
    QFETCH(QString, args);
    QFETCH(QString, end);
    const QString id = m_api->createSession({{q("ImageId"), image}});
    QVERIFY(!id.isEmpty());
    const RawAnswer answer =
        m_api->call(q("CallMcpTool"), {{q("SessionId"), id}, {q("Name"), tool}, {q("Args"), args}});
    QCOMPARE(answer.status, 200);
    QVERIFY2(answer.body.size() < 3 * 1024 * 1024, qPrintable(QString::number(answer.body.size())));
    const QJsonObject payload = toolPayload(answer);
    QString out;
    if (tool == u"run_code") {
        out = payload.value(q("stdout")).toArray().first().toString();
        QCOMPARE(payload.value(q("result")).toArray().first().toObject().value(q("text/plain")).toString(), q("42"));
    } else {
        out = payload.value(q(end.isEmpty() ? "stderr" : "stdout")).toString();
    }
    QVERIFY2(out.size() < 1100 * 1024, qPrintable(QString::number(out.size())));
    QVERIFY2(out.contains(u"output truncated"), qPrintable(out.right(300)));
    QVERIFY(out.endsWith(end.isEmpty() ? q("eeeeEND\n") : end));
    verifyUnharmed();
}

void tst_HttpApiRobustness::toolOutput_flood_isKilledAtTheHardCap()
{
    const QString id = m_api->createSession();
    QElapsedTimer timer;
    timer.start();
    // Without the cap this would fill the sandbox's /tmp (memory) for a minute.
    const RawAnswer answer = m_api->call(q("CallMcpTool"),
        {{q("SessionId"), id},
            {q("Name"), q("shell")},
            {q("Args"), q(R"({"command": "echo started >&2; yes flood", "timeout_ms": 60000})")}});
    QCOMPARE(answer.status, 200);
    // The cap stops `yes` within a second or two; only the command's own 60 s timeout would
    // take longer. Half of that leaves a busy, sanitized run plenty of room.
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
    const QJsonObject payload = toolPayload(answer);
    QCOMPARE(payload.value(q("exit_code")).toInt(), 137);
    const QString stdErr = payload.value(q("stderr")).toString();
    QVERIFY2(stdErr.startsWith(u"started\n"), qPrintable(stdErr.left(200)));
    QVERIFY2(stdErr.contains(u"the command was killed: its output passed"), qPrintable(stdErr.right(200)));
    QVERIFY(payload.value(q("stdout")).toString().contains(u"output truncated"));
    QCOMPARE(m_api->status(id), q("RUNNING"));
}

QTEST_GUILESS_MAIN(tst_HttpApiRobustness)
#include "tst_httpapirobustness.moc"
