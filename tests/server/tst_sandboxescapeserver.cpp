// SPDX-License-Identifier: MIT
// The walls as a client of a real agentbay-local meets them: no session without a sandbox
// unless allowed (and then said everywhere), the network per session, the limits from the
// command line in the session's info, the server's own API out of a session's reach.
#include "rawapi.h"

#include <server/sandbox/sessionsandbox.h>
#include <support/localserver.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using AgentBay::Server::SessionSandbox;
using AgentBay::Test::Form;
using AgentBay::Test::LocalServer;
using AgentBay::Test::RawAnswer;
using AgentBay::Test::RawApi;

namespace {

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject data(const RawAnswer &answer)
{
    return answer.json.value(QStringLiteral("Data")).toObject();
}

QJsonObject connectionProperties(RawApi &api, const QString &session)
{
    const RawAnswer answer = api.call(q("GetMcpResource"), {{q("SessionId"), session}});
    const QString text = data(answer)[q("DesktopInfo")][q("ConnectionProperties")].toString();
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonObject serverJson(const LocalServer &server)
{
    QFile file(server.dataDir() + QStringLiteral("/server.json"));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

// The shell tool's stdout for command in session.
QString shell(RawApi &api, const QString &session, const QString &command)
{
    const RawAnswer answer = api.call(q("CallMcpTool"),
        {{q("SessionId"), session},
            {q("Name"), q("shell")},
            {q("Args"), QString::fromUtf8(QJsonDocument(QJsonObject{{q("command"), command}}).toJson())}});
    // Data is the tool result: an object, or the same as a JSON string.
    const QJsonValue dataValue = answer.json.value(q("Data"));
    const QJsonObject result =
        dataValue.isObject() ? dataValue.toObject() : QJsonDocument::fromJson(dataValue.toString().toUtf8()).object();
    const QString text = result.value(q("content")).toArray().first()[q("text")].toString();
    return QJsonDocument::fromJson(text.toUtf8()).object().value(q("stdout")).toString();
}

// PATH without bubblewrap (and slirp4netns) for a server started while it lives.
class HiddenSandboxTools
{
public:
    HiddenSandboxTools()
        : m_saved(qgetenv("PATH"))
    {
        qputenv("PATH", "/nonexistent-agentbay-test-path");
    }

    ~HiddenSandboxTools() { qputenv("PATH", m_saved); }
    Q_DISABLE_COPY_MOVE(HiddenSandboxTools)

private:
    QByteArray m_saved;
};

} // namespace

class tst_SandboxEscapeServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void withoutASandbox_createIsRefused_namingCauseAndFix()
    {
        LocalServer server;
        {
            HiddenSandboxTools hidden;
            QVERIFY2(server.start(), qPrintable(server.lastError()));
        }
        RawApi api(server.url(), server.apiKey());
        const RawAnswer created = api.call(q("CreateMcpSession"), {{q("ImageId"), q("linux_latest")}});
        QCOMPARE(created.status, 200);
        QCOMPARE(data(created).value(q("Success")).toBool(true), false);
        const QString message = data(created).value(q("ErrMsg")).toString();
        QVERIFY2(message.contains(q("bubblewrap")) && message.contains(q("--allow-unsandboxed")), qPrintable(message));
        QVERIFY(data(created).value(q("SessionId")).toString().isEmpty());
        const QJsonObject discovery = serverJson(server);
        QCOMPARE(discovery.value(q("sessionsRefused")).toBool(), true);
        QVERIFY(!discovery.value(q("sandboxProblem")).toString().isEmpty());
    }

    void allowUnsandboxed_runsPlainProcesses_andSaysSoEverywhere()
    {
        LocalServer server;
        server.setExtraArguments({q("--allow-unsandboxed")});
        {
            HiddenSandboxTools hidden;
            QVERIFY2(server.start(), qPrintable(server.lastError()));
        }
        RawApi api(server.url(), server.apiKey());
        const QString session = api.createSession({{q("ImageId"), q("linux_latest")}});
        QVERIFY(!session.isEmpty());
        const QJsonObject properties = connectionProperties(api, session);
        QCOMPARE(properties.value(q("sandboxed")).toBool(true), false);
        QVERIFY(!properties.value(q("warning")).toString().isEmpty());
        const QJsonObject discovery = serverJson(server);
        QCOMPARE(discovery.value(q("sandboxed")).toBool(true), false);
        QVERIFY(!discovery.value(q("warning")).toString().isEmpty());
        QTRY_VERIFY2_WITH_TIMEOUT(server.log().contains("WITHOUT a sandbox"), server.log().constData(), 5000);
    }

    void networkMode_isChosenPerSession_andShown()
    {
        QString reason;
        if (!SessionSandbox::bubblewrapAvailable(&reason)) {
            QSKIP(qPrintable(QStringLiteral("no sandbox on this machine: ") + reason));
        }
        LocalServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        RawApi api(server.url(), server.apiKey());
        const RawAnswer wrong = api.call(q("CreateMcpSession"), {{q("NetworkMode"), q("host")}});
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.json.value(q("Code")).toString(), q("InvalidParameter.NetworkMode"));

        const QString none = api.createSession({{q("NetworkMode"), q("none")}});
        QVERIFY(!none.isEmpty());
        QCOMPARE(connectionProperties(api, none)[q("network")][q("mode")].toString(), q("none"));
        const QString interfaces = q("python3 -I -c \"import socket; print([n for _, n in socket.if_nameindex()])\"");
        QCOMPARE(shell(api, none, interfaces).trimmed(), q("['lo']"));

        // The server's own API is a host loopback service: out of reach.
        const QString port = server.url().section(u':', -1);
        const QString reach = shell(api,
            none,
            q("python3 -I -c \"import socket\ntry:\n  socket.create_connection(('127.0.0.1', %1), timeout=3); "
              "print('REACHED')\nexcept OSError:\n  print('REFUSED')\"")
                .arg(port));
        QCOMPARE(reach.trimmed(), q("REFUSED"));
    }

