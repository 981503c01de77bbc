// SPDX-License-Identifier: MIT
// Port links as an attacker would try them against a real agentbay-local: each session's
// services are reached only through its own link, inside its own network namespace; the
// server's secrets never reach a service; a service's cookies stay inside its link; answers
// stream with bounded memory; WebSocket upgrades go through.

#include "portlinksupport.h"

#include <support/localserver.h>

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <algorithm>

using AgentBay::Test::LocalServer;
using AgentBay::Test::RawAnswer;
using AgentBay::Test::RawApi;
using namespace Qt::Literals::StringLiterals;

namespace {

// A small service for inside a session: records each request head in /tmp/req-PORT.txt and
// answers "service TAG" with two cookies meant for the whole origin; mode ws: a WebSocket
// handshake then an echo of every byte; mode big: TAG bytes of body.
const char serviceScript[] = R"PY(import base64, hashlib, socketserver, sys
port, mode, tag = int(sys.argv[1]), sys.argv[2], sys.argv[3]
class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        s, data = self.request, b''
        while b'\r\n\r\n' not in data:
            chunk = s.recv(65536)
            if not chunk:
                return
            data += chunk
        head = data.split(b'\r\n\r\n')[0]
        with open('/tmp/req-%d.txt' % port, 'wb') as f:
            f.write(head)
        if mode == 'ws':
            key = [l.split(b':', 1)[1].strip() for l in head.split(b'\r\n') if l.lower().startswith(b'sec-websocket-key:')][0]
            accept = base64.b64encode(hashlib.sha1(key + b'258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest())
            s.sendall(b'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ' + accept + b'\r\n\r\n')
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    return
                s.sendall(chunk)
        if mode == 'big':
            total, sent, block = int(tag), 0, b'x' * (1 << 20)
            s.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % total)
            while sent < total:
                n = min(len(block), total - sent)
                s.sendall(block[:n])
                sent += n
            return
        body = ('service ' + tag).encode()
        s.sendall(b'HTTP/1.1 200 OK\r\nSet-Cookie: escape=1; Path=/\r\nSet-Cookie: nopath=2\r\nContent-Length: %d\r\n\r\n' % len(body) + body)
socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer(('127.0.0.1', port), Handler).serve_forever()
)PY";

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

// Starts the service script in session on port.
bool startService(RawApi &api, const QString &session, int port, const QString &mode, const QString &tag)
{
    const QString script = QString::fromLatin1(QByteArray(serviceScript).toBase64());
    AgentBay::Test::sessionShell(api, session, u"echo %1 | base64 -d > /tmp/svc.py"_s.arg(script));
    return AgentBay::Test::startSessionService(
        api, session, port, u"python3 /tmp/svc.py %1 %2 %3"_s.arg(port).arg(mode, tag));
}

// One HTTP/1.1 exchange on a fresh connection: the whole answer, read until the server closes.
QByteArray exchange(quint16 serverPort, const QByteArray &request, int timeoutMs = 30000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, serverPort);
    if (!socket.waitForConnected(10000)) {
        return {};
    }
    socket.write(request);
    QByteArray got;
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
        got += socket.readAll();
    });
    if (socket.state() != QAbstractSocket::UnconnectedState) {
        [[maybe_unused]] const bool ended = closed.wait(timeoutMs);
    }
    return got + socket.readAll();
}

QList<QByteArray> headerValues(const QByteArray &answer, const QByteArray &lowerName)
{
    QList<QByteArray> values;
    for (const QByteArray &line : answer.left(answer.indexOf("\r\n\r\n")).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName) {
            values.append(line.mid(colon + 1).trimmed());
        }
    }
    return values;
}

// agentbay-local's own process: the one whose command line names this data directory.
qint64 serverResidentKb(const QString &dataDir)
{
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
        if (!cmdline.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QList<QByteArray> args = cmdline.readAll().split('\0');
        if (!args.contains(dataDir.toUtf8()) || !args.first().endsWith("agentbay-local")) {
            continue;
        }
        QFile status(u"/proc/"_s + pid + u"/status"_s);
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("VmRSS:")) {
                    return line.mid(6).trimmed().split(' ').first().toLongLong();
                }
            }
        }
    }
    return -1;
}

} // namespace

class tst_PortLinkSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void link_anotherSessionsService_isNeverReached();
    void link_forwardedRequest_carriesNoAuthorizationNorServerCookie();
    void link_setCookieForTheWholeOrigin_isConfinedToTheLink();
    void link_webSocketEcho_worksThroughTheLink();
    void link_largeAnswer_keepsServerMemoryBounded();
    void link_overTls_streamsAndUpgrades();

