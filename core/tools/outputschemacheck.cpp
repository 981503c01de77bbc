// SPDX-License-Identifier: MIT
#include "outputschemacheck.h"

#include <QJsonDocument>
#include <QStringList>

namespace AgentBay::Core {

QString OutputSchemaVerdict::summary() const
{
    switch (state) {
    case State::NotDeclared:
        return {};
    case State::NotChecked:
        return OutputSchemaCheck::tr("Not checked against the output schema (no structured result).");
    case State::Matches:
        return fromText
            ? OutputSchemaCheck::tr("Matches the output schema (checked on the text, no structuredContent).")
            : OutputSchemaCheck::tr("structuredContent matches the output schema.");
    case State::Mismatch:
        break;
    }
    QStringList lines;
    for (const ValidationProblem &problem : problems) {
        lines.append(problem.path.isEmpty() ? problem.message : problem.path + u": " + problem.message);
    }
    return OutputSchemaCheck::tr("Does not match the output schema (%n problem(s)): %1", nullptr, int(problems.size()))
        .arg(lines.join(u"; "));
}

OutputSchemaVerdict OutputSchemaCheck::check(const QJsonObject &outputSchema, const McpToolResult &result)
{
    OutputSchemaVerdict verdict;
    if (outputSchema.isEmpty()) {
        return verdict;
    }
    verdict.state = OutputSchemaVerdict::State::NotChecked;
    if (result.isError) { // MCP: an error result need not follow the schema
        return verdict;
    }
    QJsonValue value;
    if (result.structuredContent) {
        value = *result.structuredContent;
    } else {
        const QJsonDocument doc = QJsonDocument::fromJson(result.firstText().toUtf8());
        if (!doc.isObject()) {
            return verdict;
        }
        value = doc.object();
        verdict.fromText = true;
    }
    if (!value.isObject()) {
        verdict.state = OutputSchemaVerdict::State::Mismatch;
        verdict.problems.append({QString(), tr("structuredContent must be a JSON object")});
        return verdict;
    }
    verdict.problems = JsonSchemaForm::validate(JsonSchemaForm::build(outputSchema), value.toObject());
    verdict.state =
        verdict.problems.isEmpty() ? OutputSchemaVerdict::State::Matches : OutputSchemaVerdict::State::Mismatch;
    return verdict;
}

} // namespace AgentBay::Core
