// SPDX-License-Identifier: MIT
// The terminal channel of agentbay-local (docs/TERMINAL.md), through the core client the app
// uses: a real server, a real session, a real shell on a pty inside its sandbox.
#include "rawapi.h"

#include <core/terminal/terminalchannel.h>

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <tests/support/localserver.h>

using namespace AgentBay;
using namespace AgentBay::Test;

namespace {

QString q(const char *text)
{
    return QString::fromLatin1(text);
}

// Everything one terminal printed, collected from the channel.
struct Terminal
{
    Core::TerminalChannel *channel = nullptr;
    QString id;
    QByteArray output;
    int exitCode = -2;

    bool sawSince(qsizetype from, const QByteArray &text) const { return output.indexOf(text, from) >= 0; }
};

// A masked client text frame (RFC 6455), for the raw-socket tests.
QByteArray textFrame(const QByteArray &payload)
{
    QByteArray out("\x81", 1);
    if (payload.size() < 126) {
        out.append(char(0x80 | payload.size()));
    } else {
        out.append(char(0x80 | 126));
        out.append(char(payload.size() >> 8));
        out.append(char(payload.size() & 0xFF));
    }
    out.append(QByteArray(4, '\0')); // a zero mask leaves the payload as it is
    return out + payload;
}

// Resident memory of a process in KiB (Linux).
qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

} // namespace

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AGENTBAY_HAS_ASAN 1
#endif
#endif
#ifndef AGENTBAY_HAS_ASAN
#define AGENTBAY_HAS_ASAN 0
#endif

class tst_Terminal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void echo_printsItsOutput();
    void resize_isWhatSttySizeReports();
    void fullScreenProgram_runsAndExits();
    void pause_freezesOutputAndResumeContinues();
    void ctrlC_interruptsTheProgram();
    void deletingTheSession_closesItsTerminals();
    void wrongToken_isRefused();
    void severalTerminals_areSeparate();
    void endlessOutput_toAClientThatDoesNotRead_staysBounded();
    void overTls_theChannelWorksToo();
    void typing_keepsTheSessionFromIdleRelease();

private:
    struct Channel
    {
        std::unique_ptr<Core::TerminalChannel> channel;
        QString sessionId;
    };

    Channel openChannel();
    std::unique_ptr<Terminal> createTerminal(Core::TerminalChannel *channel, int cols = 80, int rows = 24);
    QString sessionData(const QString &sessionId, const char *field);

    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<RawApi> m_api;
};

void tst_Terminal::initTestCase()
{
#if defined(__SANITIZE_ADDRESS__) || AGENTBAY_HAS_ASAN
    // ASan keeps freed blocks in a quarantine (256 MB by default), so a server that churns
    // through buffers grows its RSS by up to that much while its live memory stays put. The
    // server inherits a tiny quarantine here, so that the RSS bound of
    // endlessOutput_toAClientThatDoesNotRead_staysBounded still measures what it holds.
    QByteArray asan = qgetenv("ASAN_OPTIONS");
    qputenv(
        "ASAN_OPTIONS", asan + (asan.isEmpty() ? "" : ":") + "quarantine_size_mb=1:thread_local_quarantine_size_kb=64");
#endif
    m_server = std::make_unique<LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    m_api = std::make_unique<RawApi>(m_server->url(), m_server->apiKey());
}

void tst_Terminal::cleanupTestCase()
{
    m_api.reset();
    m_server.reset();
}

QString tst_Terminal::sessionData(const QString &sessionId, const char *field)
{
    const RawAnswer answer = m_api->call(q("GetSession"), {{q("SessionId"), sessionId}});
    return answer.json.value(u"Data").toObject().value(QLatin1String(field)).toString();
}

