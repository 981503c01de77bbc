// SPDX-License-Identifier: MIT
#include <ui/tools/callhistorypage.h>
#include <ui/tools/resultview.h>

#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ToolCallRecord;
using AgentBay::Ui::CallHistoryPage;
using AgentBay::Ui::ResultView;

namespace {

ToolCallRecord record(const QString &command)
{
    ToolCallRecord r;
    r.id = command;
    r.sessionId = u"session-1"_s;
    r.toolName = u"shell"_s;
    r.arguments = {{u"command"_s, command}};
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.result = QJsonObject{{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, command}}}}};
    return r;
}

QString message(const CallHistoryPage &page)
{
    return page.findChild<ResultView *>(u"historyResult"_s)->findChild<QLabel *>(u"message"_s)->text();
}

} // namespace

class tst_CallHistoryPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setRecords_newestFirst_andSaysWhatToDo_data();
    void setRecords_newestFirst_andSaysWhatToDo();
    void selectingACall_showsItsResult_andEnablesItsButtons();
    void buttons_emitACopyOfTheSelectedCall();
    void callState_callingOrBlocked_disablesWhatWouldCall_data();
    void callState_callingOrBlocked_disablesWhatWouldCall();
    void addRecord_becomesTheFirstRow_keepingAtMostMaxRows();
    void clear_emitsOnlyTheRequest();
    void exportSelected_reimportsJustThose_withoutTheKey();
};

void tst_CallHistoryPage::setRecords_newestFirst_andSaysWhatToDo_data()
{
    QTest::addColumn<int>("calls");
    QTest::addColumn<QString>("says");
    QTest::newRow("none") << 0 << u"No calls in this session yet."_s;
    QTest::newRow("some") << 2 << u"Select a call to see its result."_s;
}

void tst_CallHistoryPage::setRecords_newestFirst_andSaysWhatToDo()
{
    QFETCH(int, calls);
    QFETCH(QString, says);
    CallHistoryPage page;
    QList<ToolCallRecord> records;
    for (int i = 0; i < calls; ++i) {
        records.append(record(u"echo %1"_s.arg(i)));
    }
    page.setRecords(records, 200);
    QCOMPARE(page.rowCount(), calls);
    QCOMPARE(message(page), says);
    QVERIFY(!page.selectedRecord());
    QVERIFY(!page.findChild<QPushButton *>(u"rerunButton"_s)->isEnabled());
    QVERIFY(!page.findChild<QPushButton *>(u"loadArgumentsButton"_s)->isEnabled());
    QCOMPARE(page.findChild<QPushButton *>(u"clearHistoryButton"_s)->isEnabled(), calls > 0);
    if (calls > 0) {
        page.findChild<QTableView *>(u"historyView"_s)->selectRow(0);
        QCOMPARE(page.selectedRecord()->arguments.value(u"command"_s).toString(), u"echo %1"_s.arg(calls - 1));
    }
}

void tst_CallHistoryPage::selectingACall_showsItsResult_andEnablesItsButtons()
{
    CallHistoryPage page;
    page.setRecords({record(u"echo old"_s), record(u"echo new"_s)}, 200);
    page.findChild<QTableView *>(u"historyView"_s)->selectRow(1);
    auto *result = page.findChild<ResultView *>(u"historyResult"_s);
    QCOMPARE(result->record().arguments.value(u"command"_s).toString(), u"echo old"_s);
    QVERIFY(page.findChild<QPushButton *>(u"rerunButton"_s)->isEnabled());
    QVERIFY(page.findChild<QPushButton *>(u"loadArgumentsButton"_s)->isEnabled());
}

void tst_CallHistoryPage::buttons_emitACopyOfTheSelectedCall()
{
    CallHistoryPage page;
    page.setRecords({record(u"echo old"_s), record(u"echo new"_s)}, 200);
    auto *view = page.findChild<QTableView *>(u"historyView"_s);
    view->selectRow(0);
    QSignalSpy rerun(&page, &CallHistoryPage::rerunRequested);
    QSignalSpy load(&page, &CallHistoryPage::loadArgumentsRequested);
    QTest::mouseClick(page.findChild<QPushButton *>(u"rerunButton"_s), Qt::LeftButton);
    QTest::mouseClick(page.findChild<QPushButton *>(u"loadArgumentsButton"_s), Qt::LeftButton);
    QCOMPARE(rerun.count(), 1);
    QCOMPARE(load.count(), 1);
    QCOMPARE(rerun.first().at(0).value<ToolCallRecord>(), *page.selectedRecord());
    QCOMPARE(load.first().at(0).value<ToolCallRecord>().arguments.value(u"command"_s).toString(), u"echo new"_s);
    // Double-click loads the arguments too.
    Q_EMIT view->doubleClicked(view->model()->index(0, 0));
    QCOMPARE(load.count(), 2);
}

