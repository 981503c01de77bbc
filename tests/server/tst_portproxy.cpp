// SPDX-License-Identifier: MIT
#include <server/links/portproxy.h>

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using AgentBay::Server::PortProxy;
using AgentBay::Server::WebResponse;
using namespace Qt::Literals::StringLiterals;

namespace {

// A service on a loopback port that records the one request it gets and answers a canned
// HTTP/1.1 response, then closes the connection.
class CannedService : public QObject
{
public:
    explicit CannedService(QByteArray answer)
        : m_answer(std::move(answer))
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                m_request += socket->readAll();
                const qsizetype end = m_request.indexOf("\r\n\r\n");
                if (end < 0) {
                    return;
                }
                const qsizetype length = header("content-length").toLongLong();
                if (m_request.size() - (end + 4) < length) {
                    return;
                }
                socket->write(m_answer);
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
    }

    quint16 port() const { return m_server.serverPort(); }

    void setAnswer(const QByteArray &answer) { m_answer = answer; }

    QByteArray request() const { return m_request; }

    QByteArray requestLine() const { return m_request.left(m_request.indexOf("\r\n")); }

    QByteArray body() const { return m_request.mid(m_request.indexOf("\r\n\r\n") + 4); }

    // The value of a request header, by lower-case name; empty when absent.
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
};

QByteArray headerOf(const WebResponse &response, const QByteArray &name)
{
    for (const auto &[key, value] : response.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

} // namespace

class tst_PortProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forward_sendsMethodPathBodyAndTheServicesHost();
    void forward_dropsHopByHopRequestHeaders();
    void forward_relaysStatusHeadersAndBody();
    void forward_keepsRedirectsInsideTheLink_data();
    void forward_keepsRedirectsInsideTheLink();
    void forward_addsTheCookieWhenAsked();
    void forward_nothingListening_answers502();

private:
    // Forwards one request and waits for the answer (the service answers at once; 10 s is
    // only the bound for a loaded machine).
    static std::optional<WebResponse> forward(const PortProxy::Request &request);
};

std::optional<WebResponse> tst_PortProxy::forward(const PortProxy::Request &request)
{
    PortProxy proxy;
    std::optional<WebResponse> answer;
    int calls = 0;
    proxy.forward(request, [&answer, &calls](const WebResponse &response) {
        answer = response;
        ++calls;
    });
    if (!QTest::qWaitFor(
            [&calls] {
                return calls > 0;
            },
            10000)) {
        return std::nullopt;
    }
    QTest::qWait(0);
    return calls == 1 ? answer : std::nullopt;
}

void tst_PortProxy::forward_sendsMethodPathBodyAndTheServicesHost()
{
    CannedService service("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    PortProxy::Request request;
    request.method = "PUT";
    request.port = service.port();
    request.pathAndQuery = u"/a/b%20c?x=1&y=2"_s;
    request.body = "payload";
    request.headers = {{"Content-Type", "text/plain"}, {"X-Custom", "kept"}};
    QVERIFY(forward(request));
    QCOMPARE(service.requestLine(), QByteArray("PUT /a/b%20c?x=1&y=2 HTTP/1.1"));
    QCOMPARE(service.body(), QByteArray("payload"));
    QCOMPARE(service.header("x-custom"), QByteArray("kept"));
    QCOMPARE(service.header("host"), "127.0.0.1:" + QByteArray::number(service.port()));
    // Relayed as is, so the service must not compress.
    QCOMPARE(service.header("accept-encoding"), QByteArray("identity"));
}

void tst_PortProxy::forward_dropsHopByHopRequestHeaders()
{
    CannedService service("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    PortProxy::Request request;
    request.method = "GET";
    request.port = service.port();
    request.pathAndQuery = u"/"_s;
    request.headers = {{"Host", "example.invalid"},
        {"Upgrade", "websocket"},
        {"TE", "trailers"},
        {"Proxy-Connection", "keep-alive"},
        {"Trailer", "X"}};
    QVERIFY(forward(request));
    QVERIFY(!service.hasHeader("upgrade"));
    QVERIFY(!service.hasHeader("te"));
    QVERIFY(!service.hasHeader("proxy-connection"));
    QVERIFY(!service.hasHeader("trailer"));
    QCOMPARE(service.header("host"), "127.0.0.1:" + QByteArray::number(service.port()));
}

void tst_PortProxy::forward_relaysStatusHeadersAndBody()
{
    CannedService service("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Service: yes\r\n"
                          "Connection: close\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
    PortProxy::Request request;
    request.method = "POST";
    request.port = service.port();
    request.pathAndQuery = u"/items"_s;
    const auto answer = forward(request);
    QVERIFY(answer);
    QCOMPARE(answer->status, 201);
    QCOMPARE(answer->body, QByteArray("{\"ok\":true}"));
    QCOMPARE(headerOf(*answer, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(headerOf(*answer, "X-Service"), QByteArray("yes"));
    // The transport frames the answer itself.
    QVERIFY(headerOf(*answer, "Connection").isEmpty());
    QVERIFY(headerOf(*answer, "Content-Length").isEmpty());
    QVERIFY(answer->contentType.isEmpty());
}

void tst_PortProxy::forward_keepsRedirectsInsideTheLink_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("absolute to the service")
        << QByteArray("http://127.0.0.1:%PORT%/next?a=1") << QByteArray("/sessions/s-1/ports/30100/next?a=1");
    QTest::newRow("path") << QByteArray("/login") << QByteArray("/sessions/s-1/ports/30100/login");
    QTest::newRow("elsewhere") << QByteArray("https://example.org/x") << QByteArray("https://example.org/x");
}

void tst_PortProxy::forward_keepsRedirectsInsideTheLink()
{
    QFETCH(QByteArray, location);
    QFETCH(QByteArray, expected);
    CannedService service({});
    location.replace("%PORT%", QByteArray::number(service.port()));
    service.setAnswer("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
    PortProxy::Request request;
    request.method = "GET";
    request.port = service.port();
    request.pathAndQuery = u"/"_s;
    request.publicPrefix = u"/sessions/s-1/ports/30100"_s;
    const auto answer = forward(request);
    QVERIFY(answer);
    QCOMPARE(answer->status, 302);
    QCOMPARE(headerOf(*answer, "Location"), expected);
}

void tst_PortProxy::forward_addsTheCookieWhenAsked()
{
    CannedService service("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    PortProxy::Request request;
    request.method = "GET";
    request.port = service.port();
    request.pathAndQuery = u"/"_s;
    request.setCookie = "agentbay_auth_s=abc; Path=/sessions/s/; HttpOnly; SameSite=Strict";
    const auto answer = forward(request);
    QVERIFY(answer);
    QCOMPARE(headerOf(*answer, "Set-Cookie"), request.setCookie);
}

void tst_PortProxy::forward_nothingListening_answers502()
{
    quint16 port = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        port = closed.serverPort();
    }
    PortProxy::Request request;
    request.method = "GET";
    request.port = port;
    request.pathAndQuery = u"/"_s;
    const auto answer = forward(request);
    QVERIFY(answer);
    QCOMPARE(answer->status, 502);
    QVERIFY(answer->body.startsWith(QByteArray("Nothing answered on port " + QByteArray::number(port))));
    QVERIFY(answer->contentType.startsWith("text/plain"));
}

QTEST_GUILESS_MAIN(tst_PortProxy)
#include "tst_portproxy.moc"
