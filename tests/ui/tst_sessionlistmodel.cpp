// SPDX-License-Identifier: MIT
#include <ui/sessions/sessionlistmodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using Core::SessionStatus;
using Core::SessionSummary;
using Ui::SessionListModel;

namespace {

// One ListSession item; the newer item fields stay empty.
AgentBay::Core::SessionSummary summary(const QString &id, AgentBay::Core::SessionStatus status)
{
    AgentBay::Core::SessionSummary item;
    item.sessionId = id;
    item.status = status;
    return item;
}

QList<SessionSummary> summaries(const QList<QPair<QString, SessionStatus>> &items)
{
    QList<SessionSummary> list;
    for (const auto &[id, status] : items) {
        list.append(summary(id, status));
    }
    return list;
}

QStringList idsInOrder(const SessionListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.append(model.index(row, 0).data(SessionListModel::SessionIdRole).toString());
    }
    return ids;
}

} // namespace

class tst_SessionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void applyRefresh_newSessions_insertedOnceInOrder();
    void applyRefresh_identicalPayload_emitsNothing();
    void applyRefresh_statusChange_emitsDataChangedForThatCellOnly();
    void applyRefresh_goneSessions_removedInContiguousRuns();
    void applyRefresh_duplicateIds_addedOnce();
    void applyRefresh_rowAddedLocallyMoments_ago_isKept();
    void setStatus_unknownId_appendsRow_goneStatus_removes();
    void setStatus_recordsTimeInState();
    void setDetailsAndLabels_fillCellsAndSkipRepeats();
    void setError_showsIconAndTooltip();
    void sortRole_returnsRawValues_data();
    void sortRole_returnsRawValues();
    void formatAge_data();
    void formatAge();
    void clear_resetsModel();
    void knownFirstSeen_survivesAsAge();

private:
    Ui::SessionStore *m_store = nullptr;
    SessionListModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    QDateTime m_now;
};

void tst_SessionListModel::init()
{
    m_store = new Ui::SessionStore;
    m_model = new SessionListModel(m_store);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_now = QDateTime(QDate(2026, 1, 29), QTime(9, 0), Qt::UTC);
    m_store->setClock([this] {
        return m_now;
    });
}

void tst_SessionListModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_store;
}

void tst_SessionListModel::applyRefresh_newSessions_insertedOnceInOrder()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy added(m_store, &Ui::SessionStore::sessionsAdded);
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Running}, {u"s-b"_s, SessionStatus::Paused}}));

    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(idsInOrder(*m_model), QStringList({u"s-a"_s, u"s-b"_s}));
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).toStringList(), QStringList({u"s-a"_s, u"s-b"_s}));
    QCOMPARE(m_model->index(1, SessionListModel::StatusColumn).data().toString(), u"Paused"_s);
    QCOMPARE(m_model->index(0, SessionListModel::ImageColumn).data().toString(), u"…"_s);
}

void tst_SessionListModel::applyRefresh_identicalPayload_emitsNothing()
{
    const auto list = summaries({{u"s-a"_s, SessionStatus::Running}, {u"s-b"_s, SessionStatus::Paused}});
    m_store->applyRefresh(list);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(m_model, &QAbstractItemModel::layoutChanged);

    m_store->applyRefresh(list);

    QCOMPARE(changed.count() + inserted.count() + removed.count() + reset.count() + layout.count(), 0);
}

void tst_SessionListModel::applyRefresh_statusChange_emitsDataChangedForThatCellOnly()
{
    m_store->applyRefresh(summaries(
        {{u"s-a"_s, SessionStatus::Running}, {u"s-b"_s, SessionStatus::Running}, {u"s-c"_s, SessionStatus::Running}}));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    m_store->applyRefresh(summaries(
        {{u"s-a"_s, SessionStatus::Running}, {u"s-b"_s, SessionStatus::Pausing}, {u"s-c"_s, SessionStatus::Running}}));

    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).toModelIndex();
    const QModelIndex bottomRight = changed.at(0).at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(topLeft.column(), int(SessionListModel::StatusColumn));
    QCOMPARE(bottomRight.column(), int(SessionListModel::StatusColumn));
    QCOMPARE(m_model->index(1, 0).data(SessionListModel::StatusRole).toInt(), int(SessionStatus::Pausing));
}

