// SPDX-License-Identifier: MIT
#include <server/sandbox/sandboxagent.h>
#include <server/sandbox/sessionsandbox.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <optional>

using AgentBay::Server::SessionSandbox;

namespace {

QString newSessionId()
{
    return QStringLiteral("session-tst%1")
        .arg(QRandomGenerator::global()->generate64() % 1000000000000ULL, 12, 10, QLatin1Char('0'));
}

std::optional<SessionSandbox::ExecResult> run(SessionSandbox &sandbox,
    const QString &command,
    const QString &cwd = {},
    const QMap<QString, QString> &env = {},
    int timeoutMs = 20000)
{
    std::optional<SessionSandbox::ExecResult> result;
    QObject context;
    sandbox.exec(command, cwd, env, timeoutMs, &context, [&result](const SessionSandbox::ExecResult &r) {
        result = r;
    });
    [[maybe_unused]] const bool arrived = QTest::qWaitFor(
        [&result] {
            return result.has_value();
        },
        timeoutMs + 10000);
    return result;
}

QByteArray readWorkspaceFile(const SessionSandbox &sandbox, const QString &name)
{
    QFile file(sandbox.workspace() + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

// A scoped environment variable, so one test's forced mode never leaks into the next.
class EnvOverride
{
public:
    EnvOverride(const char *name, const QByteArray &value)
        : m_name(name)
    {
        if (value.isEmpty()) {
            qunsetenv(name);
        } else {
            qputenv(name, value);
        }
    }

    ~EnvOverride() { qunsetenv(m_name); }
    Q_DISABLE_COPY_MOVE(EnvOverride)

private:
    const char *m_name;
};

} // namespace

class tst_SessionSandbox : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionSandbox> makeSandbox(QTemporaryDir &dir, const QString &sub = QStringLiteral("ws"))
    {
        auto sandbox = std::make_unique<SessionSandbox>(newSessionId(), dir.filePath(sub));
        QString error;
        if (!sandbox->start(&error)) {
            qWarning() << "start failed:" << error;
            return {};
        }
        return sandbox;
    }

private Q_SLOTS:

    void start_returnsQuickly_andNamesItsIsolation()
    {
        QTemporaryDir dir;
        SessionSandbox sandbox(newSessionId(), dir.filePath(QStringLiteral("ws")));
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        // start() does not wait for the agent: its "ready" is read by the event loop, which has
        // not run yet. (Structural, not a time bound: figures are benchmarks.)
        QVERIFY(sandbox.agent());
        QVERIFY(!sandbox.agent()->isReady());
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.agent() && sandbox.agent()->isReady(), 30000);
        const bool forcedProcess = qEnvironmentVariable("AGENTBAY_LOCAL_ISOLATION") == u"process";
        QCOMPARE(sandbox.isolationName(),
            SessionSandbox::bubblewrapAvailable() && !forcedProcess ? QStringLiteral("bwrap")
                                                                    : QStringLiteral("process"));
        QVERIFY(QFileInfo(sandbox.workspace()).isDir());
        const QStringList methods{QStringLiteral("cgroup-v2"), QStringLiteral("cgroup-v1"), QStringLiteral("sigstop")};
        QVERIFY(methods.contains(sandbox.pauseMethod()));
    }

