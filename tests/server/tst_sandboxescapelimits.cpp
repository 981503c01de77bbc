// SPDX-License-Identifier: MIT
// Tries, from inside a session, to exhaust the machine: a fork bomb, a memory hog, a full
// /tmp. Each hits the session's own limit, says so in that session's call, and leaves the
// server and the other sessions answering.
#include "sandboxescapesupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
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

// Bytes allocated under path, as du counts them (the host's view of a workspace).
qint64 diskUsage(const QString &path)
{
    QProcess du;
    du.start(QStringLiteral("du"), {QStringLiteral("-s"), QStringLiteral("-B1"), path});
    if (!du.waitForFinished(30000)) {
        return -1;
    }
    return du.readAllStandardOutput().split('\t').value(0).toLongLong();
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
        const auto r = runInSession(*sandbox, QStringLiteral("head -c 8M /dev/zero > big; echo rc=$?"));
        QVERIFY(r);
        // The file stops at the quota (RLIMIT_FSIZE: no slack for one file); with the folder's
        // own block the workspace is then over its total, so the call fails saying so.
        QVERIFY2(!r->stdOut.contains("rc=0"), r->stdOut.constData());
        QVERIFY2(r->error.contains(QStringLiteral("quota")), qPrintable(r->error));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("ws/big"))).size(), qint64(4) << 20);
        const auto removed = runInSession(*sandbox, QStringLiteral("rm -f big; echo alive"));
        QVERIFY(removed);
        QVERIFY2(removed->error.isEmpty(), qPrintable(removed->error));
        QCOMPARE(removed->stdOut, QByteArray("alive\n"));
    }

    void workspace_manySmallFiles_cannotPassTheTotalQuota()
    {
        QTemporaryDir dir;
        SandboxLimits limits;
        limits.workspaceQuota = qint64(4) << 20;
        auto sandbox = startEscapeSandbox(dir, QStringLiteral("ws"), std::nullopt, limits);
        auto other = startEscapeSandbox(dir, QStringLiteral("other"));
        QVERIFY(sandbox && other);
        QVERIFY(sandbox->describe()[QStringLiteral("limits")][QStringLiteral("workspaceQuotaBytes")].toInteger()
            == qint64(4) << 20);
        // 400 files of 1 MiB each, every one under the per-file limit: 100 times the quota.
        const auto r = runInSession(*sandbox,
            QStringLiteral(
                "i=0; while [ $i -lt 400 ]; do head -c 1M /dev/zero > f$i; i=$((i+1)); done; echo WROTE-ALL"));
        QVERIFY(r);
        QVERIFY2(!r->stdOut.contains("WROTE-ALL"), r->stdOut.constData());
        QVERIFY2(r->error.contains(QStringLiteral("quota")), qPrintable(r->error));
        // What got past the agent's watch is its slack (the writer's rate times the watch's
        // 20-100 ms, longer when a loaded machine runs the agent late): far from the 400 MiB.
        const qint64 onDisk = diskUsage(dir.filePath(QStringLiteral("ws")));
        qInfo("on disk after 400 x 1 MiB against a 4 MiB quota: %lld bytes", qlonglong(onDisk));
        QVERIFY2(onDisk < qint64(96) << 20, QByteArray::number(onDisk).constData());

        // A background writer outlives its call; the watch stops it all the same.
        const qsizetype idle = sandbox->processIds().size();
        const auto started = runInSession(*sandbox,
            QStringLiteral("rm -f f*; (i=0; while :; do head -c 1M /dev/zero > g$i; i=$((i+1)); done) "
                           ">/dev/null 2>&1 & echo started"));
        QVERIFY(started);
        QCOMPARE(started->stdOut, QByteArray("started\n"));
        QTRY_VERIFY_WITH_TIMEOUT(sandbox->processIds().size() <= idle, 20000);
        const qint64 afterWriter = diskUsage(dir.filePath(QStringLiteral("ws")));
        QVERIFY2(afterWriter < qint64(96) << 20, QByteArray::number(afterWriter).constData());
        // Over the quota every call fails; below it again the session goes on.
        const auto over = runInSession(*sandbox, QStringLiteral("echo still"));
        QVERIFY(over);
        QVERIFY2(over->error.contains(QStringLiteral("quota")), qPrintable(over->error));
        const auto cleaned = runInSession(*sandbox, QStringLiteral("rm -f g*; echo cleaned"));
        QVERIFY(cleaned);
        QVERIFY2(cleaned->error.isEmpty(), qPrintable(cleaned->error));

        // Nor does a deleted file that a process keeps writing through its descriptor.
        const auto hidden = runInSession(*sandbox,
            QStringLiteral("(exec 3>hidden; rm hidden; while :; do head -c 1M /dev/zero >&3; done) "
                           ">/dev/null 2>&1 & echo started"));
        QVERIFY(hidden);
        QCOMPARE(hidden->stdOut, QByteArray("started\n"));
        QTRY_VERIFY_WITH_TIMEOUT(sandbox->processIds().size() <= idle, 20000);
        const auto again = runInSession(*sandbox, QStringLiteral("echo cleaned"));
        QVERIFY(again);
        QVERIFY2(again->error.isEmpty(), qPrintable(again->error)); // its file went with it
        QCOMPARE(again->stdOut, QByteArray("cleaned\n"));
        const auto elsewhere = runInSession(*other, QStringLiteral("echo alive"));
        QVERIFY(elsewhere);
        QCOMPARE(elsewhere->stdOut, QByteArray("alive\n"));
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
