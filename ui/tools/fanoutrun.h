// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/api/result.h>
#include <core/sessions/labelselector.h>
#include <core/tools/mcptool.h>
#include <core/tools/toolcallhistory.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace AgentBay::Core {
class ApiClient;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

// One tool call with the same arguments on many sessions ("fan-out"): the given sessions, or
// the running sessions whose labels match a selector. At most concurrency() calls are in
// flight; cancel() stops the running ones and starts no more. Results are not stored in any
// session's history (that is for calls made one at a time). Destroying the run cancels it
// silently: nothing more is emitted.
class FanOutRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FanOutRun)

public:
    static constexpr int DefaultConcurrency = 4;

    enum class ItemState {
        Queued,
        Running,
        Done, // record holds the outcome (which may be Failed, or Cancelled while running)
        Skipped, // cancelled before it started: nothing was sent
    };

    struct Item
    {
        QString sessionId;
        ItemState state = ItemState::Queued;
        Core::ToolCallRecord record;
    };

    explicit FanOutRun(Core::ApiClient *client, QObject *parent = nullptr);
    ~FanOutRun() override;

    void setConcurrency(int concurrency) { m_concurrency = qBound(1, concurrency, 32); }

    int concurrency() const { return m_concurrency; }

    // Runs on these sessions (duplicates dropped); false while a run is going or with none.
    bool start(const Core::McpTool &tool, const QJsonObject &arguments, const QStringList &sessionIds, int timeoutMs);
    // Lists the running sessions matching the selector (an empty selector is refused: that
    // would be every session), then runs on them. resolveFailed says why it could not.
    bool startOnSelector(
        const Core::McpTool &tool, const QJsonObject &arguments, const Core::LabelSelector &selector, int timeoutMs);
    void cancel();

    bool isActive() const { return m_resolving || m_running; }

    bool wasCancelled() const { return m_cancelled; }

    const QList<Item> &items() const { return m_items; }

    const Core::McpTool &tool() const { return m_tool; }

    const QJsonObject &arguments() const { return m_arguments; }

    int finishedCount() const;
    QStringList sessionIds() const;

Q_SIGNALS:
    void targetsResolved(const QStringList &sessionIds);
    void resolveFailed(const QString &message);
    void itemChanged(int index);
    void finished();

private:
    void resolved(const QStringList &sessionIds);
    void checkLabels(const QStringList &candidates);
    void pump();
    void startItem(int index);
    void finishItem(int index, const Core::Result<Core::McpToolResult> &result, qint64 elapsedMs);
    void endIfDone();

    Core::ApiClient *m_client;
    int m_concurrency = DefaultConcurrency;
    Core::McpTool m_tool;
    QJsonObject m_arguments;
    int m_timeoutMs = 0;
    Core::LabelSelector m_selector;
    bool m_resolving = false;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_closing = false;
    QList<Item> m_items;
    QList<Core::OperationHandle> m_calls; // one per item
    QList<Core::OperationHandle> m_lookups; // listing and label checks while resolving
    int m_pendingLookups = 0;
    QStringList m_matched;
};

} // namespace AgentBay::Ui
