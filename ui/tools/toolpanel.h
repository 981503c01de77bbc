// SPDX-License-Identifier: MIT
#pragma once

#include "callsnippets.h"

#include <core/sessions/session.h>
#include <core/tools/mcptool.h>
#include <core/tools/savedcallstore.h>
#include <core/tools/toolcallhistory.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QShortcut;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace AgentBay::Core {
class ApiClient;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

class CallHistoryPage;
class DestructiveCallGuard;
class FanOutPage;
class ResultWindow;
class SavedCallsPage;
class ResultView;
class ToolBrowser;
class ToolCallForm;
class ToolCallSession;
class ToolHeader;
class ToolSplitLayout;

// The "Tools" tab of the detail pane: lists the current session's MCP tools (grouped by
// server, searchable), builds an argument form from each tool's JSON Schema (with a raw JSON
// editor as the fallback and at any time), calls the tool with a per-call timeout, shows every
// part of the result and keeps a persisted per-session call history. Nothing here blocks the
// event loop. It assembles ToolBrowser, ToolCallForm, CallHistoryPage and a ToolCallSession.
class ToolPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolPanel)

public:
    explicit ToolPanel(Core::ApiClient *client, QWidget *parent = nullptr);
    // A running call is cancelled without reporting back: no callFinished, nothing stored.
    ~ToolPanel() override;

    // The session whose tools are shown; an empty id means "no session". The image picks the
    // tool list (list_mcp_tools); the status decides whether calling is allowed. Calling it
    // again for the same session updates the status (and reloads the tools if the image changed).
    void setSession(const QString &sessionId, const QString &imageId, Core::SessionStatus status);
    // The endpoint the "Copy as code" snippets use (e.g. Config::endpoint of the profile).
    void setEndpoint(const QString &endpoint);
    // Where call history is stored; default: AppDataLocation + "/tool-history".
    void setHistoryDirectory(const QString &directory);

    QString sessionId() const;

    QString currentToolName() const { return m_tool ? m_tool->name : QString(); }

    bool isCalling() const;

    // Selects a tool by name; false if the session has no such tool.
    bool selectTool(const QString &name);
    // The arguments as they would be sent, or the reason they cannot be.
    std::optional<QJsonObject> currentArguments(QString *error = nullptr) const;
    // Starts the call if the session, the tool and the arguments allow it (else says why).
    void call();
    void cancelCall();

    // The tool list / form split as the user left it (for the window's settings).
    QByteArray saveLayout() const;
    bool restoreLayout(const QByteArray &state);

    // "Copy as code" texts for the current tool and arguments.
    QString pythonSnippet() const;
    QString curlSnippet() const;

    // The sessions selected in the session list: the targets of "Many sessions" (fan-out).
    void setSelectedSessions(const QStringList &sessionIds);
    // A label selector to offer as the fan-out target instead (e.g. the list's filter).
    void setLabelSelector(const QString &selector);
    // Runs the form's call on the fan-out targets (asking first for a destructive tool).
    bool runFanOut();

    // Where saved calls are kept, and for which profile (one file each); reloads them.
    void setSavedCallsLocation(const QString &directory, const QString &profile);
    // Keeps the form's tool and arguments under a name.
    bool saveCurrentCall(const QString &collection, const QString &name);
    // Selects the call's tool, loads its arguments and calls it on the current session.
    bool runSavedCall(const Core::SavedCall &saved);

    // The session's calls (the selected ones, or all) as JSON lines without the API key.
    bool exportHistory(const QString &path, bool selectedOnly, QString *error = nullptr);
    // Shows calls exported earlier in the History tab, for viewing.
    bool importHistory(const QString &path, QString *error = nullptr);

    // Opens the shown result in a window of its own; null when there is none.
    ResultWindow *popOutResult();

    FanOutPage *fanOutPage() const { return m_fanOut; }

    SavedCallsPage *savedCallsPage() const { return m_saved; }

Q_SIGNALS:
    // A call finished (ok = the request succeeded and the tool did not report an error).
    void callFinished(const QString &toolName, bool ok);
    void toolsLoaded(int count);

private:
    void buildUi();
    QWidget *buildToolPage();
    void onToolsLoaded(int count);
    void showTool(const std::optional<Core::McpTool> &tool);
    void saveDraft();
    bool loadRecord(const Core::ToolCallRecord &record);
    QString sessionBlocker() const;
    void updateState();
    void onCallStarted(const QString &toolName);
    void onCallFinished(
        const Core::ToolCallRecord &record, const Core::ToolCallRecord &stored, const QString &historyError);
    void loadHistory();
    QString snippet(CallSnippets::Language language) const;
    void copySnippet(bool python);
    void revealOutput(bool wide = false);
    QStringList secrets() const;

    Core::ApiClient *m_client;
    ToolCallSession *m_session = nullptr;
    std::unique_ptr<DestructiveCallGuard> m_guard;
    QString m_imageId;
    Core::SessionStatus m_status = Core::SessionStatus::Unknown;
    CallSnippets m_snippets;
    std::optional<Core::McpTool> m_tool;
    QString m_lastToolName; // picked again when the next session's tools arrive

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_sessionNotice = nullptr;
    ToolBrowser *m_browser = nullptr;
    ToolHeader *m_header = nullptr;
    ToolCallForm *m_form = nullptr;
    QSplitter *m_outputSplit = nullptr;
    ToolSplitLayout *m_splits = nullptr;
    FanOutPage *m_fanOut = nullptr;
    SavedCallsPage *m_saved = nullptr;
    QShortcut *m_cancelShortcut = nullptr;
    QTabWidget *m_outputTabs = nullptr;
    ResultView *m_result = nullptr;
    CallHistoryPage *m_history = nullptr;
};

} // namespace AgentBay::Ui
