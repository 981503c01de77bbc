// SPDX-License-Identifier: MIT
// Tries, from inside a session, to exhaust the machine: a fork bomb, a memory hog, a full
// /tmp. Each hits the session's own limit, says so in that session's call, and leaves the
// server and the other sessions answering.
#include "sandboxescapesupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using AgentBay::Server::SandboxLimits;
using AgentBay::Server::SessionSandbox;
using namespace AgentBay::Test;

namespace {

bool enforces(const SessionSandbox &sandbox, const QString &controller)
{
    const QJsonArray controllers =
        sandbox.describe().value(QStringLiteral("limits"))[QStringLiteral("cgroupControllers")].toArray();
    for (const QJsonValue &value : controllers) {
        if (value.toString().startsWith(controller)) {
            return true;
        }
    }
    return false;
}

QString notEnforced(const SessionSandbox &sandbox)
{
    return sandbox.describe().value(QStringLiteral("limits"))[QStringLiteral("notEnforced")].toString();
}

} // namespace

class tst_SandboxEscapeLimits : public QObject
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

    void limits_areShownInTheSessionInfo()
    {
        QTemporaryDir dir;
        SandboxLimits limits;
        limits.pidsMax = 77;
        limits.memoryMax = qint64(300) << 20;
        limits.cpuWeight = 50;
        limits.tmpSize = qint64(20) << 20;
        auto sandbox = startEscapeSandbox(dir, QStringLiteral("ws"), std::nullopt, limits);
        QVERIFY(sandbox);
        const QJsonObject shown = sandbox->describe().value(QStringLiteral("limits")).toObject();
        QCOMPARE(shown.value(QStringLiteral("pidsMax")).toInteger(), 77);
        QCOMPARE(shown.value(QStringLiteral("memoryMaxBytes")).toInteger(), qint64(300) << 20);
        QCOMPARE(shown.value(QStringLiteral("cpuWeight")).toInt(), 50);
        QCOMPARE(shown.value(QStringLiteral("tmpSizeBytes")).toInteger(), qint64(20) << 20);
        // Either every controller is in force, or the info says which are not and why.
        QVERIFY(shown.value(QStringLiteral("cgroupControllers")).toArray().size() == 3
            || !shown.value(QStringLiteral("notEnforced")).toString().isEmpty());
    }

    void forkBomb_hitsPidsMax_andOtherSessionsKeepAnswering()
    {
        QTemporaryDir dir;
        SandboxLimits limits;
        limits.pidsMax = 64;
        limits.cpuWeight = 10;
        auto bomb = startEscapeSandbox(dir, QStringLiteral("bomb"), std::nullopt, limits);
        auto other = startEscapeSandbox(dir, QStringLiteral("other"));
        QVERIFY(bomb && other);
        if (!enforces(*bomb, QStringLiteral("pids"))) {
            // Never run a fork bomb without a limit on a shared machine.
            QSKIP(qPrintable(QStringLiteral("no process limit here: ") + notEnforced(*bomb)));
        }
        std::optional<SessionSandbox::ExecResult> bombResult;
        QObject context;
        bomb->exec(QStringLiteral("bomb() { bomb | bomb & }; bomb; sleep 4; echo survived"),
            {},
            {},
            8000,
            &context,
            [&bombResult](const SessionSandbox::ExecResult &r) {
                bombResult = r;
            });
        // While it runs: the other session answers each call promptly.
        qint64 slowestMs = 0;
        qint64 highestPids = 0;
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto r = runInSession(*other, QStringLiteral("echo ok"), 10000);
            QVERIFY(r && r->error.isEmpty());
            QCOMPARE(r->stdOut, QByteArray("ok\n"));
            slowestMs = qMax(slowestMs, timer.elapsed());
            highestPids = qMax(highestPids,
                qint64(bomb->describe().value(QStringLiteral("limits"))[QStringLiteral("pidsCurrent")].toInteger()));
        }
        qInfo("slowest echo in the other session during the bomb: %lld ms; bomb session peaked at %lld processes",
            slowestMs,
            highestPids);
        QVERIFY2(slowestMs < 5000, qPrintable(QString::number(slowestMs)));
        QVERIFY2(highestPids <= 64, qPrintable(QString::number(highestPids)));
        QTRY_VERIFY_WITH_TIMEOUT(bombResult.has_value(), 20000); // 8 s timeout + the backstop grace
        QVERIFY2(
            bombResult->stdErr.contains("process limit (64 processes)"), bombResult->stdErr.right(500).constData());
        bomb->terminate();
        QCOMPARE(bomb->processIds().size(), 0);
    }

    void memoryHog_isKilledAtMemoryMax_withAClearNote()
    {
        QTemporaryDir dir;
        SandboxLimits limits;
        limits.memoryMax = qint64(96) << 20;
        auto sandbox = startEscapeSandbox(dir, QStringLiteral("ws"), std::nullopt, limits);
        QVERIFY(sandbox);
        if (!enforces(*sandbox, QStringLiteral("memory"))) {
            QSKIP(qPrintable(QStringLiteral("no memory limit here: ") + notEnforced(*sandbox)));
        }
        const auto r =
            runInSession(*sandbox, QStringLiteral("python3 -I -c \"b = b'x' * (400 << 20); print(len(b))\""));
        QVERIFY(r);
        QVERIFY2(r->exitCode != 0, r->stdOut.constData());
        QVERIFY2(r->stdErr.contains("memory limit (96M)") || r->stdErr.contains("MemoryError"),
            r->stdErr.right(500).constData());
        // The session lives on.
        const auto after = runInSession(*sandbox, QStringLiteral("echo alive"));
        QVERIFY(after);
        QCOMPARE(after->stdOut, QByteArray("alive\n"));
    }

    void workspaceFile_cannotGrowPastTheQuota()
    {
        QTemporaryDir dir;
        SandboxLimits limits;
        limits.workspaceQuota = qint64(4) << 20;
        auto sandbox = startEscapeSandbox(dir, QStringLiteral("ws"), std::nullopt, limits);
        QVERIFY(sandbox);
        const auto r = runInSession(
            *sandbox, QStringLiteral("(head -c 8M /dev/zero > big) 2>/dev/null; echo rc=$?; wc -c < big; rm -f big"));
        QVERIFY(r && r->error.isEmpty());
        QVERIFY2(!r->stdOut.startsWith("rc=0"), r->stdOut.constData());
        QVERIFY2(r->stdOut.endsWith("\n4194304\n"), r->stdOut.constData());
        const auto after = runInSession(*sandbox, QStringLiteral("echo alive"));
        QVERIFY(after);
        QCOMPARE(after->stdOut, QByteArray("alive\n"));
    }

    void tmp_isPrivate_sizeLimited_andKeptBetweenCalls()
    {
        QTemporaryDir dir;
        SandboxLimits limits;
        limits.tmpSize = qint64(8) << 20;
        auto sandbox = startEscapeSandbox(dir, QStringLiteral("ws"), std::nullopt, limits);
        auto other = startEscapeSandbox(dir, QStringLiteral("other"));
        QVERIFY(sandbox && other);
        // The report goes to the workspace: a full /tmp takes anything else written there.
        const auto full = runInSession(*sandbox,
            QStringLiteral("head -c 16M /dev/zero > /tmp/big 2> /workspace/err; echo rc=$? >> /workspace/err; "
                           "du -m /tmp/big >> /workspace/err; rm -f /tmp/big; cat /workspace/err"));
        QVERIFY(full);
        QVERIFY2(full->stdOut.contains("No space left") && full->stdOut.contains("rc=1\n8\t/tmp/big"),
            QByteArray(full->stdOut + full->stdErr + full->error.toUtf8()).constData());
        const auto kept = runInSession(*sandbox, QStringLiteral("echo kept > /tmp/x.txt"));
        QVERIFY(kept);
        const auto later = runInSession(*sandbox, QStringLiteral("cat /tmp/x.txt"));
        QVERIFY(later);
        QCOMPARE(later->stdOut, QByteArray("kept\n"));
        const auto elsewhere = runInSession(*other, QStringLiteral("cat /tmp/x.txt 2>&1 || echo absent"));
        QVERIFY(elsewhere);
        QVERIFY2(elsewhere->stdOut.endsWith("absent\n"), elsewhere->stdOut.constData());
    }
};

QTEST_GUILESS_MAIN(tst_SandboxEscapeLimits)
#include "tst_sandboxescapelimits.moc"
