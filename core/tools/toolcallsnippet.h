// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace AgentBay::Core {

// What "Copy as code" needs to know about a call. Deliberately has no API key: the snippets
// read it from the AGENTBAY_API_KEY environment variable.
struct ToolCallSnippetInput
{
    QString endpoint; // as configured: "host[:port]" (https) or a full http(s):// URL
    QString sessionId;
    QString toolName;
    QString server;
    QJsonObject arguments;
    int readTimeoutMs = 0; // 0 = the SDK's default
};

// The call as a Python SDK snippet and as a curl command (protocol.md 4.12).
class ToolCallSnippet
{
public:
    static QString python(const ToolCallSnippetInput &input);
    static QString curl(const ToolCallSnippetInput &input);
    // The same call on every session of the list (input.sessionId is ignored): a Python loop
    // and a shell loop around curl. The key is read from AGENTBAY_API_KEY in both.
    static QString pythonFanOut(const ToolCallSnippetInput &input, const QStringList &sessionIds);
    static QString curlFanOut(const ToolCallSnippetInput &input, const QStringList &sessionIds);

    // Helpers, public for tests.
    static QString pythonLiteral(const QJsonValue &value, int indent = 0);
    static QString shellQuote(const QString &text);
    static QString baseUrl(const QString &endpoint); // always ends with "/"
};

} // namespace AgentBay::Core
