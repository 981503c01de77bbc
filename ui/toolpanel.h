// SPDX-License-Identifier: MIT
#pragma once

#include <core/session.h>

#include <QString>
#include <QWidget>

namespace AgentBay::Core {
class ApiClient;
class ToolCallHistory;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

class ToolPanelPrivate;

// The "Tools" tab of the detail pane: lists the current session's MCP tools (grouped by
// server, searchable), builds an argument form from each tool's JSON Schema (with a raw JSON
// fallback), calls the tool with a per-call timeout, shows every part of the result and keeps
// a persisted per-session call history. Nothing here blocks the event loop.
class ToolPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolPanel)

public:
    explicit ToolPanel(Core::ApiClient *client, QWidget *parent = nullptr);
    ~ToolPanel() override;

    // The session whose tools are shown; an empty id means "no session". The image picks the
    // tool list (list_mcp_tools); the status decides whether calling is allowed (RUNNING only).
    // Calling it again with the same id only updates the status.
    void setSession(const QString &sessionId, const QString &imageId, Core::SessionStatus status);
    // The endpoint the "Copy as code" snippets use (e.g. Config::endpoint of the profile).
    void setEndpoint(const QString &endpoint);
    // Where call history is stored; default: AppDataLocation + "/tool-history".
    // Call before setSession (tests use a temporary directory).
    void setHistoryDirectory(const QString &directory);

    QString sessionId() const;

Q_SIGNALS:
    // A call finished (ok or not); for status bars and tests.
    void callFinished(const QString &toolName, bool ok);

private:
    ToolPanelPrivate *d;
};

} // namespace AgentBay::Ui
