// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/api/result.h>
#include <core/tools/mcptool.h>
#include <core/tools/toolcallhistory.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace AgentBay::Core {
class ApiClient;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

// The non-visual side of the Tools tab for the session it is set to: the one running call
// (start, cancel, its record stored in the persisted history), the unsent arguments of each
// tool (drafts, kept per session while the app runs) and the session's call history.
// Destroying it cancels the running call silently: nothing is stored and nothing is emitted.
class ToolCallSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolCallSession)

public:
    // What was typed for a tool but not sent: the form's value, or the raw JSON text.
    struct Draft
    {
        bool json = false;
        QString jsonText;
        QJsonObject formValue;
        bool operator==(const Draft &) const = default;
    };

    explicit ToolCallSession(Core::ApiClient *client, QObject *parent = nullptr);
    ~ToolCallSession() override;

    // Where call history is stored; default: ToolCallHistory::defaultDirectory().
    void setHistoryDirectory(const QString &directory);
    // An empty id means "no session": nothing can be called, the history is empty.
    void setSessionId(const QString &sessionId);

    QString sessionId() const { return m_sessionId; }

    void saveDraft(const QString &toolName, const Draft &draft);
    std::optional<Draft> draft(const QString &toolName) const;

    // The session's stored calls, oldest first, and how many are kept.
    QList<Core::ToolCallRecord> history() const;

    int maxHistory() const { return m_history.maxCalls(); }

    void clearHistory();

    bool isCalling() const { return m_calling; }

    // The running call as it will be recorded (tool, arguments, start).
    const Core::ToolCallRecord &pending() const { return m_pending; }

    qint64 elapsedMs() const { return m_calling ? m_elapsed.elapsed() : 0; }

    // Sends the call; false (and nothing sent) without a session or while a call runs.
    bool start(const Core::McpTool &tool, const QJsonObject &arguments, int timeoutMs);
    // Stops waiting for the running call; it finishes at once as Cancelled.
    void cancel();

Q_SIGNALS:
    void callStarted(const QString &toolName);
    // Every 100 ms while a call runs.
    void callTicked(const QString &toolName, qint64 elapsedMs);
    // record: the call as it ended; stored: as the history keeps it (secrets replaced, big
    // parts cut); historyError: why it could not be stored (empty when it was).
    void callFinished(const AgentBay::Core::ToolCallRecord &record,
        const AgentBay::Core::ToolCallRecord &stored,
        const QString &historyError);

private:
    void finish(const Core::Result<Core::McpToolResult> &result);

    Core::ApiClient *m_client;
    Core::ToolCallHistory m_history;
    QString m_sessionId;
    QHash<QString, Draft> m_drafts; // by session id + tool name

    bool m_calling = false;
    bool m_closing = false; // in the destructor: a cancelled call is dropped unreported
    Core::OperationHandle m_call;
    Core::ToolCallRecord m_pending;
    QElapsedTimer m_elapsed;
    QTimer m_tick;
};

} // namespace AgentBay::Ui
