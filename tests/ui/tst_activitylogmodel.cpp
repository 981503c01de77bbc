// SPDX-License-Identifier: MIT
#include <ui/window/activitylogmodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using AgentBay::Core::RequestLogEntry;
using AgentBay::Ui::ActivityLogModel;

namespace {
RequestLogEntry entry(quint64 id, const QString &action)
{
    RequestLogEntry e;
    e.id = id;
    e.action = action;
    e.sessionId = u"session-abc"_s;
    e.started = QDateTime::currentDateTime();
    return e;
}
} // namespace

class tst_ActivityLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startedThenFinished_updatesTheSameRow();
    void secrets_areRedactedFromOutcome();
    void secrets_percentEncodedInOutcome_areRedacted();
    void maxEntries_dropsOldestInChunks();
    void repeatedPollSuccesses_foldIntoOneCountedRow();
};

void tst_ActivityLogModel::startedThenFinished_updatesTheSameRow()
{
    ActivityLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RequestLogEntry e = entry(7, u"PauseSessionAsync"_s);
    model.addStarted(e);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ActivityLogModel::OutcomeColumn).data().toString(), u"in flight"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    e.finished = true;
    e.ok = true;
    e.durationMs = 42;
    e.requestId = u"RID-1"_s;
    model.addFinished(e);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, ActivityLogModel::DurationColumn).data().toString(), u"42 ms"_s);
    QCOMPARE(model.index(0, ActivityLogModel::OutcomeColumn).data().toString(), u"OK"_s);
    QCOMPARE(model.index(0, ActivityLogModel::RequestIdColumn).data().toString(), u"RID-1"_s);
    QCOMPARE(model.index(0, ActivityLogModel::SessionColumn).data().toString(), u"session-abc"_s);
}

void tst_ActivityLogModel::secrets_areRedactedFromOutcome()
{
    ActivityLogModel model;
    model.setSecrets({u"akm-secret-123"_s, u"ab"_s});
    RequestLogEntry e = entry(1, u"ListSession"_s);
    e.finished = true;
    e.ok = false;
    e.outcome = u"refused key akm-secret-123 about"_s;
    model.addFinished(e);
    const QString shown = model.index(0, ActivityLogModel::OutcomeColumn).data().toString();
    QVERIFY(!shown.contains(u"akm-secret-123"_s));
    QVERIFY(shown.contains(u"***"_s));
    QVERIFY(shown.contains(u"about"_s)); // a too-short "secret" does not blank ordinary words
}

void tst_ActivityLogModel::secrets_percentEncodedInOutcome_areRedacted()
{
    // A server echoing the query string or form body spells the key percent- or form-encoded.
    ActivityLogModel model;
    const QString key = u"akm-a/b+c d=e"_s;
    model.setSecrets({key});
    RequestLogEntry e = entry(1, u"ListSession"_s);
    e.finished = true;
    e.ok = false;
    e.outcome = u"bad ApiKey=akm-a%2Fb%2Bc%20d%3De and akm-a%2fb%2bc+d%3de"_s;
    model.addFinished(e);
    const QString shown = model.index(0, ActivityLogModel::OutcomeColumn).data().toString();
    QCOMPARE(shown, u"bad ApiKey=*** and ***"_s);
}

void tst_ActivityLogModel::repeatedPollSuccesses_foldIntoOneCountedRow()
{
    ActivityLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto finish = [&model](quint64 id, const QString &action, bool ok) {
        RequestLogEntry e = entry(id, action);
        model.addStarted(e);
        e.finished = true;
        e.ok = ok;
        e.durationMs = 5;
        e.outcome = ok ? u"OK"_s : u"refused"_s;
        model.addFinished(e);
    };
    for (quint64 id = 1; id <= 12; ++id) { // a minute of polling
        finish(id, u"ListSession"_s, true);
    }
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ActivityLogModel::OutcomeColumn).data().toString(), u"OK (12 times)"_s);
    finish(13, u"PauseSessionAsync"_s, true);
    finish(14, u"ListSession"_s, false); // a failure stays on a row of its own
    finish(15, u"ListSession"_s, true);
    finish(16, u"ListSession"_s, true);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(1, ActivityLogModel::ActionColumn).data().toString(), u"PauseSessionAsync"_s);
    QCOMPARE(model.index(2, ActivityLogModel::OutcomeColumn).data().toString(), u"refused"_s);
    QCOMPARE(model.index(3, ActivityLogModel::OutcomeColumn).data().toString(), u"OK (2 times)"_s);
    // The folded row still follows its newest request.
    RequestLogEntry late = entry(16, u"ListSession"_s);
    late.finished = true;
    late.ok = true;
    late.durationMs = 99;
    model.addFinished(late);
    QCOMPARE(model.index(3, ActivityLogModel::DurationColumn).data().toString(), u"99 ms"_s);
}

void tst_ActivityLogModel::maxEntries_dropsOldestInChunks()
{
    ActivityLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaxEntries(100);
    for (quint64 id = 1; id <= 150; ++id) {
        model.addStarted(entry(id, u"GetSession"_s));
    }
    QVERIFY(model.rowCount() <= 100);
    QCOMPARE(model.entry(model.rowCount() - 1).id, quint64(150));
    // Finishing a request that is still listed updates it in place.
    RequestLogEntry last = entry(150, u"GetSession"_s);
    last.finished = true;
    last.ok = true;
    model.addFinished(last);
    QCOMPARE(model.index(model.rowCount() - 1, ActivityLogModel::OutcomeColumn).data().toString(), u"OK"_s);
}

QTEST_MAIN(tst_ActivityLogModel)
#include "tst_activitylogmodel.moc"
