// SPDX-License-Identifier: MIT
// HttpServer in-process with short deadlines: keep-alive, pipelining, deadlines, the
// connection cap, the head check, streaming and socket takeover, over raw sockets.
#include <server/http/httpserver.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace AgentBay::Server;

namespace {

struct Answer
{
    int status = 0; // 0 = none
    QByteArray head;
    QByteArray body;
};

// Reads one answer with a Content-Length or chunked body from the socket, waiting at most
// timeoutMs; bytes past it stay in `rest` for the next call.
Answer readAnswer(QTcpSocket &socket, QByteArray &rest, int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const qsizetype end = rest.indexOf("\r\n\r\n");
        if (end >= 0) {
            Answer answer;
            answer.head = rest.left(end + 4);
            answer.status = rest.mid(9, 3).toInt();
            const qsizetype at = answer.head.toLower().indexOf("content-length: ");
            if (at >= 0) {
                const qint64 length = answer.head.mid(at + 16, answer.head.indexOf('\r', at) - at - 16).toLongLong();
                if (rest.size() >= end + 4 + length) {
                    answer.body = rest.mid(end + 4, length);
                    rest.remove(0, end + 4 + length);
                    return answer;
                }
            } else if (answer.head.toLower().contains("transfer-encoding: chunked")) {
                const qsizetype last = rest.indexOf("\r\n0\r\n\r\n", end);
                if (last >= 0) {
                    QByteArray chunked = rest.mid(end + 4, last + 7 - end - 4);
                    rest.remove(0, last + 7);
                    while (!chunked.isEmpty()) {
                        const qsizetype nl = chunked.indexOf("\r\n");
                        const int size = chunked.left(nl).toInt(nullptr, 16);
                        answer.body += chunked.mid(nl + 2, size);
                        chunked.remove(0, nl + 2 + size + 2);
                    }
                    return answer;
                }
            } else {
                rest.remove(0, end + 4);
                return answer;
            }
        }
        if (timer.elapsed() > timeoutMs || socket.state() != QAbstractSocket::ConnectedState) {
            rest += socket.readAll();
            return {};
        }
        QTest::qWait(20);
        rest += socket.readAll();
    }
}

// Waits until the server closes the socket; false after timeoutMs.
bool waitForClose(QTcpSocket &socket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        QTest::qWait(20);
        socket.readAll();
    }
    return socket.state() != QAbstractSocket::ConnectedState;
}

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

class tst_HttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void keepAlive_servesManyRequestsOnOneConnection();
    void connectionClose_isHonoured();
    void http10_closesUnlessKeepAliveIsAsked();
    void pipelinedRequests_areAnsweredInOrder();
    void chunkedBody_reachesTheRoute();
    void headCheck_refusesBeforeTheBodyIsSent();
    void expectContinue_getsContinueOnlyWhenTheHeadPasses();
    void brokenFraming_isAnsweredAndClosed();
    void slowHead_isCutAtTheDeadline();
    void idleConnection_isClosedAfterTheIdleTimeout();
    void connectionCap_evictsHalfOpenConnectionsForANewClient();
    void busyConnections_areNeverEvicted();
    void lateAnswer_afterTheClientLeft_isDropped();
    void streamedAnswer_isChunked();
    void takeOver_handsTheSocketAndTheUnreadBytes();

private:
    QTcpSocket *connectClient();

    std::unique_ptr<HttpServer> m_server;
    QList<HttpResponder> m_parked; // answers held back by the "/park" route
    std::vector<std::unique_ptr<QTcpSocket>> m_clients;
    int m_handled = 0;
};