void tst_SessionListModel::applyRefresh_goneSessions_removedInContiguousRuns()
{
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Running},
        {u"s-b"_s, SessionStatus::Running},
        {u"s-c"_s, SessionStatus::Running},
        {u"s-d"_s, SessionStatus::Running},
        {u"s-e"_s, SessionStatus::Running}}));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy gone(m_store, &Ui::SessionStore::sessionsRemoved);

    m_store->applyRefresh(summaries(
        {{u"s-a"_s, SessionStatus::Running}, {u"s-d"_s, SessionStatus::Running}, {u"s-f"_s, SessionStatus::Running}}));

    // s-e alone, then s-b..s-c as one run; walked from the bottom so indexes stay valid.
    QCOMPARE(removed.count(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 4);
    QCOMPARE(removed.at(0).at(2).toInt(), 4);
    QCOMPARE(removed.at(1).at(1).toInt(), 1);
    QCOMPARE(removed.at(1).at(2).toInt(), 2);
    QCOMPARE(idsInOrder(*m_model), QStringList({u"s-a"_s, u"s-d"_s, u"s-f"_s}));
    QCOMPARE(m_store->rowOf(u"s-d"_s), 1);
    QCOMPARE(m_store->rowOf(u"s-f"_s), 2);
    QCOMPARE(m_store->rowOf(u"s-b"_s), -1);
    QCOMPARE(gone.count(), 1);
    QCOMPARE(gone.at(0).at(0).toStringList().size(), 3);
}

void tst_SessionListModel::applyRefresh_duplicateIds_addedOnce()
{
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Running}, {u"s-a"_s, SessionStatus::Running}}));
    QCOMPARE(m_model->rowCount(), 1);
}

void tst_SessionListModel::applyRefresh_rowAddedLocallyMoments_ago_isKept()
{
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Running}}));
    m_store->setStatus(u"s-new"_s, SessionStatus::Running); // e.g. just created
    m_now = m_now.addSecs(2);
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Paused}})); // list older than the create
    QCOMPARE(m_store->rowOf(u"s-new"_s), 1);

    m_now = m_now.addSecs(30);
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Running}}));
    QCOMPARE(m_store->rowOf(u"s-new"_s), -1);
}

void tst_SessionListModel::setStatus_unknownId_appendsRow_goneStatus_removes()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_store->setStatus(u"s-a"_s, SessionStatus::Running);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);

    m_store->setStatus(u"s-missing"_s, SessionStatus::Finish);
    QCOMPARE(m_model->rowCount(), 1);

    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_store->setStatus(u"s-a"_s, SessionStatus::Deleted);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_SessionListModel::setStatus_recordsTimeInState()
{
    m_store->setStatus(u"s-a"_s, SessionStatus::Running);
    m_now = m_now.addSecs(5);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_store->setStatus(u"s-a"_s, SessionStatus::Pausing);
    QCOMPARE(changed.count(), 1);
    m_store->setStatus(u"s-a"_s, SessionStatus::Pausing);
    QCOMPARE(changed.count(), 1); // same status: nothing

    m_now = m_now.addSecs(7);
    const QModelIndex status = m_model->index(0, SessionListModel::StatusColumn);
    QCOMPARE(status.data().toString(), u"Pausing · 7s"_s);
    m_store->setStatus(u"s-a"_s, SessionStatus::Paused);
    QCOMPARE(status.data().toString(), u"Paused"_s);
    QCOMPARE(status.data(SessionListModel::StatusSinceRole).toDateTime(), m_now);
}

