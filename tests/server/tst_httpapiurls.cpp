// SPDX-License-Identifier: MIT
// The URLs agentbay-local hands out (ResourceUrl, WsUrl, GetLink) follow the request that
// asked for them: https/wss when it came over TLS, http/ws over plain HTTP (one port speaks
// both), on the host:port the client used. Raw sockets, so that the Host header and the
// transport are exactly what each test says.
#include <server/api/requestorigin.h>
#include <support/localserver.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <memory>

using AgentBay::Server::RequestOrigin;
using AgentBay::Test::LocalServer;

namespace {

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

struct Answer
{
    int status = 0; // 0 = no answer
    QByteArray body;
    QJsonObject json;

    QString data(const char *field) const
    {
        return json.value(u"Data").toObject().value(QLatin1String(field)).toString();
    }
};

} // namespace

class tst_HttpApiUrls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // RequestOrigin on its own: what becomes the base of the URLs.
    void origin_isTheRequestsSchemeAndAuthority_data();
    void origin_isTheRequestsSchemeAndAuthority();
    void webSocketUrl_swapsHttpForWs();

    // Against a real agentbay-local.
    void sessionUrls_followTheRequest_data();
    void sessionUrls_followTheRequest();
    void create_urlsFollowTheScheme_andThePageIsServedThere_data();
    void create_urlsFollowTheScheme_andThePageIsServedThere();

private:
    // One request on a new connection (Connection: close), over TLS (trusting only the
    // server's local CA) or plain TCP, to the server's port; the answer read to the close.
    Answer exchange(bool tls, const QByteArray &request) const;
    // POST /?Action=action with the key and fields in the body; host: the Host line's value,
    // null for none (then HTTP/1.0, where Host is optional).
    Answer call(
        bool tls, const QByteArray &host, const char *action, const QList<QPair<QString, QString>> &fields) const;

    quint16 port() const { return quint16(QUrl(m_server.url()).port()); }

    LocalServer m_server;
    QList<QSslCertificate> m_ca;
    QString m_session;
};

void tst_HttpApiUrls::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    m_ca = QSslCertificate::fromPath(m_server.dataDir() + q("/tls/ca.pem"));
    QCOMPARE(m_ca.size(), 1);
    const Answer created = call(false, "127.0.0.1:" + QByteArray::number(port()), "CreateMcpSession", {});
    QCOMPARE(created.status, 200);
    m_session = created.data("SessionId");
    QVERIFY(m_session.startsWith(u"session-"));
}

Answer tst_HttpApiUrls::exchange(bool tls, const QByteArray &request) const
{
    std::unique_ptr<QTcpSocket> socket;
    if (tls) {
        auto ssl = std::make_unique<QSslSocket>();
        QSslConfiguration onlyThisCa = QSslConfiguration::defaultConfiguration();
        onlyThisCa.setCaCertificates(m_ca);
        ssl->setSslConfiguration(onlyThisCa);
        ssl->connectToHostEncrypted(q("127.0.0.1"), port());
        if (!ssl->waitForEncrypted(10000)) {
            qWarning() << "no TLS:" << ssl->errorString();
            return {};
        }
        socket = std::move(ssl);
    } else {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, port());
        if (!socket->waitForConnected(10000)) {
            return {};
        }
    }
    socket->write(request);
    QByteArray got;
    QElapsedTimer timer;
    timer.start();
    // A session start on a loaded machine takes seconds; the answer ends with the close.
    while (socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < 60000) {
        socket->waitForReadyRead(1000);
        got += socket->readAll();
    }
    got += socket->readAll();
    const qsizetype end = got.indexOf("\r\n\r\n");
    if (!got.startsWith("HTTP/1.") || end < 0) {
        return {};
    }
    Answer answer;
    answer.status = got.mid(9, 3).toInt();
    answer.body = got.mid(end + 4);
    answer.json = QJsonDocument::fromJson(answer.body).object();
    return answer;
}

