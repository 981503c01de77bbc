// SPDX-License-Identifier: MIT
// The detail pane's lifecycle panel against a real agentbay-local: the metrics graph sits in
// the Overview and draws the poller's samples of the shown session; Keep alive once; and
// "Keep alive while shown here" lets a session with a short idle timeout outlive it, which it
// does not once another session is shown (metrics polling alone does not keep it alive).
#include <core/api/apiclient.h>
#include <support/appagainstlocalserver.h>
#include <ui/lifecycle/keepalivewhileshown.h>
#include <ui/lifecycle/metricsgraph.h>
#include <ui/lifecycle/sessionlifecyclepanel.h>
#include <ui/services/lifecycletracker.h>
#include <ui/services/metricspoller.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/sessiondetailpane.h>

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace AgentBay;
using namespace std::chrono_literals;

namespace {

constexpr int CallTimeoutMs = Test::AppAgainstLocalServer::CallTimeoutMs;

} // namespace

class tst_SessionLifecyclePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void graph_inTheOverview_drawsThePollersSamplesOfTheShownSession();
    void keepAliveOnce_restartsTheIdleTimer();
    void keepAliveWhileShown_outlivesAShortIdleTimeout_untilAnotherSessionIsShown();

private:
    QString waitForRow(const QString &id) { return m_app.waitForRunningRow(id); }

    Test::AppAgainstLocalServer m_app;
    Ui::SessionController *m_controller = nullptr;
    std::unique_ptr<Ui::LifecycleTracker> m_tracker;
    std::unique_ptr<Ui::MetricsPoller> m_poller;
    std::unique_ptr<Ui::SessionDetailPane> m_pane;
};

void tst_SessionLifecyclePanel::initTestCase()
{
    QVERIFY2(m_app.startServer(), qPrintable(m_app.server()->lastError()));
}

void tst_SessionLifecyclePanel::init()
{
    Core::ApiClient *client = m_app.makeClient();
    m_controller = m_app.makeController();
    m_tracker = std::make_unique<Ui::LifecycleTracker>(client, m_controller->poller(), m_controller->store(), nullptr);
    m_poller = std::make_unique<Ui::MetricsPoller>(client);
    m_poller->setInterval(400ms);
    m_pane = std::make_unique<Ui::SessionDetailPane>(m_controller, client);
    m_pane->attachLifecycle(m_poller.get(), m_tracker.get());
    m_pane->resize(600, 700);
    m_pane->show();
    QVERIFY(m_app.startController());
}

void tst_SessionLifecyclePanel::cleanup()
{
    m_pane.reset();
    m_poller.reset();
    m_tracker.reset();
    m_app.reset();
    m_controller = nullptr;
}

void tst_SessionLifecyclePanel::cleanupTestCase()
{
    m_app.stopServer();
}

void tst_SessionLifecyclePanel::graph_inTheOverview_drawsThePollersSamplesOfTheShownSession()
{
    const QString id = waitForRow(m_app.createRawSession());
    const QString other = waitForRow(m_app.createRawSession({{QStringLiteral("Timeout"), QStringLiteral("600")}}));
    QVERIFY(!QTest::currentTestFailed());
    Ui::SessionLifecyclePanel *panel = m_pane->lifecyclePanel();
    QVERIFY(panel);
    QVERIFY(m_pane->tabs()->widget(Ui::SessionDetailPane::OverviewTab)->isAncestorOf(panel->graph()));
    m_pane->setSession(id);
    QCOMPARE(panel->graph()->session(), id);
    QVERIFY(panel->keepAliveButton()->isEnabled());
    QVERIFY(panel->keepAliveWhileShownBox()->isEnabled());

    // Both polled (both visible in a table); the graph draws the shown one's samples only.
    m_poller->setSessions({id, other});
    m_poller->start();
    QTRY_VERIFY_WITH_TIMEOUT(panel->graph()->cpuPoints().size() >= 3, CallTimeoutMs);
    const QList<Ui::MetricsPoller::Sample> samples = m_poller->history(id);
    const QList<QPointF> cpu = panel->graph()->cpuPoints();
    const QList<QPointF> memory = panel->graph()->memoryPoints();
    QCOMPARE(cpu.size(), samples.size());
    QCOMPARE(cpu.last().y(), samples.last().metrics.cpuUsedPct);
    QCOMPARE(memory.last().y(), samples.last().metrics.memUsedPct());
    QVERIFY(memory.last().y() > 0); // the session's processes use some memory
    QCOMPARE(cpu.last().x(), 0.0); // newest at the right edge
    QVERIFY(cpu.first().x() > 0);
    // Another session shown: its own history, not the first one's.
    QTRY_VERIFY_WITH_TIMEOUT(m_poller->history(other).size() >= 1, CallTimeoutMs);
    m_pane->setSession(other);
    QCOMPARE(panel->graph()->session(), other);
    QCOMPARE(panel->graph()->cpuPoints().size(), m_poller->history(other).size());
    // The remaining time reads from the server's deadlines (10 minutes idle for this one).
    QTRY_VERIFY_WITH_TIMEOUT(panel->remainingLabel()->text().startsWith(QStringLiteral("Released in")), 10000);
    m_pane->setSession({});
    QVERIFY(panel->graph()->session().isEmpty());
    QVERIFY(!panel->keepAliveButton()->isEnabled());
    m_poller->stop();
    m_controller->remove({id, other}, false);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->count() == 0, CallTimeoutMs);
}

