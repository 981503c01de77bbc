// SPDX-License-Identifier: MIT
#include <server/sandbox/cgroupfreezer.h>
#include <server/sandbox/cgroupleftovers.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using AgentBay::Server::CgroupFreezer;
using AgentBay::Server::CgroupLeftovers;
using namespace Qt::Literals::StringLiterals;

namespace {

using Version = CgroupFreezer::Version;

// A process that writes a growing counter to a file, so that "it runs" is visible.
std::unique_ptr<QProcess> startCounter(const QString &file)
{
    auto process = std::make_unique<QProcess>();
    process->start(u"/bin/sh"_s,
        {u"-c"_s, u"i=0; while :; do i=$((i+1)); echo $i > '%1.tmp'; mv '%1.tmp' '%1'; sleep 0.02; done"_s.arg(file)});
    return process;
}

int counterValue(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt() : -1;
}

bool join(const CgroupFreezer &freezer, qint64 pid)
{
    QFile procs(QFile::decodeName(freezer.procsFile()));
    return procs.open(QIODevice::WriteOnly | QIODevice::Unbuffered) && procs.write(QByteArray::number(pid)) > 0;
}

} // namespace

// Each test runs once per cgroup version and is skipped where that version cannot be used
// here (not mounted, no freezer, or no right to create cgroups: tests run as root in CI).
class tst_CgroupFreezer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_withNoVersionAllowed_failsAndNothingWorks();
    void create_makesACgroupThatRemoveDeletes_data();
    void create_makesACgroupThatRemoveDeletes();
    void freeze_stopsItsProcessesAndThawLetsThemRun_data();
    void freeze_stopsItsProcessesAndThawLetsThemRun();
    void killAll_endsEveryProcessEvenFrozen_data();
    void killAll_endsEveryProcessEvenFrozen();
    void removeWhileBusy_isRetriedByTheNextSweep_data();
    void removeWhileBusy_isRetriedByTheNextSweep();
    void destructor_removesTheCgroup_data();
    void destructor_removesTheCgroup();
    void madeByDeadServer_onlyForTheNameOfAGoneProcess();

private:
    static void addVersions();
    // Creates a freezer of the fetched version, or QSKIPs with the reason.
    static std::unique_ptr<CgroupFreezer> createOrSkip();
};

void tst_CgroupFreezer::addVersions()
{
    QTest::addColumn<Version>("version");
    QTest::newRow("v2") << Version::V2;
    QTest::newRow("v1") << Version::V1;
}

std::unique_ptr<CgroupFreezer> tst_CgroupFreezer::createOrSkip()
{
    QFETCH(Version, version);
    const bool v2 = version == Version::V2;
    if ((v2 ? CgroupFreezer::v2Mount() : CgroupFreezer::v1FreezerMount()).isEmpty()) {
        QTest::qSkip(v2 ? "cgroup v2 is not mounted here" : "no cgroup v1 freezer hierarchy is mounted here",
            __FILE__,
            __LINE__);
        return nullptr;
    }
    auto freezer = std::make_unique<CgroupFreezer>();
    if (!freezer->create(u"tst-cgroupfreezer"_s, v2, !v2)) {
        QTest::qSkip("cannot create a cgroup here (not root, or the hierarchy is read-only)", __FILE__, __LINE__);
        return nullptr;
    }
    return freezer;
}

void tst_CgroupFreezer::madeByDeadServer_onlyForTheNameOfAGoneProcess()
{
    QProcess gone;
    gone.start(u"/bin/true"_s);
    QVERIFY(gone.waitForStarted(30000));
    const QString dead = QString::number(gone.processId());
    QVERIFY(gone.waitForFinished(30000)); // reaped: its pid names no process now
    QVERIFY(CgroupLeftovers::madeByDeadServer(u"session-abc-"_s + dead));
    QVERIFY(
        !CgroupLeftovers::madeByDeadServer(u"session-abc-"_s + QString::number(QCoreApplication::applicationPid())));
    QVERIFY(!CgroupLeftovers::madeByDeadServer(u"session-abc-1"_s)); // init lives
    QVERIFY(!CgroupLeftovers::madeByDeadServer(u"session"_s));
    QVERIFY(!CgroupLeftovers::madeByDeadServer(u"session-x"_s));
}

void tst_CgroupFreezer::create_withNoVersionAllowed_failsAndNothingWorks()
{
    CgroupFreezer freezer;
    QVERIFY(!freezer.create(u"tst-none"_s, false, false));
    QCOMPARE(freezer.version(), Version::None);
    QVERIFY(freezer.path().isEmpty());
    QVERIFY(!freezer.freeze());
    QVERIFY(!freezer.thaw());
    QVERIFY(!freezer.isFrozen());
}

void tst_CgroupFreezer::create_makesACgroupThatRemoveDeletes_data()
{
    addVersions();
}