void tst_HttpServer::init()
{
    HttpServer::Settings settings;
    settings.headerTimeoutMs = 600;
    settings.idleTimeoutMs = 600;
    settings.maxConnections = 20;
    settings.limits.maxBodyBytes = 1024 * 1024;
    m_server = std::make_unique<HttpServer>(settings);
    m_handled = 0;
    m_server->setHeadCheck([](const HttpRequest &head) -> std::optional<HttpResponse> {
        if (head.query().contains("key=wrong")) {
            return HttpResponse::make(401, "text/plain", "no\n");
        }
        return std::nullopt;
    });
    m_server->setHandler([this](HttpRequest request, HttpResponder responder) {
        ++m_handled;
        const QByteArray path = request.path();
        if (path == "/park") {
            m_parked.append(responder);
            return;
        }
        if (path == "/stream") {
            responder.beginStream(HttpResponse::make(200, "text/plain", {}));
            responder.writeStream("one,");
            QTimer::singleShot(50, m_server.get(), [responder] {
                responder.writeStream("two");
                responder.endStream();
            });
            return;
        }
        if (path == "/takeover") {
            const HttpTakeover takeover = responder.takeOver(m_server.get());
            takeover.socket->write("RAW:" + takeover.unread);
            return;
        }
        responder.respond(HttpResponse::make(200, "text/plain", path + ':' + request.body));
    });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void tst_HttpServer::cleanup()
{
    m_parked.clear();
    m_clients.clear();
    m_server.reset();
}

QTcpSocket *tst_HttpServer::connectClient()
{
    m_clients.push_back(std::make_unique<QTcpSocket>());
    QTcpSocket *socket = m_clients.back().get();
    socket->connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    return socket->waitForConnected(5000) ? socket : nullptr;
}

void tst_HttpServer::keepAlive_servesManyRequestsOnOneConnection()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    QByteArray rest;
    for (int i = 0; i < 5; ++i) {
        socket->write(get("/n" + QByteArray::number(i)));
        const Answer answer = readAnswer(*socket, rest);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, "/n" + QByteArray::number(i) + ':');
        QVERIFY(answer.head.contains("Connection: keep-alive"));
    }
    QCOMPARE(m_server->connectionCount(), 1);
}

void tst_HttpServer::connectionClose_isHonoured()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    socket->write(get("/a", "Connection: close\r\n") + get("/never"));
    QByteArray rest;
    const Answer answer = readAnswer(*socket, rest);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.head.contains("Connection: close"));
    QVERIFY(waitForClose(*socket, 3000));
    QCOMPARE(m_handled, 1);
}

void tst_HttpServer::http10_closesUnlessKeepAliveIsAsked()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    socket->write("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QByteArray rest;
    QCOMPARE(readAnswer(*socket, rest).status, 200);
    socket->write("GET /old HTTP/1.0\r\n\r\n");
    const Answer answer = readAnswer(*socket, rest);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.head.contains("Connection: close"));
    QVERIFY(waitForClose(*socket, 3000));
}

void tst_HttpServer::pipelinedRequests_areAnsweredInOrder()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    QByteArray all;
    for (int i = 0; i < 20; ++i) {
        all += "POST /p" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n"
            + QByteArray::number(i % 10);
    }
    socket->write(all);
    QByteArray rest;
    for (int i = 0; i < 20; ++i) {
        const Answer answer = readAnswer(*socket, rest);
        QCOMPARE(answer.body, "/p" + QByteArray::number(i) + ':' + QByteArray::number(i % 10));
    }
}

void tst_HttpServer::chunkedBody_reachesTheRoute()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    socket->write("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nWiki\r\n");
    QVERIFY(socket->waitForBytesWritten(1000));
    QTest::qWait(100); // the second chunk comes in a later segment
    socket->write("5\r\npedia\r\n0\r\nTrailer: t\r\n\r\n");
    QByteArray rest;
    const Answer answer = readAnswer(*socket, rest);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("/c:Wikipedia"));
}

void tst_HttpServer::headCheck_refusesBeforeTheBodyIsSent()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    // Only the head is sent: the answer must not wait for the 900 KB that are announced.
    socket->write("POST /?key=wrong HTTP/1.1\r\nHost: x\r\nContent-Length: 900000\r\n\r\n");
    QByteArray rest;
    const Answer answer = readAnswer(*socket, rest, 3000);
    QCOMPARE(answer.status, 401);
    QVERIFY(answer.head.contains("Connection: close"));
    // The announced body is then drained, never handed to a route, and the connection ends.
    socket->write(QByteArray(900000, 'x'));
    QVERIFY(waitForClose(*socket, 8000));
    QCOMPARE(m_handled, 0);
}

void tst_HttpServer::expectContinue_getsContinueOnlyWhenTheHeadPasses()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    socket->write("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    QByteArray rest;
    const Answer interim = readAnswer(*socket, rest);
    QCOMPARE(interim.status, 100);
    socket->write("ok");
    QCOMPARE(readAnswer(*socket, rest).body, QByteArray("/e:ok"));

    QTcpSocket *refused = connectClient();
    QVERIFY(refused);
    refused->write("POST /?key=wrong HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    QByteArray rest2;
    QCOMPARE(readAnswer(*refused, rest2).status, 401);
}

void tst_HttpServer::brokenFraming_isAnsweredAndClosed()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    socket->write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
    QByteArray rest;
    QCOMPARE(readAnswer(*socket, rest).status, 400);
    QVERIFY(waitForClose(*socket, 3000));
    QCOMPARE(m_handled, 0);
}

