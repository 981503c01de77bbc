// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace AgentBay::Core {

// The MCP tool annotations: hints, not guarantees (a hint that is absent is unknown).
struct McpToolAnnotations
{
    QString title;
    std::optional<bool> readOnly; // readOnlyHint
    std::optional<bool> destructive; // destructiveHint
    std::optional<bool> idempotent; // idempotentHint
    std::optional<bool> openWorld; // openWorldHint
    bool operator==(const McpToolAnnotations &) const = default;

    bool isEmpty() const { return *this == McpToolAnnotations(); }

    // Only a tool that says so is treated as destructive (asking before every unannotated
    // tool would teach people to click the question away).
    bool isDestructive() const { return destructive.value_or(false) && !readOnly.value_or(false); }

    static McpToolAnnotations fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

// One tool of ListMcpTools, with its whole JSON Schema.
struct McpTool
{
    QString name;
    QString description;
    QString server;
    QString tool;
    QJsonObject inputSchema;
    QJsonObject outputSchema; // empty when the tool declares none
    McpToolAnnotations annotations;
    bool operator==(const McpTool &) const = default;
};

// One content item of an MCP tool result, kept whole.
struct McpContentItem
{
    enum class Type {
        Text,
        Image,
        Audio,
        Resource,
        ResourceLink,
        Unknown
    };
    Type type = Type::Unknown;
    QString typeName; // as received ("text", "image", ...)
    QString text; // text items; resource text
    QByteArray data; // decoded base64 of image/audio items and blob resources
    QString mimeType;
    QString uri; // resource / resource_link
    QString name; // resource_link
    QJsonObject raw; // the item exactly as received
    bool operator==(const McpContentItem &) const = default;
};

// A shell tool payload (protocol.md 6.1), when the text is one.
struct ShellOutput
{
    QString stdOut;
    QString stdErr;
    int exitCode = 0;
    QString traceId;
};

struct McpToolResult
{
    QList<McpContentItem> content;
    bool isError = false;
    std::optional<QJsonValue> structuredContent;
    QJsonValue raw; // decoded Data as received

    // The SDKs' single answer: first item's text (or blob/data), for quick display.
    QString firstText() const;
    // Parses the first text item as a shell payload, if it is one.
    std::optional<ShellOutput> shellOutput() const;

    static McpToolResult fromJson(const QJsonValue &data);
};

struct CallToolOptions
{
    QString server; // MCP server name; empty = let the service resolve by tool name
    int readTimeoutMs = 0; // 0 = Config::timeoutMs
    int connectTimeoutMs = 0; // 0 = Config::timeoutMs
    bool autoGenSession = false;
};

} // namespace AgentBay::Core
