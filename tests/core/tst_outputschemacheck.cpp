// SPDX-License-Identifier: MIT
#include <core/api/responseparser.h>
#include <core/tools/outputschemacheck.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::McpToolResult;
using AgentBay::Core::OutputSchemaCheck;
using State = AgentBay::Core::OutputSchemaVerdict::State;

namespace {

QJsonObject shellSchema()
{
    return QJsonDocument::fromJson("{\"type\": \"object\", \"required\": [\"stdout\", \"exit_code\"], \"properties\": "
                                   "{\"stdout\": {\"type\": \"string\"}, \"exit_code\": {\"type\": \"integer\"}}}")
        .object();
}

McpToolResult result(const QByteArray &json)
{
    return McpToolResult::fromJson(QJsonDocument::fromJson(json).object());
}

} // namespace

class tst_OutputSchemaCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void noSchema_notDeclared()
    {
        QCOMPARE(OutputSchemaCheck::check({}, result("{\"content\": []}")).state, State::NotDeclared);
    }

    void structuredContent_matching_matches()
    {
        const auto verdict = OutputSchemaCheck::check(
            shellSchema(), result("{\"content\": [], \"structuredContent\": {\"stdout\": \"hi\", \"exit_code\": 0}}"));
        QCOMPARE(verdict.state, State::Matches);
        QVERIFY(!verdict.fromText);
    }

    void structuredContent_wrongTypeAndMissingKey_listsEachProblem()
    {
        const auto verdict = OutputSchemaCheck::check(
            shellSchema(), result("{\"content\": [], \"structuredContent\": {\"exit_code\": \"zero\"}}"));
        QCOMPARE(verdict.state, State::Mismatch);
        QCOMPARE(verdict.problems.size(), 2);
        QStringList paths;
        for (const auto &problem : verdict.problems) {
            paths.append(problem.path);
        }
        QVERIFY2(paths.contains(u"stdout"_s) && paths.contains(u"exit_code"_s), qPrintable(paths.join(u',')));
        QVERIFY(verdict.summary().contains(u"exit_code"_s));
    }

    void noStructuredContent_jsonText_isChecked()
    {
        const auto verdict = OutputSchemaCheck::check(shellSchema(),
            result("{\"content\": [{\"type\": \"text\", \"text\": \"{\\\"stdout\\\": \\\"x\\\", \\\"exit_code\\\": "
                   "1.5}\"}]}"));
        QCOMPARE(verdict.state, State::Mismatch);
        QVERIFY(verdict.fromText);
    }

    void errorResultOrPlainText_notChecked()
    {
        QCOMPARE(OutputSchemaCheck::check(shellSchema(),
                     result("{\"isError\": true, \"content\": [{\"type\": \"text\", \"text\": \"boom\"}]}"))
                     .state,
            State::NotChecked);
        QCOMPARE(OutputSchemaCheck::check(
                     shellSchema(), result("{\"content\": [{\"type\": \"text\", \"text\": \"plain\"}]}"))
                     .state,
            State::NotChecked);
    }

    void listMcpTools_readsOutputSchemaAndAnnotations()
    {
        const QJsonArray tools{QJsonObject{{u"name"_s, u"delete_file"_s},
            {u"inputSchema"_s, QJsonObject{{u"type"_s, u"object"_s}}},
            {u"outputSchema"_s, shellSchema()},
            {u"annotations"_s,
                QJsonObject{{u"destructiveHint"_s, true}, {u"readOnlyHint"_s, false}, {u"title"_s, u"Delete"_s}}}}};
        const QJsonObject envelope{{u"Success"_s, true},
            {u"RequestId"_s, u"r-1"_s},
            {u"Data"_s, QString::fromUtf8(QJsonDocument(tools).toJson(QJsonDocument::Compact))}};
        const auto parsed = AgentBay::Core::ResponseParser::tools(envelope);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), 1);
        const auto &tool = parsed.value().first();
        QCOMPARE(tool.outputSchema, shellSchema());
        QCOMPARE(tool.annotations.title, u"Delete"_s);
        QVERIFY(tool.annotations.isDestructive());
        QVERIFY(!tool.annotations.idempotent.has_value());
        QCOMPARE(AgentBay::Core::McpToolAnnotations::fromJson(tool.annotations.toJson()), tool.annotations);
    }
};

QTEST_GUILESS_MAIN(tst_OutputSchemaCheck)
#include "tst_outputschemacheck.moc"