void tst_CallHistoryPage::callState_callingOrBlocked_disablesWhatWouldCall_data()
{
    QTest::addColumn<bool>("calling");
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<bool>("rerun");
    QTest::addColumn<bool>("clear");
    QTest::newRow("idle") << false << false << true << true;
    QTest::newRow("calling") << true << false << false << false;
    QTest::newRow("session paused") << false << true << false << true;
}

void tst_CallHistoryPage::callState_callingOrBlocked_disablesWhatWouldCall()
{
    QFETCH(bool, calling);
    QFETCH(bool, blocked);
    QFETCH(bool, rerun);
    QFETCH(bool, clear);
    CallHistoryPage page;
    page.setRecords({record(u"echo"_s)}, 200);
    page.findChild<QTableView *>(u"historyView"_s)->selectRow(0);
    page.setCallState(calling, blocked);
    QCOMPARE(page.findChild<QPushButton *>(u"rerunButton"_s)->isEnabled(), rerun);
    QCOMPARE(page.findChild<QPushButton *>(u"clearHistoryButton"_s)->isEnabled(), clear);
    QVERIFY(page.findChild<QPushButton *>(u"loadArgumentsButton"_s)->isEnabled()); // only fills the form
}

void tst_CallHistoryPage::addRecord_becomesTheFirstRow_keepingAtMostMaxRows()
{
    CallHistoryPage page;
    page.setRecords({}, 2);
    QCOMPARE(message(page), u"No calls in this session yet."_s);
    page.addRecord(record(u"one"_s));
    QCOMPARE(message(page), u"Select a call to see its result."_s);
    page.addRecord(record(u"two"_s));
    page.addRecord(record(u"three"_s));
    QCOMPARE(page.rowCount(), 2);
    auto *view = page.findChild<QTableView *>(u"historyView"_s);
    view->selectRow(0);
    QCOMPARE(page.selectedRecord()->id, u"three"_s);
    QVERIFY(page.findChild<QPushButton *>(u"clearHistoryButton"_s)->isEnabled());
}

void tst_CallHistoryPage::clear_emitsOnlyTheRequest()
{
    CallHistoryPage page;
    page.setRecords({record(u"echo"_s)}, 200);
    QSignalSpy cleared(&page, &CallHistoryPage::clearRequested);
    QTest::mouseClick(page.findChild<QPushButton *>(u"clearHistoryButton"_s), Qt::LeftButton);
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(page.rowCount(), 1); // the owner clears the store, then sets the rows
    page.clear();
    QCOMPARE(page.rowCount(), 0);
    QVERIFY(!page.findChild<QPushButton *>(u"clearHistoryButton"_s)->isEnabled());
}

void tst_CallHistoryPage::exportSelected_reimportsJustThose_withoutTheKey()
{
    const QString key = u"akm-secret-0123456789abcdef"_s;
    CallHistoryPage page;
    page.setSecrets({key});
    page.setRecords({record(u"one"_s), record(QString(u"echo "_s + key)), record(u"three"_s)}, 10);
    auto *view = page.findChild<QTableView *>(u"historyView"_s);
    // Rows are newest first: rows 0 and 2 are "three" and "one".
    view->selectionModel()->select(view->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(view->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QList<ToolCallRecord> selected = page.records(true);
    QCOMPARE(selected.size(), 2);
    QCOMPARE(selected.at(0).id, u"one"_s); // oldest first, as a history file keeps them
    QCOMPARE(selected.at(1).id, u"three"_s);

    QTemporaryDir dir;
    const QString all = dir.filePath(u"all.jsonl"_s);
    QVERIFY(page.exportTo(all, false));
    QFile file(all);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(key.toUtf8()));
    const QString some = dir.filePath(u"some.jsonl"_s);
    QVERIFY(page.exportTo(some, true));

    CallHistoryPage viewer;
    QSignalSpy back(&viewer, &CallHistoryPage::sessionHistoryRequested);
    QVERIFY(viewer.importFrom(some));
    QVERIFY(viewer.isShowingImported());
    QCOMPARE(viewer.records(), selected);
    QVERIFY(!viewer.findChild<QPushButton *>(u"clearHistoryButton"_s)->isEnabled()); // not this session's
    QTest::mouseClick(viewer.findChild<QPushButton *>(u"backToSession"_s), Qt::LeftButton);
    QCOMPARE(back.size(), 1);
    QString error;
    QVERIFY(!viewer.importFrom(dir.filePath(u"missing.jsonl"_s), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(tst_CallHistoryPage)
#include "tst_callhistorypage.moc"
