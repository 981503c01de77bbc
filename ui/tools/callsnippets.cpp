// SPDX-License-Identifier: MIT
#include "callsnippets.h"

#include <core/tools/toolcallsnippet.h>

#include <QClipboard>
#include <QGuiApplication>

namespace AgentBay::Ui {

namespace {

Core::ToolCallSnippetInput snippetInput(const QString &endpoint,
    const QString &sessionId,
    const Core::McpTool &tool,
    const QJsonObject &arguments,
    int timeoutMs)
{
    Core::ToolCallSnippetInput input;
    input.endpoint = endpoint;
    input.sessionId = sessionId;
    input.toolName = tool.name;
    input.server = tool.server;
    input.arguments = arguments;
    input.readTimeoutMs = timeoutMs;
    return input;
}

} // namespace

QString CallSnippets::forSession(Language language,
    const QString &sessionId,
    const Core::McpTool &tool,
    const QJsonObject &arguments,
    int timeoutMs) const
{
    const auto input = snippetInput(m_endpoint, sessionId, tool, arguments, timeoutMs);
    return language == Language::Python ? Core::ToolCallSnippet::python(input) : Core::ToolCallSnippet::curl(input);
}

QString CallSnippets::forSessions(Language language,
    const QStringList &sessionIds,
    const Core::McpTool &tool,
    const QJsonObject &arguments,
    int timeoutMs) const
{
    const auto input = snippetInput(m_endpoint, QString(), tool, arguments, timeoutMs);
    return language == Language::Python ? Core::ToolCallSnippet::pythonFanOut(input, sessionIds)
                                        : Core::ToolCallSnippet::curlFanOut(input, sessionIds);
}

void CallSnippets::copy(const QString &snippet)
{
    QGuiApplication::clipboard()->setText(snippet);
}

} // namespace AgentBay::Ui
