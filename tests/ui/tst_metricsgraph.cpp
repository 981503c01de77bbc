// SPDX-License-Identifier: MIT
#include <ui/lifecycle/metricsgraph.h>
#include <ui/services/metricspoller.h>

#include <QLocale>
#include <QTest>

using namespace AgentBay;

class tst_MetricsGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void history_keepsTenMinutes_newestAtZero()
    {
        QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate);
        Ui::MetricsPoller poller(nullptr);
        poller.setClock([&now] {
            return now;
        });
        Ui::MetricsGraph graph(&poller);
        graph.setSession(QStringLiteral("s1"));
        for (int minute = 0; minute <= 12; ++minute) {
            Core::SessionMetrics m;
            m.cpuUsedPct = minute * 5;
            m.memTotal = 1000;
            m.memUsed = 100 * (minute % 10);
            poller.record(QStringLiteral("s1"), m);
            now = now.addSecs(60);
        }
        poller.record(QStringLiteral("other"), {});
        const QList<QPointF> cpu = graph.cpuPoints();
        // Samples older than 10 minutes are dropped: minutes 2..12 remain.
        QCOMPARE(cpu.size(), 11);
        QCOMPARE(cpu.last(), QPointF(0, 60));
        QCOMPARE(cpu.first(), QPointF(600, 10));
        QCOMPARE(graph.memoryPoints().last().y(), 20.0);
        // The newest figures under it, memory against the session's limit (200 of 1000 bytes here).
        QVERIFY2(graph.caption().startsWith(QStringLiteral("CPU 60% · memory 200 bytes of 1")
                     + QLocale().groupSeparator() + QStringLiteral("000 bytes")),
            qPrintable(graph.caption()));
        graph.resize(320, 90);
        QImage image(graph.size(), QImage::Format_ARGB32);
        graph.render(&image); // paints without a sample-less crash either
        graph.setSession(QStringLiteral("none"));
        QVERIFY(graph.cpuPoints().isEmpty());
        QVERIFY(graph.caption().startsWith(QStringLiteral("No metrics yet")));
        graph.render(&image);
    }

    // Binary units as in the table (MiB, GiB), against the session's memory limit (mem_total).
    void caption_memoryInBinaryUnitsOfTheLimit()
    {
        Ui::MetricsPoller poller(nullptr);
        Ui::MetricsGraph graph(&poller);
        graph.setSession(QStringLiteral("s1"));
        Core::SessionMetrics m;
        m.cpuUsedPct = 18;
        m.memTotal = 2LL << 30;
        m.memUsed = 206LL << 20;
        poller.record(QStringLiteral("s1"), m);
        QCOMPARE(graph.caption(), QStringLiteral("CPU 18% · memory 206 MiB of 2 GiB · last 10 min"));
        // A limit that is no whole number of GiB keeps its fraction; without a limit, the use alone.
        m.memTotal = 3LL << 29;
        m.memUsed = 5LL << 29;
        poller.record(QStringLiteral("s1"), m);
        QCOMPARE(graph.caption(), QStringLiteral("CPU 18% · memory 2.5 GiB of 1.5 GiB · last 10 min"));
        m.memTotal = 0;
        poller.record(QStringLiteral("s1"), m);
        QCOMPARE(graph.caption(), QStringLiteral("CPU 18% · memory 2.5 GiB · last 10 min"));
    }
};

QTEST_MAIN(tst_MetricsGraph)
#include "tst_metricsgraph.moc"
