// SPDX-License-Identifier: MIT
// The tray menu against a real agentbay-local: it lists the running sessions and its actions work.
#include <core/api/apiclient.h>
#include <support/callbackprobe.h>
#include <support/localserver.h>
#include <ui/services/notifier.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>
#include <ui/tray/traycontroller.h>
#include <ui/tray/traynotifier.h>

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

#include <memory>

using namespace AgentBay;
using namespace std::chrono_literals;

namespace {

class RecordingOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &url) override
    {
        opened.append(url);
        return true;
    }

    QList<QUrl> opened;
};

// Create, pause and resume on a loaded machine (2 cores shared with builds) may take seconds.
constexpr int CallTimeoutMs = 30000;

QAction *actionIn(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text) {
            return action;
        }
    }
    return nullptr;
}

QMenu *sessionMenu(QMenu *menu, const QString &id)
{
    return menu->findChild<QMenu *>(id);
}

Core::SessionStatus statusOf(Ui::SessionController *controller, const QString &id)
{
    const Ui::SessionRow *row = controller->store()->find(id);
    return row ? row->status : Core::SessionStatus::Unknown;
}

} // namespace

class tst_TrayController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void menu_listsRunningSessions_withTheirCount();
    void keepAliveAction_asksForThatSession_onlyWhenRunning();
    void pauseAction_pausesThatSessionOnly_resumeBringsItBack();
    void pauseAll_pausesEveryRunningSession();
    void showWindow_isReachable();
    void quit_isReachable();
    void notifierFallback_withoutTray_isSilentButSpyable();

private:
    QString create();

    std::unique_ptr<Test::LocalServer> m_server;
    std::unique_ptr<Core::ApiClient> m_client;
    RecordingOpener m_opener;
    std::unique_ptr<Ui::SessionController> m_controller;
    std::unique_ptr<Ui::TrayController> m_tray;
    QStringList m_ids;
};

void tst_TrayController::initTestCase()
{
    m_server = std::make_unique<Test::LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    Core::Config config;
    config.endpoint = m_server->url();
    config.apiKey = m_server->apiKey();
    config.timeoutMs = CallTimeoutMs;
    m_client = std::make_unique<Core::ApiClient>(config);
    m_controller = std::make_unique<Ui::SessionController>(m_client.get(), &m_opener);
    m_controller->setRefreshInterval(300ms);
    m_controller->setWaitPollInterval(100ms);
    m_tray = std::make_unique<Ui::TrayController>(m_controller.get());
    m_controller->start();
    for (int i = 0; i < 2; ++i) {
        const QString id = create();
        QVERIFY(!id.isEmpty());
        m_ids.append(id);
    }
}

void tst_TrayController::cleanupTestCase()
{
    m_tray.reset();
    m_controller.reset();
    m_client.reset();
    m_server.reset();
}

QString tst_TrayController::create()
{
    Test::CallbackProbe<Core::SessionData> probe;
    m_client->create({}, &probe.context, probe.callback());
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
        QVERIFY2(probe.ok(), qPrintable(probe.why()));
    }();
    return probe.ok() ? probe.value().sessionId : QString();
}

void tst_TrayController::menu_listsRunningSessions_withTheirCount()
{
    // The next refresh (300 ms) brings both rows.
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->runningCount(), 2, 10000);
    for (const QString &id : std::as_const(m_ids)) {
        QMenu *sub = sessionMenu(m_tray->menu(), id);
        QVERIFY2(sub, qPrintable(id));
        QVERIFY(actionIn(sub, QStringLiteral("Pause"))->isEnabled());
        QVERIFY(!actionIn(sub, QStringLiteral("Resume"))->isEnabled());
    }
    QVERIFY(m_tray->icon()->toolTip().contains(QStringLiteral("2 running")));
    QVERIFY(actionIn(m_tray->menu(), QStringLiteral("Pause all running"))->isEnabled());
}

