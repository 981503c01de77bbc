// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace AgentBay::Server {

// The MCP tool result every tool answers with: {"content": [{"type": "text", ...}], "isError"}.
class ToolResult
{
public:
    using Done = std::function<void(const QJsonObject &mcpResult)>;

    static QJsonObject text(const QString &text, bool isError = false);
    static QJsonObject error(const QString &message);

    static QString compactJson(const QJsonObject &object);
    static QString compactJson(const QJsonArray &array);
};

} // namespace AgentBay::Server