void tst_SessionListModel::setDetailsAndLabels_fillCellsAndSkipRepeats()
{
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Running}}));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    Core::SessionDetail detail;
    detail.imageId = u"code_latest"_s;
    detail.regionId = u"cn-hangzhou"_s;
    m_store->setDetails(u"s-a"_s, detail);
    m_store->setDetails(u"s-a"_s, detail);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(SessionListModel::ImageColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), int(SessionListModel::RegionColumn));
    QCOMPARE(m_model->index(0, SessionListModel::ImageColumn).data().toString(), u"code_latest"_s);
    QCOMPARE(m_model->index(0, SessionListModel::RegionColumn).data().toString(), u"cn-hangzhou"_s);

    const Core::Labels labels{{u"env"_s, u"prod"_s}, {u"team"_s, u"core"_s}};
    m_store->setLabels(u"s-a"_s, labels);
    m_store->setLabels(u"s-a"_s, labels);
    QCOMPARE(changed.count(), 2);
    const QModelIndex cell = m_model->index(0, SessionListModel::LabelsColumn);
    QCOMPARE(cell.data().toString(), u"env=prod, team=core"_s);
    QCOMPARE(cell.data(SessionListModel::LabelsRole).value<Core::Labels>(), labels);
    QVERIFY(cell.data(SessionListModel::LabelsLoadedRole).toBool());

    m_store->setLabels(u"s-unknown"_s, labels); // ignored
    QCOMPARE(changed.count(), 2);
}

void tst_SessionListModel::setError_showsIconAndTooltip()
{
    m_store->setStatus(u"s-a"_s, SessionStatus::Paused);
    m_store->setError(u"s-a"_s, u"Delete: paused [Session.Paused]"_s);
    const QModelIndex id = m_model->index(0, SessionListModel::IdColumn);
    QVERIFY(!id.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(id.data(Qt::ToolTipRole).toString().contains(u"Session.Paused"_s));
    m_store->setError(u"s-a"_s, {});
    QVERIFY(id.data(Qt::DecorationRole).isNull());
}

void tst_SessionListModel::sortRole_returnsRawValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("id") << int(SessionListModel::IdColumn) << QVariant(u"s-a"_s);
    QTest::newRow("status rank") << int(SessionListModel::StatusColumn) << QVariant(3);
    QTest::newRow("image lower-cased") << int(SessionListModel::ImageColumn) << QVariant(u"imgc-abc"_s);
    QTest::newRow("labels text") << int(SessionListModel::LabelsColumn) << QVariant(u"env=prod"_s);
    QTest::newRow("region") << int(SessionListModel::RegionColumn) << QVariant(u"ap-southeast-1"_s);
}

void tst_SessionListModel::sortRole_returnsRawValues()
{
    QFETCH(int, column);
    QFETCH(QVariant, expected);
    m_store->setStatus(u"s-a"_s, SessionStatus::Paused);
    Core::SessionDetail detail;
    detail.imageId = u"IMGC-abc"_s;
    detail.regionId = u"ap-southeast-1"_s;
    m_store->setDetails(u"s-a"_s, detail);
    m_store->setLabels(u"s-a"_s, {{u"env"_s, u"Prod"_s}});
    QCOMPARE(m_model->index(0, column).data(SessionListModel::SortRole), expected);
}

void tst_SessionListModel::formatAge_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative clamps") << qint64(-3) << u"0s"_s;
    QTest::newRow("seconds") << qint64(42) << u"42s"_s;
    QTest::newRow("minutes") << qint64(125) << u"2m"_s;
    QTest::newRow("whole hours") << qint64(7200) << u"2h"_s;
    QTest::newRow("hours and minutes") << qint64(3600 + 15 * 60) << u"1h 15m"_s;
    QTest::newRow("days") << qint64(3 * 86400 + 5) << u"3d"_s;
}

void tst_SessionListModel::formatAge()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(SessionListModel::formatAge(seconds), text);
}

void tst_SessionListModel::clear_resetsModel()
{
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Running}}));
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_store->clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    // The same list again is new after a clear.
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Running}}));
    QCOMPARE(m_model->rowCount(), 1);
}

void tst_SessionListModel::knownFirstSeen_survivesAsAge()
{
    m_store->setKnownFirstSeen({{u"s-a"_s, m_now.addSecs(-600)}});
    m_store->applyRefresh(summaries({{u"s-a"_s, SessionStatus::Running}, {u"s-b"_s, SessionStatus::Running}}));
    QCOMPARE(m_model->index(0, SessionListModel::AgeColumn).data().toString(), u"10m"_s);
    QCOMPARE(m_model->index(1, SessionListModel::AgeColumn).data().toString(), u"0s"_s);
    QCOMPARE(m_store->firstSeenTimes().value(u"s-a"_s), m_now.addSecs(-600));
}

QTEST_MAIN(tst_SessionListModel)
#include "tst_sessionlistmodel.moc"
