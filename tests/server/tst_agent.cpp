// SPDX-License-Identifier: MIT
// agentbay-agent run directly (no sandbox) on a socketpair, in a temporary workspace, through
// the server's own client (SandboxAgent).
#include <server/agent/agentmessage.h>
#include <server/sandbox/sandboxagent.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <optional>

using AgentBay::Server::AgentMessage;
using AgentBay::Server::SandboxAgent;
namespace AgentProtocol = AgentBay::Server::AgentProtocol;
using AgentProtocol::Op;
using Tag = AgentProtocol::Tag;

namespace {

constexpr uid_t kNobody = 65534;
// Generous: the machine is shared and slow at times; a healthy answer takes milliseconds.
constexpr int kAnswerMs = 20000;

QByteArray bytes(std::string_view view)
{
    return QByteArray(view.data(), qsizetype(view.size()));
}

// The agent as a child on one end of a socketpair; as root it runs as nobody, like a session.
struct AgentProcess
{
    pid_t pid = -1;
    int raw = -1; // a second descriptor of the client's end, to send what the client never would
    std::unique_ptr<SandboxAgent> client;

    bool start(const QString &workspace, bool dropToNobody, qint64 quota = 0)
    {
        const QByteArray quotaText = QByteArray::number(quota);
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
            return false;
        }
        const QByteArray program = QFile::encodeName(SandboxAgent::programPath());
        const QByteArray dir = QFile::encodeName(workspace);
        pid = ::fork();
        if (pid == 0) {
            if (dropToNobody
                && (::setgroups(0, nullptr) != 0 || ::setresgid(kNobody, kNobody, kNobody) != 0
                    || ::setresuid(kNobody, kNobody, kNobody) != 0)) {
                ::_exit(125);
            }
            ::dup2(sv[1], 0);
            ::execl(program.constData(),
                program.constData(),
                "--workspace",
                dir.constData(),
                "--quota",
                quotaText.constData(),
                nullptr);
            ::_exit(127);
        }
        ::close(sv[1]);
        raw = ::fcntl(sv[0], F_DUPFD_CLOEXEC, 0);
        client = std::make_unique<SandboxAgent>(sv[0]);
        return pid > 0;
    }

    // Whether the agent exited within ms (reaped here).
    bool exited(int ms)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid) {
                pid = -1;
                return true;
            }
            QTest::qWait(10);
        }
        return false;
    }

    ~AgentProcess()
    {
        client.reset();
        ::close(raw);
        if (pid > 0 && !exited(5000)) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
};

} // namespace

class tst_Agent : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    bool m_asNobody = ::geteuid() == 0;

    QString ws(const QString &relative = {}) const
    {
        return relative.isEmpty() ? m_dir.filePath(QStringLiteral("ws"))
                                  : m_dir.filePath(QStringLiteral("ws/") + relative);
    }

    SandboxAgent::Reply call(const AgentMessage &message, int timeoutMs = 0)
    {
        std::optional<SandboxAgent::Reply> reply;
        QObject context;
        m_agent->client->request(message, timeoutMs, &context, [&reply](const SandboxAgent::Reply &r) {
            reply = r;
        });
        if (!QTest::qWaitFor(
                [&reply] {
                    return reply.has_value();
                },
                kAnswerMs)) {
            SandboxAgent::Reply none;
            none.error = QStringLiteral("no answer in the test's time");
            return none;
        }
        return *reply;
    }

    static AgentMessage pathRequest(Op op, const QString &path)
    {
        AgentMessage message(op, 0);
        message.add(Tag::Path, path.toStdString());
        return message;
    }

    SandboxAgent::ExecResult exec(const QString &command, int timeoutMs = 10000)
    {
        std::optional<SandboxAgent::ExecResult> result;
        QObject context;
        m_agent->client->exec(command, {}, {}, timeoutMs, {}, &context, [&result](const SandboxAgent::ExecResult &r) {
            result = r;
        });
        if (!QTest::qWaitFor(
                [&result] {
                    return result.has_value();
                },
                timeoutMs + kAnswerMs)) {
            SandboxAgent::ExecResult none;
            none.error = QStringLiteral("no answer in the test's time");
            return none;
        }
        return *result;
    }

