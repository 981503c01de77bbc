// SPDX-License-Identifier: MIT
#include "fanoutrun.h"

#include <core/api/apiclient.h>

#include <QDateTime>
#include <QLoggingCategory>
#include <QSharedPointer>

Q_LOGGING_CATEGORY(lcFanOutRun, "agentbay.ui.fanoutrun")

namespace AgentBay::Ui {

using Core::ToolCallRecord;

FanOutRun::FanOutRun(Core::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

FanOutRun::~FanOutRun()
{
    m_closing = true; // cancelled calls answer at once; nobody is left to tell
    for (Core::OperationHandle &lookup : m_lookups) {
        lookup.cancel();
    }
    for (Core::OperationHandle &call : m_calls) {
        call.cancel();
    }
}

int FanOutRun::finishedCount() const
{
    int count = 0;
    for (const Item &item : m_items) {
        count += item.state == ItemState::Done || item.state == ItemState::Skipped ? 1 : 0;
    }
    return count;
}

QStringList FanOutRun::sessionIds() const
{
    QStringList ids;
    for (const Item &item : m_items) {
        ids.append(item.sessionId);
    }
    return ids;
}

bool FanOutRun::start(
    const Core::McpTool &tool, const QJsonObject &arguments, const QStringList &sessionIds, int timeoutMs)
{
    if (isActive() || sessionIds.isEmpty()) {
        return false;
    }
    m_tool = tool;
    m_arguments = arguments;
    m_timeoutMs = timeoutMs;
    m_cancelled = false;
    resolved(sessionIds);
    return true;
}

bool FanOutRun::startOnSelector(
    const Core::McpTool &tool, const QJsonObject &arguments, const Core::LabelSelector &selector, int timeoutMs)
{
    if (isActive()) {
        return false;
    }
    m_tool = tool;
    m_arguments = arguments;
    m_timeoutMs = timeoutMs;
    m_cancelled = false;
    m_items.clear();
    m_calls.clear();
    if (!selector.isValid() || selector.isEmpty()) {
        Q_EMIT resolveFailed(selector.isValid() ? tr("Type a label selector, e.g. team=qa.") : selector.errorString());
        return false;
    }
    m_selector = selector;
    m_resolving = true;
    Core::ListSessionParams params;
    params.labels = selector.serverLabels();
    params.status = QStringLiteral("RUNNING");
    params.limit = 100;
    m_lookups = {m_client->listAll(params, this, [this](const Core::Result<QList<Core::SessionSummary>> &result) {
        if (m_closing) {
            return;
        }
        if (!result.ok()) {
            m_resolving = false;
            Q_EMIT resolveFailed(result.error().message);
            return;
        }
        QStringList candidates;
        for (const Core::SessionSummary &summary : result.value()) {
            candidates.append(summary.sessionId);
        }
        if (m_selector.isFullyServerSide() || candidates.isEmpty()) {
            resolved(candidates);
        } else {
            checkLabels(candidates);
        }
    })};
    return true;
}

void FanOutRun::checkLabels(const QStringList &candidates)
{
    // The service filters by key=value only; !=, existence and absence are checked here.
    m_matched.clear();
    m_pendingLookups = int(candidates.size());
    for (const QString &id : candidates) {
        m_lookups.append(
            m_client->getLabels(id, this, [this, id, candidates](const Core::Result<Core::Labels> &result) {
                if (m_closing || !m_resolving) {
                    return;
                }
                if (result.ok() && m_selector.matches(result.value())) {
                    m_matched.append(id);
                }
                if (--m_pendingLookups == 0) {
                    QStringList ordered; // keep the listing's order, not the answers'
                    for (const QString &candidate : candidates) {
                        if (m_matched.contains(candidate)) {
                            ordered.append(candidate);
                        }
                    }
                    resolved(ordered);
                }
            }));
    }
}

void FanOutRun::resolved(const QStringList &sessionIds)
{
    m_resolving = false;
    m_lookups.clear();
    if (m_cancelled) {
        Q_EMIT finished();
        return;
    }
    m_items.clear();
    QStringList unique;
    for (const QString &id : sessionIds) {
        if (!id.isEmpty() && !unique.contains(id)) {
            unique.append(id);
            m_items.append(Item{id, ItemState::Queued, {}});
        }
    }
    m_calls = QList<Core::OperationHandle>(m_items.size());
    Q_EMIT targetsResolved(unique);
    if (m_items.isEmpty()) {
        Q_EMIT resolveFailed(tr("No running session matches %1.").arg(m_selector.toString()));
        Q_EMIT finished();
        return;
    }
    m_running = true;
    pump();
}

void FanOutRun::pump()
{
    int running = 0;
    for (const Item &item : m_items) {
        running += item.state == ItemState::Running ? 1 : 0;
    }
    for (qsizetype i = 0; i < m_items.size() && running < m_concurrency && !m_cancelled; ++i) {
        if (m_items.at(i).state == ItemState::Queued) {
            ++running;
            startItem(int(i));
        }
    }
    endIfDone();
}

void FanOutRun::startItem(int index)
{
    Item &item = m_items[index];
    item.state = ItemState::Running;
    item.record = {};
    item.record.id = QStringLiteral("fanout-%1").arg(index);
    item.record.sessionId = item.sessionId;
    item.record.toolName = m_tool.name;
    item.record.server = m_tool.server;
    item.record.arguments = m_arguments;
    item.record.startedAt = QDateTime::currentDateTimeUtc();
    Core::CallToolOptions options;
    options.server = m_tool.server;
    options.readTimeoutMs = m_timeoutMs;
    auto timer = QSharedPointer<QElapsedTimer>::create();
    timer->start();
    qCDebug(lcFanOutRun) << "calling" << m_tool.name << "in" << item.sessionId;
    Q_EMIT itemChanged(index);
    m_calls[index] = m_client->callMcpTool(item.sessionId,
        m_tool.name,
        m_arguments,
        options,
        this,
        [this, index, timer](const Core::Result<Core::McpToolResult> &result) {
            finishItem(index, result, timer->elapsed());
        });
}

void FanOutRun::finishItem(int index, const Core::Result<Core::McpToolResult> &result, qint64 elapsedMs)
{
    if (m_closing || index >= m_items.size()) {
        return;
    }
    Item &item = m_items[index];
    item.state = ItemState::Done;
    item.record.durationMs = elapsedMs;
    item.record.requestId = result.requestId();
    if (result.ok()) {
        item.record.outcome = result.value().isError ? ToolCallRecord::Outcome::ToolError : ToolCallRecord::Outcome::Ok;
        item.record.result = result.value().raw;
    } else {
        const Core::ApiError &error = result.error();
        item.record.outcome = error.kind == Core::ApiError::Kind::Cancelled ? ToolCallRecord::Outcome::Cancelled
                                                                            : ToolCallRecord::Outcome::Failed;
        item.record.errorMessage = error.message;
        item.record.errorCode = error.code;
    }
    m_calls[index] = {};
    Q_EMIT itemChanged(index);
    pump();
}

void FanOutRun::cancel()
{
    if (!isActive()) {
        return;
    }
    m_cancelled = true;
    if (m_resolving) {
        for (Core::OperationHandle &lookup : m_lookups) {
            lookup.cancel();
        }
        m_resolving = false;
        m_lookups.clear();
        Q_EMIT finished();
        return;
    }
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).state == ItemState::Queued) {
            m_items[i].state = ItemState::Skipped;
            Q_EMIT itemChanged(int(i));
        }
    }
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        m_calls[i].cancel(); // each answers as Cancelled through finishItem
    }
    endIfDone();
}

void FanOutRun::endIfDone()
{
    if (m_running && finishedCount() == m_items.size()) {
        m_running = false;
        Q_EMIT finished();
    }
}

} // namespace AgentBay::Ui