    void exec_command_reportsOutputAndExitCode_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("stdOut");
        QTest::addColumn<QByteArray>("stdErr");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("echo") << QStringLiteral("echo hello") << QByteArray("hello\n") << QByteArray() << 0;
        QTest::newRow("stderr") << QStringLiteral("echo oops >&2") << QByteArray() << QByteArray("oops\n") << 0;
        QTest::newRow("exit code") << QStringLiteral("echo a; exit 3") << QByteArray("a\n") << QByteArray() << 3;
        QTest::newRow("killed by signal") << QStringLiteral("kill -9 $$") << QByteArray() << QByteArray() << 137;
        QTest::newRow("utf-8 and quotes")
            << QStringLiteral("printf '%s' \"héllo 'x'\"") << QByteArray("h\xc3\xa9llo 'x'") << QByteArray() << 0;
    }

    void exec_command_reportsOutputAndExitCode()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, stdOut);
        QFETCH(QByteArray, stdErr);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        const auto result = run(*sandbox, command);
        QVERIFY(result.has_value());
        QVERIFY2(result->error.isEmpty(), qPrintable(result->error));
        QCOMPARE(result->stdOut, stdOut);
        QCOMPARE(result->stdErr, stdErr);
        QCOMPARE(result->exitCode, exitCode);
        QVERIFY(!result->timedOut);
    }

    void exec_cwdAndEnv_areHonoured_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("cwd");
        QTest::addColumn<QString>("envValue");
        QTest::addColumn<QString>("expected"); // %W = workspace as seen inside
        QTest::addColumn<bool>("refused");
        QTest::newRow("default cwd is the workspace")
            << QStringLiteral("pwd") << QString() << QString() << QStringLiteral("%W") << false;
        QTest::newRow("relative cwd") << QStringLiteral("pwd") << QStringLiteral("sub/deeper") << QString()
                                      << QStringLiteral("%W/sub/deeper") << false;
        QTest::newRow("cwd given as /workspace/...") << QStringLiteral("pwd") << QStringLiteral("/workspace/sub")
                                                     << QString() << QStringLiteral("%W/sub") << false;
        QTest::newRow("env value") << QStringLiteral("printf '%s' \"$GREETING\"") << QString()
                                   << QStringLiteral("hi there & more") << QStringLiteral("hi there & more") << false;
        QTest::newRow("cwd escaping with ..")
            << QStringLiteral("pwd") << QStringLiteral("../..") << QString() << QString() << true;
        QTest::newRow("cwd absolute outside")
            << QStringLiteral("pwd") << QStringLiteral("/etc") << QString() << QString() << true;
    }

    void exec_cwdAndEnv_areHonoured()
    {
        QFETCH(QString, command);
        QFETCH(QString, cwd);
        QFETCH(QString, envValue);
        QFETCH(QString, expected);
        QFETCH(bool, refused);
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        QVERIFY(QDir().mkpath(sandbox->workspace() + QStringLiteral("/sub/deeper")));
        QMap<QString, QString> env;
        if (!envValue.isEmpty()) {
            env.insert(QStringLiteral("GREETING"), envValue);
        }
        const auto result = run(*sandbox, command, cwd, env);
        QVERIFY(result.has_value());
        if (refused) {
            QVERIFY(!result->error.isEmpty());
            QVERIFY(result->stdOut.isEmpty());
            return;
        }
        QVERIFY2(result->error.isEmpty(), qPrintable(result->error));
        expected.replace(QStringLiteral("%W"), sandbox->workspaceInside());
        QCOMPARE(QString::fromUtf8(result->stdOut.trimmed()), expected);
    }

    void exec_serverEnvironment_doesNotLeakIntoSession()
    {
        EnvOverride secret("AGENTBAY_API_KEY", "very-secret-key");
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        const auto result = run(*sandbox, QStringLiteral("env"));
        QVERIFY(result.has_value());
        QCOMPARE(result->exitCode, 0);
        QVERIFY(!result->stdOut.contains("very-secret-key"));
        QVERIFY(result->stdOut.contains(QByteArray("HOME=" + sandbox->workspaceInside().toUtf8())));
    }

    void exec_backgroundProcess_survivesBetweenCalls()
    {
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        // The loop appends one line per turn: a count only grows, so no read can catch it half
        // written (a file rewritten with '>' reads empty between truncation and write).
        const auto started = run(*sandbox,
            QStringLiteral("nohup sh -c 'while :; do echo . >> ticks; sleep 0.02; done' >/dev/null 2>&1 &"
                           " echo $! > bg.pid"));
        QVERIFY(started.has_value());
        QCOMPARE(started->exitCode, 0);
        const auto ticks = [&sandbox] {
            return readWorkspaceFile(*sandbox, QStringLiteral("ticks")).count('.');
        };
        // Turns after the call has returned prove the process outlived it. The loop turns every
        // 20 ms when it gets the CPU; the bound only ends a broken run and is generous because
        // QTRY counts its timeout in 50 ms waits, which stretch on a loaded machine.
        const qsizetype afterCall = ticks();
        QTRY_VERIFY_WITH_TIMEOUT(ticks() >= afterCall + 2, 60000);
        const auto alive = run(*sandbox, QStringLiteral("kill -0 $(cat bg.pid) && echo alive"));
        QVERIFY(alive.has_value());
        QCOMPARE(alive->stdOut, QByteArray("alive\n"));
    }

    void exec_timeout_killsCommandAndItsChildren()
    {
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        QElapsedTimer timer;
        timer.start();
        const auto result =
            run(*sandbox, QStringLiteral("sleep 60 & echo $! > child.pid; echo started; sleep 60"), {}, {}, 400);
        QVERIFY(result.has_value());
        QVERIFY(result->timedOut);
        QVERIFY(result->exitCode != 0);
        QCOMPARE(result->stdOut, QByteArray("started\n"));
        // Far below the 60 s of `sleep`, 50 times the 400 ms timeout (a busy, sanitized run).
        QVERIFY(timer.elapsed() < 20000);
        // Killed processes may linger for a moment as zombies before they are reaped.
        const auto check = run(*sandbox,
            QStringLiteral("p=$(cat child.pid); for i in $(seq 50); do "
                           "grep -qs '^[0-9]* ([^)]*) [^Z]' /proc/$p/stat || { echo gone; exit; }; sleep 0.1; done; "
                           "echo alive"));
        QVERIFY(check.has_value());
        QCOMPARE(check->stdOut, QByteArray("gone\n"));
    }

    void exec_twentyConcurrentCalls_runInParallel()
    {
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        QObject context;
        int finished = 0;
        int succeeded = 0;
        // Each call announces itself, then waits until all twenty have: run one after another,
        // the first would wait for the others until its timeout. Proof of overlap without a clock.
        for (int i = 0; i < 20; ++i) {
            sandbox->exec(
                QStringLiteral("touch started.%1; until [ $(ls started.* | wc -l) -ge 20 ]; do sleep 0.05; done;"
                               " echo %1")
                    .arg(i),
                {},
                {},
                30000,
                &context,
                [&finished, &succeeded, i](const SessionSandbox::ExecResult &r) {
                    ++finished;
                    if (r.exitCode == 0 && r.stdOut == QByteArray::number(i) + '\n') {
                        ++succeeded;
                    }
                });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 20, 60000);
        QCOMPARE(succeeded, 20);
    }

    void exec_contextDestroyed_callbackNotRun()
    {
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        bool called = false;
        auto context = std::make_unique<QObject>();
        sandbox->exec(
            QStringLiteral("sleep 0.2"), {}, {}, 5000, context.get(), [&called](const SessionSandbox::ExecResult &) {
                called = true;
            });
        context.reset();
        const auto after = run(*sandbox, QStringLiteral("sleep 0.5; echo done"));
        QVERIFY(after.has_value());
        QCOMPARE(after->stdOut, QByteArray("done\n"));
        QVERIFY(!called);
    }

    void pause_freezesEveryProcess_andResumeThaws_data()
    {
        QTest::addColumn<QByteArray>("isolation");
        QTest::addColumn<QByteArray>("pauseMethod");
        QTest::newRow("bwrap, best method") << QByteArray() << QByteArray();
        QTest::newRow("bwrap, cgroup v1") << QByteArray() << QByteArray("cgroup-v1");
        QTest::newRow("bwrap, sigstop over the pid namespace") << QByteArray() << QByteArray("sigstop");
        QTest::newRow("process, best method") << QByteArray("process") << QByteArray();
        QTest::newRow("process, sigstop over descendants and marked") << QByteArray("process") << QByteArray("sigstop");
    }

    void pause_freezesEveryProcess_andResumeThaws()
    {
        QFETCH(QByteArray, isolation);
        QFETCH(QByteArray, pauseMethod);
        if (isolation.isEmpty() && !SessionSandbox::bubblewrapAvailable()) {
            QSKIP("bubblewrap is not usable here");
        }
        EnvOverride isolationEnv("AGENTBAY_LOCAL_ISOLATION", isolation);
        EnvOverride pauseEnv("AGENTBAY_LOCAL_PAUSE", pauseMethod);
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        if (!pauseMethod.isEmpty() && sandbox->pauseMethod() != QString::fromLatin1(pauseMethod)) {
            QSKIP("that pause method is not available on this machine");
        }
        // A tick loop in the background, and one that escaped into its own session. Each turn
        // appends one byte: a count that only grows. (A counter rewritten with `>` reads empty
        // between truncate and write, and QTRY evaluates its condition again after it held: one
        // such read failed it at once with a bogus "timeout too short".)
        const auto started = run(*sandbox,
            QStringLiteral("(while :; do printf . >> plain.ticks; sleep 0.01; done) >/dev/null 2>&1 &"
                           " setsid sh -c 'while :; do printf . >> escaped.ticks; sleep 0.01; done'"
                           " >/dev/null 2>&1 &"));
        QVERIFY(started.has_value());
        QCOMPARE(started->exitCode, 0);
        const auto ticks = [&sandbox](const char *name) {
            return readWorkspaceFile(*sandbox, QString::fromLatin1(name)).count('.');
        };
        QTRY_VERIFY_WITH_TIMEOUT(ticks("plain.ticks") > 3, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(ticks("escaped.ticks") > 3, 15000);

        QString error;
        QVERIFY2(sandbox->pause(&error), qPrintable(error));
        QVERIFY(sandbox->isPaused());
        const qsizetype plain = ticks("plain.ticks");
        const qsizetype escaped = ticks("escaped.ticks");
        QTest::qWait(400); // the observation window: nothing may move in it
        QCOMPARE(ticks("plain.ticks"), plain);
        QCOMPARE(ticks("escaped.ticks"), escaped);

        QVERIFY2(sandbox->resume(&error), qPrintable(error));
        QVERIFY(!sandbox->isPaused());
        QTRY_VERIFY_WITH_TIMEOUT(ticks("plain.ticks") > plain + 3, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(ticks("escaped.ticks") > escaped + 3, 15000);
        const auto after = run(*sandbox, QStringLiteral("echo still working"));
        QVERIFY(after.has_value());
        QCOMPARE(after->stdOut, QByteArray("still working\n"));
    }

    void terminate_killsEveryProcess_includingEscapees_data()
    {
        QTest::addColumn<QByteArray>("isolation");
        QTest::addColumn<QByteArray>("pauseMethod");
        QTest::newRow("default") << QByteArray() << QByteArray();
        QTest::newRow("bwrap without cgroups") << QByteArray() << QByteArray("sigstop");
        QTest::newRow("process without cgroups") << QByteArray("process") << QByteArray("sigstop");
    }

    void terminate_killsEveryProcess_includingEscapees()
    {
        QFETCH(QByteArray, isolation);
        QFETCH(QByteArray, pauseMethod);
        EnvOverride isolationEnv("AGENTBAY_LOCAL_ISOLATION", isolation);
        EnvOverride pauseEnv("AGENTBAY_LOCAL_PAUSE", pauseMethod);
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        const auto started =
            run(*sandbox, QStringLiteral("sleep 300 >/dev/null 2>&1 & setsid sleep 301 >/dev/null 2>&1 &"));
        QVERIFY(started.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(sandbox->processIds().size() >= 3, 15000);
        const QList<qint64> pids = sandbox->processIds();
        sandbox->terminate();
        const auto allGone = [&pids] {
            for (const qint64 pid : pids) {
                QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
                // Gone, or a zombie waiting for its (host) parent to reap it.
                if (stat.open(QIODevice::ReadOnly) && !stat.readAll().contains(") Z ")) {
                    return false;
                }
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allGone(), 5000);
    }

    void bubblewrap_sessionsAreIsolated()
    {
        if (!SessionSandbox::bubblewrapAvailable()) {
            QSKIP("bubblewrap is not usable here");
        }
        QTemporaryDir dir;
        auto first = makeSandbox(dir, QStringLiteral("first"));
        auto second = makeSandbox(dir, QStringLiteral("second"));
        QVERIFY(first && second);
        if (first->isolation() != SessionSandbox::Isolation::Bubblewrap) {
            QSKIP("the process session is not a security boundary");
        }
        QVERIFY(run(*first, QStringLiteral("echo first-secret > secret.txt")).has_value());
        QVERIFY(QFile::exists(first->workspace() + QStringLiteral("/secret.txt")));
        const QString command =
            QStringLiteral("cat %1/secret.txt; ls /workspace; cat /workspace/secret.txt").arg(first->workspace());
        const auto peek = run(*second, command);
        QVERIFY(peek.has_value());
        QVERIFY(!peek->stdOut.contains("first-secret"));
        QVERIFY(!peek->stdOut.contains("secret.txt"));
        QVERIFY(peek->exitCode != 0);
    }

    void bubblewrap_systemIsReadOnly_andHostnameIsSessionId()
    {
        if (!SessionSandbox::bubblewrapAvailable()) {
            QSKIP("bubblewrap is not usable here");
        }
        QTemporaryDir dir;
        auto sandbox = std::make_unique<SessionSandbox>(
            QStringLiteral("session-readonlycheck01234"), dir.filePath(QStringLiteral("ws")));
        QString error;
        QVERIFY2(sandbox->start(&error), qPrintable(error));
        if (sandbox->isolation() != SessionSandbox::Isolation::Bubblewrap) {
            QSKIP("only bubblewrap makes the system read-only");
        }
        const auto result = run(*sandbox,
            QStringLiteral("hostname; touch /usr/agentbay-probe 2>/dev/null && echo usr-writable; "
                           "touch /etc/agentbay-probe 2>/dev/null && echo etc-writable; touch /tmp/ok && echo tmp-ok"));
        QVERIFY(result.has_value());
        QCOMPARE(result->stdOut, QByteArray("session-readonlycheck01234\ntmp-ok\n"));
    }

    void exec_afterAgentDied_restartsTheSandbox()
    {
        QTemporaryDir dir;
        auto sandbox = makeSandbox(dir);
        QVERIFY(sandbox);
        QVERIFY(run(*sandbox, QStringLiteral("true")).has_value());
        sandbox->terminate();
        const auto result = run(*sandbox, QStringLiteral("echo back"));
        QVERIFY(result.has_value());
        QCOMPARE(result->stdOut, QByteArray("back\n"));
    }
};

QTEST_GUILESS_MAIN(tst_SessionSandbox)
#include "tst_sessionsandbox.moc"
