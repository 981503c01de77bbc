// SPDX-License-Identifier: MIT
// agentbay-local figures: CreateMcpSession and CallMcpTool `shell echo` latency (medians),
// the memory of idle sessions (PSS of every process of 100 sessions), and GetSession
// throughput. Runs a real server on a random loopback port.
//   bench_server [--rounds N] [--seconds S] [--idle-sessions N]
#include "../server/rawapi.h"

#include <server/agent/agentprotocol.h>
#include <server/sandbox/bubblewrapcommand.h>
#include <server/sandbox/sandboxagent.h>
#include <support/localserver.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>

#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

using AgentBay::Test::encodeForm;
using AgentBay::Test::LocalServer;
using AgentBay::Test::RawAnswer;
using AgentBay::Test::RawApi;
using namespace Qt::Literals::StringLiterals;

namespace {

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void report(const char *name, const QList<double> &ms, double target)
{
    QList<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const double p90 = sorted.isEmpty() ? 0 : sorted[qsizetype(double(sorted.size() - 1) * 0.9)];
    const double med = median(ms);
    std::printf("%-28s median %7.2f ms  p90 %7.2f ms  (n=%lld, target < %.0f ms: %s)\n",
        name,
        med,
        p90,
        static_cast<long long>(ms.size()),
        target,
        med < target ? "met" : "MISSED");
}

// GetSession as fast as `inFlight` parallel keep-alive requests go, for `seconds`.
double getSessionThroughput(
    const QString &url, const QString &key, const QString &session, int inFlight, double seconds)
{
    QNetworkAccessManager nam;
    const QByteArray body = encodeForm({{u"Authorization"_s, u"Bearer "_s + key}, {u"SessionId"_s, session}});
    QNetworkRequest request(QUrl(url + u"/?Action=GetSession"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    QElapsedTimer timer;
    qint64 done = 0;
    qint64 failed = 0;
    int running = 0;
    QEventLoop loop;
    std::function<void()> issue = [&] {
        QNetworkReply *reply = nam.post(request, body);
        ++running;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            --running;
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                ++done;
            } else {
                ++failed;
            }
            if (timer.elapsed() < qint64(seconds * 1000)) {
                issue();
            } else if (running == 0) {
                loop.quit();
            }
        });
    };
    timer.start();
    for (int i = 0; i < inFlight; ++i) {
        issue();
    }
    loop.exec();
    if (failed) {
        std::printf("  (%lld GetSession requests failed)\n", static_cast<long long>(failed));
    }
    return double(done) / (double(timer.elapsed()) / 1000.0);
}

// The floor of a shell call: what `/bin/sh -c "echo bench"` costs on this host by itself,
// spawned and waited for with nothing around it (no sandbox, no server, no HTTP).
QList<double> shellSpawnFloorMs(int rounds)
{
    QList<double> ms;
    char shell[] = "/bin/sh";
    char dashC[] = "-c";
    char command[] = "echo bench >/dev/null";
    char *argv[] = {shell, dashC, command, nullptr};
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        pid_t pid = 0;
        if (::posix_spawn(&pid, shell, nullptr, nullptr, argv, environ) != 0) {
            return {};
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

// The floor of CreateMcpSession: bubblewrap with a session's namespaces and walls (the same
// launch, no cgroups, no network helper) starting the agent; from spawn to the agent's first
// frame (Ready) on its channel.
QList<double> sandboxFloorMs(int rounds)
{
    using AgentBay::Server::BubblewrapCommand;
    QList<double> ms;
    QTemporaryDir dir;
    for (int i = 0; i < rounds && dir.isValid(); ++i) {
        BubblewrapCommand command;
        BubblewrapCommand::Options options;
        options.sessionId = u"session-floor"_s;
        options.workspace = dir.filePath(u"ws"_s); // its overlay's folders go beside it, in dir
        options.program = AgentBay::Server::SandboxAgent::programPath();
        int channel[2] = {-1, -1};
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) != 0) {
            return {};
        }
        options.channelFd = channel[1];
        QDir().mkpath(options.workspace);
        BubblewrapCommand::prepareWorkspace(options.workspace);
        QString error;
        QElapsedTimer t;
        t.start();
        if (!command.prepare(options, &error)) {
            std::fprintf(stderr, "floor: %s\n", qPrintable(error));
            return {};
        }
        QProcess process;
        process.setProgram(command.program());
        process.setArguments(command.arguments());
        process.setProcessEnvironment(QProcessEnvironment());
        process.setStandardInputFile(QProcess::nullDevice());
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setChildProcessModifier([&command] {
            command.enterChild();
        });
        process.start();
        command.closeChildEnds();
        ::close(channel[1]);
        command.unblock();
        pollfd ready{channel[0], POLLIN, 0};
        const bool started = ::poll(&ready, 1, 10000) == 1;
        ms.append(double(t.nsecsElapsed()) / 1e6);
        ::close(channel[0]); // the agent ends with its channel
        process.waitForFinished(10000);
        if (!started) {
            std::fprintf(stderr, "floor: the agent did not start\n");
            return {};
        }
    }
    return ms;
}

