// SPDX-License-Identifier: MIT
#include <server/links/portproxy.h>

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using AgentBay::Server::PortProxy;
using namespace Qt::Literals::StringLiterals;

namespace {

// A service on a loopback port that records what it gets; once the request's head (and
// Content-Length body) is in, it answers a canned response and closes, or, with echo set,
// answers it and then echoes every further byte (an upgraded connection).
class CannedService : public QObject
{
public:
    explicit CannedService(QByteArray answer, bool echo = false)
        : m_answer(std::move(answer))
        , m_echo(echo)
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                if (m_answered) {
                    socket->write(socket->readAll());
                    return;
                }
                m_request += socket->readAll();
                const qsizetype end = m_request.indexOf("\r\n\r\n");
                if (end < 0 || m_request.size() - (end + 4) < header("content-length").toLongLong()) {
                    return;
                }
                m_answered = true;
                socket->write(m_answer);
                if (m_echo) {
                    socket->write(m_request.mid(end + 4));
                } else {
                    socket->disconnectFromHost();
                }
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
    }

    quint16 port() const { return m_server.serverPort(); }

    void setAnswer(const QByteArray &answer) { m_answer = answer; }

    QByteArray request() const { return m_request; }

    QByteArray requestLine() const { return m_request.left(m_request.indexOf("\r\n")); }

    QByteArray body() const { return m_request.mid(m_request.indexOf("\r\n\r\n") + 4); }

    QByteArray header(const QByteArray &lowerName) const
    {
        const QList<QByteArray> lines = m_request.left(m_request.indexOf("\r\n\r\n")).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName) {
                return line.mid(colon + 1).trimmed();
            }
        }
        return {};
    }

    bool hasHeader(const QByteArray &lowerName) const
    {
        return m_request.toLower().contains(QByteArray("\r\n" + lowerName + ':'));
    }

private:
    QTcpServer m_server;
    QByteArray m_answer;
    QByteArray m_request;
    bool m_echo = false;
    bool m_answered = false;
};

// A connected pair: the browser's end, and the server's end the proxy takes over.
struct ClientPair
{
    QTcpServer front;
    std::unique_ptr<QTcpSocket> browser = std::make_unique<QTcpSocket>();
    QTcpSocket *taken = nullptr;

    bool open()
    {
        if (!front.listen(QHostAddress::LocalHost)) {
            return false;
        }
        browser->connectToHost(QHostAddress::LocalHost, front.serverPort());
        return front.waitForNewConnection(10000) && (taken = front.nextPendingConnection()) != nullptr
            && browser->waitForConnected(10000);
    }
};

QTcpSocket *connectedTo(quint16 port)
{
    auto *socket = new QTcpSocket;
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(10000)) {
        delete socket;
        return nullptr;
    }
    return socket;
}

PortProxy::Request baseRequest(quint16 port)
{
    PortProxy::Request request;
    request.method = "GET";
    request.port = port;
    request.pathAndQuery = u"/"_s;
    request.publicPrefix = u"/sessions/s-1/ports/30100"_s;
    return request;
}

// The value of a response header in raw, by lower-case name; empty when absent.
QByteArray answerHeader(const QByteArray &answer, const QByteArray &lowerName)
{
    const QList<QByteArray> lines = answer.left(answer.indexOf("\r\n\r\n")).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName) {
            return line.mid(colon + 1).trimmed();
        }
    }
    return {};
}

qint64 residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}

} // namespace

// ASan's quarantine (256 MB by default) keeps freed buffers resident, so this process's RSS
// would grow with the bytes streamed rather than with what the proxy holds: a tiny quarantine
// keeps the RSS bound of forward_largeAnswerToASlowReader_keepsMemoryBounded meaningful.
// Read by ASan at start; unused in other builds.
extern "C" const char *__asan_default_options()
{
    return "quarantine_size_mb=1:thread_local_quarantine_size_kb=64";
}

class tst_PortProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forward_sendsMethodPathBodyAndTheServicesHost();
    void forward_dropsHopByHopRequestHeaders();
    void forward_neverForwardsAuthorizationOrTheServersCookies();
    void forward_relaysStatusHeadersAndBody();
    void forward_keepsRedirectsInsideTheLink_data();
    void forward_keepsRedirectsInsideTheLink();
    void forward_confinesSetCookieToTheLink_data();
    void forward_confinesSetCookieToTheLink();
    void forward_addsTheCookieWhenAsked();
    void forward_serviceClosesWithoutAnswer_answers502();
    void forward_upgrade_splicesBothWays();
    void forward_largeAnswerToASlowReader_keepsMemoryBounded();

