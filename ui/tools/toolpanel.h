// SPDX-License-Identifier: MIT
#pragma once

#include <core/jsonschemaform.h>
#include <core/mcptool.h>
#include <core/operationhandle.h>
#include <core/result.h>
#include <core/session.h>
#include <core/toolcallhistory.h>

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QShortcut;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeView;

namespace AgentBay::Core {
class ApiClient;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

class CallHistoryModel;
class ResultView;
class SchemaFormWidget;
class ToolListModel;

// The "Tools" tab of the detail pane: lists the current session's MCP tools (grouped by
// server, searchable), builds an argument form from each tool's JSON Schema (with a raw JSON
// editor as the fallback and at any time), calls the tool with a per-call timeout, shows every
// part of the result and keeps a persisted per-session call history. Nothing here blocks the
// event loop.
class ToolPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolPanel)

public:
    explicit ToolPanel(Core::ApiClient *client, QWidget *parent = nullptr);
    ~ToolPanel() override;

    // The session whose tools are shown; an empty id means "no session". The image picks the
    // tool list (list_mcp_tools); the status decides whether calling is allowed. Calling it
    // again for the same session updates the status (and reloads the tools if the image changed).
    void setSession(const QString &sessionId, const QString &imageId, Core::SessionStatus status);
    // The endpoint the "Copy as code" snippets use (e.g. Config::endpoint of the profile).
    void setEndpoint(const QString &endpoint);
    // Where call history is stored; default: AppDataLocation + "/tool-history".
    void setHistoryDirectory(const QString &directory);

    QString sessionId() const { return m_sessionId; }

    QString currentToolName() const { return m_tool ? m_tool->name : QString(); }

    bool isCalling() const { return m_calling; }

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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // A call finished (ok = the request succeeded and the tool did not report an error).
    void callFinished(const QString &toolName, bool ok);
    void toolsLoaded(int count);

private:
    struct Draft
    {
        bool json = false;
        QString jsonText;
        QJsonObject formValue;
    };

    void buildUi();
    QWidget *buildToolList();
    QWidget *buildToolPage();
    QWidget *buildHistoryPage();
    void loadTools();
    void showTools(const QList<Core::McpTool> &tools);
    void showTool(const std::optional<Core::McpTool> &tool);
    void saveDraft();
    void onArgumentsTabChanged(int index);
    void setJsonText(const QJsonObject &args);
    bool loadArguments(const QJsonObject &args);
    QList<Core::ValidationProblem> currentProblems() const;
    QString sessionBlocker() const;
    void updateState();
    void finishCall(const Core::Result<Core::McpToolResult> &result);
    void loadHistory();
    void showHistorySelection();
    const Core::ToolCallRecord *selectedHistoryRecord() const;
    void copySnippet(bool python);
    void setCallHint(const QString &text, bool problem = false);
    void fitCallBar();
    void revealOutput();

    Core::ApiClient *m_client;
    Core::ToolCallHistory m_history;
    QString m_sessionId;
    QString m_imageId;
    Core::SessionStatus m_status = Core::SessionStatus::Unknown;
    QString m_endpoint;
    std::optional<Core::McpTool> m_tool;
    QString m_lastToolName; // picked again when the next session's tools arrive
    QHash<QString, QList<Core::McpTool>> m_toolCache; // by image id
    QHash<QString, Draft> m_drafts; // by session id + tool name
    Core::OperationHandle m_toolsCall;
    quint64 m_toolsGeneration = 0;
    QString m_toolsError;
    bool m_toolsLoading = false;
    bool m_jsonMode = false;
    int m_argumentsTab = 0;

    // The running call.
    bool m_calling = false;
    Core::OperationHandle m_call;
    Core::ToolCallRecord m_pending;
    QElapsedTimer m_elapsed;
    QTimer m_tick;

    // Widgets.
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_sessionNotice = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_toolTree = nullptr;
    ToolListModel *m_toolModel = nullptr;
    QSortFilterProxyModel *m_toolProxy = nullptr;
    QLabel *m_toolsStatus = nullptr;
    QPushButton *m_retryTools = nullptr;
    QLabel *m_toolName = nullptr;
    QLabel *m_toolServer = nullptr;
    QLabel *m_toolDescription = nullptr;
    QTabWidget *m_argumentsTabs = nullptr;
    SchemaFormWidget *m_form = nullptr;
    QPlainTextEdit *m_jsonEditor = nullptr;
    QLabel *m_jsonStatus = nullptr;
    QPlainTextEdit *m_schemaView = nullptr;
    QWidget *m_argumentsBox = nullptr;
    QSplitter *m_toolSplit = nullptr;
    QByteArray m_restoredLayout;
    bool m_toolSplitMoved = false;
    QSplitter *m_outputSplit = nullptr;
    bool m_outputRevealed = false;
    QWidget *m_callBar = nullptr;
    int m_callBarFullWidth = 0;
    bool m_callBarCompact = false;
    QSpinBox *m_timeout = nullptr;
    QPushButton *m_callButton = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QShortcut *m_cancelShortcut = nullptr;
    QLabel *m_callHint = nullptr;
    QToolButton *m_copyAsCode = nullptr;
    QTabWidget *m_outputTabs = nullptr;
    ResultView *m_result = nullptr;
    CallHistoryModel *m_historyModel = nullptr;
    QTableView *m_historyView = nullptr;
    ResultView *m_historyResult = nullptr;
    QPushButton *m_rerun = nullptr;
    QPushButton *m_loadArguments = nullptr;
    QPushButton *m_clearHistory = nullptr;
};

} // namespace AgentBay::Ui