void tst_HttpServer::slowHead_isCutAtTheDeadline()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    QElapsedTimer timer;
    timer.start();
    // A byte every 100 ms keeps the connection busy but must not extend the 600 ms deadline.
    // The head takes over 12 s to trickle in: cut before its end is the deadline holding,
    // with no wall-clock bound that a busy machine could overrun.
    const QByteArray head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(90, 'a');
    QByteArray rest;
    qsizetype sent = 0;
    for (; sent < head.size() && socket->state() == QAbstractSocket::ConnectedState; ++sent) {
        socket->write(head.constData() + sent, 1);
        socket->waitForBytesWritten(100);
        QTest::qWait(100);
        rest += socket->readAll();
    }
    QVERIFY(waitForClose(*socket, 3000));
    rest += socket->readAll();
    QVERIFY2(rest.startsWith("HTTP/1.1 408 "), rest.constData());
    QVERIFY2(sent < head.size(), qPrintable(QStringLiteral("the whole head went in, %1 ms").arg(timer.elapsed())));

    // A connection that never sends a byte goes at the same deadline.
    QTcpSocket *silent = connectClient();
    QVERIFY(silent);
    QVERIFY(waitForClose(*silent, 3000));
}

void tst_HttpServer::idleConnection_isClosedAfterTheIdleTimeout()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    socket->write(get("/a"));
    QByteArray rest;
    QCOMPARE(readAnswer(*socket, rest).status, 200);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(waitForClose(*socket, 5000));
    QVERIFY(timer.elapsed() >= 400);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 2000);
}

void tst_HttpServer::connectionCap_evictsHalfOpenConnectionsForANewClient()
{
    // Three times the cap of half-open connections (connected, head never finished).
    for (int i = 0; i < 60; ++i) {
        QTcpSocket *socket = connectClient();
        QVERIFY(socket);
        socket->write("GET / HTTP/1.1\r\n");
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_server->connectionCount() <= 20, 2000);
    QTcpSocket *client = connectClient();
    QVERIFY(client);
    client->write(get("/real"));
    QByteArray rest;
    QCOMPARE(readAnswer(*client, rest).body, QByteArray("/real:"));
}

void tst_HttpServer::busyConnections_areNeverEvicted()
{
    QList<QTcpSocket *> waiting;
    for (int i = 0; i < 20; ++i) {
        QTcpSocket *socket = connectClient();
        QVERIFY(socket);
        socket->write(get("/park"));
        waiting.append(socket);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_parked.size(), 20, 5000);
    // The cap is reached by connections whose answers are pending: a new one is closed at once.
    QTcpSocket *extra = connectClient();
    QVERIFY(extra);
    QVERIFY(waitForClose(*extra, 3000));
    for (const HttpResponder &responder : std::as_const(m_parked)) {
        QVERIFY(responder.isOpen());
        responder.respond(HttpResponse::make(200, "text/plain", "late"));
    }
    for (QTcpSocket *socket : std::as_const(waiting)) {
        QByteArray rest;
        QCOMPARE(readAnswer(*socket, rest).body, QByteArray("late"));
    }
}

void tst_HttpServer::lateAnswer_afterTheClientLeft_isDropped()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    socket->write(get("/park"));
    QTRY_COMPARE_WITH_TIMEOUT(m_parked.size(), 1, 5000);
    socket->abort();
    QTRY_VERIFY_WITH_TIMEOUT(!m_parked.constFirst().isOpen(), 5000);
    m_parked.constFirst().respond(HttpResponse::make(200, "text/plain", "nobody")); // no crash
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 2000);
}

void tst_HttpServer::streamedAnswer_isChunked()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    socket->write(get("/stream") + get("/after"));
    QByteArray rest;
    const Answer streamed = readAnswer(*socket, rest);
    QCOMPARE(streamed.status, 200);
    QVERIFY(streamed.head.contains("Transfer-Encoding: chunked"));
    QCOMPARE(streamed.body, QByteArray("one,two"));
    QCOMPARE(readAnswer(*socket, rest).body, QByteArray("/after:"));
}

void tst_HttpServer::takeOver_handsTheSocketAndTheUnreadBytes()
{
    QTcpSocket *socket = connectClient();
    QVERIFY(socket);
    socket->write(get("/takeover", "Upgrade: raw\r\nConnection: Upgrade\r\n") + "after");
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += socket->readAll()).contains("RAW:after"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 2000);
}

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
