// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace AgentBay::Server {

// The MCP tools each image offers (protocol.md 6), with real JSON Schemas.
class ToolCatalog
{
public:
    static QStringList images(); // "linux_latest", "code_latest"
    static bool isKnownImage(const QString &imageId);
    // Items {name, description, inputSchema (object), server, tool, annotations (MCP hints),
    // outputSchema (where the result text is JSON)}, as ListMcpTools/ToolList carry them.
    static QJsonArray toolsFor(const QString &imageId);
    static bool hasTool(const QString &imageId, const QString &toolName);
    static QString serverFor(const QString &toolName);
};

} // namespace AgentBay::Server