    void aKilledServer_leavesNoSessionProcessBehind_evenAPausedOne()
    {
        QString reason;
        if (!SessionSandbox::bubblewrapAvailable(&reason)) {
            QSKIP(qPrintable(QStringLiteral("no sandbox on this machine: ") + reason));
        }
        LocalServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        RawApi api(server.url(), server.apiKey());
        const QString session = api.createSession();
        QVERIFY(!session.isEmpty());
        const QString marker = QStringLiteral("2718.%1").arg(QCoreApplication::applicationPid());
        QCOMPARE(shell(api, session, QStringLiteral("nohup sleep %1 >/dev/null 2>&1 & echo started").arg(marker)),
            q("started\n"));
        const auto survivors = [&marker] {
            int found = 0;
            const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
            for (const QString &pid : pids) {
                QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
                if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(marker.toUtf8())) {
                    ++found;
                }
            }
            return found;
        };
        // The call returns when its shell exits; the background process may still be between
        // nohup and sleep (its cmdline reads empty while it execs).
        QTRY_COMPARE_WITH_TIMEOUT(survivors(), 1, 10000);
        // Paused: no process of the session can notice anything by itself.
        QCOMPARE(api.call(q("PauseSessionAsync"), {{q("SessionId"), session}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(api.status(session), q("PAUSED"), 10000);
        server.kill(); // SIGKILL: no clean-up of its own
        // The kernel ends the sandbox with its parent; that takes a moment, not a fixed time.
        QTRY_COMPARE_WITH_TIMEOUT(survivors(), 0, 10000);
    }

    void limitOptions_reachTheSessionsInfo_andBadValuesStopTheServer()
    {
        QString reason;
        if (!SessionSandbox::bubblewrapAvailable(&reason)) {
            QSKIP(qPrintable(QStringLiteral("no sandbox on this machine: ") + reason));
        }
        LocalServer server;
        server.setExtraArguments({q("--session-pids"),
            q("99"),
            q("--session-memory"),
            q("300M"),
            q("--session-cpu-weight"),
            q("42"),
            q("--session-tmp-size"),
            q("16M"),
            q("--workspace-quota"),
            q("1M"),
            q("--network"),
            q("none")});
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        RawApi api(server.url(), server.apiKey());
        const QString session = api.createSession();
        QVERIFY(!session.isEmpty());
        const QJsonObject properties = connectionProperties(api, session);
        const QJsonObject limits = properties.value(q("limits")).toObject();
        QCOMPARE(limits.value(q("pidsMax")).toInteger(), 99);
        QCOMPARE(limits.value(q("memoryMaxBytes")).toInteger(), qint64(300) << 20);
        QCOMPARE(limits.value(q("cpuWeight")).toInt(), 42);
        QCOMPARE(limits.value(q("tmpSizeBytes")).toInteger(), qint64(16) << 20);
        QCOMPARE(limits.value(q("workspaceQuotaBytes")).toInteger(), qint64(1) << 20);
        QCOMPARE(properties[q("network")][q("mode")].toString(), q("none"));
        QCOMPARE(serverJson(server).value(q("network")).toString(), q("none"));
        QCOMPARE(shell(api, session, q("df -k /tmp | tail -1 | awk '{print $2}'")).trimmed(), q("16384"));
        // A tool write past the workspace quota fails that call, saying why.
        const RawAnswer written = api.call(q("CallMcpTool"),
            {{q("SessionId"), session},
                {q("Name"), q("write_file")},
                {q("Args"),
                    QString::fromUtf8(
                        QJsonDocument(QJsonObject{{q("path"), q("big.txt")}, {q("content"), QString(2 << 20, u'x')}})
                            .toJson(QJsonDocument::Compact))}});
        QVERIFY2(written.body.contains("quota (1.0 MB)"), written.body.left(600).constData());
        QVERIFY(shell(api, session, q("ls")).trimmed().isEmpty());
        // The session's page shows the quota with the other limits.
        const QString resourceUrl =
            api.call(q("GetSession"), {{q("SessionId"), session}}).json[q("Data")][q("ResourceUrl")].toString();
        RawApi page{QString(), QString()};
        const RawAnswer shown = page.send(resourceUrl.toUtf8(), {}, {}, "GET");
        QVERIFY2(shown.body.contains("/tmp 16M, workspace 1M"), shown.body.constData());

        QProcess bad;
        bad.start(qEnvironmentVariable("AGENTBAY_LOCAL_BIN"), {q("--session-memory"), q("lots"), q("--port"), q("0")});
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY2(bad.readAllStandardError().contains("--session-memory"), "the error names the option");
    }
};

QTEST_GUILESS_MAIN(tst_SandboxEscapeServer)
#include "tst_sandboxescapeserver.moc"
