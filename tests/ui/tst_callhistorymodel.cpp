// SPDX-License-Identifier: MIT
#include <ui/tools/callhistorymodel.h>

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ToolCallRecord;
using AgentBay::Ui::CallHistoryModel;

namespace {

ToolCallRecord record(const QString &tool, const QJsonObject &arguments = {})
{
    ToolCallRecord r;
    r.id = tool;
    r.sessionId = u"session-1"_s;
    r.toolName = tool;
    r.arguments = arguments;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.durationMs = 1234;
    return r;
}

// The structural signals of a model, in the order they arrive ("inserted 0-0", "reset", ...).
class SignalLog : public QObject
{
public:
    explicit SignalLog(QAbstractItemModel *model)
    {
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &, int f, int l) {
            add(u"aboutToInsert"_s, f, l);
        });
        connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int f, int l) {
            add(u"inserted"_s, f, l);
        });
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &, int f, int l) {
            add(u"aboutToRemove"_s, f, l);
        });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int f, int l) {
            add(u"removed"_s, f, l);
        });
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            events.append(u"aboutToReset"_s);
        });
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            events.append(u"reset"_s);
        });
        connect(model, &QAbstractItemModel::dataChanged, this, [this] {
            events.append(u"dataChanged"_s);
        });
    }

    QStringList events;

private:
    void add(const QString &what, int first, int last) { events.append(u"%1 %2-%3"_s.arg(what).arg(first).arg(last)); }
};

} // namespace

class tst_CallHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setRecords_oldestFirst_showsNewestFirstInOneReset();
    void addRecord_becomesRowZero_withOneInsert();
    void addRecord_beyondMaxRows_insertsThenDropsTheOldest();
    void arguments_shownAsKeyValueOnOneLine_data();
    void arguments_shownAsKeyValueOnOneLine();
    void outcome_failedAndToolError_areRed_data();
    void outcome_failedAndToolError_areRed();
    void columns_haveHeadersAndRawTooltip();
};

void tst_CallHistoryModel::setRecords_oldestFirst_showsNewestFirstInOneReset()
{
    CallHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SignalLog log(&model);
    model.setRecords({record(u"first"_s), record(u"second"_s), record(u"third"_s)});
    QCOMPARE(log.events, QStringList({u"aboutToReset"_s, u"reset"_s}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(CallHistoryModel::ColumnCount));
    QCOMPARE(model.index(0, CallHistoryModel::ToolColumn).data().toString(), u"third"_s);
    QCOMPARE(model.index(2, CallHistoryModel::ToolColumn).data().toString(), u"first"_s);
    QCOMPARE(model.record(0).toolName, u"third"_s);
    // A table: no children anywhere.
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.columnCount(model.index(0, 0)), 0);

    log.events.clear();
    model.setRecords({});
    QCOMPARE(log.events, QStringList({u"aboutToReset"_s, u"reset"_s}));
    QCOMPARE(model.rowCount(), 0);
}

void tst_CallHistoryModel::addRecord_becomesRowZero_withOneInsert()
{
    CallHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecords({record(u"old"_s)});
    SignalLog log(&model);
    model.addRecord(record(u"new"_s));
    QCOMPARE(log.events, QStringList({u"aboutToInsert 0-0"_s, u"inserted 0-0"_s}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, CallHistoryModel::ToolColumn).data().toString(), u"new"_s);
    QCOMPARE(model.index(1, CallHistoryModel::ToolColumn).data().toString(), u"old"_s);
}