tst_Terminal::Channel tst_Terminal::openChannel()
{
    Channel result;
    result.sessionId = m_api->createSession();
    if (result.sessionId.isEmpty()) {
        return result;
    }
    result.channel = std::make_unique<Core::TerminalChannel>();
    QSignalSpy opened(result.channel.get(), &Core::TerminalChannel::opened);
    result.channel->open(QUrl(sessionData(result.sessionId, "WsUrl")), sessionData(result.sessionId, "Token"));
    opened.wait(10000);
    return result;
}

std::unique_ptr<Terminal> tst_Terminal::createTerminal(Core::TerminalChannel *channel, int cols, int rows)
{
    auto terminal = std::make_unique<Terminal>();
    terminal->channel = channel;
    Terminal *raw = terminal.get();
    QObject::connect(
        channel, &Core::TerminalChannel::output, channel, [raw](const QString &id, const QByteArray &bytes) {
            if (id == raw->id) {
                raw->output += bytes;
            }
        });
    QObject::connect(channel, &Core::TerminalChannel::exited, channel, [raw](const QString &id, int code) {
        if (id == raw->id) {
            raw->exitCode = code;
        }
    });
    QSignalSpy created(channel, &Core::TerminalChannel::created);
    const QString request = channel->createTerminal(cols, rows);
    // The shell starts inside the sandbox: quick, but bounded generously for a loaded machine.
    if (!created.wait(15000) || created.first().at(0).toString() != request
        || !created.first().at(2).toString().isEmpty()) {
        qWarning() << "pty.create failed:" << (created.isEmpty() ? QString() : created.first().at(2).toString());
        return nullptr;
    }
    raw->id = created.first().at(1).toString();
    return terminal;
}

void tst_Terminal::echo_printsItsOutput()
{
    Channel channel = openChannel();
    QVERIFY(channel.channel && channel.channel->isOpen());
    QVERIFY(!sessionData(channel.sessionId, "Token").isEmpty());
    auto terminal = createTerminal(channel.channel.get());
    QVERIFY(terminal);
    // The marker is computed by the shell, so the echoed command line alone cannot match it.
    channel.channel->sendInput(terminal->id, "echo hello-$((6*7))\r");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(0, "hello-42"), 15000);
}

void tst_Terminal::resize_isWhatSttySizeReports()
{
    Channel channel = openChannel();
    QVERIFY(channel.channel && channel.channel->isOpen());
    auto terminal = createTerminal(channel.channel.get(), 80, 24);
    QVERIFY(terminal);
    channel.channel->sendInput(terminal->id, "stty size; echo size-$((1+1))\r");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(0, "size-2"), 15000);
    QVERIFY2(terminal->output.contains("24 80"), terminal->output.constData());

    channel.channel->resize(terminal->id, 117, 33);
    const qsizetype from = terminal->output.size();
    channel.channel->sendInput(terminal->id, "stty size; echo size-$((2+1))\r");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(from, "size-3"), 15000);
    QVERIFY2(terminal->output.indexOf("33 117", from) >= 0, terminal->output.mid(from).constData());
}

void tst_Terminal::fullScreenProgram_runsAndExits()
{
    Channel channel = openChannel();
    QVERIFY(channel.channel && channel.channel->isOpen());
    auto terminal = createTerminal(channel.channel.get(), 100, 30);
    QVERIFY(terminal);
    // top draws its whole screen (cursor addressing, clear, colours) until q.
    channel.channel->sendInput(terminal->id, "top -d 1; echo top-ended-$((3+4))\r");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(0, "load average"), 15000);
    channel.channel->sendInput(terminal->id, "q");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(0, "top-ended-7"), 15000);

    // vi switches to the alternate screen and back when it quits.
    const qsizetype beforeVi = terminal->output.size();
    channel.channel->sendInput(terminal->id, "vi notes.txt; echo vi-ended-$((4+4))\r");
    QTRY_VERIFY2_WITH_TIMEOUT(terminal->sawSince(beforeVi, "\x1b[?1049h"),
        terminal->output.mid(beforeVi).toPercentEncoding(" ").constData(),
        15000);
    channel.channel->sendInput(terminal->id, "ihello from vi\x1b:wq\r");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(beforeVi, "vi-ended-8"), 15000);
    QVERIFY(terminal->sawSince(beforeVi, "\x1b[?1049l"));
    channel.channel->sendInput(terminal->id, "cat notes.txt; echo cat-ended-$((4+5))\r");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(beforeVi, "cat-ended-9"), 15000);
    QVERIFY(terminal->sawSince(beforeVi, "hello from vi"));

    // The shell's own end is told with its code.
    channel.channel->sendInput(terminal->id, "exit 3\r");
    QTRY_COMPARE_WITH_TIMEOUT(terminal->exitCode, 3, 15000);
}

