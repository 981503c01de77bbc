// SPDX-License-Identifier: MIT
// HTTP framing of a real agentbay-local over raw sockets, one test per rule of RFC 9112 that
// the official SDKs (or hostile clients) exercise: chunked bodies, duplicate lengths, keep-
// alive, deadlines, the connection cap, refusing before the body, https on the same port.
#include "support/localserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <sys/resource.h>

#include <memory>
#include <vector>

using AgentBay::Test::LocalServer;

namespace {

struct Answer
{
    int status = 0; // 0 = no answer
    QByteArray head;
    QJsonObject json;
};

// Reads one answer (head, then a Content-Length body) with blocking waits: the server is
// another process.
Answer readAnswer(QTcpSocket &socket, QByteArray &rest, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const qsizetype end = rest.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = rest.left(end + 4);
            const qsizetype at = head.toLower().indexOf("content-length: ");
            const qint64 length =
                at < 0 ? 0 : head.mid(at + 16, head.indexOf('\r', at) - at - 16).trimmed().toLongLong();
            if (rest.size() >= end + 4 + length) {
                Answer answer;
                answer.head = head;
                answer.status = head.mid(9, 3).toInt();
                answer.json = QJsonDocument::fromJson(rest.mid(end + 4, length)).object();
                rest.remove(0, end + 4 + length);
                return answer;
            }
        }
        if (timer.elapsed() > timeoutMs) {
            return {};
        }
        if (!socket.waitForReadyRead(100) && socket.state() != QAbstractSocket::ConnectedState) {
            rest += socket.readAll();
            if (rest.indexOf("\r\n\r\n") < 0) {
                return {};
            }
            continue;
        }
        rest += socket.readAll();
    }
}

bool waitForClose(QTcpSocket &socket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        socket.waitForReadyRead(100);
        socket.readAll();
    }
    return socket.state() != QAbstractSocket::ConnectedState;
}

QByteArray chunked(const QByteArray &body)
{
    QByteArray out;
    for (qsizetype at = 0; at < body.size(); at += 7) {
        const QByteArray piece = body.mid(at, 7);
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return out + "0\r\n\r\n";
}

} // namespace

class tst_HttpFraming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void chunkedBody_isAcceptedAsTheTypeScriptSdkSendsIt();
    void chunkedBody_overTheCap_isRefusedWhileItArrives();
    void twoContentLengths_areRefused_data();
    void twoContentLengths_areRefused();
    void keepAlive_servesRequestsOfBothFramingsOnOneConnection();
    void connectionClose_isHonoured();
    void slowHeaders_areCutAtTheDeadline();
    void idleConnection_isClosedAfterTheIdleTimeout();
    void halfOpenConnections_doNotStarveARealClient();
    void wrongKeyWithALargeBody_isRefusedBeforeTheBodyIsSent_data();
    void wrongKeyWithALargeBody_isRefusedBeforeTheBodyIsSent();
    void samePort_speaksHttpsWithTheLocalCaAndPlainHttp();
    void printEnv_givesTheExportLinesOfTheRunningServer();

private:
    bool startShortServer();
    std::unique_ptr<QTcpSocket> connectTo(const LocalServer &server) const;
    QByteArray post(const QByteArray &action, const QByteArray &framing, const QByteArray &body) const;

    LocalServer m_server; // default limits
    LocalServer m_short; // one-second deadlines
    QByteArray m_key;
};

void tst_HttpFraming::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    m_key = "Authorization=" + QUrl::toPercentEncoding(QStringLiteral("Bearer ") + m_server.apiKey());
}

// Started by the tests that need it, so that the others run against any server.
bool tst_HttpFraming::startShortServer()
{
    if (m_short.isRunning()) {
        return true;
    }
    m_short.setExtraArguments({QStringLiteral("--header-timeout"),
        QStringLiteral("1"),
        QStringLiteral("--idle-timeout"),
        QStringLiteral("1")});
    return m_short.start();
}

std::unique_ptr<QTcpSocket> tst_HttpFraming::connectTo(const LocalServer &server) const
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, QUrl(server.url()).port());
    return socket->waitForConnected(5000) ? std::move(socket) : nullptr;
}

QByteArray tst_HttpFraming::post(const QByteArray &action, const QByteArray &framing, const QByteArray &body) const
{
    return "POST /?Action=" + action
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" + framing + "\r\n"
        + body;
}

void tst_HttpFraming::chunkedBody_isAcceptedAsTheTypeScriptSdkSendsIt()
{
    auto socket = connectTo(m_server);
    QVERIFY(socket);
    socket->write(post(
        "ListSession", "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n", chunked(m_key + "&MaxResults=5")));
    QByteArray rest;
    const Answer answer = readAnswer(*socket, rest);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json.value(QStringLiteral("Success")).toBool(), true);
    QCOMPARE(answer.json.value(QStringLiteral("MaxResults")).toInt(), 5);
}

