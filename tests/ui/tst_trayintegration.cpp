// SPDX-License-Identifier: MIT
// The at-a-glance pieces hooked into the real window against agentbay-local: the extra
// columns, metrics for the visible running rows only, Keep Alive on the selection.
#include <core/api/apiclient.h>
#include <support/appagainstlocalserver.h>
#include <support/callbackprobe.h>
#include <support/widgetwalk.h>
#include <ui/services/lifecycletracker.h>
#include <ui/services/metricspoller.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/glancecolumnsproxy.h>
#include <ui/sessions/sessionfilterproxymodel.h>
#include <ui/sessions/sessiontableview.h>
#include <ui/tray/traycontroller.h>
#include <ui/tray/trayintegration.h>
#include <ui/window/mainwindow.h>

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace AgentBay;
using namespace std::chrono_literals;

namespace {

constexpr int CallTimeoutMs = Test::AppAgainstLocalServer::CallTimeoutMs;

} // namespace

class tst_TrayIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void window_showsColumns_pollsVisibleRunning_keepsAlive();

private:
    Test::AppAgainstLocalServer m_app;
};

void tst_TrayIntegration::window_showsColumns_pollsVisibleRunning_keepsAlive()
{
    QVERIFY2(m_app.startServer(), qPrintable(m_app.server()->lastError()));
    Ui::MainWindow &window = *m_app.makeWindow();
    Ui::TrayIntegration glance(m_app.client(), window.controller(), &window, m_app.settings());
    glance.attachTable(&window);
    glance.metrics()->setInterval(500ms);
    QVERIFY(m_app.showWindow());
    QVERIFY(m_app.connectWindow());
    window.controller()->setRefreshInterval(300ms);

    // Created through the app with a policy: the tracker keeps it (the cloud's only record).
    QSignalSpy createdSignal(window.controller(), &Ui::SessionController::sessionCreated);
    Test::CallbackProbe<Core::SessionData> created;
    Core::CreateSessionParams params;
    params.lifecycle = Core::LifecyclePolicy{30, 240, false};
    window.controller()->create(params, &created.context, created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.done(), CallTimeoutMs);
    QVERIFY2(created.ok(), qPrintable(created.why()));
    const QString id = created.value().sessionId;
    QCOMPARE(createdSignal.size(), 1);
    QCOMPARE(createdSignal.first().at(0).toString(), id);
    // agentbay-local reports the deadlines itself: idle release in 30 minutes, which wins.
    QTRY_VERIFY_WITH_TIMEOUT(glance.tracker()->remaining(id).isKnown(), 10000);
    QVERIFY(*glance.tracker()->remaining(id).secondsLeft(glance.tracker()->now()) > 29 * 60);

    // The window's table has the extra columns; the new row is visible and running, so its
    // metrics arrive (first answer: two samples on the server) and show in the CPU column.
    const int cpu = glance.columns()->firstExtraColumn() + Ui::GlanceColumnsProxy::CpuExtra;
    QCOMPARE(window.proxy()->headerData(cpu, Qt::Horizontal).toString(), QStringLiteral("CPU"));
    QTRY_VERIFY_WITH_TIMEOUT(glance.metrics()->sessions().contains(id), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(glance.metrics()->hasMetrics(id), CallTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.proxy()->rowCount() == 1, 10000);
    QVERIFY(window.proxy()->index(0, cpu).data().toString().endsWith(u'%'));

    // Keep Alive on the selection.
    window.table()->selectRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(window.selectedIds(), QStringList{id}, 5000);
    QSignalSpy kept(glance.tracker(), &Ui::LifecycleTracker::keptAlive);
    glance.keepAliveAction()->trigger();
    QVERIFY(kept.wait(CallTimeoutMs));
    QCOMPARE(kept.first().at(0).toString(), id);

    // The tray menu's Keep alive reaches the tracker too.
    QMenu *sub = glance.tray()->menu()->findChild<QMenu *>(id);
    QVERIFY(sub);
    QAction *trayKeepAlive = Test::WidgetWalk(sub).actionWithText(QStringLiteral("Keep alive"));
    QVERIFY(trayKeepAlive);
    trayKeepAlive->trigger();
    QVERIFY(kept.wait(CallTimeoutMs));
    QCOMPARE(kept.size(), 2);
    QCOMPARE(kept.last().at(0).toString(), id);
}

QTEST_MAIN(tst_TrayIntegration)
#include "tst_trayintegration.moc"