void tst_CgroupFreezer::create_makesACgroupThatRemoveDeletes()
{
    QFETCH(Version, version);
    auto freezer = createOrSkip();
    if (!freezer) {
        return;
    }
    QCOMPARE(freezer->version(), version);
    QVERIFY(QFileInfo(freezer->path()).isDir());
    // Named after the server's process, so a later server can sweep what a dead one left.
    QVERIFY(freezer->path().endsWith(u"-"_s + QString::number(QCoreApplication::applicationPid())));
    QVERIFY(QFile::exists(QFile::decodeName(freezer->procsFile())));
    QVERIFY(!freezer->isFrozen());
    QVERIFY(freezer->remove());
    QVERIFY(!QFileInfo::exists(freezer->path()));
}

void tst_CgroupFreezer::freeze_stopsItsProcessesAndThawLetsThemRun_data()
{
    addVersions();
}

void tst_CgroupFreezer::freeze_stopsItsProcessesAndThawLetsThemRun()
{
    auto freezer = createOrSkip();
    if (!freezer) {
        return;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(u"counter"_s);
    auto process = startCounter(file);
    QVERIFY(process->waitForStarted());
    QVERIFY(join(*freezer, process->processId()));
    // Bounds are generous for a loaded machine; the counter ticks every 20 ms.
    QTRY_VERIFY_WITH_TIMEOUT(counterValue(file) > 0, 10000);

    QVERIFY(freezer->freeze());
    QTRY_VERIFY_WITH_TIMEOUT(freezer->isFrozen(), 10000);
    // Frozen, not stopped for good: the process is still there and counts on after the thaw.
    const int frozenAt = counterValue(file);
    QCOMPARE(process->state(), QProcess::Running);

    QVERIFY(freezer->thaw());
    QTRY_VERIFY_WITH_TIMEOUT(!freezer->isFrozen(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(counterValue(file) > frozenAt, 10000);

    freezer->killAll();
    QVERIFY(process->waitForFinished(10000));
}

void tst_CgroupFreezer::killAll_endsEveryProcessEvenFrozen_data()
{
    addVersions();
}

void tst_CgroupFreezer::killAll_endsEveryProcessEvenFrozen()
{
    auto freezer = createOrSkip();
    if (!freezer) {
        return;
    }
    QTemporaryDir dir;
    auto first = startCounter(dir.filePath(u"a"_s));
    auto second = startCounter(dir.filePath(u"b"_s));
    QVERIFY(first->waitForStarted());
    QVERIFY(second->waitForStarted());
    QVERIFY(join(*freezer, first->processId()));
    QVERIFY(join(*freezer, second->processId()));
    QVERIFY(freezer->freeze());
    QTRY_VERIFY_WITH_TIMEOUT(freezer->isFrozen(), 10000);

    freezer->killAll();
    QVERIFY(first->waitForFinished(10000));
    QVERIFY(second->waitForFinished(10000));
    QCOMPARE(first->exitStatus(), QProcess::CrashExit);
    QCOMPARE(second->exitStatus(), QProcess::CrashExit);
    QVERIFY(freezer->remove());
    QVERIFY(!QFileInfo::exists(freezer->path()));
}

void tst_CgroupFreezer::removeWhileBusy_isRetriedByTheNextSweep_data()
{
    addVersions();
}

// A session's processes can take longer to die than delete waits (a long soak left one empty
// cgroup per few hundred deletes on a busy machine): the cgroup is kept and removed later.
void tst_CgroupFreezer::removeWhileBusy_isRetriedByTheNextSweep()
{
    auto freezer = createOrSkip();
    if (!freezer) {
        return;
    }
    QTemporaryDir dir;
    auto process = startCounter(dir.filePath(u"busy"_s));
    QVERIFY(process->waitForStarted());
    QVERIFY(join(*freezer, process->processId()));
    const QString path = freezer->path();

    QVERIFY(!freezer->remove()); // a live member: the kernel refuses
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(CgroupLeftovers::sweep() >= 1);

    process->kill();
    QVERIFY(process->waitForFinished(10000));
    QTRY_COMPARE_WITH_TIMEOUT(CgroupLeftovers::sweep(), 0, 10000);
    QVERIFY(!QFileInfo::exists(path));
}

void tst_CgroupFreezer::destructor_removesTheCgroup_data()
{
    addVersions();
}

void tst_CgroupFreezer::destructor_removesTheCgroup()
{
    auto freezer = createOrSkip();
    if (!freezer) {
        return;
    }
    QTemporaryDir dir;
    auto process = startCounter(dir.filePath(u"c"_s));
    QVERIFY(process->waitForStarted());
    QVERIFY(join(*freezer, process->processId()));
    const QString path = freezer->path();
    freezer.reset();
    QVERIFY(process->waitForFinished(10000));
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_GUILESS_MAIN(tst_CgroupFreezer)
#include "tst_cgroupfreezer.moc"