private:
    // GET path (from the server's root) with extra header lines; the raw answer.
    QByteArray get(const QByteArray &path, const QByteArray &headers = {});
    QByteArray linkPath(const QString &session, int port, bool withCode = true);
    QString authCode(const QString &session);

    LocalServer m_server;
    std::unique_ptr<RawApi> m_api;
    QString m_a;
    QString m_b;
};

void tst_PortLinkSession::initTestCase()
{
#if defined(__SANITIZE_ADDRESS__)
    // ASan keeps freed blocks in a quarantine (256 MB by default), so a server streaming
    // through buffers grows its RSS by up to that much while its live memory stays put. The
    // server inherits a tiny quarantine here, so that the RSS bounds below measure what it holds.
    const QByteArray asan = qgetenv("ASAN_OPTIONS");
    qputenv(
        "ASAN_OPTIONS", asan + (asan.isEmpty() ? "" : ":") + "quarantine_size_mb=1:thread_local_quarantine_size_kb=64");
#endif
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    m_api = std::make_unique<RawApi>(m_server.url(), m_server.apiKey());
    m_a = m_api->createSession();
    m_b = m_api->createSession();
    QVERIFY(!m_a.isEmpty() && !m_b.isEmpty());
}

QByteArray tst_PortLinkSession::get(const QByteArray &path, const QByteArray &headers)
{
    const quint16 port = quint16(QUrl(m_server.url()).port());
    // The server's own answers (403, 502) would keep the connection open otherwise.
    return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n");
}

QString tst_PortLinkSession::authCode(const QString &session)
{
    const RawAnswer answer = m_api->call(q("GetMcpResource"), {{q("SessionId"), session}});
    return answer.json.value(q("Data")).toObject().value(q("DesktopInfo")).toObject().value(q("AuthCode")).toString();
}

QByteArray tst_PortLinkSession::linkPath(const QString &session, int port, bool withCode)
{
    const RawAnswer link = m_api->call(
        q("GetLink"), {{q("SessionId"), session}, {q("Port"), QString::number(port)}, {q("ProtocolType"), q("https")}});
    const QUrl url(link.json.value(q("Data")).toObject().value(q("Url")).toString());
    return withCode ? url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) : url.path().toUtf8();
}

void tst_PortLinkSession::link_anotherSessionsService_isNeverReached()
{
    QVERIFY(startService(*m_api, m_a, 30150, q("plain"), q("of-A")));
    const QByteArray fromA = get(linkPath(m_a, 30150));
    QVERIFY2(fromA.startsWith("HTTP/1.1 200 "), fromA.constData());
    QVERIFY(fromA.endsWith("service of-A"));

    // B's link for the same port: B has nothing there, and A's service is not B's.
    const QByteArray fromB = get(linkPath(m_b, 30150));
    QVERIFY2(fromB.startsWith("HTTP/1.1 502 "), fromB.constData());
    QVERIFY(!fromB.contains("of-A"));

    // Both sessions can serve the same port, each reached through its own link.
    QVERIFY(startService(*m_api, m_b, 30150, q("plain"), q("of-B")));
    QVERIFY(get(linkPath(m_b, 30150)).endsWith("service of-B"));
    QVERIFY(get(linkPath(m_a, 30150)).endsWith("service of-A"));
    // A's auth code opens no link of B's.
    const QByteArray crossed = get(linkPath(m_b, 30150, false) + "?authcode=" + authCode(m_a).toUtf8());
    QVERIFY2(crossed.startsWith("HTTP/1.1 403 "), crossed.constData());
}

void tst_PortLinkSession::link_forwardedRequest_carriesNoAuthorizationNorServerCookie()
{
    QVERIFY(startService(*m_api, m_a, 30160, q("plain"), q("recorder")));
    const QByteArray code = authCode(m_a).toUtf8();
    QVERIFY(!code.isEmpty());
    const QByteArray cookieName = "agentbay_auth_" + m_a.toUtf8().replace('-', '_');
    // Opened with the cookie the link sets, as a browser does on its second visit.
    const QByteArray answer = get(linkPath(m_a, 30160, false) + "page",
        "Authorization: " + m_api->authorization().toUtf8() + "\r\nCookie: " + cookieName + '=' + code
            + "; theme=dark\r\nProxy-Authorization: Basic c2VjcmV0\r\n");
    QVERIFY2(answer.endsWith("service recorder"), answer.constData());
    const QString seen = AgentBay::Test::sessionShell(*m_api, m_a, q("cat /tmp/req-30160.txt"));
    QVERIFY2(seen.startsWith(u"GET /page HTTP/1.1"), qPrintable(seen));
    QVERIFY2(!seen.contains(m_server.apiKey()), qPrintable(seen));
    QVERIFY(!seen.contains(QString::fromUtf8(code)));
    QVERIFY(!seen.contains(u"agentbay_auth", Qt::CaseInsensitive));
    QVERIFY(!seen.contains(u"authorization", Qt::CaseInsensitive));
    QVERIFY(seen.contains(u"Cookie: theme=dark"));
}