Answer tst_HttpApiUrls::call(
    bool tls, const QByteArray &host, const char *action, const QList<QPair<QString, QString>> &fields) const
{
    QByteArray body = "Authorization=" + QUrl::toPercentEncoding(q("Bearer ") + m_server.apiKey());
    for (const auto &[key, value] : fields) {
        body += '&' + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    QByteArray request = "POST /?Action=" + QByteArray(action) + (host.isNull() ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
    if (!host.isNull()) {
        request += "Host: " + host + "\r\n";
    }
    request += "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return exchange(tls, request);
}

void tst_HttpApiUrls::origin_isTheRequestsSchemeAndAuthority_data()
{
    QTest::addColumn<bool>("secure");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QString>("expected"); // listening port 4000

    QTest::newRow("http") << false << QByteArray("/?Action=X") << QByteArray("127.0.0.1:4000")
                          << q("http://127.0.0.1:4000");
    QTest::newRow("https") << true << QByteArray("/") << QByteArray("127.0.0.1:4000") << q("https://127.0.0.1:4000");
    QTest::newRow("localhost") << true << QByteArray("/") << QByteArray("localhost:4000")
                               << q("https://localhost:4000");
    QTest::newRow("forwarded port") << false << QByteArray("/") << QByteArray("localhost:9443")
                                    << q("http://localhost:9443");
    QTest::newRow("ipv6") << true << QByteArray("/") << QByteArray("[::1]:4000") << q("https://[::1]:4000");
    QTest::newRow("no port: the scheme's")
        << true << QByteArray("/") << QByteArray("Agent.Example-1") << q("https://Agent.Example-1");
    QTest::newRow("spaces around") << false << QByteArray("/") << QByteArray(" localhost:4000 ")
                                   << q("http://localhost:4000");
    QTest::newRow("absolute-form target wins") << false << QByteArray("http://localhost:5000/?Action=X")
                                               << QByteArray("127.0.0.1:4000") << q("http://localhost:5000");
    QTest::newRow("absolute-form, bare") << true << QByteArray("HTTPS://localhost:5001") << QByteArray("127.0.0.1:4000")
                                         << q("https://localhost:5001");

    // Anything but a plain host[:port] gives way to the listening address.
    const QString fallbackHttp = q("http://127.0.0.1:4000");
    const QList<QByteArray> refused = {
        QByteArray(),
        QByteArray("evil.example/path"),
        QByteArray("user@localhost:4000"),
        QByteArray("localhost:0"),
        QByteArray("localhost:65536"),
        QByteArray("localhost:"),
        QByteArray("localhost:40a0"),
        QByteArray("local host"),
        QByteArray("%6cocalhost"),
        QByteArray("[::1"),
        QByteArray("[]:4000"),
        QByteArray("[fe80::1%25eth0]:4000"),
        QByteArray("[::g]:4000"),
        QByteArray("localhost:1:2"),
        QByteArray("localhost\r\nX: y"),
        QByteArray("a\"><script>"),
        QByteArray(300, 'a'),
    };
    for (const QByteArray &host : refused) {
        QTest::newRow(QByteArray("refused: " + host.left(40)).constData())
            << false << QByteArray("/") << host << fallbackHttp;
    }
    QTest::newRow("refused absolute-form authority")
        << false << QByteArray("http://a b/") << QByteArray("x:1") << fallbackHttp;
}

void tst_HttpApiUrls::origin_isTheRequestsSchemeAndAuthority()
{
    QFETCH(bool, secure);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, host);
    QFETCH(QString, expected);
    QCOMPARE(RequestOrigin::baseUrl(secure, target, host, 4000), expected);
}

void tst_HttpApiUrls::webSocketUrl_swapsHttpForWs()
{
    QCOMPARE(RequestOrigin::webSocketUrl(q("http://127.0.0.1:4000")), q("ws://127.0.0.1:4000"));
    QCOMPARE(RequestOrigin::webSocketUrl(q("https://localhost:4000")), q("wss://localhost:4000"));
}

void tst_HttpApiUrls::sessionUrls_followTheRequest_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("host"); // "PORT" stands for the server's port; null = no Host (HTTP/1.0)
    QTest::addColumn<QString>("authority"); // expected in every URL, "PORT" likewise

    QTest::newRow("http") << false << QByteArray("127.0.0.1:PORT") << q("127.0.0.1:PORT");
    QTest::newRow("https") << true << QByteArray("127.0.0.1:PORT") << q("127.0.0.1:PORT");
    QTest::newRow("http, localhost") << false << QByteArray("localhost:PORT") << q("localhost:PORT");
    QTest::newRow("https, localhost") << true << QByteArray("localhost:PORT") << q("localhost:PORT");
    QTest::newRow("https, ::1") << true << QByteArray("[::1]:PORT") << q("[::1]:PORT");
    QTest::newRow("https, a forwarded port") << true << QByteArray("localhost:18443") << q("localhost:18443");
    QTest::newRow("http/1.0 without Host") << false << QByteArray() << q("127.0.0.1:PORT");
    QTest::newRow("https/1.0 without Host") << true << QByteArray() << q("127.0.0.1:PORT");
    QTest::newRow("https, Host with a path") << true << QByteArray("evil.example/x?") << q("127.0.0.1:PORT");
}

