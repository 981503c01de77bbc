// SPDX-License-Identifier: MIT
#include <ui/services/metricspoller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/sessionlistmodel.h>
#include <ui/sessions/visiblesessionsfeed.h>

#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace AgentBay;

class tst_VisibleSessionsFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void onlyVisibleRunningRows_followScrollAndStatus()
    {
        Ui::SessionStore store;
        QList<Core::SessionSummary> sessions;
        for (int i = 0; i < 200; ++i) {
            // Every fifth session is paused.
            sessions.append({QStringLiteral("s%1").arg(i, 3, 10, QLatin1Char('0')),
                i % 5 == 4 ? Core::SessionStatus::Paused : Core::SessionStatus::Running,
                {},
                {},
                {}});
        }
        store.applyRefresh(sessions);
        Ui::SessionListModel model(&store);
        QTableView view;
        view.setModel(&model);
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        Ui::MetricsPoller poller(nullptr);
        Ui::VisibleSessionsFeed feed(&view, &poller);
        // The feed coalesces changes for 100 ms; 5 s is generous for an offscreen view.
        QTRY_VERIFY_WITH_TIMEOUT(!poller.sessions().isEmpty(), 5000);
        const QStringList top = poller.sessions();
        QVERIFY2(top.size() < 30, qPrintable(top.join(u',')));
        QVERIFY(top.contains(QStringLiteral("s000")));
        QVERIFY(!top.contains(QStringLiteral("s004"))); // paused
        QVERIFY(!top.contains(QStringLiteral("s199"))); // far below

        // The current row (the detail pane graphs it) stays polled when scrolled away.
        view.setCurrentIndex(model.index(10, 0));
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        QTRY_VERIFY_WITH_TIMEOUT(poller.sessions().contains(QStringLiteral("s198")), 5000);
        QVERIFY(!poller.sessions().contains(QStringLiteral("s000")));
        QVERIFY(poller.sessions().contains(QStringLiteral("s010")));
        QVERIFY2(poller.sessions().size() < 30, qPrintable(poller.sessions().join(u',')));
        view.setCurrentIndex(QModelIndex());
        QTRY_VERIFY_WITH_TIMEOUT(!poller.sessions().contains(QStringLiteral("s010")), 5000);

        // A visible row that is paused drops out.
        store.setStatus(QStringLiteral("s198"), Core::SessionStatus::Paused);
        QTRY_VERIFY_WITH_TIMEOUT(!poller.sessions().contains(QStringLiteral("s198")), 5000);
    }
};

QTEST_MAIN(tst_VisibleSessionsFeed)
#include "tst_visiblesessionsfeed.moc"