private Q_SLOTS:

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(SandboxAgent::programPath()).isExecutable(), qPrintable(SandboxAgent::programPath()));
        if (m_asNobody) {
            ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
        }
    }

    void init()
    {
        QDir(ws()).removeRecursively();
        QVERIFY(QDir().mkpath(ws(QStringLiteral("sub/deeper"))));
        QFile file(ws(QStringLiteral("a.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("alpha\nbeta\n");
        file.close();
        if (m_asNobody) {
            QVERIFY(
                QProcess::execute(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("65534:65534"), ws()})
                == 0);
        }
        m_agent = std::make_unique<AgentProcess>();
        QVERIFY(m_agent->start(ws(), m_asNobody));
        QSignalSpy ready(m_agent->client.get(), &SandboxAgent::ready);
        QVERIFY(ready.wait(kAnswerMs));
        QVERIFY(m_agent->client->agentPid() > 0);
    }

    void cleanup() { m_agent.reset(); }

    // ---- exec ----

    void exec_capturesOutputAndExitCode()
    {
        const SandboxAgent::ExecResult r = exec(QStringLiteral("echo out; echo err >&2; exit 3"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.stdOut, QByteArray("out\n"));
        QCOMPARE(r.stdErr, QByteArray("err\n"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!r.timedOut);
    }

    void exec_cwdEnvAndStdin()
    {
        std::optional<SandboxAgent::ExecResult> result;
        m_agent->client->exec(QStringLiteral("pwd; echo $GREETING; cat"),
            QStringLiteral("sub"),
            {{QStringLiteral("GREETING"), QStringLiteral("hello there")}},
            10000,
            QByteArray("from stdin"),
            this,
            [&result](const SandboxAgent::ExecResult &r) {
                result = r;
            });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kAnswerMs);
        QCOMPARE(
            result->stdOut, QByteArray(QFile::encodeName(ws(QStringLiteral("sub"))) + "\nhello there\nfrom stdin"));
    }

    void exec_timeout_killsTheCommandAndItsChildren()
    {
        QElapsedTimer clock;
        clock.start();
        const SandboxAgent::ExecResult r =
            exec(QStringLiteral("sleep 60 & echo $! > bg.pid; sleep 60; echo never"), 300);
        QVERIFY(r.timedOut);
        QVERIFY(!r.stdOut.contains("never"));
        // Far below the 60 s of `sleep`, far above the 300 ms timeout (a busy, sanitized run).
        QVERIFY(clock.elapsed() < 10000);
        const SandboxAgent::ExecResult left =
            exec(QStringLiteral("kill -0 $(cat bg.pid) 2>/dev/null && echo alive || echo gone"));
        QCOMPARE(left.stdOut, QByteArray("gone\n"));
    }

    void exec_backgroundProcess_keepsRunningBetweenCalls()
    {
        const SandboxAgent::ExecResult started = exec(QStringLiteral("setsid sleep 30 >/dev/null 2>&1 & echo $!"));
        const QByteArray pid = started.stdOut.trimmed();
        QVERIFY(!pid.isEmpty());
        const SandboxAgent::ExecResult alive =
            exec(QStringLiteral("kill -0 %1 && echo alive").arg(QString::fromLatin1(pid)));
        QCOMPARE(alive.stdOut, QByteArray("alive\n"));
    }

    void exec_longOutput_keepsStartAndEnd()
    {
        const SandboxAgent::ExecResult r = exec(QStringLiteral("head -c 3000000 /dev/zero | tr '\\0' x; echo END"));
        QVERIFY(r.stdOut.startsWith("xxxx"));
        QVERIFY(r.stdOut.endsWith("END\n"));
        QVERIFY(r.stdOut.contains("[output truncated"));
        QVERIFY(r.stdOut.size() < SandboxAgent::maxOutputBytes + 1024);
    }

    void exec_commandsInheritNoChannel()
    {
        const SandboxAgent::ExecResult r =
            exec(QStringLiteral("for f in /proc/$$/fd/*; do readlink $f; done; echo; ls /proc/$$/fd | wc -l"));
        QVERIFY2(!r.stdOut.contains("socket:"), r.stdOut.constData());
    }

    // ---- files ----

    void readWrite_rangesAndAppend()
    {
        AgentMessage write = pathRequest(Op::Write, QStringLiteral("new/dir/f.txt"));
        write.add(Tag::Data, "0123456789");
        write.addInt(Tag::Flags, AgentProtocol::kWriteParents);
        QVERIFY(call(write).ok());
        AgentMessage append = pathRequest(Op::Write, QStringLiteral("new/dir/f.txt"));
        append.add(Tag::Data, "AB");
        append.addInt(Tag::Flags, AgentProtocol::kWriteAppend);
        QCOMPARE(call(append).message.integer(Tag::Size), int64_t(2));
        AgentMessage read = pathRequest(Op::Read, ws(QStringLiteral("new/dir/f.txt")));
        read.addInt(Tag::Offset, 8);
        read.addInt(Tag::Length, 3);
        const SandboxAgent::Reply reply = call(read);
        QVERIFY(reply.ok());
        QCOMPARE(bytes(reply.message.text(Tag::Data)), QByteArray("89A"));
        QCOMPARE(reply.message.integer(Tag::Size), int64_t(12));
    }

    void quota_refusesWrites_andFailsCallsThatPassIt()
    {
        m_agent = std::make_unique<AgentProcess>();
        QVERIFY(m_agent->start(ws(), m_asNobody, qint64(1) << 20));
        QSignalSpy ready(m_agent->client.get(), &SandboxAgent::ready);
        QVERIFY(ready.wait(kAnswerMs));
        AgentMessage first = pathRequest(Op::Write, QStringLiteral("one.bin"));
        first.add(Tag::Data, std::string(600 * 1024, 'x'));
        QVERIFY(call(first).ok());
        AgentMessage second = pathRequest(Op::Write, QStringLiteral("two.bin"));
        second.add(Tag::Data, std::string(600 * 1024, 'y'));
        const SandboxAgent::Reply refused = call(second);
        QCOMPARE(refused.errorNumber(), EDQUOT);
        QCOMPARE(refused.message.integer(Tag::QuotaLimit), int64_t(1) << 20);
        QVERIFY(refused.message.integer(Tag::QuotaUsed) >= 600 * 1024);
        QVERIFY(!QFile::exists(ws(QStringLiteral("two.bin"))));

        // Many small files from a command: the call that passes the quota fails with the usage.
        const SandboxAgent::ExecResult over =
            exec(QStringLiteral("for i in 1 2 3 4 5 6 7 8; do head -c 128K /dev/zero > s$i; done; echo wrote"));
        QVERIFY2(over.error.contains(QStringLiteral("quota")), qPrintable(over.error));
        QVERIFY(call(pathRequest(Op::Remove, QStringLiteral("one.bin"))).ok());
        const SandboxAgent::ExecResult below = exec(QStringLiteral("rm -f s*; echo fine"));
        QVERIFY2(below.error.isEmpty(), qPrintable(below.error));
        QCOMPARE(below.stdOut, QByteArray("fine\n"));
        QVERIFY(call(second).ok());
    }

    void quota_aTreeTooDeepToMeasure_countsAsOverIt()
    {
        // Data hidden below the depth the agent walks would not be counted: such a tree
        // counts as over the quota instead.
        QString deep = ws(QStringLiteral("deep"));
        for (int level = 0; level <= 260; ++level) {
            deep += QStringLiteral("/d");
        }
        QVERIFY(QDir().mkpath(deep));
        if (m_asNobody) {
            QVERIFY(
                QProcess::execute(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("65534:65534"), ws()})
                == 0);
        }
        m_agent = std::make_unique<AgentProcess>();
        QVERIFY(m_agent->start(ws(), m_asNobody, qint64(1) << 30));
        QSignalSpy ready(m_agent->client.get(), &SandboxAgent::ready);
        QVERIFY(ready.wait(kAnswerMs));
        const SandboxAgent::ExecResult deepTree = exec(QStringLiteral("true"));
        QVERIFY2(deepTree.error.contains(QStringLiteral("quota")), qPrintable(deepTree.error));
        // Nor does the deep tree hide a writer: growth beside it still stops the session.
        exec(QStringLiteral("(while :; do head -c 64K /dev/zero >> grow; done) >/dev/null 2>&1 &"));
        const QString children = QStringLiteral("/proc/%1/task/%1/children").arg(m_agent->client->agentPid());
        const auto agentChildren = [&children] {
            QFile file(children);
            return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray("unreadable");
        };
        QTRY_VERIFY_WITH_TIMEOUT(agentChildren().isEmpty(), 10000);
        // Over the quota but not growing: deleting still works, and ends it.
        const SandboxAgent::ExecResult removed = exec(QStringLiteral("rm -rf deep && echo fine"));
        QVERIFY2(removed.error.isEmpty(), qPrintable(removed.error));
        QCOMPARE(removed.stdOut, QByteArray("fine\n"));
    }

    void read_fifo_failsAtOnce_andTheAgentKeepsAnswering()
    {
        QVERIFY(::mkfifo(QFile::encodeName(ws(QStringLiteral("p"))).constData(), 0666) == 0);
        // A blocked agent would not answer within the request's 5 s: an empty transport error
        // is the answer coming at all, an errno is the refusal.
        const SandboxAgent::Reply read = call(pathRequest(Op::Read, QStringLiteral("p")), 5000);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.errorNumber(), EINVAL);
        AgentMessage write = pathRequest(Op::Write, QStringLiteral("p"));
        write.add(Tag::Data, "x");
        const SandboxAgent::Reply written = call(write, 5000);
        QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
        QVERIFY(written.errorNumber() != 0);
        QVERIFY(call(pathRequest(Op::Stat, QStringLiteral("a.txt"))).ok());
    }

    void read_overTheLimit_isRefused()
    {
        AgentMessage read = pathRequest(Op::Read, QStringLiteral("a.txt"));
        read.addInt(Tag::Limit, 4);
        const SandboxAgent::Reply reply = call(read);
        QCOMPARE(reply.errorNumber(), EFBIG);
        QCOMPARE(reply.message.integer(Tag::Length), int64_t(11));
        QCOMPARE(call(pathRequest(Op::Read, QStringLiteral("sub"))).errorNumber(), EISDIR);
    }

    void readDir_walk_sortedWithTypes()
    {
        QVERIFY(QFile::link(QStringLiteral("a.txt"), ws(QStringLiteral("sub/link"))));
        const SandboxAgent::Reply list = call(pathRequest(Op::ReadDir, QStringLiteral("sub")));
        QVERIFY(list.ok());
        const auto entries = list.message.all(Tag::Entry);
        QCOMPARE(entries.size(), size_t(2));
        QCOMPARE(bytes(entries[0].substr(AgentProtocol::kEntryHeadBytes)), QByteArray("deeper"));
        QCOMPARE(int(entries[0][0]), int(AgentProtocol::EntryType::Directory));
        QCOMPARE(bytes(entries[1].substr(AgentProtocol::kEntryHeadBytes)), QByteArray("link"));
        QCOMPARE(int(entries[1][0]), int(AgentProtocol::EntryType::Symlink));
        QCOMPARE(int(entries[1][1]), int(AgentProtocol::EntryType::Other)); // sub/a.txt does not exist

        const SandboxAgent::Reply walk = call(pathRequest(Op::Walk, QStringLiteral(".")));
        QStringList names;
        for (const std::string_view entry : walk.message.all(Tag::Entry)) {
            names.append(QString::fromUtf8(bytes(entry.substr(AgentProtocol::kEntryHeadBytes))));
        }
        QCOMPARE(names,
            (QStringList{QStringLiteral("a.txt"),
                QStringLiteral("sub"),
                QStringLiteral("sub/deeper"),
                QStringLiteral("sub/link")}));
    }

    void removeAndRename_workOnEntriesThemselves()
    {
        QVERIFY(QFile::link(ws(QStringLiteral("sub")), ws(QStringLiteral("link"))));
        QVERIFY(call(pathRequest(Op::Remove, QStringLiteral("link"))).ok());
        QVERIFY(QFileInfo::exists(ws(QStringLiteral("sub/deeper"))));
        AgentMessage rename = pathRequest(Op::Rename, QStringLiteral("a.txt"));
        rename.add(Tag::Path2, "sub");
        QCOMPARE(call(rename).errorNumber(), EEXIST);
        AgentMessage move = pathRequest(Op::Rename, QStringLiteral("a.txt"));
        move.add(Tag::Path2, "x/y/b.txt");
        QVERIFY(call(move).ok());
        QVERIFY(QFileInfo::exists(ws(QStringLiteral("x/y/b.txt"))));
        QVERIFY(call(pathRequest(Op::Remove, QStringLiteral("sub"))).ok());
        QVERIFY(!QFileInfo::exists(ws(QStringLiteral("sub"))));
        QCOMPARE(call(pathRequest(Op::Remove, QStringLiteral("."))).errorNumber(), EBUSY);
    }

    void confined_pathsOutsideTheWorkspace_areRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("..") << QStringLiteral("../secret");
        QTest::newRow("absolute") << QStringLiteral("/etc/hostname");
        QTest::newRow("symlink out") << QStringLiteral("out/secret");
        QTest::newRow("magic link") << QStringLiteral("self/fd/0");
    }

    void confined_pathsOutsideTheWorkspace_areRefused()
    {
        QFETCH(QString, path);
        QFile secret(m_dir.filePath(QStringLiteral("secret")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("SECRET");
        secret.close();
        QFile::link(m_dir.path(), ws(QStringLiteral("out")));
        QFile::link(QStringLiteral("/proc/self"), ws(QStringLiteral("self")));
        const SandboxAgent::Reply reply = call(pathRequest(Op::Read, path));
        QVERIFY(!reply.ok());
        QVERIFY(!bytes(reply.message.text(Tag::Data)).contains("SECRET"));
    }

    // ---- the channel ----

    void agent_isUndumpable_itsChannelUnreachable()
    {
        // A process of the same uid as the agent (nobody when this runs as root).
        const QByteArray path = "/proc/" + QByteArray::number(m_agent->pid) + "/fd/0";
        const pid_t probe = ::fork();
        if (probe == 0) {
            if (m_asNobody
                && (::setresgid(kNobody, kNobody, kNobody) != 0 || ::setresuid(kNobody, kNobody, kNobody) != 0)) {
                ::_exit(125);
            }
            const int fd = ::open(path.constData(), O_WRONLY);
            ::_exit(fd < 0 ? 0 : 1);
        }
        int status = -1;
        QCOMPARE(::waitpid(probe, &status, 0), probe);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void malformedRequest_endsTheAgentAndItsProcesses()
    {
        const SandboxAgent::ExecResult started = exec(QStringLiteral("setsid sleep 30 >/dev/null 2>&1 & echo $!"));
        const pid_t background = pid_t(started.stdOut.trimmed().toInt());
        QVERIFY(background > 0);
        // Through the raw channel: a frame length over the bound, as a broken server might send.
        QCOMPARE(::write(m_agent->raw, "\xff\xff\xff\xff", 4), ssize_t(4));
        QVERIFY(m_agent->exited(kAnswerMs));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(background, 0) != 0, kAnswerMs);
    }

    void metrics_reportsTheSessionsUsage()
    {
        const SandboxAgent::Reply reply = call(AgentMessage(Op::Metrics, 0));
        QVERIFY(reply.ok());
        QVERIFY(reply.message.integer(Tag::CpuCount) >= 1);
        QVERIFY(reply.message.integer(Tag::MemTotal) > 0);
        QVERIFY(reply.message.integer(Tag::MemUsed) > 0);
        QVERIFY(reply.message.integer(Tag::DiskTotal) > 0);
        QVERIFY(reply.message.has(Tag::CpuUsageUs));
        QVERIFY(reply.message.has(Tag::RxBytes));
    }

    void connectPort_passesAConnectedSocket()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        AgentMessage connect(Op::ConnectPort, 0);
        connect.addInt(Tag::Port, listener.serverPort());
        const SandboxAgent::Reply reply = call(connect);
        QVERIFY(reply.ok());
        QVERIFY(reply.fd >= 0);
        QVERIFY(listener.hasPendingConnections() || listener.waitForNewConnection(kAnswerMs));
        QTcpSocket *accepted = listener.nextPendingConnection();
        QCOMPARE(::write(reply.fd, "ping", 4), ssize_t(4));
        QTRY_VERIFY_WITH_TIMEOUT(accepted->bytesAvailable() >= 4, kAnswerMs);
        QCOMPARE(accepted->readAll(), QByteArray("ping"));
        ::close(reply.fd);

        AgentMessage closed(Op::ConnectPort, 0);
        closed.addInt(Tag::Port, 1);
        QCOMPARE(call(closed).errorNumber(), ECONNREFUSED);
    }

    void openPty_passesTheMaster_andReportsTheExit()
    {
        QSignalSpy exited(m_agent->client.get(), &SandboxAgent::ptyExited);
        AgentMessage open(Op::OpenPty, 0);
        open.add(Tag::Command, "/bin/sh");
        open.addInt(Tag::Cols, 100);
        open.addInt(Tag::Rows, 30);
        const SandboxAgent::Reply reply = call(open);
        QVERIFY(reply.ok());
        QVERIFY(reply.fd >= 0);
        const QByteArray input = "echo $((6*7)); stty size; exit 5\n";
        QCOMPARE(::write(reply.fd, input.constData(), size_t(input.size())), ssize_t(input.size()));
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                char buffer[4096];
                const int flags = ::fcntl(reply.fd, F_GETFL);
                ::fcntl(reply.fd, F_SETFL, flags | O_NONBLOCK);
                const ssize_t n = ::read(reply.fd, buffer, sizeof buffer);
                if (n > 0) {
                    seen.append(buffer, n);
                }
                return seen.contains("42") && seen.contains("30 100");
            }(),
            kAnswerMs);
        QTRY_VERIFY_WITH_TIMEOUT(!exited.isEmpty(), kAnswerMs);
        QCOMPARE(exited.first().at(1).toInt(), 5);
        ::close(reply.fd);
    }
};

QTEST_GUILESS_MAIN(tst_Agent)
#include "tst_agent.moc"