private:
    // Forwards one request and returns all the browser got until the proxy closed (the
    // service answers at once; 10 s is only the bound for a loaded machine).
    static QByteArray forward(const PortProxy::Request &request, PortProxy *proxy = nullptr);
};

QByteArray tst_PortProxy::forward(const PortProxy::Request &request, PortProxy *given)
{
    PortProxy local;
    PortProxy *proxy = given ? given : &local;
    ClientPair pair;
    if (!pair.open()) {
        return {};
    }
    QTcpSocket *service = connectedTo(request.port);
    if (!service) {
        return {};
    }
    proxy->forward(request, service, pair.taken, {});
    QByteArray got;
    const bool closed = QTest::qWaitFor(
        [&] {
            got += pair.browser->readAll();
            return pair.browser->state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    if (!closed) {
        qWarning() << "the proxy did not close the connection";
        return {};
    }
    return got + pair.browser->readAll();
}

void tst_PortProxy::forward_sendsMethodPathBodyAndTheServicesHost()
{
    CannedService service("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    PortProxy::Request request = baseRequest(service.port());
    request.method = "PUT";
    request.pathAndQuery = u"/a/b%20c?x=1&y=2"_s;
    request.body = "payload";
    request.headers = {{"Content-Type", "text/plain"}, {"X-Custom", "kept"}, {"Accept-Encoding", "gzip"}};
    QVERIFY(forward(request).startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(service.requestLine(), QByteArray("PUT /a/b%20c?x=1&y=2 HTTP/1.1"));
    QCOMPARE(service.body(), QByteArray("payload"));
    QCOMPARE(service.header("x-custom"), QByteArray("kept"));
    QCOMPARE(service.header("host"), "127.0.0.1:" + QByteArray::number(service.port()));
    // Bytes are relayed as they come, so the service may compress.
    QCOMPARE(service.header("accept-encoding"), QByteArray("gzip"));
    QCOMPARE(service.header("connection"), QByteArray("close"));
}

void tst_PortProxy::forward_dropsHopByHopRequestHeaders()
{
    CannedService service("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    PortProxy::Request request = baseRequest(service.port());
    request.headers = {{"Host", "example.invalid"},
        {"Upgrade", "websocket"}, // without Connection: upgrade, no upgrade
        {"TE", "trailers"},
        {"Proxy-Connection", "keep-alive"},
        {"Connection", "X-Private"},
        {"X-Private", "hop"},
        {"Trailer", "X"},
        {"X-Evil", "a\r\nInjected: yes"}};
    QVERIFY(!forward(request).isEmpty());
    QVERIFY(!service.hasHeader("upgrade"));
    QVERIFY(!service.hasHeader("te"));
    QVERIFY(!service.hasHeader("proxy-connection"));
    QVERIFY(!service.hasHeader("trailer"));
    QVERIFY(!service.hasHeader("x-private"));
    QVERIFY(!service.hasHeader("injected"));
    QCOMPARE(service.header("host"), "127.0.0.1:" + QByteArray::number(service.port()));
}

void tst_PortProxy::forward_neverForwardsAuthorizationOrTheServersCookies()
{
    CannedService service("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    PortProxy::Request request = baseRequest(service.port());
    request.headers = {{"Authorization", "Bearer server-api-key"},
        {"Proxy-Authorization", "Basic c2VjcmV0"},
        {"Cookie", "agentbay_auth_s_1=session-secret; theme=dark; agentbay_auth_s_2=other-secret"},
        {"Cookie", "agentbay_auth_s_3=third"}};
    QVERIFY(!forward(request).isEmpty());
    QVERIFY(!service.hasHeader("authorization"));
    QVERIFY(!service.hasHeader("proxy-authorization"));
    QCOMPARE(service.header("cookie"), QByteArray("theme=dark"));
    QVERIFY(!service.request().contains("secret"));
    QVERIFY(!service.request().contains("third"));
    QVERIFY(!service.request().contains("agentbay_auth"));
}

void tst_PortProxy::forward_relaysStatusHeadersAndBody()
{
    CannedService service("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Service: yes\r\n"
                          "Keep-Alive: timeout=5\r\nConnection: keep-alive\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
    PortProxy::Request request = baseRequest(service.port());
    request.method = "POST";
    const QByteArray answer = forward(request);
    QVERIFY(answer.startsWith("HTTP/1.1 201 Created\r\n"));
    QVERIFY(answer.endsWith("\r\n\r\n{\"ok\":true}"));
    QCOMPARE(answerHeader(answer, "content-type"), QByteArray("application/json"));
    QCOMPARE(answerHeader(answer, "x-service"), QByteArray("yes"));
    QCOMPARE(answerHeader(answer, "content-length"), QByteArray("11"));
    QCOMPARE(answerHeader(answer, "connection"), QByteArray("close"));
    QVERIFY(answerHeader(answer, "keep-alive").isEmpty());
}

void tst_PortProxy::forward_keepsRedirectsInsideTheLink_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("absolute to the service")
        << QByteArray("http://127.0.0.1:%PORT%/next?a=1") << QByteArray("/sessions/s-1/ports/30100/next?a=1");
    QTest::newRow("path") << QByteArray("/login") << QByteArray("/sessions/s-1/ports/30100/login");
    QTest::newRow("elsewhere") << QByteArray("https://example.org/x") << QByteArray("https://example.org/x");
    QTest::newRow("scheme-relative") << QByteArray("//example.org/x") << QByteArray("//example.org/x");
}

void tst_PortProxy::forward_keepsRedirectsInsideTheLink()
{
    QFETCH(QByteArray, location);
    QFETCH(QByteArray, expected);
    CannedService service({});
    location.replace("%PORT%", QByteArray::number(service.port()));
    service.setAnswer("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
    const QByteArray answer = forward(baseRequest(service.port()));
    QVERIFY(answer.startsWith("HTTP/1.1 302 Found\r\n"));
    QCOMPARE(answerHeader(answer, "location"), expected);
}

void tst_PortProxy::forward_confinesSetCookieToTheLink_data()
{
    QTest::addColumn<QByteArray>("given");
    QTest::addColumn<QByteArray>("expected"); // empty: dropped
    const QByteArray prefix = "/sessions/s-1/ports/30100";
    QTest::newRow("no path") << QByteArray("a=1") << QByteArray("a=1; Path=" + prefix + "/");
    QTest::newRow("root") << QByteArray("a=1; Path=/") << QByteArray("a=1; Path=" + prefix + "/");
    QTest::newRow("service path") << QByteArray("a=1; path=/app; HttpOnly")
                                  << QByteArray("a=1; HttpOnly; Path=" + prefix + "/app");
    QTest::newRow("already inside") << QByteArray("a=1; Path=" + prefix + "/x")
                                    << QByteArray("a=1; Path=" + prefix + "/x");
    QTest::newRow("other session") << QByteArray("a=1; Path=/sessions/s-2/")
                                   << QByteArray("a=1; Path=" + prefix + "/sessions/s-2/");
    QTest::newRow("domain") << QByteArray("a=1; Domain=127.0.0.1; Path=/") << QByteArray("a=1; Path=" + prefix + "/");
    QTest::newRow("server's name") << QByteArray("agentbay_auth_s_1=forged; Path=/sessions/s-1/") << QByteArray();
    QTest::newRow("no name") << QByteArray("garbage") << QByteArray();
}

void tst_PortProxy::forward_confinesSetCookieToTheLink()
{
    QFETCH(QByteArray, given);
    QFETCH(QByteArray, expected);
    CannedService service("HTTP/1.1 200 OK\r\nSet-Cookie: " + given + "\r\nContent-Length: 0\r\n\r\n");
    const QByteArray answer = forward(baseRequest(service.port()));
    QVERIFY(answer.startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(answerHeader(answer, "set-cookie"), expected);
}

void tst_PortProxy::forward_addsTheCookieWhenAsked()
{
    CannedService service("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    PortProxy::Request request = baseRequest(service.port());
    request.setCookie = "agentbay_auth_s=abc; Path=/sessions/s/; HttpOnly; SameSite=Strict";
    const QByteArray answer = forward(request);
    QCOMPARE(answerHeader(answer, "set-cookie"), request.setCookie);
    QVERIFY(answer.endsWith("\r\n\r\nok"));
}

void tst_PortProxy::forward_serviceClosesWithoutAnswer_answers502()
{
    CannedService service({});
    const QByteArray answer = forward(baseRequest(service.port()));
    QVERIFY2(answer.startsWith("HTTP/1.1 502 "), answer.constData());
    QVERIFY(answer.contains("without an answer"));
}

void tst_PortProxy::forward_upgrade_splicesBothWays()
{
    CannedService service("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Accept: abc=\r\n\r\n",
        true);
    PortProxy::Request request = baseRequest(service.port());
    request.headers = {{"Upgrade", "websocket"},
        {"Connection", "keep-alive, Upgrade"},
        {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
        {"Sec-WebSocket-Version", "13"}};
    PortProxy proxy;
    ClientPair pair;
    QVERIFY(pair.open());
    QTcpSocket *upstream = connectedTo(service.port());
    QVERIFY(upstream);
    // Bytes the client sent right behind its request reach the service after the upgrade.
    proxy.forward(request, upstream, pair.taken, "early;");
    QByteArray got;
    QVERIFY(QTest::qWaitFor(
        [&] {
            got += pair.browser->readAll();
            return got.contains("early;");
        },
        10000));
    QVERIFY(got.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    QCOMPARE(answerHeader(got, "upgrade"), QByteArray("websocket"));
    QCOMPARE(answerHeader(got, "connection"), QByteArray("Upgrade"));
    QCOMPARE(answerHeader(got, "sec-websocket-accept"), QByteArray("abc="));
    QCOMPARE(service.header("upgrade"), QByteArray("websocket"));
    QCOMPARE(service.header("connection"), QByteArray("Upgrade"));
    QCOMPARE(service.header("sec-websocket-key"), QByteArray("dGhlIHNhbXBsZSBub25jZQ=="));
    pair.browser->write("ping-1;ping-2");
    QVERIFY(QTest::qWaitFor(
        [&] {
            got += pair.browser->readAll();
            return got.endsWith("ping-1;ping-2");
        },
        10000));
}

void tst_PortProxy::forward_largeAnswerToASlowReader_keepsMemoryBounded()
{
    // 200 MiB from a service that writes as fast as it is let, to a reader that takes 64 KiB
    // at a time: what the proxy holds stays near its bound, the process does not grow by the
    // answer.
    constexpr qint64 total = 200LL * 1024 * 1024;
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    qint64 sent = 0;
    const QByteArray chunk(256 * 1024, 'x');
    connect(&server, &QTcpServer::newConnection, &server, [&] {
        QTcpSocket *socket = server.nextPendingConnection();
        auto feed = [socket, &sent, &chunk] {
            while (sent < total && socket->bytesToWrite() < 1024 * 1024) {
                socket->write(chunk);
                sent += chunk.size();
            }
            if (sent >= total && socket->bytesToWrite() == 0) {
                socket->disconnectFromHost();
            }
        };
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(total) + "\r\n\r\n");
        connect(socket, &QTcpSocket::bytesWritten, socket, feed);
        feed();
    });
    PortProxy proxy;
    ClientPair pair;
    QVERIFY(pair.open());
    pair.browser->setReadBufferSize(64 * 1024);
    QTcpSocket *upstream = connectedTo(server.serverPort());
    QVERIFY(upstream);
    const qint64 before = residentKb();
    proxy.forward(baseRequest(server.serverPort()), upstream, pair.taken, {});
    qint64 received = 0;
    qint64 peakKb = before;
    int reads = 0;
    connect(pair.browser.get(), &QTcpSocket::readyRead, &proxy, [&] {
        received += pair.browser->readAll().size();
        if (++reads % 64 == 0) {
            peakKb = qMax(peakKb, residentKb());
        }
    });
    QSignalSpy closed(pair.browser.get(), &QTcpSocket::disconnected);
    // Local copying of 200 MiB takes a few seconds; 120 s bounds a loaded machine.
    QVERIFY(closed.wait(120000));
    received += pair.browser->readAll().size();
    QVERIFY(received > total);
    QVERIFY2(proxy.peakBufferedBytes() <= PortProxy::maxBufferedBytes + 64 * 1024,
        QByteArray::number(proxy.peakBufferedBytes()).constData());
    qInfo() << "peak buffered" << proxy.peakBufferedBytes() << "bytes; RSS growth" << (peakKb - before) << "KiB";
    QVERIFY2(peakKb - before < 32 * 1024, QByteArray::number(peakKb - before).constData());
}

QTEST_GUILESS_MAIN(tst_PortProxy)
#include "tst_portproxy.moc"
