// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/jsonschemaform.h>
#include <core/tools/mcptool.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace AgentBay::Core {

// A tool result held against the tool's declared output schema (MCP outputSchema).
struct OutputSchemaVerdict
{
    enum class State {
        NotDeclared, // the tool declares no output schema
        NotChecked, // an error result, or nothing structured to check
        Matches,
        Mismatch,
    };
    State state = State::NotDeclared;
    // Where the checked value came from: structuredContent, or the first text item parsed as
    // JSON (servers that predate structuredContent send the JSON as text).
    bool fromText = false;
    QList<ValidationProblem> problems; // Mismatch: each problem, path first
    bool operator==(const OutputSchemaVerdict &) const = default;

    // One line fit for a banner ("2 mismatches: exit_code: must be an integer; …").
    QString summary() const;
};

// The check reuses the argument form's validation, so it understands the same schema subset;
// what it does not understand it does not complain about.
class OutputSchemaCheck
{
    Q_DECLARE_TR_FUNCTIONS(OutputSchemaCheck)

public:
    static OutputSchemaVerdict check(const QJsonObject &outputSchema, const McpToolResult &result);
};

} // namespace AgentBay::Core
