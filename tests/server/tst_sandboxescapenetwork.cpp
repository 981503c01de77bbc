// SPDX-License-Identifier: MIT
// Tries, from inside a session, to reach what is not its own on the network: the host's
// loopback services, the host's abstract unix sockets, another session's ports.
#include "sandboxescapesupport.h"

#include <QLocalServer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using AgentBay::Server::SessionNetwork;
using AgentBay::Server::SessionSandbox;
using namespace AgentBay::Test;

namespace {

// Python run inside: connect to a TCP or abstract unix address and say what happened.
QString connectScript(const QString &target)
{
    return QStringLiteral("python3 -I -c \"import socket,sys\n"
                          "t=sys.argv[1]\n"
                          "try:\n"
                          "  if t.startswith('@'):\n"
                          "    s=socket.socket(socket.AF_UNIX); s.settimeout(3); s.connect('\\0'+t[1:])\n"
                          "  else:\n"
                          "    h,p=t.rsplit(':',1); s=socket.create_connection((h,int(p)),timeout=3)\n"
                          "  print('CONNECTED', s.recv(64).decode(errors='replace'))\n"
                          "except Exception as e:\n"
                          "  print('REFUSED', type(e).__name__)\n\" '%1'")
        .arg(target);
}

// A server inside the session on 127.0.0.1:port that greets each client with text.
QString serveScript(int port, const QString &text)
{
    return QStringLiteral("nohup python3 -I -c \"import socket\n"
                          "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                          "s.bind(('127.0.0.1',%1)); s.listen(8); print('LISTENING', flush=True)\n"
                          "while True:\n"
                          "  c,_=s.accept(); c.sendall(b'%2'); c.close()\n\" > serve.log 2>&1 &\n"
                          "for i in $(seq 100); do grep -q . serve.log && break; sleep 0.05; done; cat serve.log")
        .arg(port)
        .arg(text);
}

} // namespace

class tst_SandboxEscapeNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase()
    {
        QString reason;
        if (!SessionSandbox::bubblewrapAvailable(&reason)) {
            QSKIP(qPrintable(QStringLiteral("no sandbox on this machine, nothing to attack: ") + reason));
        }
    }

    void twoSessions_eachServeTheSamePort_andReachOnlyTheirOwn()
    {
        QTemporaryDir dir;
        auto a = startEscapeSandbox(dir, QStringLiteral("a"));
        auto b = startEscapeSandbox(dir, QStringLiteral("b"));
        QVERIFY(a && b);
        const auto servedA = runInSession(*a, serveScript(30150, QStringLiteral("session-a")));
        const auto servedB = runInSession(*b, serveScript(30150, QStringLiteral("session-b")));
        QVERIFY(servedA && servedB);
        QVERIFY2(servedA->stdOut.contains("LISTENING"), servedA->stdOut.constData());
        QVERIFY2(servedB->stdOut.contains("LISTENING"), servedB->stdOut.constData());
        const auto fromA = runInSession(*a, connectScript(QStringLiteral("127.0.0.1:30150")));
        const auto fromB = runInSession(*b, connectScript(QStringLiteral("127.0.0.1:30150")));
        QVERIFY(fromA && fromB);
        QCOMPARE(fromA->stdOut.trimmed(), QByteArray("CONNECTED session-a"));
        QCOMPARE(fromB->stdOut.trimmed(), QByteArray("CONNECTED session-b"));
    }

    void hostLoopbackService_isUnreachable()
    {
        QTcpServer host;
        QVERIFY(host.listen(QHostAddress::LocalHost));
        const QString port = QString::number(host.serverPort());
        QTemporaryDir dir;
        auto sandbox = startEscapeSandbox(dir, QStringLiteral("ws"));
        QVERIFY(sandbox);
        // The host's loopback by its own name, and through slirp's gateway (which would
        // forward to the host's 127.0.0.1 without --disable-host-loopback).
        for (const QString &target :
            QStringList{QStringLiteral("127.0.0.1:") + port, QStringLiteral("10.0.2.2:") + port}) {
            const auto r = runInSession(*sandbox, connectScript(target));
            QVERIFY(r && r->error.isEmpty());
            QVERIFY2(r->stdOut.startsWith("REFUSED"), qPrintable(target + u' ' + QString::fromUtf8(r->stdOut)));
        }
        QVERIFY(!host.hasPendingConnections());
    }

    void hostAbstractUnixSocket_cannotBeConnected()
    {
        const QByteArray name = "agentbay-escape-" + QByteArray::number(::getpid());
        const int listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(listener >= 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path + 1, name.constData(), size_t(name.size()));
        const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + size_t(name.size()));
        QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&address), length) == 0);
        QVERIFY(::listen(listener, 4) == 0);
        // The same connection from the test itself works: the socket is there to be found.
        const int probe = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(::connect(probe, reinterpret_cast<sockaddr *>(&address), length) == 0);
        ::close(probe);

        QTemporaryDir dir;
        auto sandbox = startEscapeSandbox(dir, QStringLiteral("ws"));
        QVERIFY(sandbox);
        const auto r = runInSession(*sandbox, connectScript(u'@' + QString::fromLatin1(name)));
        ::close(listener);
        QVERIFY(r && r->error.isEmpty());
        QVERIFY2(r->stdOut.startsWith("REFUSED"), r->stdOut.constData());
    }

    void userMode_hasItsTapDevice_noneModeOnlyLoopback()
    {
        QTemporaryDir dir;
        const QString interfaces =
            QStringLiteral("python3 -I -c \"import socket; print(sorted(n for _, n in socket.if_nameindex()))\"");
        auto none = startEscapeSandbox(dir, QStringLiteral("none"), SessionNetwork::Mode::None);
        QVERIFY(none);
        const auto r = runInSession(*none, interfaces);
        QVERIFY(r && r->error.isEmpty());
        QCOMPARE(r->stdOut.trimmed(), QByteArray("['lo']"));
        QCOMPARE(none->describe().value(QStringLiteral("network"))[QStringLiteral("mode")].toString(),
            QStringLiteral("none"));

        QString reason;
        if (!SessionNetwork::userModeAvailable(&reason)) {
            QSKIP(qPrintable(QStringLiteral("user-mode networking cannot run here: ") + reason));
        }
        auto user = startEscapeSandbox(dir, QStringLiteral("user"), SessionNetwork::Mode::User);
        QVERIFY(user);
        const auto u = runInSession(*user, interfaces + QStringLiteral("; grep nameserver /etc/resolv.conf"));
        QVERIFY(u && u->error.isEmpty());
        QVERIFY2(u->stdOut.startsWith("['lo', 'tap0']\nnameserver 10.0.2.3"), u->stdOut.constData());
        const QJsonObject network = user->describe().value(QStringLiteral("network")).toObject();
        QCOMPARE(network.value(QStringLiteral("mode")).toString(), QStringLiteral("user"));
        QCOMPARE(network.value(QStringLiteral("up")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxEscapeNetwork)
#include "tst_sandboxescapenetwork.moc"
