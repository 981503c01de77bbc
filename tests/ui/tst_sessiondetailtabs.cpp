// SPDX-License-Identifier: MIT
// The detail pane at 1024x768: every tab shows its whole title without scrolling the tab bar,
// and no page asks for more room than the pane has (nothing cut), in the real window.
#include <support/appagainstlocalserver.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/tray/trayintegration.h>
#include <ui/window/mainwindow.h>

#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace AgentBay;

class tst_SessionDetailTabs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tabs_fitAndPagesAreNotCut_at1024x768_data();
    void tabs_fitAndPagesAreNotCut_at1024x768();
};

void tst_SessionDetailTabs::tabs_fitAndPagesAreNotCut_at1024x768_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("100%") << 1.0;
}

void tst_SessionDetailTabs::tabs_fitAndPagesAreNotCut_at1024x768()
{
    Test::AppAgainstLocalServer app; // the window alone, never connected
    QVERIFY(app.isValid());
    Ui::MainWindow &window = *app.makeWindow();
    Ui::TrayIntegration glance(app.client(), window.controller(), &window, app.settings());
    glance.attachTable(&window); // the Overview with its lifecycle panel, as the app shows it
    window.controller()->store()->applyRefresh({Core::SessionSummary{
        QStringLiteral("session-0123456789abcdefghij"), Core::SessionStatus::Running, {}, {}, {}}});
    QVERIFY(app.showWindow(QSize(1024, 768)));
    window.selectSession(QStringLiteral("session-0123456789abcdefghij"));
    Ui::SessionDetailPane *pane = window.detailPane();
    QTRY_COMPARE(pane->sessionId(), QStringLiteral("session-0123456789abcdefghij"));
    QTRY_COMPARE(window.size(), QSize(1024, 768)); // the window's minimum did not push it wider or taller

    QTabWidget *tabs = pane->tabs();
    QTabBar *bar = tabs->tabBar();
    QStringList problems;
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QCoreApplication::processEvents();
        // A page shown for the first time settles its nested layouts (and scroll bars) in a few passes.
        for (int pass = 0; pass < 4; ++pass) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        }
        // The whole tab inside the bar (no scroll arrows needed to reach it), title not elided.
        const QRect tab = bar->tabRect(i);
        if (!bar->rect().contains(tab)
            || tab.width() < bar->fontMetrics().horizontalAdvance(bar->tabText(i)) + bar->iconSize().width()) {
            problems << QStringLiteral("tab %1 at %2..%3 of a %4 px bar")
                            .arg(bar->tabText(i))
                            .arg(tab.left())
                            .arg(tab.right())
                            .arg(bar->width());
        }
        // The page's content gets at least what it needs, or scrolls to the rest: nothing cut.
        QWidget *page = tabs->widget(i);
        auto *scroll = qobject_cast<QScrollArea *>(page);
        QWidget *content = scroll ? scroll->widget() : page;
        const QSize need = content->minimumSizeHint();
        if (need.width() > content->width() || need.height() > content->height()) {
            problems << QStringLiteral("%1 needs %2x%3, has %4x%5")
                            .arg(bar->tabText(i))
                            .arg(need.width())
                            .arg(need.height())
                            .arg(content->width())
                            .arg(content->height());
        } else if (scroll) {
            const QSize shown = scroll->viewport()->size();
            if ((content->width() > shown.width() && scroll->horizontalScrollBar()->maximum() <= 0)
                || (content->height() > shown.height() && scroll->verticalScrollBar()->maximum() <= 0)) {
                problems << QStringLiteral("%1 is larger than its view and does not scroll").arg(bar->tabText(i));
            }
        }
    }
    // All of them at once, without the scroll arrows.
    int total = 0;
    for (int i = 0; i < tabs->count(); ++i) {
        total += bar->tabRect(i).width();
    }
    if (total > bar->width()) {
        problems << QStringLiteral("the tabs need %1 px, the bar has %2").arg(total).arg(bar->width());
    }
    for (const QToolButton *arrow : bar->findChildren<QToolButton *>()) {
        if (arrow->isVisible()) {
            problems << QStringLiteral("the tab bar shows its scroll arrows");
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    if (qEnvironmentVariableIsSet("AGENTBAY_SHOT_DIR")) {
        tabs->setCurrentIndex(Ui::SessionDetailPane::OverviewTab);
        QCoreApplication::processEvents();
        window.grab().save(qEnvironmentVariable("AGENTBAY_SHOT_DIR") + QStringLiteral("/detail-1024.png"));
        tabs->setCurrentIndex(Ui::SessionDetailPane::ToolsTab);
        QCoreApplication::processEvents();
        window.grab().save(qEnvironmentVariable("AGENTBAY_SHOT_DIR") + QStringLiteral("/detail-1024-tools.png"));
    }
}

QTEST_MAIN(tst_SessionDetailTabs)
#include "tst_sessiondetailtabs.moc"
