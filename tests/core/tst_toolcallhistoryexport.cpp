// SPDX-License-Identifier: MIT
#include <core/tools/toolcallhistoryexport.h>

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ToolCallHistoryExport;
using AgentBay::Core::ToolCallRecord;

namespace {

const QString Key = u"akm-secret-0123456789abcdef"_s;

ToolCallRecord record(int n, ToolCallRecord::Outcome outcome)
{
    ToolCallRecord r;
    r.id = u"id-%1"_s.arg(n);
    r.sessionId = u"s-1"_s;
    r.toolName = u"shell"_s;
    r.server = u"wuying_shell"_s;
    r.arguments = QJsonObject{{u"command"_s, u"echo %1"_s.arg(n)}};
    r.startedAt = QDateTime(QDate(2026, 11, 30), QTime(12, 0, n), QTimeZone::utc());
    r.durationMs = 40 + n;
    r.outcome = outcome;
    r.requestId = u"req-%1"_s.arg(n);
    if (outcome == ToolCallRecord::Outcome::Failed) {
        r.errorMessage = u"timed out"_s;
        r.errorCode = u"Timeout"_s;
    } else {
        r.result =
            QJsonObject{{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"%1"_s.arg(n)}}}},
                {u"isError"_s, outcome == ToolCallRecord::Outcome::ToolError}};
    }
    return r;
}

} // namespace

class tst_ToolCallHistoryExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void exported_reimportsIdentically()
    {
        const QList<ToolCallRecord> records{record(1, ToolCallRecord::Outcome::Ok),
            record(2, ToolCallRecord::Outcome::ToolError),
            record(3, ToolCallRecord::Outcome::Failed)};
        QTemporaryDir dir;
        const QString path = dir.filePath(u"calls.jsonl"_s);
        QString error;
        QVERIFY2(ToolCallHistoryExport::writeFile(path, records, {Key}, &error), qPrintable(error));
        const auto back = ToolCallHistoryExport::readFile(path, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, records);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 3); // one line per call
    }

    void secretsAnywhere_areReplaced()
    {
        ToolCallRecord leaky = record(1, ToolCallRecord::Outcome::Ok);
        leaky.arguments = QJsonObject{{u"command"_s, QString(u"echo "_s + Key)}};
        leaky.result = QJsonObject{{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, Key}}}}};
        const QByteArray out = ToolCallHistoryExport::toJsonLines({leaky}, {Key});
        QVERIFY(!out.contains(Key.toUtf8()));
        QVERIFY(out.contains("***"));
    }

    void badLine_namesIt()
    {
        QString error;
        const QByteArray good = ToolCallHistoryExport::toJsonLines({record(1, ToolCallRecord::Outcome::Ok)}, {});
        QVERIFY(!ToolCallHistoryExport::fromJsonLines(good + "not json\n", &error));
        QVERIFY2(error.contains(u"2"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_ToolCallHistoryExport)
#include "tst_toolcallhistoryexport.moc"
