// SPDX-License-Identifier: MIT
// SessionStore alone: the rows and the exact signals a table model follows.
#include <ui/services/sessionstore.h>

#include <QSignalSpy>
#include <QtTest>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using Core::SessionStatus;
using Ui::SessionStore;

namespace {

Core::SessionSummary summary(const QString &id, SessionStatus status)
{
    Core::SessionSummary item;
    item.sessionId = id;
    item.status = status;
    return item;
}

} // namespace

class tst_UiSessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void applyRefresh_appendsAnnouncingTheRowsFirst();
    void applyRefresh_statusChange_saysWhichRowAndPart();
    void applyRefresh_goneRows_removedAsOneRunAndAnnounced();
    void rowsRemoved_findsTheRowsThatStay();
    void setters_sayWhichPartChanged_andSkipRepeats();
    void clear_isAnnouncedBeforeAndAfter();
    void firstSeen_keptWhenAFilterDropsAndReturnsTheRow();
    void createTime_isTheAgeWhenTheServerSaysIt();

private:
    SessionStore *m_store = nullptr;
    QStringList m_events; // the order the store spoke in
};

void tst_UiSessionStore::init()
{
    m_store = new SessionStore;
    m_events.clear();
    connect(m_store, &SessionStore::rowsAboutToBeAppended, this, [this](int first, int last) {
        m_events.append(u"aboutToAppend %1-%2 (count %3)"_s.arg(first).arg(last).arg(m_store->count()));
    });
    connect(m_store, &SessionStore::rowsAppended, this, [this] {
        m_events.append(u"appended (count %1)"_s.arg(m_store->count()));
    });
    connect(m_store, &SessionStore::rowsAboutToBeRemoved, this, [this](int first, int last) {
        m_events.append(u"aboutToRemove %1-%2"_s.arg(first).arg(last));
    });
    connect(m_store, &SessionStore::rowsRemoved, this, [this] {
        m_events.append(u"removed (count %1)"_s.arg(m_store->count()));
    });
    connect(m_store, &SessionStore::rowChanged, this, [this](int row, SessionStore::Part part) {
        m_events.append(u"changed %1 %2"_s.arg(row).arg(int(part)));
    });
}

void tst_UiSessionStore::cleanup()
{
    delete m_store;
}

void tst_UiSessionStore::applyRefresh_appendsAnnouncingTheRowsFirst()
{
    QSignalSpy added(m_store, &SessionStore::sessionsAdded);
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running), summary(u"b"_s, SessionStatus::Paused)});
    QCOMPARE(m_events, (QStringList{u"aboutToAppend 0-1 (count 0)"_s, u"appended (count 2)"_s}));
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toStringList(), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(m_store->rowOf(u"b"_s), 1);
    QVERIFY(m_store->find(u"a"_s)->confirmed);
}

void tst_UiSessionStore::applyRefresh_statusChange_saysWhichRowAndPart()
{
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running), summary(u"b"_s, SessionStatus::Running)});
    m_events.clear();
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running), summary(u"b"_s, SessionStatus::Pausing)});
    QCOMPARE(m_events, QStringList{u"changed 1 %1"_s.arg(int(SessionStore::Part::Status))});
    m_events.clear();
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running), summary(u"b"_s, SessionStatus::Pausing)});
    QVERIFY(m_events.isEmpty()); // the same answer again: not a single signal
}

void tst_UiSessionStore::applyRefresh_goneRows_removedAsOneRunAndAnnounced()
{
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running),
        summary(u"b"_s, SessionStatus::Running),
        summary(u"c"_s, SessionStatus::Running),
        summary(u"d"_s, SessionStatus::Running)});
    m_events.clear();
    QSignalSpy removed(m_store, &SessionStore::sessionsRemoved);
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running), summary(u"d"_s, SessionStatus::Running)});
    QCOMPARE(m_events, (QStringList{u"aboutToRemove 1-2"_s, u"removed (count 2)"_s}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_store->rowOf(u"d"_s), 1); // the index follows
}

void tst_UiSessionStore::rowsRemoved_findsTheRowsThatStay()
{
    // The window updates its actions on rowsRemoved, looking the selected session up by id:
    // the index must already follow the removal then (it found nothing, and Pause went grey).
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running),
        summary(u"b"_s, SessionStatus::Running),
        summary(u"c"_s, SessionStatus::Paused),
        summary(u"d"_s, SessionStatus::Running),
        summary(u"e"_s, SessionStatus::Paused)});
    QStringList seen;
    connect(m_store, &SessionStore::rowsRemoved, this, [this, &seen] {
        for (const QString &id : {u"a"_s, u"c"_s, u"e"_s}) {
            const auto *row = m_store->find(id);
            seen.append(row ? u"%1@%2:%3"_s.arg(id).arg(m_store->rowOf(id)).arg(row->id) : id + u" missing"_s);
        }
    });
    // Two runs (d, then b), so the first signal comes with b still in the store.
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running),
        summary(u"c"_s, SessionStatus::Paused),
        summary(u"e"_s, SessionStatus::Paused)});
    QCOMPARE(seen, (QStringList{u"a@0:a"_s, u"c@2:c"_s, u"e@3:e"_s, u"a@0:a"_s, u"c@1:c"_s, u"e@2:e"_s}));
}

