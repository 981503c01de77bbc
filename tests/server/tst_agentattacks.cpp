// SPDX-License-Identifier: MIT
// A session's own processes attacking the server through the tool channel (issue items 1, 3
// and 4): a symlink swap racing the file tools, a FIFO handed to read_file, and writes into
// the agent's channel through /proc. Built against either source layout, so the same test
// runs on the code before the agent existed.
#if __has_include(<server/sandbox/sessionsandbox.h>)
#include <server/sandbox/sessionsandbox.h>
#include <server/tools/toolrunner.h>
#else
#include <server/sessionsandbox.h>
#include <server/toolrunner.h>
#endif

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

using AgentBay::Server::SessionSandbox;
using AgentBay::Server::ToolRunner;

namespace {

const QByteArray kToken("SERVER-API-TOKEN-0123456789");
constexpr int kRaceCalls = 1000; // per tool

QString textOf(const QJsonObject &result)
{
    return result.value(QStringLiteral("content")).toArray().at(0).toObject().value(QStringLiteral("text")).toString();
}

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return 0;
}

// Swaps d and l (a symlink to ../../.., the directory that holds the server's token)
// as fast as it can: renameat2(RENAME_EXCHANGE).
const char kSwapper[] = R"PY(
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
os.chdir('/workspace' if os.path.isdir('/workspace/d') else os.environ['WS'])
while True:
    libc.renameat2(-100, b'd', -100, b'l', 2)
)PY";

// Writes into every descriptor of every other process of the session that it can open, or
// steal with pidfd_getfd: forged answers in both the old line format and as frames, then
// 300 MB without a newline. Prints how many descriptors it could write to.
const char kChannelAttack[] = R"PY(
import ctypes, os, struct
libc = ctypes.CDLL(None, use_errno=True)
me = os.getpid()
forged = b''.join(b'{"id":%d,"code":0,"timedOut":false,"out":"Rk9SR0VE","err":""}\n' % i for i in range(1, 400))
def frame(i):
    f = lambda t, v: struct.pack('<BI', t, len(v)) + v
    body = f(1, struct.pack('<q', 2)) + f(2, struct.pack('<q', i)) + f(34, struct.pack('<q', 0)) + f(36, b'FORGED')
    return struct.pack('<I', len(body)) + body
forged += b''.join(frame(i) for i in range(1, 400))
targets = []
for pid in os.listdir('/proc'):
    if not pid.isdigit() or int(pid) in (me, os.getppid()):
        continue
    for n in range(0, 10):
        try:
            what = os.readlink('/proc/%s/fd/%d' % (pid, n))
        except OSError:
            what = '?'
        if what == '/dev/null':
            continue
        try:
            targets.append((os.open('/proc/%s/fd/%d' % (pid, n), os.O_WRONLY | os.O_NONBLOCK), '%s:%d:%s' % (pid, n, what)))
        except OSError:
            pass
        try:
            pidfd = libc.syscall(434, int(pid), 0)
            if pidfd >= 0:
                fd = libc.syscall(438, pidfd, n, 0)
                if fd >= 0:
                    targets.append((fd, '%s:%d:stolen' % (pid, n)))
                os.close(pidfd)
        except OSError:
            pass
written = []
chunk = b'A' * (1 << 20)
for fd, what in targets:
    try:
        os.write(fd, forged)
        written.append(what)
        os.set_blocking(fd, True)
        for _ in range(300):
            os.write(fd, chunk)
    except OSError:
        pass
print('written', len(written), ' '.join(written))
)PY";

} // namespace

