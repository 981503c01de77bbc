// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/mcptool.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace AgentBay::Ui {

// A tool's MCP annotations (and whether it declares an output schema) as short badges: rich
// text chips for the form's title row, plain words for the tool list's tooltip.
class ToolBadges
{
    Q_DECLARE_TR_FUNCTIONS(ToolBadges)

public:
    struct Badge
    {
        QString text;
        QString color;
        QString tip;
    };

    static QList<Badge> badges(const Core::McpTool &tool);
    static QString html(const Core::McpTool &tool);
    static QString plain(const Core::McpTool &tool); // "read-only, idempotent"
};

} // namespace AgentBay::Ui