void tst_CallHistoryModel::addRecord_beyondMaxRows_insertsThenDropsTheOldest()
{
    CallHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaxRows(2);
    model.setRecords({record(u"a"_s), record(u"b"_s)});
    SignalLog log(&model);
    model.addRecord(record(u"c"_s));
    // The view sees the new row arrive first, then the oldest go: selection and scroll of
    // the rows in between stay.
    QCOMPARE(
        log.events, QStringList({u"aboutToInsert 0-0"_s, u"inserted 0-0"_s, u"aboutToRemove 2-2"_s, u"removed 2-2"_s}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.record(0).toolName, u"c"_s);
    QCOMPARE(model.record(1).toolName, u"b"_s);
}

void tst_CallHistoryModel::arguments_shownAsKeyValueOnOneLine_data()
{
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<QString>("shown");
    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("text as it is") << QJsonObject{{u"command"_s, u"echo hi"_s}} << u"command=echo hi"_s;
    QTest::newRow("multi-line text on one line")
        << QJsonObject{{u"code"_s, u"print(1)\nprint(2)"_s}} << u"code=print(1) print(2)"_s;
    QTest::newRow("number and bool") << QJsonObject{{u"a"_s, 3}, {u"b"_s, true}} << u"a=3, b=true"_s;
    QTest::newRow("object compact") << QJsonObject{{u"env"_s, QJsonObject{{u"X"_s, u"1"_s}}}} << u"env={\"X\":\"1\"}"_s;
    QTest::newRow("array compact") << QJsonObject{{u"paths"_s, QJsonArray{u"a"_s, u"b"_s}}} << u"paths=[\"a\",\"b\"]"_s;
}

void tst_CallHistoryModel::arguments_shownAsKeyValueOnOneLine()
{
    QFETCH(QJsonObject, arguments);
    QFETCH(QString, shown);
    CallHistoryModel model;
    model.setRecords({record(u"shell"_s, arguments)});
    QCOMPARE(model.index(0, CallHistoryModel::ArgumentsColumn).data().toString(), shown);
}

void tst_CallHistoryModel::outcome_failedAndToolError_areRed_data()
{
    QTest::addColumn<ToolCallRecord::Outcome>("outcome");
    QTest::addColumn<bool>("red");
    QTest::newRow("ok") << ToolCallRecord::Outcome::Ok << false;
    QTest::newRow("tool error") << ToolCallRecord::Outcome::ToolError << true;
    QTest::newRow("failed") << ToolCallRecord::Outcome::Failed << true;
    QTest::newRow("cancelled") << ToolCallRecord::Outcome::Cancelled << false;
}

void tst_CallHistoryModel::outcome_failedAndToolError_areRed()
{
    QFETCH(ToolCallRecord::Outcome, outcome);
    QFETCH(bool, red);
    ToolCallRecord r = record(u"shell"_s);
    r.outcome = outcome;
    CallHistoryModel model;
    model.setRecords({r});
    const QModelIndex index = model.index(0, CallHistoryModel::OutcomeColumn);
    QCOMPARE(index.data().toString(), ToolCallRecord::outcomeName(outcome));
    QCOMPARE(index.data(Qt::ForegroundRole).isValid(), red);
    // Only the outcome is coloured.
    QVERIFY(!model.index(0, CallHistoryModel::ToolColumn).data(Qt::ForegroundRole).isValid());
}

void tst_CallHistoryModel::columns_haveHeadersAndRawTooltip()
{
    CallHistoryModel model;
    model.setRecords({record(u"shell"_s, {{u"command"_s, u"ls"_s}})});
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column) {
        headers.append(model.headerData(column, Qt::Horizontal).toString());
    }
    QCOMPARE(headers, QStringList({u"Time"_s, u"Tool"_s, u"Result"_s, u"Duration"_s, u"Arguments"_s}));
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    QCOMPARE(
        model.index(0, CallHistoryModel::ArgumentsColumn).data(Qt::ToolTipRole).toString(), u"{\"command\":\"ls\"}"_s);
    QVERIFY(model.index(0, CallHistoryModel::DurationColumn).data().toString().contains(u"ms"_s));
    QCOMPARE(model.index(0, CallHistoryModel::DurationColumn).data(Qt::TextAlignmentRole).toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
    // Today's calls show the time only.
    QCOMPARE(model.index(0, CallHistoryModel::TimeColumn).data().toString().count(u':'), 2);
}

QTEST_MAIN(tst_CallHistoryModel)
#include "tst_callhistorymodel.moc"