void tst_HttpFraming::chunkedBody_overTheCap_isRefusedWhileItArrives()
{
    auto socket = connectTo(m_server);
    QVERIFY(socket);
    socket->write(post("ListSession", "Transfer-Encoding: chunked\r\n", {}));
    // 1 MiB chunks: the cap is 8 MiB, so the ninth chunk's size line is refused before its data.
    // The body never ends (no last chunk): an answer at all shows it was refused as it arrived.
    const QByteArray mebibyte(1024 * 1024, 'x');
    QByteArray rest;
    for (int sent = 0; sent < 9 && socket->state() == QAbstractSocket::ConnectedState; ++sent) {
        socket->write("100000\r\n" + mebibyte + "\r\n");
        socket->waitForBytesWritten(5000);
        rest += socket->readAll();
        if (rest.contains("\r\n\r\n")) {
            break;
        }
    }
    const Answer answer = readAnswer(*socket, rest);
    QCOMPARE(answer.status, 413);
    QCOMPARE(answer.json.value(QStringLiteral("Code")).toString(), QStringLiteral("RequestBodyTooLarge"));
}

void tst_HttpFraming::twoContentLengths_areRefused_data()
{
    QTest::addColumn<QByteArray>("framing");
    QTest::addColumn<QByteArray>("body");
    const QByteArray body = m_key + "&MaxResults=5";
    const QByteArray n = QByteArray::number(body.size());
    QTest::newRow("same length twice") << QByteArray("Content-Length: " + n + "\r\nContent-Length: " + n + "\r\n")
                                       << body;
    QTest::newRow("small then huge") << QByteArray("Content-Length: " + n + "\r\nContent-Length: 200000000\r\n")
                                     << body;
    QTest::newRow("huge then small") << QByteArray("Content-Length: 200000000\r\nContent-Length: " + n + "\r\n")
                                     << body;
    QTest::newRow("length and chunked") << QByteArray("Content-Length: " + n + "\r\nTransfer-Encoding: chunked\r\n")
                                        << chunked(body);
    QTest::newRow("chunked and length") << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: " + n + "\r\n")
                                        << chunked(body);
}

void tst_HttpFraming::twoContentLengths_areRefused()
{
    QFETCH(QByteArray, framing);
    QFETCH(QByteArray, body);
    auto socket = connectTo(m_server);
    QVERIFY(socket);
    socket->write(post("ListSession", framing, body));
    QByteArray rest;
    const Answer answer = readAnswer(*socket, rest);
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.head.contains("Connection: close"));
    QVERIFY(waitForClose(*socket, 15000));
}

void tst_HttpFraming::keepAlive_servesRequestsOfBothFramingsOnOneConnection()
{
    auto socket = connectTo(m_server);
    QVERIFY(socket);
    const QByteArray body = m_key + "&MaxResults=3";
    QByteArray rest;
    for (int i = 0; i < 3; ++i) {
        socket->write(post("ListSession", "Content-Length: " + QByteArray::number(body.size()) + "\r\n", body));
        QCOMPARE(readAnswer(*socket, rest).status, 200);
        socket->write(post("ListSession", "Transfer-Encoding: chunked\r\n", chunked(body)));
        const Answer answer = readAnswer(*socket, rest);
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.head.contains("Connection: keep-alive"));
    }
    // Pipelined: both answers, in order, on the same connection.
    socket->write(post("ListSession", "Transfer-Encoding: chunked\r\n", chunked(m_key + "&MaxResults=1"))
        + post("ListSession", "Transfer-Encoding: chunked\r\n", chunked(m_key + "&MaxResults=2")));
    QCOMPARE(readAnswer(*socket, rest).json.value(QStringLiteral("MaxResults")).toInt(), 1);
    QCOMPARE(readAnswer(*socket, rest).json.value(QStringLiteral("MaxResults")).toInt(), 2);
    QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
}

void tst_HttpFraming::connectionClose_isHonoured()
{
    auto socket = connectTo(m_server);
    QVERIFY(socket);
    const QByteArray body = m_key;
    socket->write(
        post("ListSession", "Connection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n", body));
    QByteArray rest;
    const Answer answer = readAnswer(*socket, rest);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.head.contains("Connection: close"));
    QVERIFY(waitForClose(*socket, 5000));
}