void tst_PortLinkSession::link_setCookieForTheWholeOrigin_isConfinedToTheLink()
{
    QVERIFY(startService(*m_api, m_a, 30161, q("plain"), q("cookies")));
    const QByteArray answer = get(linkPath(m_a, 30161));
    QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
    const QByteArray inside = linkPath(m_a, 30161, false); // ends with '/'
    const QList<QByteArray> cookies = headerValues(answer, "set-cookie");
    QVERIFY(cookies.contains("escape=1; Path=" + inside));
    // Over plain http the server's own cookie is not Secure (a browser would drop it).
    const QByteArray own = "agentbay_auth_" + m_a.toUtf8().replace('-', '_') + '=';
    QVERIFY(std::any_of(cookies.cbegin(), cookies.cend(), [&own](const QByteArray &cookie) {
        return cookie.startsWith(own) && cookie.endsWith("SameSite=Strict");
    }));
    QVERIFY(cookies.contains("nopath=2; Path=" + inside));
    for (const QByteArray &cookie : cookies) {
        // Only the server's own cookie (for the session's paths) and the confined ones.
        const QByteArray path = cookie.mid(cookie.indexOf("Path=") + 5).split(';').first();
        QVERIFY2(path.startsWith(QByteArray("/sessions/" + m_a.toUtf8() + '/')), cookie.constData());
        if (cookie.startsWith("escape") || cookie.startsWith("nopath")) {
            QVERIFY2(path.startsWith(inside), cookie.constData());
        }
    }
}

void tst_PortLinkSession::link_webSocketEcho_worksThroughTheLink()
{
    QVERIFY(startService(*m_api, m_a, 30170, q("ws"), q("-")));
    const RawAnswer link =
        m_api->call(q("GetLink"), {{q("SessionId"), m_a}, {q("Port"), q("30170")}, {q("ProtocolType"), q("wss")}});
    const QUrl url(link.json.value(q("Data")).toObject().value(q("Url")).toString());
    QCOMPARE(url.scheme(), q("ws"));
    QCOMPARE(url.port(), QUrl(m_server.url()).port());

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    QVERIFY(socket.waitForConnected(10000));
    const QByteArray key = "dGhlIHNhbXBsZSBub25jZQ==";
    socket.write("GET " + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
        + key + "\r\n\r\n");
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += socket.readAll()).contains("\r\n\r\n"), 10000);
    QVERIFY2(got.startsWith("HTTP/1.1 101 "), got.constData());
    const QByteArray accept =
        QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"), QCryptographicHash::Sha1)
            .toBase64();
    QCOMPARE(headerValues(got, "sec-websocket-accept").value(0), accept);
    got = got.mid(got.indexOf("\r\n\r\n") + 4);
    // A masked text frame "hello"; the echo service sends the same bytes back.
    const QByteArray frame = QByteArray::fromHex("818537fa213d7f9f4d5158");
    socket.write(frame);
    QTRY_COMPARE_WITH_TIMEOUT(got += socket.readAll(), frame, 10000);
}

void tst_PortLinkSession::link_largeAnswer_keepsServerMemoryBounded()
{
    constexpr qint64 total = 200LL * 1024 * 1024;
    QVERIFY(startService(*m_api, m_a, 30180, q("big"), QString::number(total)));
    const qint64 before = serverResidentKb(m_server.dataDir());
    QVERIFY(before > 0);
    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024);
    socket.connectToHost(QHostAddress::LocalHost, quint16(QUrl(m_server.url()).port()));
    QVERIFY(socket.waitForConnected(10000));
    socket.write("GET " + linkPath(m_a, 30180) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    qint64 received = 0;
    qint64 peak = before;
    int reads = 0;
    connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
        received += socket.readAll().size();
        if (++reads % 64 == 0) {
            peak = qMax(peak, serverResidentKb(m_server.dataDir()));
        }
    });
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    // 200 MiB over loopback takes seconds; 180 s bounds a loaded two-core machine.
    QVERIFY(closed.wait(180000));
    received += socket.readAll().size();
    QVERIFY2(received > total, QByteArray::number(received).constData());
    qInfo() << "server RSS before" << before << "KiB, peak" << peak << "KiB while relaying" << total << "bytes";
    QVERIFY2(peak - before < 24 * 1024, QByteArray::number(peak - before).constData());
}