void tst_UiSessionStore::setters_sayWhichPartChanged_andSkipRepeats()
{
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running)});
    m_events.clear();
    Core::SessionDetail detail;
    detail.imageId = u"linux_latest"_s;
    m_store->setDetails(u"a"_s, detail);
    m_store->setDetails(u"a"_s, detail);
    m_store->setLabels(u"a"_s, {{u"env"_s, u"prod"_s}});
    m_store->setLabels(u"a"_s, {{u"env"_s, u"prod"_s}});
    m_store->setError(u"a"_s, u"Pause: refused"_s);
    m_store->setError(u"a"_s, u"Pause: refused"_s);
    m_store->setLabels(u"unknown"_s, {});
    QCOMPARE(m_events,
        (QStringList{u"changed 0 %1"_s.arg(int(SessionStore::Part::Details)),
            u"changed 0 %1"_s.arg(int(SessionStore::Part::Labels)),
            u"changed 0 %1"_s.arg(int(SessionStore::Part::Error))}));
    QCOMPARE(m_store->find(u"a"_s)->imageId, u"linux_latest"_s);
}

void tst_UiSessionStore::clear_isAnnouncedBeforeAndAfter()
{
    m_store->applyRefresh({summary(u"a"_s, SessionStatus::Running)});
    int countBefore = -1;
    int countAfter = -1;
    connect(m_store, &SessionStore::aboutToBeCleared, this, [&] {
        countBefore = m_store->count();
    });
    connect(m_store, &SessionStore::cleared, this, [&] {
        countAfter = m_store->count();
    });
    m_store->clear();
    QCOMPARE(countBefore, 1);
    QCOMPARE(countAfter, 0);
    QCOMPARE(m_store->rowOf(u"a"_s), -1);
}

void tst_UiSessionStore::firstSeen_keptWhenAFilterDropsAndReturnsTheRow()
{
    QDateTime clock = QDateTime(QDate(2026, 1, 1), QTime(14, 3, 6), QTimeZone::utc());
    m_store->setClock([&clock] {
        return clock;
    });
    m_store->applyRefresh({summary(u"s-a"_s, SessionStatus::Running), summary(u"s-b"_s, SessionStatus::Running)});
    const QDateTime firstA = m_store->find(u"s-a"_s)->firstSeen;

    // A label filter on the server drops s-a; clearing it brings s-a back two minutes later.
    clock = clock.addSecs(60);
    m_store->applyRefresh({summary(u"s-b"_s, SessionStatus::Running)});
    QVERIFY(!m_store->find(u"s-a"_s));
    clock = clock.addSecs(60);
    m_store->applyRefresh({summary(u"s-a"_s, SessionStatus::Running), summary(u"s-b"_s, SessionStatus::Running)});

    QCOMPARE(m_store->find(u"s-a"_s)->firstSeen, firstA);
    QCOMPARE(m_store->find(u"s-a"_s)->ageSince().secsTo(clock), 120);
    // What is saved for the next start includes the hidden ones too.
    m_store->applyRefresh({summary(u"s-b"_s, SessionStatus::Running)});
    QCOMPARE(m_store->firstSeenTimes().value(u"s-a"_s), firstA);
    // A delete forgets it.
    m_store->applyRefresh({summary(u"s-a"_s, SessionStatus::Running), summary(u"s-b"_s, SessionStatus::Running)});
    m_store->removeSession(u"s-a"_s);
    QVERIFY(!m_store->firstSeenTimes().contains(u"s-a"_s));
}

void tst_UiSessionStore::createTime_isTheAgeWhenTheServerSaysIt()
{
    const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(14, 4, 47), QTimeZone::utc());
    m_store->setClock([now] {
        return now;
    });
    Core::SessionSummary withTime = summary(u"s-new"_s, SessionStatus::Running);
    withTime.times.created = now.addSecs(-101);
    m_store->applyRefresh({withTime, summary(u"s-old"_s, SessionStatus::Running)});

    QCOMPARE(m_store->find(u"s-new"_s)->ageSince(), now.addSecs(-101));
    QCOMPARE(m_store->find(u"s-old"_s)->ageSince(), now); // no CreateTime: first seen

    // GetSessionDetail can say it too.
    Core::SessionDetail detail;
    detail.times.created = now.addSecs(-3600);
    m_store->setDetails(u"s-old"_s, detail);
    QCOMPARE(m_store->find(u"s-old"_s)->ageSince(), now.addSecs(-3600));
}

QTEST_GUILESS_MAIN(tst_UiSessionStore)
#include "tst_uisessionstore.moc"