void tst_HttpFraming::slowHeaders_areCutAtTheDeadline()
{
    QVERIFY2(startShortServer(), qPrintable(m_short.lastError()));
    auto socket = connectTo(m_short);
    QVERIFY(socket);
    QElapsedTimer timer;
    timer.start();
    // A byte every 200 ms: activity that must not extend the one-second deadline. The head
    // takes over 15 s to trickle in: cut before its end is the deadline holding, with no
    // wall-clock bound that a busy machine could overrun.
    const QByteArray head = "POST /?Action=ListSession HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa";
    QByteArray got;
    qsizetype sent = 0;
    for (; sent < head.size() && socket->state() == QAbstractSocket::ConnectedState; ++sent) {
        socket->write(head.mid(sent, 1));
        socket->waitForBytesWritten(1000);
        socket->waitForReadyRead(200);
        got += socket->readAll();
    }
    QVERIFY(waitForClose(*socket, 5000));
    got += socket->readAll();
    QVERIFY2(got.startsWith("HTTP/1.1 408 "), got.left(100).constData());
    QVERIFY2(sent < head.size(), qPrintable(QStringLiteral("the whole head went in, %1 ms").arg(timer.elapsed())));

    // Connected and silent: closed at the same deadline.
    auto silent = connectTo(m_short);
    QVERIFY(silent);
    QVERIFY(waitForClose(*silent, 5000));
}

void tst_HttpFraming::idleConnection_isClosedAfterTheIdleTimeout()
{
    QVERIFY2(startShortServer(), qPrintable(m_short.lastError()));
    auto socket = connectTo(m_short);
    QVERIFY(socket);
    const QByteArray body = "Authorization=" + QUrl::toPercentEncoding(QStringLiteral("Bearer ") + m_short.apiKey());
    socket->write(post("ListSession", "Content-Length: " + QByteArray::number(body.size()) + "\r\n", body));
    QByteArray rest;
    QCOMPARE(readAnswer(*socket, rest).status, 200);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(waitForClose(*socket, 5000));
    QVERIFY2(timer.elapsed() >= 800, QByteArray::number(timer.elapsed()).constData());
}

void tst_HttpFraming::halfOpenConnections_doNotStarveARealClient()
{
    // A server with the 1024 file descriptors of a stock Debian login, and more connections
    // than that which never finish their head, within the header deadline: the cap (512), not
    // the deadline, must make room for the real client. The deadline is 120 s here, so that a
    // slow (sanitized, busy) machine still tells the two apart: an answer within 100 s is the cap.
    LocalServer capped;
    capped.setExtraArguments({QStringLiteral("--header-timeout"), QStringLiteral("120")});
    rlimit limit = {};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
    const rlimit saved = limit;
    limit.rlim_cur = qMin<rlim_t>(1024, limit.rlim_max);
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &limit), 0); // inherited by the server only
    const bool started = capped.start();
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &saved), 0);
    QVERIFY2(started, qPrintable(capped.lastError()));
    if (saved.rlim_cur < 2400) {
        rlimit more = saved;
        more.rlim_cur = qMin<rlim_t>(4096, saved.rlim_max);
        if (more.rlim_cur < 2400 || ::setrlimit(RLIMIT_NOFILE, &more) != 0) {
            QSKIP("this test needs 2400 file descriptors for its own connections");
        }
    }
    constexpr int halfOpen = 1100;
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    idle.reserve(halfOpen);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < halfOpen; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, QUrl(capped.url()).port());
        socket->write("POST /?Action=ListSession HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        idle.push_back(std::move(socket));
    }
    for (auto &socket : idle) {
        socket->waitForBytesWritten(100);
    }
    auto client = connectTo(capped);
    QVERIFY(client);
    const QByteArray body = "Authorization=" + QUrl::toPercentEncoding(QStringLiteral("Bearer ") + capped.apiKey());
    client->write(post("ListSession", "Content-Length: " + QByteArray::number(body.size()) + "\r\n", body));
    QByteArray rest;
    const Answer answer = readAnswer(*client, rest, 60000);
    QCOMPARE(answer.status, 200);
    QVERIFY2(timer.elapsed() < 100000, QByteArray::number(timer.elapsed()).constData());
    int closed = 0;
    for (auto &socket : idle) {
        socket->waitForReadyRead(0);
        closed += socket->state() != QAbstractSocket::ConnectedState;
    }
    qInfo("%d half-open connections opened, %d of them closed by the server to make room", halfOpen, closed);
}

void tst_HttpFraming::wrongKeyWithALargeBody_isRefusedBeforeTheBodyIsSent_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::newRow("key in the query") << QByteArray(
        "POST /?Action=CreateMcpSession&Authorization=Bearer%20wrong HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000000\r\n\r\n");
    QTest::newRow("key in a header") << QByteArray(
        "POST /?Action=CreateMcpSession HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer wrong\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000000\r\n\r\n");
    QTest::newRow("chunked, key in the query")
        << QByteArray("POST /?Action=CreateMcpSession&Authorization=Bearer+wrong HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n");
}