void tst_TrayController::keepAliveAction_asksForThatSession_onlyWhenRunning()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->runningCount(), 2, 10000);
    QSignalSpy asked(m_tray.get(), &Ui::TrayController::keepAliveRequested);
    const QString id = m_ids.last();
    QAction *keepAlive = actionIn(sessionMenu(m_tray->menu(), id), QStringLiteral("Keep alive"));
    QVERIFY(keepAlive);
    QVERIFY(keepAlive->isEnabled());
    keepAlive->trigger();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().at(0).toStringList(), QStringList{id});
}

void tst_TrayController::pauseAction_pausesThatSessionOnly_resumeBringsItBack()
{
    const QString id = m_ids.first();
    QTRY_VERIFY_WITH_TIMEOUT(sessionMenu(m_tray->menu(), id), 10000);
    actionIn(sessionMenu(m_tray->menu(), id), QStringLiteral("Pause"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_controller.get(), id), Core::SessionStatus::Paused, CallTimeoutMs);
    QCOMPARE(statusOf(m_controller.get(), m_ids.last()), Core::SessionStatus::Running);
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->runningCount(), 1, 5000);
    QMenu *sub = sessionMenu(m_tray->menu(), id);
    QVERIFY(sub); // paused sessions stay in the menu, to be resumed from it
    QVERIFY(!actionIn(sub, QStringLiteral("Pause"))->isEnabled());
    QVERIFY(!actionIn(sub, QStringLiteral("Keep alive"))->isEnabled()); // paused: no idle release
    actionIn(sub, QStringLiteral("Resume"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_controller.get(), id), Core::SessionStatus::Running, CallTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->runningCount(), 2, 5000);
}

void tst_TrayController::pauseAll_pausesEveryRunningSession()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->runningCount(), 2, 10000);
    actionIn(m_tray->menu(), QStringLiteral("Pause all running"))->trigger();
    for (const QString &id : std::as_const(m_ids)) {
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_controller.get(), id), Core::SessionStatus::Paused, CallTimeoutMs);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->runningCount(), 0, 5000);
    QVERIFY(!actionIn(m_tray->menu(), QStringLiteral("Pause all running"))->isEnabled());
    QVERIFY(actionIn(m_tray->menu(), QStringLiteral("No running sessions")));
}

void tst_TrayController::showWindow_isReachable()
{
    QSignalSpy shown(m_tray.get(), &Ui::TrayController::showWindowRequested);
    actionIn(m_tray->menu(), QStringLiteral("Show window"))->trigger();
    QCOMPARE(shown.size(), 1);
}

void tst_TrayController::quit_isReachable()
{
    QSignalSpy quit(m_tray.get(), &Ui::TrayController::quitRequested);
    actionIn(m_tray->menu(), QStringLiteral("Quit"))->trigger();
    QCOMPARE(quit.size(), 1);
}

void tst_TrayController::notifierFallback_withoutTray_isSilentButSpyable()
{
    // No tray and no notification daemon under the offscreen platform of the tests.
    std::unique_ptr<Ui::Notifier> notifier(Ui::TrayNotifier::createBest(m_tray->icon(), nullptr));
    QVERIFY(notifier);
    QSignalSpy notified(notifier.get(), &Ui::Notifier::notified);
    notifier->setEnabled(Ui::Notifier::Kind::OperationFailed, false);
    notifier->notify(Ui::Notifier::Kind::OperationFailed, QStringLiteral("Pause failed"), QString());
    QCOMPARE(notified.size(), 0);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        QSKIP("a tray exists here: the fallback under test is the silent one");
    }
    QVERIFY(notifier->notify(Ui::Notifier::Kind::OperationFinished, QStringLiteral("Paused"), QStringLiteral("x")));
    QCOMPARE(notified.size(), 1);
}

QTEST_MAIN(tst_TrayController)
#include "tst_traycontroller.moc"