void tst_PortLinkSession::link_overTls_streamsAndUpgrades()
{
    // The same port speaks TLS (its own CA in DATA/tls/ca.pem): a link over https streams a
    // large answer with the server's memory bounded, and a wss link upgrades.
    constexpr qint64 total = 64LL * 1024 * 1024;
    QVERIFY(startService(*m_api, m_a, 30181, q("big"), QString::number(total)));
    QVERIFY(startService(*m_api, m_a, 30171, q("ws"), q("-")));
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_server.dataDir() + q("/tls/ca.pem"));
    QCOMPARE(ca.size(), 1);
    auto open = [this, &ca](QSslSocket &socket) {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(ca);
        socket.setSslConfiguration(configuration);
        socket.setReadBufferSize(64 * 1024);
        socket.connectToHostEncrypted(q("127.0.0.1"), quint16(QUrl(m_server.url()).port()));
        return socket.waitForEncrypted(10000);
    };

    // The link's cookie, set over TLS, is Secure (over plain http it is not: see above).
    QVERIFY(startService(*m_api, m_a, 30162, q("plain"), q("tls")));
    QSslSocket page;
    QVERIFY2(open(page), qPrintable(page.errorString()));
    page.write("GET " + linkPath(m_a, 30162) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray pageAnswer;
    QTRY_VERIFY_WITH_TIMEOUT((pageAnswer += page.readAll()).endsWith("service tls"), 10000);
    const QByteArray cookieName = "agentbay_auth_" + m_a.toUtf8().replace('-', '_') + '=';
    const QList<QByteArray> pageCookies = headerValues(pageAnswer, "set-cookie");
    const auto own = std::find_if(pageCookies.cbegin(), pageCookies.cend(), [&cookieName](const QByteArray &cookie) {
        return cookie.startsWith(cookieName);
    });
    QVERIFY2(own != pageCookies.cend(), pageAnswer.constData());
    QVERIFY2(own->endsWith("SameSite=Strict; Secure"), own->constData());

    QSslSocket big;
    QVERIFY2(open(big), qPrintable(big.errorString()));
    const qint64 before = serverResidentKb(m_server.dataDir());
    big.write("GET " + linkPath(m_a, 30181) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    qint64 received = 0;
    qint64 peak = before;
    int reads = 0;
    connect(&big, &QTcpSocket::readyRead, &big, [&] {
        received += big.readAll().size();
        if (++reads % 64 == 0) {
            peak = qMax(peak, serverResidentKb(m_server.dataDir()));
        }
    });
    QSignalSpy closed(&big, &QTcpSocket::disconnected);
    // Encrypting 64 MiB twice takes seconds; 180 s bounds a loaded two-core machine.
    QVERIFY(closed.wait(180000));
    received += big.readAll().size();
    QVERIFY2(received > total, QByteArray::number(received).constData());
    qInfo() << "over TLS: server RSS before" << before << "KiB, peak" << peak << "KiB";
    QVERIFY2(peak - before < 24 * 1024, QByteArray::number(peak - before).constData());

    const RawAnswer link =
        m_api->call(q("GetLink"), {{q("SessionId"), m_a}, {q("Port"), q("30171")}, {q("ProtocolType"), q("wss")}});
    const QUrl url(link.json.value(q("Data")).toObject().value(q("Url")).toString());
    QSslSocket ws;
    QVERIFY2(open(ws), qPrintable(ws.errorString()));
    ws.write("GET " + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += ws.readAll()).contains("\r\n\r\n"), 10000);
    QVERIFY2(got.startsWith("HTTP/1.1 101 "), got.constData());
    got = got.mid(got.indexOf("\r\n\r\n") + 4);
    const QByteArray frame = QByteArray::fromHex("818537fa213d7f9f4d5158");
    ws.write(frame);
    QTRY_COMPARE_WITH_TIMEOUT(got += ws.readAll(), frame, 10000);
}

QTEST_GUILESS_MAIN(tst_PortLinkSession)
#include "tst_portlinksession.moc"