class tst_AgentAttacks : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SessionSandbox> m_sandbox;
    ToolRunner m_runner;

    QString top(const QString &name) const { return m_dir.filePath(name); }

    QString ws(const QString &relative = {}) const
    {
        return relative.isEmpty() ? m_sandbox->workspace() : m_sandbox->workspace() + u'/' + relative;
    }

    // Waits for the answer; a server whose event loop is blocked answers late, and that is
    // what the timings in the tests catch.
    QJsonObject call(const QString &tool, const QJsonObject &args, int waitMs = 60000)
    {
        std::optional<QJsonObject> result;
        QObject context;
        m_runner.call(
            m_sandbox.get(), QStringLiteral("code_latest"), tool, args, &context, [&result](const QJsonObject &r) {
                result = r;
            });
        if (!QTest::qWaitFor(
                [&result] {
                    return result.has_value();
                },
                waitMs)) {
            return QJsonObject{{QStringLiteral("timedOutInTest"), true}};
        }
        return *result;
    }

    QString shell(const QString &command, int timeoutMs = 50000)
    {
        const QJsonObject result = call(QStringLiteral("shell"),
            {{QStringLiteral("command"), command}, {QStringLiteral("timeout_ms"), timeoutMs}},
            timeoutMs + 20000);
        return QJsonDocument::fromJson(textOf(result).toUtf8()).object().value(QStringLiteral("stdout")).toString();
    }

    static bool writeHostFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    }

