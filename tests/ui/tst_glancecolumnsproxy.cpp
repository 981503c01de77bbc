// SPDX-License-Identifier: MIT
#include <ui/services/lifecycletracker.h>
#include <ui/services/metricspoller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/glancecolumnsproxy.h>
#include <ui/sessions/sessionlistmodel.h>

#include <QBrush>
#include <QSignalSpy>
#include <QTest>

using namespace AgentBay;

class tst_GlanceColumnsProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void remainingColumn_textColourAndSort()
    {
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate);
        Ui::SessionStore store;
        store.setClock([now] {
            return now;
        });
        Core::SessionSummary soon{QStringLiteral("s-soon"), Core::SessionStatus::Running, {}, {}, {}};
        soon.times.idleReleaseDeadline = now.addSecs(30);
        Core::SessionSummary later{QStringLiteral("s-later"), Core::SessionStatus::Running, {}, {}, {}};
        later.times.idleReleaseDeadline = now.addSecs(4 * 60);
        const Core::SessionSummary unknown{QStringLiteral("s-unknown"), Core::SessionStatus::Running, {}, {}, {}};
        store.applyRefresh({soon, later, unknown});
        Ui::SessionListModel model(&store);
        Ui::LifecycleTracker tracker(nullptr, nullptr, &store, nullptr);
        tracker.setClock([now] {
            return now;
        });
        Ui::MetricsPoller metrics(nullptr);
        Ui::GlanceColumnsProxy proxy(&tracker, &metrics);
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.columnCount(), model.columnCount() + Ui::GlanceColumnsProxy::ExtraCount);
        const int remaining = proxy.firstExtraColumn() + Ui::GlanceColumnsProxy::RemainingExtra;
        QCOMPARE(proxy.headerData(remaining, Qt::Horizontal).toString(), QStringLiteral("Remaining"));
        // The source's own columns pass through.
        QCOMPARE(proxy.index(0, 0).data(Ui::SessionListModel::SessionIdRole).toString(), QStringLiteral("s-soon"));

        QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
        for (const Core::SessionSummary &s : {soon, later, unknown}) {
            tracker.setTimes(s.sessionId, s.times);
        }
        QVERIFY(!changed.isEmpty()); // new deadlines repaint the column
        QCOMPARE(proxy.index(0, remaining).data().toString(), QStringLiteral("30s"));
        QCOMPARE(proxy.index(1, remaining).data().toString(), QStringLiteral("4m 00s"));
        QCOMPARE(proxy.index(2, remaining).data().toString(), QStringLiteral("unknown"));
        // Red under a minute, amber under five, plain otherwise.
        const QColor red = proxy.index(0, remaining).data(Qt::ForegroundRole).value<QBrush>().color();
        const QColor amber = proxy.index(1, remaining).data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY(red.isValid() && amber.isValid() && red != amber);
        QVERIFY(!proxy.index(2, remaining).data(Qt::ForegroundRole).isValid());
        // Sorting: the soonest first, unknown last.
        const auto sortKey = [&](int row) {
            return proxy.index(row, remaining).data(Ui::SessionListModel::SortRole).toLongLong();
        };
        QVERIFY(sortKey(0) < sortKey(1));
        QVERIFY(sortKey(1) < sortKey(2));
    }

    void wholeRefresh_changesTheColumnOnce()
    {
        // Each change of the Remaining column makes a sorted table sort again: a list refresh
        // with new deadlines for every row is one change, not one per row.
        Ui::SessionStore store;
        QList<Core::SessionSummary> sessions;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 50; ++i) {
            Core::SessionSummary s{QStringLiteral("s%1").arg(i), Core::SessionStatus::Running, {}, {}, {}};
            s.times.idleReleaseDeadline = now.addSecs(60 + i);
            sessions.append(s);
        }
        store.applyRefresh(sessions);
        Ui::SessionListModel model(&store);
        Ui::LifecycleTracker tracker(nullptr, nullptr, &store, nullptr);
        Ui::MetricsPoller metrics(nullptr);
        Ui::GlanceColumnsProxy proxy(&tracker, &metrics);
        proxy.setSourceModel(&model);
        QSignalSpy timesChanged(&tracker, &Ui::LifecycleTracker::timesChanged);
        tracker.setTimes(sessions);
        QCOMPARE(timesChanged.size(), 1);
        tracker.setTimes(sessions); // nothing new: no change at all
        QCOMPARE(timesChanged.size(), 1);
        sessions[7].times.idleReleaseDeadline = now.addSecs(600);
        sessions[9].times.idleReleaseDeadline = now.addSecs(600);
        tracker.setTimes(sessions);
        QCOMPARE(timesChanged.size(), 2);
        QVERIFY(*tracker.remaining(QStringLiteral("s7")).secondsLeft(now) > 590);
    }

    void clockTick_repaintsTheTimes_withoutSortingAgain()
    {
        Ui::SessionStore store;
        Core::SessionSummary s{QStringLiteral("s1"), Core::SessionStatus::Running, {}, {}, {}};
        s.times.idleReleaseDeadline = QDateTime::currentDateTimeUtc().addSecs(300);
        store.applyRefresh({s});
        Ui::SessionListModel model(&store);
        Ui::LifecycleTracker tracker(nullptr, nullptr, &store, nullptr);
        tracker.setTimes(s.sessionId, s.times);
        Ui::MetricsPoller metrics(nullptr);
        Ui::GlanceColumnsProxy proxy(&tracker, &metrics);
        proxy.setSourceModel(&model);
        const QModelIndex remaining = proxy.index(0, proxy.firstExtraColumn() + Ui::GlanceColumnsProxy::RemainingExtra);
        const qint64 key = remaining.data(Ui::SessionListModel::SortRole).toLongLong();
        QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.wait(5000)); // the once-a-second tick
        const QList<int> roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(!roles.isEmpty() && !roles.contains(Ui::SessionListModel::SortRole));
        QCOMPARE(
            remaining.data(Ui::SessionListModel::SortRole).toLongLong(), key); // the deadline, not the seconds left
    }

    void metricsColumns_emptyUntilPolled()
    {
        Ui::SessionStore store;
        store.applyRefresh({Core::SessionSummary{QStringLiteral("s1"), Core::SessionStatus::Running, {}, {}, {}}});
        Ui::SessionListModel model(&store);
        Ui::MetricsPoller metrics(nullptr);
        Ui::GlanceColumnsProxy proxy(nullptr, &metrics);
        proxy.setSourceModel(&model);
        const int cpu = proxy.firstExtraColumn() + Ui::GlanceColumnsProxy::CpuExtra;
        QCOMPARE(proxy.headerData(cpu, Qt::Horizontal).toString(), QStringLiteral("CPU"));
        QVERIFY(proxy.index(0, cpu).data().toString().isEmpty());
        QCOMPARE(proxy.index(0, cpu).data(Ui::SessionListModel::SortRole).toDouble(), -1.0);
    }
};

QTEST_MAIN(tst_GlanceColumnsProxy)
#include "tst_glancecolumnsproxy.moc"
