// SPDX-License-Identifier: MIT
// Lifecycle release on the store's clock: a test clock moves time, check() is the wake-up.
#include <server/sandbox/sessionsandbox.h>
#include <server/sessions/localsession.h>
#include <server/sessions/sessionlifecycle.h>
#include <server/sessions/sessionreaper.h>
#include <server/sessions/sessionstore.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using AgentBay::Server::LocalSession;
using AgentBay::Server::SessionLifecycle;
using AgentBay::Server::SessionReaper;
using AgentBay::Server::SessionSandbox;
using AgentBay::Server::SessionStore;
using namespace Qt::Literals::StringLiterals;

class tst_SessionReaper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void idleSession_isReleasedWhenItsTimeIsUp();
    void activity_postponesTheIdleRelease();
    void toolCallInFlight_holdsOffTheIdleRelease();
    void pausedSession_isNotIdleReleasedButMaxRuntimeApplies();
    void maxRuntime_releasesDespiteActivity();
    void manualPolicy_neverReleases();
    void restart_keepsThePolicyAndRestartsTheIdleClock();
    void realClock_releasesWithoutBeingAsked();

private:
    LocalSession *createSession(const SessionLifecycle &lifecycle);

    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

    QDateTime m_now;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionStore> m_store;
};

void tst_SessionReaper::initTestCase()
{
    // Plain processes where bubblewrap cannot run: the reaper does not care how sessions run.
    SessionSandbox::setAllowUnsandboxed(true);
}

void tst_SessionReaper::init()
{
    m_now = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SessionStore>(m_dir->path());
    m_store->setClock([this] {
        return m_now;
    });
    QString error;
    QVERIFY2(m_store->load(&error), qPrintable(error));
}

void tst_SessionReaper::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

LocalSession *tst_SessionReaper::createSession(const SessionLifecycle &lifecycle)
{
    QString error;
    LocalSession *session = m_store->create(u"linux_latest"_s, {}, &error);
    if (session) {
        session->setLifecycle(lifecycle);
    } else {
        qWarning() << error;
    }
    return session;
}

void tst_SessionReaper::idleSession_isReleasedWhenItsTimeIsUp()
{
    LocalSession *session = createSession(SessionLifecycle(60, 0));
    QVERIFY(session);
    const QString id = session->id();
    QSignalSpy released(m_store->reaper(), &SessionReaper::released);

    advance(59);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Running);
    QCOMPARE(released.count(), 0);

    advance(1);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Deleting);
    QCOMPARE(released.count(), 1);
    QCOMPARE(released.first().at(0).toString(), id);
    QVERIFY(released.first().at(1).toString().contains(u"idle"_s));
    // The teardown follows on the event loop, as for DeleteSessionAsync.
    QTRY_VERIFY(!m_store->find(id));
}

void tst_SessionReaper::activity_postponesTheIdleRelease()
{
    LocalSession *session = createSession(SessionLifecycle(60, 0));
    QVERIFY(session);
    advance(50);
    session->noteActivity(m_now);
    advance(50);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Running);
    advance(10);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Deleting);
}

void tst_SessionReaper::toolCallInFlight_holdsOffTheIdleRelease()
{
    LocalSession *session = createSession(SessionLifecycle(60, 0));
    QVERIFY(session);
    session->toolCallStarted(m_now);
    advance(600);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Running);
    session->toolCallFinished(m_now);
    advance(59);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Running);
    advance(1);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Deleting);
}

void tst_SessionReaper::pausedSession_isNotIdleReleasedButMaxRuntimeApplies()
{
    LocalSession *session = createSession(SessionLifecycle(60, 300));
    QVERIFY(session);
    QSignalSpy released(m_store->reaper(), &SessionReaper::released);
    session->setStatus(LocalSession::Status::Paused);
    advance(299);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Paused);
    advance(1);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Deleting);
    QCOMPARE(released.count(), 1);
    QVERIFY(released.first().at(1).toString().contains(u"max runtime"_s));
}

void tst_SessionReaper::maxRuntime_releasesDespiteActivity()
{
    LocalSession *session = createSession(SessionLifecycle(0, 120));
    QVERIFY(session);
    advance(119);
    session->noteActivity(m_now);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Running);
    advance(1);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Deleting);
}

void tst_SessionReaper::manualPolicy_neverReleases()
{
    LocalSession *session = createSession(SessionLifecycle());
    QVERIFY(session);
    QVERIFY(session->lifecycle().isManual());
    advance(10LL * 366 * 24 * 3600);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Running);
}

void tst_SessionReaper::restart_keepsThePolicyAndRestartsTheIdleClock()
{
    LocalSession *session = createSession(SessionLifecycle(60, 3600));
    QVERIFY(session);
    const QString id = session->id();
    QVERIFY(m_store->save());
    m_store.reset();

    // Down for longer than the idle timeout: the idle clock starts again at load, the
    // maximum runtime still counts from creation.
    advance(600);
    m_store = std::make_unique<SessionStore>(m_dir->path());
    m_store->setClock([this] {
        return m_now;
    });
    QString error;
    QVERIFY2(m_store->load(&error), qPrintable(error));
    session = m_store->find(id);
    QVERIFY(session);
    QCOMPARE(session->lifecycle(), SessionLifecycle(60, 3600));
    QCOMPARE(session->status(), LocalSession::Status::Running);
    QCOMPARE(session->lastActivity(), m_now);
    advance(3000);
    session->noteActivity(m_now);
    m_store->reaper()->check();
    QCOMPARE(session->status(), LocalSession::Status::Deleting);
}

void tst_SessionReaper::realClock_releasesWithoutBeingAsked()
{
    // The store's own clock and the reaper's own timer: a 1 s idle timeout ends the session.
    QTemporaryDir dir;
    SessionStore store(dir.path());
    QString error;
    QVERIFY2(store.load(&error), qPrintable(error));
    LocalSession *session = store.create(u"linux_latest"_s, {}, &error);
    QVERIFY2(session, qPrintable(error));
    const QString id = session->id();
    session->setLifecycle(SessionLifecycle(1, 0));
    // 1 s plus the teardown; the bound only ends a broken run on a loaded machine.
    QTRY_VERIFY_WITH_TIMEOUT(!store.find(id), 15000);
}

QTEST_GUILESS_MAIN(tst_SessionReaper)
#include "tst_sessionreaper.moc"