// Every live process as pid -> (parent pid, command name), from /proc/<pid>/stat.
QHash<qint64, QPair<qint64, QByteArray>> processTable()
{
    QHash<qint64, QPair<qint64, QByteArray>> table;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        QFile stat(u"/proc/"_s + entry + u"/stat"_s);
        if (!ok || !stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray text = stat.readAll();
        const qsizetype open = text.indexOf('(');
        const qsizetype close = text.lastIndexOf(')');
        const QList<QByteArray> rest = text.mid(close + 2).split(' ');
        if (open < 0 || close < 0 || rest.size() < 2) {
            continue;
        }
        table.insert(pid, {rest.at(1).toLongLong(), text.mid(open + 1, close - open - 1)});
    }
    return table;
}

// Proportional set size of one process in KiB (smaps_rollup), -1 when unreadable.
qint64 pssKiB(qint64 pid)
{
    QFile rollup(u"/proc/%1/smaps_rollup"_s.arg(pid));
    if (!rollup.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : rollup.readAll().split('\n')) {
        if (line.startsWith("Pss:")) {
            return line.mid(4).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

// The sum of PSS of every descendant of serverPid (the sessions' bwrap, agents, network
// helpers), per command name.
std::map<QByteArray, QPair<qint64, int>> sessionPss(qint64 serverPid)
{
    const auto table = processTable();
    QHash<qint64, QList<qint64>> children;
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        children[it.value().first].append(it.key());
    }
    std::map<QByteArray, QPair<qint64, int>> byName;
    QList<qint64> queue = children.value(serverPid);
    while (!queue.isEmpty()) {
        const qint64 pid = queue.takeFirst();
        queue += children.value(pid);
        const qint64 kib = pssKiB(pid);
        auto &slot = byName[table.value(pid).second];
        slot.first += qMax<qint64>(0, kib);
        slot.second += 1;
    }
    return byName;
}

// agentbay-local, started by LocalServer as this process's child.
qint64 serverPid()
{
    const auto table = processTable();
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        if (it.value().first == QCoreApplication::applicationPid() && it.value().second == "agentbay-local") {
            return it.key();
        }
    }
    return 0;
}

// n idle sessions (each answered a shell call, so its sandbox, agent and network are up):
// the PSS of all their processes, per session.
bool idleSessionMemory(RawApi &api, int n, QStringList *created)
{
    const qint64 server = serverPid();
    if (server <= 0) {
        std::fprintf(stderr, "idle sessions: cannot find agentbay-local's pid\n");
        return false;
    }
    for (int i = 0; i < n; ++i) {
        const QString id = api.createSession();
        const RawAnswer answer = api.call(u"CallMcpTool"_s,
            {{u"SessionId"_s, id}, {u"Name"_s, u"shell"_s}, {u"Args"_s, uR"({"command": "echo idle"})"_s}});
        if (id.isEmpty() || !answer.body.contains("idle")) {
            std::fprintf(stderr, "idle sessions: session %d failed: %s\n", i, answer.body.constData());
            return false;
        }
        created->append(id);
    }
    // Idle: nothing runs in them; let the last calls' children go.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    const auto byName = sessionPss(server);
    qint64 total = 0;
    int sessions = created->size();
    std::printf("%-28s", "idle sessions, PSS by kind");
    for (const auto &[name, slot] : byName) {
        total += slot.first;
        std::printf("  %s %lld KiB/%d", name.constData(), static_cast<long long>(slot.first), slot.second);
    }
    std::printf("\n");
    const double perSession = double(total) / 1024.0 / double(qMax(1, sessions));
    std::printf("%-28s %.2f MiB PSS per session all told (%d sessions, %.1f MiB; target <= 3 MiB: %s)\n",
        "idle session memory",
        perSession,
        sessions,
        double(total) / 1024.0,
        perSession <= 3.0 ? "met" : "MISSED");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption roundsOption(u"rounds"_s, u"Requests per latency figure."_s, u"N"_s, u"40"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Duration of the throughput run."_s, u"S"_s, u"3"_s);
    const QCommandLineOption idleOption(
        u"idle-sessions"_s, u"Idle sessions whose memory is measured (0: skip)."_s, u"N"_s, u"100"_s);
    parser.addOption(roundsOption);
    parser.addOption(secondsOption);
    parser.addOption(idleOption);
    parser.process(app);
    const int idleSessions = qBound(0, parser.value(idleOption).toInt(), 5000);
    const int rounds = qMax(1, parser.value(roundsOption).toInt());
    const double seconds = qMax(0.2, parser.value(secondsOption).toDouble());

    if (qEnvironmentVariableIsEmpty("AGENTBAY_LOCAL_BIN")) {
        qputenv("AGENTBAY_LOCAL_BIN", AGENTBAY_LOCAL_DEFAULT_BIN);
    }
    LocalServer server;
    // Every created session stays until the end of the create figure.
    server.setExtraArguments({u"--max-sessions"_s, QString::number(qMin(rounds + 20 + idleSessions, 10000))});
    if (!server.start()) {
        std::fprintf(stderr, "cannot start agentbay-local: %s\n", qPrintable(server.lastError()));
        return 1;
    }
    RawApi api(server.url(), server.apiKey());

    // Warm-up: the first sandbox probes bubblewrap and the first call loads the tools.
    const QString session = api.createSession();
    const RawAnswer info = api.call(u"GetMcpResource"_s, {{u"SessionId"_s, session}});
    const QJsonObject connection = QJsonDocument::fromJson(info.json.value(u"Data"_s)
                                                               .toObject()
                                                               .value(u"DesktopInfo"_s)
                                                               .toObject()
                                                               .value(u"ConnectionProperties"_s)
                                                               .toString()
                                                               .toUtf8())
                                       .object();
    std::printf("agentbay-local at %s, isolation: %s\n",
        qPrintable(server.url()),
        qPrintable(connection.value(u"isolation"_s).toString()));
    const auto shellEcho = [&api, &session] {
        return api.call(u"CallMcpTool"_s,
            {{u"SessionId"_s, session},
                {u"Name"_s, u"shell"_s},
                {u"Args"_s, uR"({"command": "echo bench", "timeout_ms": 5000})"_s}});
    };
    shellEcho();

    QList<double> createMs;
    QStringList created;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        const QString id = api.createSession({{u"Labels"_s, uR"({"bench": "yes"})"_s}});
        createMs.append(double(t.nsecsElapsed()) / 1e6);
        if (id.isEmpty()) {
            std::fprintf(stderr, "CreateMcpSession failed\n");
            return 1;
        }
        created.append(id);
    }
    report("CreateMcpSession", createMs, 25);
    const QList<double> floorMs = sandboxFloorMs(rounds);
    report("floor: bwrap + agent", floorMs, 25);
    const double ratio = median(floorMs) > 0 ? median(createMs) / median(floorMs) : 0.0;
    std::printf(
        "%-28s %.2fx the floor (target <= 1.5x: %s)\n", "CreateMcpSession", ratio, ratio <= 1.5 ? "met" : "MISSED");

    QList<double> callMs;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        const RawAnswer answer = shellEcho();
        callMs.append(double(t.nsecsElapsed()) / 1e6);
        if (!answer.body.contains("bench")) {
            std::fprintf(stderr, "CallMcpTool failed: %s\n", answer.body.constData());
            return 1;
        }
    }
    report("CallMcpTool shell echo", callMs, 2);
    const QList<double> spawnMs = shellSpawnFloorMs(rounds);
    report("floor: spawn /bin/sh echo", spawnMs, 2);
    std::printf("%-28s %.2f ms over the floor\n", "CallMcpTool shell echo", median(callMs) - median(spawnMs));

    // Until a new session answers: its sandbox, network and agent all up.
    QList<double> usableMs;
    for (int i = 0; i < qMin(rounds, 10); ++i) {
        QElapsedTimer t;
        t.start();
        const QString id = api.createSession();
        const RawAnswer answer = api.call(u"CallMcpTool"_s,
            {{u"SessionId"_s, id}, {u"Name"_s, u"shell"_s}, {u"Args"_s, uR"({"command": "echo bench"})"_s}});
        usableMs.append(double(t.nsecsElapsed()) / 1e6);
        created.append(id);
    }
    report("create + first shell echo", usableMs, 50);

    for (const QString &id : std::as_const(created)) {
        api.call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, id}});
    }
    created.clear();
    api.call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, session}}); // only the idle ones remain
    if (idleSessions > 0) {
        // Deleted sessions' processes go asynchronously: wait until none is left.
        const qint64 server = serverPid();
        QElapsedTimer gone;
        gone.start();
        while (server > 0 && !sessionPss(server).empty() && gone.elapsed() < 20000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
        if (!idleSessionMemory(api, idleSessions, &created)) {
            return 1;
        }
        for (const QString &id : std::as_const(created)) {
            api.call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, id}});
        }
    }
    const QString throughputSession = api.createSession();

    const double sequential = getSessionThroughput(server.url(), server.apiKey(), throughputSession, 1, seconds);
    const double parallel = getSessionThroughput(server.url(), server.apiKey(), throughputSession, 6, seconds);
    std::printf("%-28s %7.0f req/s one at a time, %7.0f req/s with 6 in flight (target >= 1000: %s)\n",
        "GetSession throughput",
        sequential,
        parallel,
        qMax(sequential, parallel) >= 1000 ? "met" : "MISSED");
    server.stop();
    return 0;
}
