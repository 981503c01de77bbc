// SPDX-License-Identifier: MIT
#include <core/sessions/session.h>

#include <QTest>

using AgentBay::Core::SessionStatus;

Q_DECLARE_METATYPE(AgentBay::Core::SessionStatus)

class tst_Session : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionStatusFromString_wireText_data();
    void sessionStatusFromString_wireText();
    void sessionStatusToString_everyStatus_roundTrips();
    void isTransitional_onlyPausingResumingDeleting();
    void isGone_onlyDeletedAndFinish();
    void allowedActions_followTheStatus_data();
    void allowedActions_followTheStatus();
};

void tst_Session::sessionStatusFromString_wireText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SessionStatus>("expected");

    QTest::newRow("RUNNING") << QStringLiteral("RUNNING") << SessionStatus::Running;
    QTest::newRow("PAUSING") << QStringLiteral("PAUSING") << SessionStatus::Pausing;
    QTest::newRow("PAUSED") << QStringLiteral("PAUSED") << SessionStatus::Paused;
    QTest::newRow("RESUMING") << QStringLiteral("RESUMING") << SessionStatus::Resuming;
    QTest::newRow("DELETING") << QStringLiteral("DELETING") << SessionStatus::Deleting;
    QTest::newRow("DELETED") << QStringLiteral("DELETED") << SessionStatus::Deleted;
    QTest::newRow("FINISH") << QStringLiteral("FINISH") << SessionStatus::Finish;
    QTest::newRow("ERROR") << QStringLiteral("ERROR") << SessionStatus::Error;
    QTest::newRow("FAILED") << QStringLiteral("FAILED") << SessionStatus::Failed;
    QTest::newRow("UNKNOWN") << QStringLiteral("UNKNOWN") << SessionStatus::Unknown;
    QTest::newRow("empty becomes Unknown (as the SDKs do)") << QString() << SessionStatus::Unknown;
    QTest::newRow("unrecognised becomes Unknown") << QStringLiteral("HIBERNATING") << SessionStatus::Unknown;
}

void tst_Session::sessionStatusFromString_wireText()
{
    QFETCH(QString, text);
    QFETCH(SessionStatus, expected);
    QCOMPARE(AgentBay::Core::sessionStatusFromString(text), expected);
}

void tst_Session::sessionStatusToString_everyStatus_roundTrips()
{
    const QList<SessionStatus> all{SessionStatus::Unknown,
        SessionStatus::Running,
        SessionStatus::Pausing,
        SessionStatus::Paused,
        SessionStatus::Resuming,
        SessionStatus::Deleting,
        SessionStatus::Deleted,
        SessionStatus::Finish,
        SessionStatus::Error,
        SessionStatus::Failed};
    for (const SessionStatus status : all) {
        const QString text = AgentBay::Core::sessionStatusToString(status);
        QVERIFY(!text.isEmpty());
        QCOMPARE(text, text.toUpper());
        QCOMPARE(AgentBay::Core::sessionStatusFromString(text), status);
    }
    QCOMPARE(AgentBay::Core::sessionStatusToString(SessionStatus::Paused), QStringLiteral("PAUSED"));
}

void tst_Session::isTransitional_onlyPausingResumingDeleting()
{
    QVERIFY(AgentBay::Core::isTransitional(SessionStatus::Pausing));
    QVERIFY(AgentBay::Core::isTransitional(SessionStatus::Resuming));
    QVERIFY(AgentBay::Core::isTransitional(SessionStatus::Deleting));
    QVERIFY(!AgentBay::Core::isTransitional(SessionStatus::Running));
    QVERIFY(!AgentBay::Core::isTransitional(SessionStatus::Paused));
    QVERIFY(!AgentBay::Core::isTransitional(SessionStatus::Finish));
    QVERIFY(!AgentBay::Core::isTransitional(SessionStatus::Unknown));
}

void tst_Session::isGone_onlyDeletedAndFinish()
{
    QVERIFY(AgentBay::Core::isGone(SessionStatus::Deleted));
    QVERIFY(AgentBay::Core::isGone(SessionStatus::Finish));
    QVERIFY(!AgentBay::Core::isGone(SessionStatus::Deleting));
    QVERIFY(!AgentBay::Core::isGone(SessionStatus::Running));
    QVERIFY(!AgentBay::Core::isGone(SessionStatus::Paused));
}

void tst_Session::allowedActions_followTheStatus_data()
{
    QTest::addColumn<SessionStatus>("status");
    QTest::addColumn<bool>("pause");
    QTest::addColumn<bool>("resume");
    QTest::addColumn<bool>("remove");
    QTest::addColumn<bool>("open");

    QTest::newRow("running") << SessionStatus::Running << true << false << true << true;
    QTest::newRow("paused: deleted after a resume") << SessionStatus::Paused << false << true << true << false;
    QTest::newRow("pausing") << SessionStatus::Pausing << false << false << false << false;
    QTest::newRow("resuming") << SessionStatus::Resuming << false << false << false << false;
    QTest::newRow("deleting") << SessionStatus::Deleting << false << false << false << false;
    QTest::newRow("deleted") << SessionStatus::Deleted << false << false << false << false;
    QTest::newRow("finished") << SessionStatus::Finish << false << false << false << false;
    QTest::newRow("error: can be cleaned up") << SessionStatus::Error << false << false << true << false;
    QTest::newRow("unknown") << SessionStatus::Unknown << false << false << true << false;
}

void tst_Session::allowedActions_followTheStatus()
{
    QFETCH(SessionStatus, status);
    QFETCH(bool, pause);
    QFETCH(bool, resume);
    QFETCH(bool, remove);
    QFETCH(bool, open);
    QCOMPARE(AgentBay::Core::canPause(status), pause);
    QCOMPARE(AgentBay::Core::canResume(status), resume);
    QCOMPARE(AgentBay::Core::canDelete(status), remove);
    QCOMPARE(AgentBay::Core::canOpen(status), open);
}

QTEST_APPLESS_MAIN(tst_Session)
#include "tst_session.moc"
