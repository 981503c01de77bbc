// SPDX-License-Identifier: MIT
#include <core/tools/toolcallhistory.h>

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ToolCallHistory;
using AgentBay::Core::ToolCallRecord;

namespace {

ToolCallRecord makeRecord(const QString &session, int n, const QString &text = u"hello\n"_s)
{
    ToolCallRecord record;
    record.sessionId = session;
    record.toolName = u"shell"_s;
    record.server = u"wuying_shell"_s;
    record.arguments = {{u"command"_s, u"echo %1"_s.arg(n)}};
    record.startedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    record.durationMs = 40 + n;
    record.outcome = ToolCallRecord::Outcome::Ok;
    record.requestId = u"req-%1"_s.arg(n);
    record.result = QJsonObject{
        {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}}, {u"isError"_s, false}};
    return record;
}

QByteArray fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_ToolCallHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void append_thenLoadInANewInstance_roundTrips();
    void append_perSession_keptApart();
    void append_beyondTheBound_keepsTheNewest();
    void append_secrets_neverWritten();
    void append_percentEncodedSecrets_neverWritten();
    void prepared_longTextAndImages_areCut();
    void prepared_manyItems_boundedWithANote();
    void load_tornLastLine_isSkipped();
    void clear_removesTheSessionsCalls();
    void record_everyOutcome_roundTripsThroughJson_data();
    void record_everyOutcome_roundTripsThroughJson();
};

void tst_ToolCallHistory::append_thenLoadInANewInstance_roundTrips()
{
    QTemporaryDir dir;
    QString error;
    const ToolCallRecord stored = ToolCallHistory(dir.path()).append(makeRecord(u"session-a"_s, 1), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!stored.id.isEmpty());

    const QList<ToolCallRecord> loaded = ToolCallHistory(dir.path()).load(u"session-a"_s);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first(), stored);
    QCOMPARE(QFile::permissions(ToolCallHistory(dir.path()).filePath(u"session-a"_s)),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
}

void tst_ToolCallHistory::append_perSession_keptApart()
{
    QTemporaryDir dir;
    ToolCallHistory history(dir.path());
    history.append(makeRecord(u"session-a"_s, 1));
    history.append(makeRecord(u"session-b"_s, 2));
    history.append(makeRecord(u"session-a"_s, 3));
    QCOMPARE(history.load(u"session-a"_s).size(), 2);
    QCOMPARE(history.load(u"session-b"_s).size(), 1);
    QCOMPARE(history.load(u"session-a"_s).last().requestId, u"req-3"_s);
    QVERIFY(history.load(u"session-c"_s).isEmpty());
}

void tst_ToolCallHistory::append_beyondTheBound_keepsTheNewest()
{
    QTemporaryDir dir;
    ToolCallHistory history(dir.path());
    history.setMaxCalls(10);
    for (int i = 0; i < 40; ++i) {
        history.append(makeRecord(u"session-a"_s, i));
    }
    const QList<ToolCallRecord> loaded = ToolCallHistory(dir.path()).load(u"session-a"_s);
    // A fresh instance has the default bound (200): what it sees is what the file holds.
    QVERIFY(loaded.size() >= 10);
    QVERIFY(loaded.size() <= 12);
    QCOMPARE(loaded.last().requestId, u"req-39"_s);
    history.setMaxCalls(10);
    QCOMPARE(history.load(u"session-a"_s).size(), 10);
    QCOMPARE(history.load(u"session-a"_s).first().requestId, u"req-30"_s);
}

void tst_ToolCallHistory::append_secrets_neverWritten()
{
    QTemporaryDir dir;
    const QString key = u"akm-secret-0123456789"_s;
    ToolCallHistory history(dir.path());
    history.setSecrets({key});
    ToolCallRecord record = makeRecord(u"session-a"_s, 1, u"the key is "_s + key);
    record.arguments.insert(u"envs"_s, QJsonObject{{u"AGENTBAY_API_KEY"_s, key}});
    record.errorMessage = u"failed with "_s + key;
    history.append(record);

    const QByteArray text = fileText(history.filePath(u"session-a"_s));
    QVERIFY(!text.isEmpty());
    QVERIFY(!text.contains(key.toUtf8()));
    QVERIFY(text.contains("***"));
}

void tst_ToolCallHistory::append_percentEncodedSecrets_neverWritten()
{
    // A tool echoing a URL or form body spells the key percent- or form-encoded.
    QTemporaryDir dir;
    const QString key = u"akm-a/b+c d=e"_s;
    ToolCallHistory history(dir.path());
    history.setSecrets({key});
    ToolCallRecord record = makeRecord(u"session-a"_s, 1, u"GET /?ApiKey=akm-a%2Fb%2Bc%20d%3De"_s);
    record.arguments.insert(u"body"_s, u"ApiKey=akm-a%2fb%2bc+d%3de"_s);
    record.errorMessage = u"failed with akm-a%2Fb%2Bc%20d%3De"_s;
    history.append(record);

    const QByteArray text = fileText(history.filePath(u"session-a"_s));
    QVERIFY(!text.isEmpty());
    QVERIFY2(!text.contains("%2F"), text.constData());
    QVERIFY2(!text.contains("%2f"), text.constData());
    QVERIFY(text.contains("ApiKey=***"));
}

