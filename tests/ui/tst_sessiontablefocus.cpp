// SPDX-License-Identifier: MIT
// Tab into the session table with nothing selected: the current row (the first one if none)
// becomes current and selected at once, so the arrows, Home and Delete act on a session
// straight away instead of on a focus frame alone.
#include <support/appagainstlocalserver.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/sessions/sessionlistmodel.h>
#include <ui/sessions/sessiontableview.h>
#include <ui/window/mainwindow.h>

#include <QApplication>
#include <QItemSelectionModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace AgentBay;
using namespace Qt::StringLiterals;

namespace {

QWidget *previousTabStop(QWidget *w)
{
    for (QWidget *prev = w->previousInFocusChain(); prev && prev != w; prev = prev->previousInFocusChain()) {
        if ((prev->focusPolicy() & Qt::TabFocus) && prev->isVisible() && prev->isEnabled()) {
            return prev;
        }
    }
    return nullptr;
}

// The window at 1024x768 with three rows in its table and none selected.
bool showWithThreeSessions(Test::AppAgainstLocalServer &app, Ui::MainWindow *&window)
{
    if (!app.isValid()) {
        return false;
    }
    window = app.makeWindow();
    window->controller()->store()->applyRefresh(
        {Core::SessionSummary{u"session-aaaa"_s, Core::SessionStatus::Running, {}, {}, {}},
            Core::SessionSummary{u"session-bbbb"_s, Core::SessionStatus::Running, {}, {}, {}},
            Core::SessionSummary{u"session-cccc"_s, Core::SessionStatus::Running, {}, {}, {}}});
    return app.showWindow(QSize(1024, 768)) && QTest::qWaitFor([window] {
        return window->table()->model()->rowCount() == 3;
    });
}

QString idAt(const Ui::SessionTableView *table, int row)
{
    return table->model()->index(row, 0).data(Ui::SessionListModel::SessionIdRole).toString();
}

} // namespace

class tst_SessionTableFocus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tabIntoTable_nothingSelected_selectsTheFirstRow();
    void tabIntoTable_currentRowUnselected_selectsIt();
};

void tst_SessionTableFocus::tabIntoTable_nothingSelected_selectsTheFirstRow()
{
    Test::AppAgainstLocalServer app;
    Ui::MainWindow *windowPtr = nullptr;
    QVERIFY(showWithThreeSessions(app, windowPtr));
    Ui::MainWindow &window = *windowPtr;
    Ui::SessionTableView *table = window.table();
    QVERIFY(table->selectedIds().isEmpty());

    QWidget *before = previousTabStop(table);
    QVERIFY(before);
    before->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(before->hasFocus());
    QTest::keyClick(before, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), table);
    QCOMPARE(table->selectedIds(), QStringList{idAt(table, 0)});
    QCOMPARE(window.currentId(), idAt(table, 0));
    QTRY_COMPARE(window.detailPane()->sessionId(), idAt(table, 0));

    // The arrows move the selection at once, and Home comes back to the first row.
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(table->selectedIds(), QStringList{idAt(table, 1)});
    QTest::keyClick(table, Qt::Key_Home);
    QCOMPARE(table->selectedIds(), QStringList{idAt(table, 0)});
    QTest::keyClick(table, Qt::Key_End);
    QCOMPARE(table->selectedIds(), QStringList{idAt(table, 2)});
}

void tst_SessionTableFocus::tabIntoTable_currentRowUnselected_selectsIt()
{
    Test::AppAgainstLocalServer app;
    Ui::MainWindow *windowPtr = nullptr;
    QVERIFY(showWithThreeSessions(app, windowPtr));
    Ui::MainWindow &window = *windowPtr;
    Ui::SessionTableView *table = window.table();
    // A current row without a selection (as after Ctrl+click took the selection away).
    table->selectionModel()->setCurrentIndex(table->model()->index(2, 0), QItemSelectionModel::NoUpdate);
    QVERIFY(table->selectedIds().isEmpty());

    // Shift+Tab from the detail tabs comes back to the table the same way.
    QWidget *tabs = window.detailPane()->tabs()->tabBar();
    tabs->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(tabs->hasFocus());
    QTest::keyClick(tabs, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), table);
    QCOMPARE(table->selectedIds(), QStringList{idAt(table, 2)});
    QTRY_COMPARE(window.detailPane()->sessionId(), idAt(table, 2));
}

QTEST_MAIN(tst_SessionTableFocus)
#include "tst_sessiontablefocus.moc"