void tst_SessionLifecyclePanel::keepAliveOnce_restartsTheIdleTimer()
{
    const QString id = waitForRow(m_app.createRawSession({{QStringLiteral("Timeout"), QStringLiteral("60")}}));
    QVERIFY(!QTest::currentTestFailed());
    m_pane->setSession(id);
    QTRY_VERIFY_WITH_TIMEOUT(m_tracker->remaining(id).isKnown(), 10000);
    const QDateTime before = m_tracker->remaining(id).deadline();
    // Deadlines are whole seconds: let more than one pass since the create.
    QTRY_VERIFY_WITH_TIMEOUT(m_tracker->now() > before.addSecs(-60).addMSecs(1500), 5000);
    QSignalSpy kept(m_tracker.get(), &Ui::LifecycleTracker::keptAlive);
    m_pane->lifecyclePanel()->keepAliveButton()->click();
    QVERIFY(kept.wait(CallTimeoutMs));
    QCOMPARE(kept.first().at(0).toString(), id);
    QTRY_VERIFY_WITH_TIMEOUT(m_tracker->remaining(id).deadline() > before, 5000);
    QCOMPARE(kept.size(), 1); // once: nothing more follows
    m_controller->remove({id}, false);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(id) == nullptr, CallTimeoutMs);
}

void tst_SessionLifecyclePanel::keepAliveWhileShown_outlivesAShortIdleTimeout_untilAnotherSessionIsShown()
{
    constexpr int IdleSeconds = 12; // room for a slow create on a loaded machine before the toggle
    const QString id = waitForRow(m_app.createRawSession({{QStringLiteral("Timeout"), QString::number(IdleSeconds)}}));
    QVERIFY(!QTest::currentTestFailed());
    m_pane->setSession(id);
    QTRY_VERIFY_WITH_TIMEOUT(m_tracker->remaining(id).isKnown(), 10000);
    const QDateTime firstDeadline = m_tracker->remaining(id).deadline();
    QSignalSpy removed(m_controller->store(), &Ui::SessionStore::sessionsRemoved);
    Ui::SessionLifecyclePanel *panel = m_pane->lifecyclePanel();
    QVERIFY(panel->keepAliveWhileShownBox()->isEnabled());
    panel->keepAliveWhileShownBox()->click();
    QVERIFY(panel->keeper()->isActive());
    // Metrics are polled as in the window; reading them is no activity, so it proves nothing
    // about keeping alive either way (see the end).
    m_poller->setSessions({id});
    m_poller->start();

    // The server pushes the deadline back again and again: the session lives on well past
    // its first deadline plus twice its idle timeout, never removed.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_tracker->remaining(id).deadline() > firstDeadline.addSecs(2 * IdleSeconds), 4 * CallTimeoutMs);
    QVERIFY(m_tracker->now() > firstDeadline.addSecs(IdleSeconds));
    QVERIFY(m_controller->store()->find(id));
    QVERIFY(removed.isEmpty());
    QVERIFY2(panel->keeper()->sentCount() >= 3, qPrintable(QString::number(panel->keeper()->sentCount())));
    // A sensible interval: well inside the idle timeout (a third of what is left), never under 1 s.
    QVERIFY(panel->keeper()->nextInterval() <= std::chrono::milliseconds(IdleSeconds * 1000 / 2));
    QVERIFY(panel->keeper()->nextInterval() >= Ui::KeepAliveWhileShown::MinInterval);

    // Another session shown: the toggle goes off and the idle timeout takes its course.
    m_pane->setSession({});
    QVERIFY(!panel->keeper()->isActive());
    QVERIFY(!panel->keepAliveWhileShownBox()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(id) == nullptr, 2 * CallTimeoutMs);
    QCOMPARE(removed.size(), 1);
    m_poller->stop();
}

QTEST_MAIN(tst_SessionLifecyclePanel)
#include "tst_sessionlifecyclepanel.moc"