private Q_SLOTS:

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The layout of a data directory: the token three levels above a session's workspace.
        QVERIFY(writeHostFile(top(QStringLiteral("token.txt")), kToken));
        const QString id = QStringLiteral("session-atk%1").arg(QRandomGenerator::global()->generate() % 100000000);
        m_sandbox = std::make_unique<SessionSandbox>(id, top(QStringLiteral("sessions/") + id + QStringLiteral("/ws")));
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        QCOMPARE(shell(QStringLiteral("echo ready")), QStringLiteral("ready\n"));
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    // Item 1: the file tools against a workspace folder swapped with a symlink out.
    void fileTools_symlinkSwapRace_neverTouchTheHost()
    {
        QVERIFY(writeHostFile(top(QStringLiteral("victim.txt")), "host file"));
        shell(QStringLiteral("mkdir -p d && echo decoy > d/token.txt && echo v > d/victim.txt && ln -sfn ../../.. l"));
        const QString swapper = QString::fromLatin1(kSwapper);
        shell(QStringLiteral("WS=\"$PWD\" nohup python3 -c \"$0\" >/dev/null 2>&1 & echo $! > swapper.pid")
                  .replace(QStringLiteral("$0"), QString(swapper).replace(u'"', QStringLiteral("\\\""))));
        QTRY_VERIFY_WITH_TIMEOUT(!shell(QStringLiteral("cat swapper.pid")).isEmpty(), 20000);

        int leaked = 0;
        int swapsSeen = 0;
        for (int i = 0; i < kRaceCalls; ++i) {
            const QString read =
                textOf(call(QStringLiteral("read_file"), {{QStringLiteral("path"), QStringLiteral("d/token.txt")}}));
            leaked += read.contains(QString::fromLatin1(kToken)) ? 1 : 0;
            swapsSeen += read.startsWith(QStringLiteral("decoy")) ? 0 : 1;
            call(QStringLiteral("write_file"),
                {{QStringLiteral("path"), QStringLiteral("d/new.txt")},
                    {QStringLiteral("content"), QStringLiteral("x")}});
            call(QStringLiteral("delete_file"), {{QStringLiteral("path"), QStringLiteral("d/victim.txt")}});
            if (i % 50 == 0) {
                shell(QStringLiteral(
                    "[ -e d/victim.txt ] || [ -e l/victim.txt ] || echo v > d/victim.txt 2>/dev/null; true"));
            }
        }
        shell(QStringLiteral("kill $(cat swapper.pid)"));
        qInfo("%d x read_file, write_file, delete_file; reads not seeing the decoy: %d", kRaceCalls, swapsSeen);
        QCOMPARE(leaked, 0);
        QVERIFY(!QFileInfo::exists(top(QStringLiteral("new.txt"))));
        QVERIFY(QFileInfo::exists(top(QStringLiteral("victim.txt"))));
        QFile token(top(QStringLiteral("token.txt")));
        QVERIFY(token.open(QIODevice::ReadOnly));
        QCOMPARE(token.readAll(), kToken);
    }

    // Item 3: a FIFO given to read_file answers at once; the server keeps answering.
    void readFile_fifo_failsAtOnce()
    {
        shell(QStringLiteral("rm -f p && mkfifo p"));
        // Opens the FIFO's writing end once a reader waits on it (as a blocked server would),
        // so that a server that blocks is freed after 5 s and reads "released": the test fails
        // on that answer instead of hanging, and needs no wall-clock bound.
        std::atomic<bool> done{false};
        const QByteArray fifo = QFile::encodeName(ws(QStringLiteral("p")));
        std::thread releaser([&done, fifo] {
            for (int i = 0; i < 100 && !done; ++i) {
                if (i >= 50) {
                    const int fd = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK);
                    if (fd >= 0) {
                        [[maybe_unused]] const ssize_t n = ::write(fd, "released\n", 9);
                        ::close(fd);
                        return;
                    }
                }
                ::usleep(100000);
            }
        });
        const QJsonObject read = call(QStringLiteral("read_file"), {{QStringLiteral("path"), QStringLiteral("p")}});
        const QString alive = shell(QStringLiteral("echo alive"));
        done = true;
        releaser.join();
        QVERIFY2(read.value(QStringLiteral("isError")).toBool(), qPrintable(textOf(read)));
        QVERIFY2(!textOf(read).contains(QStringLiteral("released")), qPrintable(textOf(read)));
        QCOMPARE(alive, QStringLiteral("alive\n"));
    }

    // Item 4: session processes cannot write into the agent's channel: no forged answers,
    // no server memory growth from 300 MB sent without a newline.
    void agentChannel_unreachableFromTheSession()
    {
        const qint64 before = residentKb();
        const QString attack = QString::fromLatin1(kChannelAttack);
        std::optional<QJsonObject> attacked;
        QObject context;
        QString command = QStringLiteral("python3 -c \"$X\"");
        command.replace(QStringLiteral("$X"), QString(attack).replace(u'"', QStringLiteral("\\\"")));
        m_runner.call(m_sandbox.get(),
            QStringLiteral("code_latest"),
            QStringLiteral("shell"),
            {{QStringLiteral("command"), command}, {QStringLiteral("timeout_ms"), 60000}},
            &context,
            [&attacked](const QJsonObject &r) {
                attacked = r;
            });
        // Calls made while the attack runs must get their own answers.
        QStringList answers;
        for (int i = 0; i < 20; ++i) {
            answers.append(shell(QStringLiteral("echo real%1").arg(i)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(attacked.has_value(), 90000);
        const qint64 grownKb = residentKb() - before;
        const QString report =
            QJsonDocument::fromJson(textOf(*attacked).toUtf8()).object().value(QStringLiteral("stdout")).toString();
        qInfo("attack: %s; server resident set grew by %lld kB", qPrintable(report.trimmed()), grownKb);
        for (int i = 0; i < answers.size(); ++i) {
            QCOMPARE(answers.at(i), QStringLiteral("real%1\n").arg(i));
        }
        // The channel is a socket (not reopenable through /proc) held by an undumpable agent, and
        // so is the sandbox's stderr (bwrap's pid 1 holds it, dumpable for a server that is not
        // root): nothing inside can be written to at all.
        QVERIFY2(report.startsWith(QStringLiteral("written 0")), qPrintable(report));
        QVERIFY2(grownKb < 64 * 1024, qPrintable(QString::number(grownKb)));
        QCOMPARE(shell(QStringLiteral("echo still")), QStringLiteral("still\n"));
    }
};

QTEST_GUILESS_MAIN(tst_AgentAttacks)
#include "tst_agentattacks.moc"