void tst_Terminal::pause_freezesOutputAndResumeContinues()
{
    Channel channel = openChannel();
    QVERIFY(channel.channel && channel.channel->isOpen());
    auto terminal = createTerminal(channel.channel.get());
    QVERIFY(terminal);
    channel.channel->sendInput(terminal->id, "i=0; while :; do i=$((i+1)); echo tick-$i.; sleep 0.05; done\r");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(0, "tick-5."), 15000);

    QCOMPARE(m_api->call(q("PauseSessionAsync"), {{q("SessionId"), channel.sessionId}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_api->status(channel.sessionId), q("PAUSED"), 15000);
    // Once PAUSED every process is frozen: what was printed before may still be on its way
    // through the socket, so the count is taken after one event-loop round trip to the server.
    m_api->status(channel.sessionId);
    QCoreApplication::processEvents();
    const qsizetype frozenAt = terminal->output.size();
    // An observation window: a loop printing every 50 ms would print ~10 lines in it.
    QTest::qWait(500);
    QCoreApplication::processEvents();
    QCOMPARE(terminal->output.size(), frozenAt);

    QCOMPARE(m_api->call(q("ResumeSessionAsync"), {{q("SessionId"), channel.sessionId}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_api->status(channel.sessionId), q("RUNNING"), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(terminal->output.count("tick-") > terminal->output.left(frozenAt).count("tick-") + 3,
        terminal->output.right(300).toPercentEncoding(" ").constData(),
        15000);
}

void tst_Terminal::ctrlC_interruptsTheProgram()
{
    Channel channel = openChannel();
    QVERIFY(channel.channel && channel.channel->isOpen());
    auto terminal = createTerminal(channel.channel.get());
    QVERIFY(terminal);
    channel.channel->sendInput(terminal->id, "echo sleeping-$((2*3)); sleep 1000; echo not-$((1+1))-reached\r");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(0, "sleeping-6"), 15000);
    const qsizetype from = terminal->output.size();
    channel.channel->sendInput(terminal->id, QByteArray(1, '\x03'));
    channel.channel->sendInput(terminal->id, "echo interrupted-$((3*3))\r");
    QTRY_VERIFY2_WITH_TIMEOUT(terminal->sawSince(from, "interrupted-9"),
        terminal->output.mid(from).toPercentEncoding(" ").constData(),
        15000);
    QVERIFY(!terminal->output.contains("not-2-reached"));
}

void tst_Terminal::deletingTheSession_closesItsTerminals()
{
    Channel channel = openChannel();
    QVERIFY(channel.channel && channel.channel->isOpen());
    auto terminal = createTerminal(channel.channel.get());
    QVERIFY(terminal);
    QSignalSpy closed(channel.channel.get(), &Core::TerminalChannel::closed);
    QCOMPARE(m_api->call(q("DeleteSessionAsync"), {{q("SessionId"), channel.sessionId}}).status, 200);
    // Deletion runs in the background; the channel closes once the session is gone.
    QTRY_VERIFY_WITH_TIMEOUT(m_api->status(channel.sessionId).contains(q("NotFound")), 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(!closed.isEmpty(), m_server->log().right(2000).constData(), 15000);
    QVERIFY(!channel.channel->isOpen());
}

void tst_Terminal::wrongToken_isRefused()
{
    const QString sessionId = m_api->createSession();
    QVERIFY(!sessionId.isEmpty());
    const QUrl url(sessionData(sessionId, "WsUrl"));
    const QString token = sessionData(sessionId, "Token");
    // Another session's token opens nothing here either.
    const QString otherToken = sessionData(m_api->createSession(), "Token");
    QVERIFY(!otherToken.isEmpty() && otherToken != token);

    for (const QString &given : {QString(), q("wrong"), otherToken, token.left(token.size() - 1)}) {
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(socket.waitForConnected(5000));
        QByteArray request = "GET " + url.path().toUtf8()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        if (!given.isEmpty()) {
            request += "X-Access-Token: " + given.toUtf8() + "\r\n";
        }
        socket.write(request + "\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(
            socket.bytesAvailable() > 12 || socket.state() != QAbstractSocket::ConnectedState, 10000);
        const QByteArray answer = socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
    }

    // And through the client: it never opens.
    Core::TerminalChannel channel;
    QSignalSpy opened(&channel, &Core::TerminalChannel::opened);
    QSignalSpy closed(&channel, &Core::TerminalChannel::closed);
    channel.open(url, q("not-the-token"));
    QVERIFY(closed.wait(10000));
    QCOMPARE(opened.size(), 0);
}

void tst_Terminal::severalTerminals_areSeparate()
{
    Channel channel = openChannel();
    QVERIFY(channel.channel && channel.channel->isOpen());
    auto first = createTerminal(channel.channel.get());
    auto second = createTerminal(channel.channel.get());
    QVERIFY(first && second);
    QVERIFY(first->id != second->id);
    channel.channel->sendInput(first->id, "echo first-$((10+1))\r");
    channel.channel->sendInput(second->id, "echo second-$((10+2))\r");
    QTRY_VERIFY_WITH_TIMEOUT(first->sawSince(0, "first-11") && second->sawSince(0, "second-12"), 15000);
    QVERIFY(!first->output.contains("second-12"));
    QVERIFY(!second->output.contains("first-11"));

    QSignalSpy answered(channel.channel.get(), &Core::TerminalChannel::answered);
    const QString kill = channel.channel->killTerminal(first->id);
    QVERIFY(answered.wait(10000));
    QCOMPARE(answered.first().at(0).toString(), kill);
    QCOMPARE(answered.first().at(1).toString(), QString());
    // The other one goes on.
    channel.channel->sendInput(second->id, "echo still-$((20+1))\r");
    QTRY_VERIFY_WITH_TIMEOUT(second->sawSince(0, "still-21"), 15000);
}

void tst_Terminal::endlessOutput_toAClientThatDoesNotRead_staysBounded()
{
    const QString sessionId = m_api->createSession();
    QVERIFY(!sessionId.isEmpty());
    const QUrl url(sessionData(sessionId, "WsUrl"));
    QFile serverJson(m_server->dataDir() + QStringLiteral("/server.json"));
    QVERIFY(serverJson.open(QIODevice::ReadOnly));
    const qint64 serverPid = QJsonDocument::fromJson(serverJson.readAll()).object().value(u"pid").toInteger();
    QVERIFY(residentKiB(serverPid) > 0);

    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024); // what the client has not read stays in the kernel
    socket.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET " + url.path().toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nX-Access-Token: "
        + sessionData(sessionId, "Token").toUtf8() + "\r\n\r\n");
    socket.write(
        textFrame(R"({"invocationId":"c1","target":"PTY_SERVER","data":{"method":"pty.create","params":{}}})"));
    QByteArray seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen += socket.readAll()).contains("pty-1"), 15000);
    QVERIFY(seen.startsWith("HTTP/1.1 101"));
    const QByteArray input = R"({"invocationId":"c2","target":"PTY_SERVER","data":{"method":"pty.input","params":)"
                             R"({"ptySessionId":"pty-1","data":"yes 0123456789abcdefghijklmnopqrstuvwxyz\r"}}})";
    socket.write(textFrame(input));
    QTRY_VERIFY_WITH_TIMEOUT((seen += socket.readAll()).contains("0123456789abcdefghijklmnopqrstuvwxyz\\r\\n"), 15000);

    // Now the client reads nothing: `yes` fills every buffer on the way and then blocks on
    // its pty. Unbounded, the server would hold what `yes` prints (tens of MB a second).
    const qint64 before = residentKiB(serverPid);
    QTest::qWait(3000); // an observation window: long enough for `yes` to print ~100 MB
    const qint64 after = residentKiB(serverPid);
    QVERIFY2(after - before < 24 * 1024, qPrintable(QStringLiteral("%1 KiB -> %2 KiB").arg(before).arg(after)));

    // Reading again, the output flows again on the same connection (a server that queued
    // instead of holding `yes` back would have dropped this client at its queue's cap).
    qint64 received = 0;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll().size()) > 4 * 1024 * 1024, 30000);
    // The server still answers everyone else.
    QCOMPARE(m_api->status(sessionId), q("RUNNING"));
}