void tst_HttpFraming::wrongKeyWithALargeBody_isRefusedBeforeTheBodyIsSent()
{
    QFETCH(QByteArray, head);
    auto socket = connectTo(m_server);
    QVERIFY(socket);
    socket->write(head); // not one byte of the body
    QByteArray rest;
    const Answer answer = readAnswer(*socket, rest, 5000);
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.json.value(QStringLiteral("Code")).toString(), QStringLiteral("InvalidApiKey"));
    QVERIFY(answer.head.contains("Connection: close"));
}

void tst_HttpFraming::samePort_speaksHttpsWithTheLocalCaAndPlainHttp()
{
    const QString caPath = m_server.dataDir() + QStringLiteral("/tls/ca.pem");
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(caPath);
    QCOMPARE(ca.size(), 1);
    QSslSocket tls;
    QSslConfiguration onlyThisCa = QSslConfiguration::defaultConfiguration();
    onlyThisCa.setCaCertificates(ca);
    tls.setSslConfiguration(onlyThisCa);
    tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), QUrl(m_server.url()).port());
    QVERIFY2(tls.waitForEncrypted(10000), qPrintable(tls.errorString()));
    QVERIFY(tls.sslHandshakeErrors().isEmpty());
    tls.write(post("ListSession", "Transfer-Encoding: chunked\r\n", chunked(m_key)));
    QByteArray rest;
    QCOMPARE(readAnswer(tls, rest).status, 200);
    tls.write(post("ListSession", "Transfer-Encoding: chunked\r\n", chunked(m_key)));
    QCOMPARE(readAnswer(tls, rest).status, 200); // kept alive over TLS too

    auto plain = connectTo(m_server);
    QVERIFY(plain);
    plain->write(post("ListSession", "Content-Length: " + QByteArray::number(m_key.size()) + "\r\n", m_key));
    QByteArray plainRest;
    QCOMPARE(readAnswer(*plain, plainRest).status, 200);
}

void tst_HttpFraming::printEnv_givesTheExportLinesOfTheRunningServer()
{
    const QString program = qEnvironmentVariable("AGENTBAY_LOCAL_BIN");
    QProcess printEnv;
    printEnv.start(program, {QStringLiteral("--print-env"), QStringLiteral("--data-dir"), m_server.dataDir()});
    QVERIFY(printEnv.waitForFinished(10000));
    QCOMPARE(printEnv.exitCode(), 0);
    const QString out = QString::fromUtf8(printEnv.readAllStandardOutput());
    const QString ca = m_server.dataDir() + QStringLiteral("/tls/ca.pem");
    QVERIFY2(out.contains(QStringLiteral("export AGENTBAY_ENDPOINT='127.0.0.1:%1'\n").arg(QUrl(m_server.url()).port())),
        qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("export AGENTBAY_API_KEY='%1'\n").arg(m_server.apiKey())));
    QVERIFY(out.contains(QStringLiteral("export NODE_EXTRA_CA_CERTS='%1'\n").arg(ca))); // added to Node's own
    // SSL_CERT_FILE and REQUESTS_CA_BUNDLE replace a program's whole store: the system's CAs
    // are kept beside the local one, so the shell still reaches the rest of the world.
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    const QString bundle = system.isEmpty() ? ca : m_server.dataDir() + QStringLiteral("/tls/trust-bundle.pem");
    for (const char *name : {"SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"}) {
        QVERIFY2(out.contains(QStringLiteral("export %1='%2'\n").arg(QLatin1String(name), bundle)), qPrintable(out));
    }
    const QList<QSslCertificate> trusted = QSslCertificate::fromPath(bundle);
    QCOMPARE(trusted.size(), system.size() + 1);
    QVERIFY(trusted.contains(QSslCertificate::fromPath(ca).value(0)));
    for (const QSslCertificate &certificate : system) {
        QVERIFY(trusted.contains(certificate));
    }
    QSslSocket tls; // a client that trusts the bundle alone reaches the server
    QSslConfiguration onlyTheBundle = QSslConfiguration::defaultConfiguration();
    onlyTheBundle.setCaCertificates(trusted);
    tls.setSslConfiguration(onlyTheBundle);
    tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), QUrl(m_server.url()).port());
    QVERIFY2(tls.waitForEncrypted(10000), qPrintable(tls.errorString()));

    LocalServer stopped;
    QVERIFY(stopped.start());
    const QString dir = stopped.dataDir();
    stopped.stop();
    QProcess none;
    none.start(program, {QStringLiteral("--print-env"), QStringLiteral("--data-dir"), dir});
    QVERIFY(none.waitForFinished(10000));
    QCOMPARE(none.exitCode(), 3);
    QVERIFY(none.readAllStandardOutput().isEmpty());
    QVERIFY(none.readAllStandardError().contains("no agentbay-local is running"));
}

QTEST_GUILESS_MAIN(tst_HttpFraming)
#include "tst_httpframing.moc"