void tst_ToolCallHistory::prepared_longTextAndImages_areCut()
{
    ToolCallHistory history(u"/nonexistent"_s);
    history.setMaxResultBytes(8 * 1024);
    ToolCallRecord record = makeRecord(u"s"_s, 1, QString(20000, u'x'));
    QJsonObject result = record.result.toObject();
    QJsonArray content = result.value(u"content"_s).toArray();
    content.append(
        QJsonObject{{u"type"_s, u"image"_s}, {u"mimeType"_s, u"image/png"_s}, {u"data"_s, QString(12000, u'A')}});
    result.insert(u"content"_s, content);
    record.result = result;

    const ToolCallRecord stored = history.prepared(record);
    QVERIFY(stored.truncated);
    const QJsonArray items = stored.result.toObject().value(u"content"_s).toArray();
    QCOMPARE(items.size(), 2);
    const QString text = items.at(0).toObject().value(u"text"_s).toString();
    QVERIFY(text.size() < 5000);
    QVERIFY(text.contains(u"not kept in history"_s));
    QVERIFY(!items.at(1).toObject().contains(u"data"_s));
    QVERIFY(items.at(1).toObject().value(u"agentbayOmittedBytes"_s).toDouble() > 8000);

    QVERIFY(!history.prepared(makeRecord(u"s"_s, 2)).truncated);
}

void tst_ToolCallHistory::prepared_manyItems_boundedWithANote()
{
    ToolCallHistory history(u"/nonexistent"_s);
    history.setMaxResultBytes(4 * 1024);
    ToolCallRecord record = makeRecord(u"s"_s, 1);
    QJsonArray content;
    for (int i = 0; i < 100; ++i) {
        content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, QString(100, QChar(u'a' + i % 26))}});
    }
    record.result = QJsonObject{{u"content"_s, content}};
    const ToolCallRecord stored = history.prepared(record);
    const QJsonArray items = stored.result.toObject().value(u"content"_s).toArray();
    QVERIFY(items.size() < 100);
    QVERIFY(items.last().toObject().value(u"text"_s).toString().contains(u"not kept in history"_s));
    QVERIFY(stored.truncated);
}

void tst_ToolCallHistory::load_tornLastLine_isSkipped()
{
    QTemporaryDir dir;
    ToolCallHistory history(dir.path());
    history.append(makeRecord(u"session-a"_s, 1));
    history.append(makeRecord(u"session-a"_s, 2));
    QFile file(history.filePath(u"session-a"_s));
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"id\":\"x\",\"tool\":\"sh");
    file.close();
    const QList<ToolCallRecord> loaded = ToolCallHistory(dir.path()).load(u"session-a"_s);
    QCOMPARE(loaded.size(), 2);
}

void tst_ToolCallHistory::clear_removesTheSessionsCalls()
{
    QTemporaryDir dir;
    ToolCallHistory history(dir.path());
    history.append(makeRecord(u"session-a"_s, 1));
    history.append(makeRecord(u"session-b"_s, 1));
    QVERIFY(history.clear(u"session-a"_s));
    QVERIFY(history.load(u"session-a"_s).isEmpty());
    QCOMPARE(history.load(u"session-b"_s).size(), 1);
}

void tst_ToolCallHistory::record_everyOutcome_roundTripsThroughJson_data()
{
    QTest::addColumn<ToolCallRecord::Outcome>("outcome");
    QTest::newRow("ok") << ToolCallRecord::Outcome::Ok;
    QTest::newRow("tool error") << ToolCallRecord::Outcome::ToolError;
    QTest::newRow("failed") << ToolCallRecord::Outcome::Failed;
    QTest::newRow("cancelled") << ToolCallRecord::Outcome::Cancelled;
}

void tst_ToolCallHistory::record_everyOutcome_roundTripsThroughJson()
{
    QFETCH(ToolCallRecord::Outcome, outcome);
    ToolCallRecord record = makeRecord(u"s"_s, 7);
    record.id = u"id-7"_s;
    record.outcome = outcome;
    if (outcome == ToolCallRecord::Outcome::Failed) {
        record.result = QJsonValue(QJsonValue::Undefined);
        record.errorMessage = u"Session not found"_s;
        record.errorCode = u"InvalidMcpSession.NotFound"_s;
    }
    const auto back = ToolCallRecord::fromJson(record.toJson());
    QVERIFY(back.has_value());
    QCOMPARE(*back, record);
}

QTEST_APPLESS_MAIN(tst_ToolCallHistory)
#include "tst_toolcallhistory.moc"
