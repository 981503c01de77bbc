// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/mcptool.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace AgentBay::Ui {

// "Copy as code" of the Tools tab: a call as a Python SDK snippet or a curl command for the
// profile's endpoint, on one session or as a loop over many. Never holds the API key: the
// snippets read it from AGENTBAY_API_KEY.
class CallSnippets final
{
public:
    enum class Language {
        Python,
        Shell, // curl
    };

    void setEndpoint(const QString &endpoint) { m_endpoint = endpoint; }

    QString endpoint() const { return m_endpoint; }

    // The call of tool with arguments on one session.
    QString forSession(Language language,
        const QString &sessionId,
        const Core::McpTool &tool,
        const QJsonObject &arguments,
        int timeoutMs) const;
    // The same call on each of sessionIds, in turn.
    QString forSessions(Language language,
        const QStringList &sessionIds,
        const Core::McpTool &tool,
        const QJsonObject &arguments,
        int timeoutMs) const;

    // Puts a snippet on the clipboard.
    static void copy(const QString &snippet);

private:
    QString m_endpoint;
};

} // namespace AgentBay::Ui
