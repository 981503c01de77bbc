// SPDX-License-Identifier: MIT
#include <core/sessions/remainingtime.h>

#include <QTest>

using namespace AgentBay::Core;

class TestRemainingTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void serverDeadlines_earliestWins()
    {
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate);
        SessionTimes times;
        times.idleReleaseDeadline = now.addSecs(300);
        times.maxRuntimeDeadline = now.addSecs(120);
        const RemainingTime r = RemainingTime::fromTimes(times, now);
        QCOMPARE(r.source(), RemainingTime::Source::Server);
        QCOMPARE(r.reason(), RemainingTime::Reason::MaxRuntime);
        QCOMPARE(r.secondsLeft(now), 120);
        QCOMPARE(r.text(now), QStringLiteral("2m 00s"));
        times.maxRuntimeDeadline = {};
        QCOMPARE(RemainingTime::fromTimes(times, now).reason(), RemainingTime::Reason::Idle);
    }

    void noDeadlinesNoPolicy_isUnknown()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const RemainingTime r = RemainingTime::best({}, std::nullopt, now, {}, now);
        QVERIFY(!r.isKnown());
        QCOMPARE(r.text(now), QStringLiteral("unknown"));
        QVERIFY(!r.isNearEnd(now, 1000000));
    }

    void cloudPolicy_estimatesFromOwnRecord()
    {
        const QDateTime created = QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate);
        LifecyclePolicy policy;
        policy.idleReleaseTimeoutMinutes = 5;
        policy.maxRuntimeMinutes = 30;
        // Activity at 10:20 moves the idle deadline to 10:25; the max runtime ends at 10:30.
        const QDateTime now = created.addSecs(21 * 60);
        const RemainingTime r = RemainingTime::best({}, policy, created, created.addSecs(20 * 60), now);
        QCOMPARE(r.source(), RemainingTime::Source::Estimate);
        QCOMPARE(r.reason(), RemainingTime::Reason::Idle);
        QCOMPARE(r.secondsLeft(now), 4 * 60);
        QCOMPARE(r.text(now), QStringLiteral("~4m 00s"));
        QVERIFY(r.isNearEnd(now, 5 * 60));
        QVERIFY(!r.isNearEnd(now, 60));
        // Later activity: the max runtime comes first.
        const RemainingTime late = RemainingTime::best({}, policy, created, created.addSecs(28 * 60), now);
        QCOMPARE(late.reason(), RemainingTime::Reason::MaxRuntime);
    }

    void serverDeadlinesBeatPolicy()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        SessionTimes times;
        times.idleReleaseDeadline = now.addSecs(10);
        const RemainingTime r = RemainingTime::best(times, LifecyclePolicy{}, now, {}, now);
        QCOMPARE(r.source(), RemainingTime::Source::Server);
        QCOMPARE(r.secondsLeft(now), 10);
    }

    void manualRelease_isNever()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        LifecyclePolicy policy;
        policy.manualRelease = true;
        const RemainingTime r = RemainingTime::best({}, policy, now, {}, now);
        QCOMPARE(r.source(), RemainingTime::Source::Never);
        QCOMPARE(r.text(now), QStringLiteral("never"));
        QVERIFY(!r.isNearEnd(now, 1000000));
    }

    void pastDeadline_isDue()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        SessionTimes times;
        times.idleReleaseDeadline = now.addSecs(-5);
        const RemainingTime r = RemainingTime::fromTimes(times, now);
        QCOMPARE(r.secondsLeft(now), 0);
        QCOMPARE(r.text(now), QStringLiteral("due"));
    }

    void formatSeconds_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << qint64(7) << QStringLiteral("7s");
        QTest::newRow("minutes") << qint64(65) << QStringLiteral("1m 05s");
        QTest::newRow("hours") << qint64(3 * 3600 + 5 * 60 + 9) << QStringLiteral("3h 05m");
        QTest::newRow("negative") << qint64(-3) << QStringLiteral("0s");
    }

    void formatSeconds()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(RemainingTime::formatSeconds(seconds), text);
    }
};

QTEST_GUILESS_MAIN(TestRemainingTime)
#include "tst_remainingtime.moc"
