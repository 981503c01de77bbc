// SPDX-License-Identifier: MIT
// The detail pane without a session says why: a filter that hides every session is named as
// such (how many it hides; the table beside it offers Clear filters), never "Create one", which
// is only for a profile without sessions.
#include <support/appagainstlocalserver.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/filterbar.h>
#include <ui/sessions/sessiondetailemptypage.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/sessions/sessiontableview.h>
#include <ui/window/mainwindow.h>

#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace AgentBay;

class tst_SessionDetailEmptyPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void states_data();
    void states();
    void window_filterHidesEverySession_saysSoAndClearsIt();
};

void tst_SessionDetailEmptyPage::states_data()
{
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("total");
    QTest::addColumn<bool>("filtered");
    QTest::addColumn<bool>("loaded");
    QTest::addColumn<QString>("expected");
    QTest::newRow("loading") << 0 << 0 << false << false << QStringLiteral("Select a session");
    QTest::newRow("no sessions") << 0 << 0 << false << true << QStringLiteral("Create one");
    QTest::newRow("filter hides all") << 0 << 3 << true << true << QStringLiteral("hides all 3 session");
    QTest::newRow("server left none") << 0 << 0 << true << true << QStringLiteral("no session to show");
    QTest::newRow("rows, none selected") << 3 << 5 << true << true << QStringLiteral("Select a session");
}

void tst_SessionDetailEmptyPage::states()
{
    QFETCH(int, shown);
    QFETCH(int, total);
    QFETCH(bool, filtered);
    QFETCH(bool, loaded);
    QFETCH(QString, expected);
    Ui::SessionDetailEmptyPage page;
    page.show();
    page.setListState(shown, total, filtered, loaded);
    QVERIFY2(page.text().contains(expected), qPrintable(page.text()));
    QVERIFY(page.findChildren<QPushButton *>().isEmpty()); // the table's Clear filters is the one to press
}

void tst_SessionDetailEmptyPage::window_filterHidesEverySession_saysSoAndClearsIt()
{
    // The window alone, never connected: the rows come straight into its store.
    Test::AppAgainstLocalServer app;
    QVERIFY(app.isValid());
    Ui::MainWindow &window = *app.makeWindow();
    window.controller()->store()->applyRefresh(
        {Core::SessionSummary{QStringLiteral("session-aaaa"), Core::SessionStatus::Running, {}, {}, {}},
            Core::SessionSummary{QStringLiteral("session-bbbb"), Core::SessionStatus::Running, {}, {}, {}}});
    QVERIFY(app.showWindow(QSize(1024, 768)));
    Ui::SessionDetailEmptyPage *empty = window.detailPane()->emptyPage();
    QTRY_VERIFY(empty->isVisible());
    QVERIFY2(!empty->text().contains(QStringLiteral("Create one")), qPrintable(empty->text()));

    // An id filter that nothing matches: both sessions exist, the filter hides them. The table
    // says so with Clear filters; the pane beside it only tells how many are hidden (a second
    // "No session matches" with a second button said the same thing twice).
    QTest::keyClicks(window.filterBar()->idEdit(), QStringLiteral("no-such-session"));
    QTRY_VERIFY2(empty->text().contains(QStringLiteral("hides")), qPrintable(empty->text()));
    QVERIFY2(empty->text().contains(QStringLiteral("all 2 session")), qPrintable(empty->text()));
    QVERIFY(!empty->text().contains(QStringLiteral("Create one")));
    QVERIFY(!empty->text().contains(QStringLiteral("matches the filter")));
    const QList<QPushButton *> paneButtons = empty->findChildren<QPushButton *>();
    for (const QPushButton *button : paneButtons) {
        QVERIFY2(!button->isVisible(), qPrintable(button->text()));
    }
    QVERIFY(window.table()->emptyHintText().contains(QStringLiteral("matches the filter")));
    QVERIFY(window.table()->clearFiltersButton()->isVisible());

    // The one Clear filters is still a keystroke away: Alt+L from the filter field.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.filterBar()->idEdit()->setFocus();
    QTRY_VERIFY(window.filterBar()->idEdit()->hasFocus());
    QTest::keyClick(window.filterBar()->idEdit(), Qt::Key_L, Qt::AltModifier);
    QTRY_VERIFY(window.filterBar()->idEdit()->text().isEmpty()); // the button's click is animated
    QTRY_VERIFY2(empty->text().contains(QStringLiteral("Select a session")), qPrintable(empty->text()));
    QVERIFY(!window.table()->clearFiltersButton()->isVisible());
}

QTEST_MAIN(tst_SessionDetailEmptyPage)
#include "tst_sessiondetailemptypage.moc"