void tst_Terminal::overTls_theChannelWorksToo()
{
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_server->dataDir() + q("/tls/ca.pem"));
    QCOMPARE(ca.size(), 1); // agentbay-local always makes its local CA
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(ca);
    // Asked over https, the server names its terminal channel with wss: used as given.
    QUrl overTls(m_server->url());
    overTls.setScheme(q("https"));
    RawApi api(overTls.toString(), m_server->apiKey());
    api.setSslConfiguration(tls);
    const QString sessionId = api.createSession();
    QVERIFY(!sessionId.isEmpty());
    const QJsonObject data = api.call(q("GetSession"), {{q("SessionId"), sessionId}}).json.value(u"Data").toObject();
    const QUrl url(data.value(u"WsUrl").toString());
    QCOMPARE(url.scheme(), q("wss"));
    QCOMPARE(url.port(), overTls.port());
    Core::TerminalChannel channel;
    channel.setSslConfiguration(tls);
    QSignalSpy opened(&channel, &Core::TerminalChannel::opened);
    channel.open(url, data.value(u"Token").toString());
    QVERIFY(opened.wait(10000));
    auto terminal = createTerminal(&channel);
    QVERIFY(terminal);
    channel.sendInput(terminal->id, "echo secure-$((8*8))\r");
    QTRY_VERIFY_WITH_TIMEOUT(terminal->sawSince(0, "secure-64"), 15000);
}

void tst_Terminal::typing_keepsTheSessionFromIdleRelease()
{
    // Released after 3 s without activity (Timeout in seconds, protocol-2026.md 1).
    const QString sessionId = m_api->createSession({{q("Timeout"), q("3")}});
    QVERIFY(!sessionId.isEmpty());
    Core::TerminalChannel channel;
    QSignalSpy opened(&channel, &Core::TerminalChannel::opened);
    channel.open(QUrl(sessionData(sessionId, "WsUrl")), sessionData(sessionId, "Token"));
    QVERIFY(opened.wait(10000));
    auto terminal = createTerminal(&channel);
    QVERIFY(terminal);
    // A key every 500 ms for 6 s: twice the idle timeout, and the session stays.
    for (int i = 0; i < 12; ++i) {
        channel.sendInput(terminal->id, "x");
        QTest::qWait(500);
    }
    QCOMPARE(m_api->status(sessionId), q("RUNNING"));
    // Left alone, it goes (the bound only ends a broken run on a loaded machine).
    QTRY_VERIFY_WITH_TIMEOUT(m_api->status(sessionId) != q("RUNNING"), 30000);
}

QTEST_GUILESS_MAIN(tst_Terminal)
#include "tst_terminal.moc"
