// SPDX-License-Identifier: MIT
// agentbay-local in the window's status bar, offscreen, with a real agentbay-local started by
// the launcher: its state and URL are shown, Stop ends it, and on quit the default policy stops
// it only when this app started it and every session on it is one this app created.
#include <core/api/apiclient.h>
#include <ui/services/localserverlauncher.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>
#include <ui/window/localserverstatus.h>

#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Ui::LocalServerStatus;

namespace {

class NoUrlOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &) override { return true; }
};

// Running, not a zombie waiting for a parent (the launcher detaches it) to reap it.
bool alive(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && line.mid(close + 2, 1) != "Z";
}

} // namespace

class tst_LocalServerStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startedHere_shownWithUrl_quitStopsItOnlyWhileNobodyElseUsesIt();
    void quitPolicy_neverKeepsIt_alwaysStopsIt();
};

void tst_LocalServerStatus::startedHere_shownWithUrl_quitStopsItOnlyWhileNobodyElseUsesIt()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    Ui::LocalServerLauncher launcher;
    launcher.setDataDir(dir.filePath(u"data"_s));
    launcher.setProgram(qEnvironmentVariable("AGENTBAY_LOCAL_BIN"));
    Core::ApiClient client(Core::Config{});
    NoUrlOpener opener;
    Ui::SessionController controller(&client, &opener);
    QMainWindow window;
    LocalServerStatus status(&launcher, controller.store(), &settings, window.statusBar());
    status.setActive(true);
    window.show();
    QVERIFY(status.label()->text().contains(u"stopped"_s));
    QVERIFY(!status.stopButton()->isVisible());

    QSignalSpy ready(&launcher, &Ui::LocalServerLauncher::ready);
    launcher.ensureRunning();
    QVERIFY(ready.wait(20000)); // starting a server; generous on a loaded machine
    const qint64 pid = launcher.serverInfo().pid;
    QVERIFY(alive(pid));
    auto guard = qScopeGuard([pid] {
        ::kill(pid_t(pid), SIGTERM);
    });
    const QString url = ready.at(0).at(0).toString();
    // Compact beside the transient messages: the URL is in the tooltip, not in the bar.
    QVERIFY2(!status.label()->text().contains(url), qPrintable(status.label()->text()));
    QVERIFY2(status.label()->text().startsWith(u"Local server: 0 session"_s), qPrintable(status.label()->text()));
    QVERIFY2(status.label()->toolTip().contains(url), qPrintable(status.label()->toolTip()));
    QVERIFY(status.stopButton()->isVisible());
    QVERIFY(status.startedByThisApp());
    QVERIFY(status.shouldStopOnQuit()); // started here, no sessions

    Core::Config config;
    config.endpoint = url;
    config.apiKey = ready.at(0).at(1).toString();
    config.caCertificates = launcher.serverInfo().caCertificates;
    client.setConfig(config);
    controller.setRefreshInterval(200ms);
    controller.start();
    // A session someone else made (an SDK script, say): the server is theirs too now.
    std::optional<Core::Result<Core::SessionData>> made;
    Core::ApiClient other(config);
    other.create({}, this, [&made](const Core::Result<Core::SessionData> &result) {
        made = result;
    });
    QTRY_VERIFY_WITH_TIMEOUT(made.has_value(), 15000);
    QVERIFY(made->ok());
    QTRY_COMPARE_WITH_TIMEOUT(controller.store()->count(), 1, 10000);
    QVERIFY(status.label()->text().contains(u"1 session"_s));
    QVERIFY(status.othersUseIt());
    QVERIFY(!status.shouldStopOnQuit());
    // Had this app created it, nobody else would be using the server.
    status.noteCreated(made->value().sessionId);
    QVERIFY(status.shouldStopOnQuit());
    // Under the server's label filter the list is not all the server has: no count (it read
    // "0 sessions" while four ran), and the sessions the filter leaves out may be anyone's.
    status.setListFiltered(true);
    QVERIFY2(!status.label()->text().contains(u"session"_s), qPrintable(status.label()->text()));
    QVERIFY(status.othersUseIt());
    QVERIFY(!status.shouldStopOnQuit());
    status.setListFiltered(false);
    QVERIFY(status.label()->text().contains(u"1 session"_s));
    QVERIFY(status.shouldStopOnQuit());

    controller.stop();
    status.quitting();
    QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), 10000);
    QVERIFY(status.label()->text().contains(u"stopped"_s));
}

void tst_LocalServerStatus::quitPolicy_neverKeepsIt_alwaysStopsIt()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    QCOMPARE(LocalServerStatus::quitPolicy(&settings), LocalServerStatus::QuitPolicy::Auto); // the default
    LocalServerStatus::setQuitPolicy(&settings, LocalServerStatus::QuitPolicy::Never);
    QCOMPARE(LocalServerStatus::quitPolicy(&settings), LocalServerStatus::QuitPolicy::Never);

    Ui::LocalServerLauncher launcher;
    launcher.setDataDir(dir.filePath(u"data"_s));
    launcher.setProgram(qEnvironmentVariable("AGENTBAY_LOCAL_BIN"));
    Core::ApiClient client(Core::Config{});
    NoUrlOpener opener;
    Ui::SessionController controller(&client, &opener);
    QMainWindow window;
    LocalServerStatus status(&launcher, controller.store(), &settings, window.statusBar());
    QSignalSpy ready(&launcher, &Ui::LocalServerLauncher::ready);
    launcher.ensureRunning();
    QVERIFY(ready.wait(20000));
    const qint64 pid = launcher.serverInfo().pid;
    auto guard = qScopeGuard([pid] {
        ::kill(pid_t(pid), SIGTERM);
    });
    QVERIFY(!status.shouldStopOnQuit());
    status.quitting();
    QVERIFY(alive(pid));
    LocalServerStatus::setQuitPolicy(&settings, LocalServerStatus::QuitPolicy::Always);
    QVERIFY(status.shouldStopOnQuit());
    status.stopButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), 10000);
}

QTEST_MAIN(tst_LocalServerStatus)
#include "tst_localserverstatus.moc"