void tst_HttpApiUrls::sessionUrls_followTheRequest()
{
    QFETCH(bool, tls);
    QFETCH(QByteArray, host);
    QFETCH(QString, authority);
    const QByteArray portText = QByteArray::number(port());
    if (!host.isNull()) {
        host.replace("PORT", portText);
    }
    authority.replace(q("PORT"), QString::fromLatin1(portText));
    const QString http = (tls ? q("https://") : q("http://")) + authority;
    const QString ws = (tls ? q("wss://") : q("ws://")) + authority;
    const QPair<QString, QString> session{q("SessionId"), m_session};

    const Answer got = call(tls, host, "GetSession", {session});
    QCOMPARE(got.status, 200);
    const QString resourceUrl = got.data("ResourceUrl");
    QVERIFY2(resourceUrl.startsWith(http + q("/sessions/") + m_session + q("/?authcode=")), qPrintable(resourceUrl));
    QCOMPARE(got.data("WsUrl"), ws + q("/ws/") + m_session);

    const Answer info = call(tls, host, "GetMcpResource", {session});
    QCOMPARE(info.status, 200);
    QCOMPARE(info.data("ResourceUrl"), resourceUrl);

    // GetLink: the default link (the session's page), a port over https, and over wss.
    const Answer defaultLink = call(tls, host, "GetLink", {session});
    QCOMPARE(defaultLink.status, 200);
    QCOMPARE(defaultLink.data("Url"), resourceUrl);
    const QString code = resourceUrl.mid(resourceUrl.indexOf(u'=') + 1);
    const QString portPath = q("/sessions/") + m_session + q("/ports/30150/?authcode=") + code;
    const Answer httpsLink =
        call(tls, host, "GetLink", {session, {q("Port"), q("30150")}, {q("ProtocolType"), q("https")}});
    QCOMPARE(httpsLink.status, 200);
    QCOMPARE(httpsLink.data("Url"), http + portPath);
    const Answer wssLink =
        call(tls, host, "GetLink", {session, {q("Port"), q("30150")}, {q("ProtocolType"), q("wss")}});
    QCOMPARE(wssLink.status, 200);
    QCOMPARE(wssLink.data("Url"), ws + portPath);
}

void tst_HttpApiUrls::create_urlsFollowTheScheme_andThePageIsServedThere_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

void tst_HttpApiUrls::create_urlsFollowTheScheme_andThePageIsServedThere()
{
    QFETCH(bool, tls);
    const Answer created = call(tls, "127.0.0.1:" + QByteArray::number(port()), "CreateMcpSession", {});
    QCOMPARE(created.status, 200);
    const QString id = created.data("SessionId");
    QVERIFY(!id.isEmpty());
    const QUrl resourceUrl(created.data("ResourceUrl"));
    QCOMPARE(resourceUrl.scheme(), tls ? q("https") : q("http"));
    const QUrl wsUrl(created.data("WsUrl"));
    QCOMPARE(wsUrl.scheme(), tls ? q("wss") : q("ws"));
    QCOMPARE(wsUrl.port(), int(port()));
    QCOMPARE(wsUrl.path(), q("/ws/") + id);

    // The page is there, over the transport its URL names.
    QCOMPARE(resourceUrl.host(), q("127.0.0.1"));
    QCOMPARE(resourceUrl.port(), int(port()));
    const Answer page = exchange(resourceUrl.scheme() == u"https",
        "GET " + resourceUrl.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
            + " HTTP/1.1\r\nHost: " + resourceUrl.authority().toUtf8() + "\r\nConnection: close\r\n\r\n");
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains(id.toUtf8()));

    QCOMPARE(
        call(tls, "127.0.0.1:" + QByteArray::number(port()), "DeleteSessionAsync", {{q("SessionId"), id}}).status, 200);
}

QTEST_GUILESS_MAIN(tst_HttpApiUrls)
#include "tst_httpapiurls.moc"
