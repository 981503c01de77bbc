// SPDX-License-Identifier: MIT
#include <core/sessions/sessionmetrics.h>
#include <core/tools/mcptool.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace AgentBay::Core;

class TestSessionMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void documentedPayload_parsesEveryField()
    {
        const Result<SessionMetrics> r = SessionMetrics::parse(QStringLiteral(
            R"({"cpu_count":4,"cpu_used_pct":1.0,"disk_total":105286258688,"disk_used":30269431808,)"
            R"("mem_total":7918718976,"mem_used":2139729920,"rx_rate_kbyte_per_s":0.22,"tx_rate_kbyte_per_s":0.38,)"
            R"("rx_used_kbyte":1247.27,"tx_used_kbyte":120.13,"timestamp":"2025-12-24T10:54:23+08:00"})"));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        const SessionMetrics &m = r.value();
        QCOMPARE(m.cpuCount, 4);
        QCOMPARE(m.cpuUsedPct, 1.0);
        QCOMPARE(m.diskTotal, Q_INT64_C(105286258688));
        QCOMPARE(m.diskUsed, Q_INT64_C(30269431808));
        QCOMPARE(m.memTotal, Q_INT64_C(7918718976));
        QCOMPARE(m.memUsed, Q_INT64_C(2139729920));
        QCOMPARE(m.rxRateKBps, 0.22);
        QCOMPARE(m.txUsedKB, 120.13);
        QCOMPARE(m.timestamp.toUTC(), QDateTime(QDate(2025, 12, 24), QTime(2, 54, 23), Qt::UTC));
        QVERIFY(qAbs(m.memUsedPct() - 27.02) < 0.01);
    }

    void aliases_areAccepted()
    {
        const Result<SessionMetrics> r = SessionMetrics::parse(
            QStringLiteral(R"({"rx_rate_KBps":1.5,"tx_rate_kbps":2.5,"rx_used_KB":3,"tx_used_kb":"4"})"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().rxRateKBps, 1.5);
        QCOMPARE(r.value().txRateKBps, 2.5);
        QCOMPARE(r.value().rxUsedKB, 3.0);
        QCOMPARE(r.value().txUsedKB, 4.0);
        QCOMPARE(r.value().memUsedPct(), 0.0); // no total: no division
    }

    void nonObject_fails()
    {
        for (const QString &text : {QStringLiteral("[1,2]"), QStringLiteral("not json"), QString()}) {
            const Result<SessionMetrics> r = SessionMetrics::parse(text);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, ApiError::Kind::Parse);
            QCOMPARE(r.errorMessage(), QStringLiteral("get_metrics returned non-object JSON"));
        }
    }

    void toolError_failsWithItsText()
    {
        McpToolResult result = McpToolResult::fromJson(QJsonObject{{QStringLiteral("isError"), true},
            {QStringLiteral("content"),
                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                    {QStringLiteral("text"), QStringLiteral("boom")}}}}});
        QVERIFY(result.isError);
        const Result<SessionMetrics> r = SessionMetrics::fromToolResult(result);
        QVERIFY(!r.ok());
        QCOMPARE(r.errorMessage(), QStringLiteral("boom"));
    }
};

QTEST_GUILESS_MAIN(TestSessionMetrics)
#include "tst_sessionmetrics.moc"
