// SPDX-License-Identifier: MIT
#include "toolcallsession.h"

#include <core/api/apiclient.h>

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcToolCallSession, "agentbay.ui.toolcallsession")

namespace AgentBay::Ui {

using Core::ToolCallRecord;

namespace {

QString draftKey(const QString &sessionId, const QString &toolName)
{
    return sessionId + u'\n' + toolName;
}

} // namespace

ToolCallSession::ToolCallSession(Core::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        Q_EMIT callTicked(m_pending.toolName, m_elapsed.elapsed());
    });
}

ToolCallSession::~ToolCallSession()
{
    // Cancelling answers at once through the callback; whoever owns this session is being
    // torn down too, so the answer must find nothing to store and nobody to tell.
    m_closing = true;
    m_tick.stop();
    m_call.cancel();
}

void ToolCallSession::setHistoryDirectory(const QString &directory)
{
    m_history = Core::ToolCallHistory(directory);
}

void ToolCallSession::setSessionId(const QString &sessionId)
{
    m_sessionId = sessionId;
}

void ToolCallSession::saveDraft(const QString &toolName, const Draft &draft)
{
    if (m_sessionId.isEmpty() || toolName.isEmpty()) {
        return;
    }
    m_drafts.insert(draftKey(m_sessionId, toolName), draft);
}

std::optional<ToolCallSession::Draft> ToolCallSession::draft(const QString &toolName) const
{
    const auto found = m_drafts.constFind(draftKey(m_sessionId, toolName));
    if (found == m_drafts.constEnd()) {
        return std::nullopt;
    }
    return *found;
}

QList<ToolCallRecord> ToolCallSession::history() const
{
    return m_sessionId.isEmpty() ? QList<ToolCallRecord>() : m_history.load(m_sessionId);
}

void ToolCallSession::clearHistory()
{
    if (!m_sessionId.isEmpty()) {
        m_history.clear(m_sessionId);
    }
}

bool ToolCallSession::start(const Core::McpTool &tool, const QJsonObject &arguments, int timeoutMs)
{
    if (m_calling || m_sessionId.isEmpty()) {
        return false;
    }
    m_calling = true;
    m_pending = {};
    m_pending.sessionId = m_sessionId;
    m_pending.toolName = tool.name;
    m_pending.server = tool.server;
    m_pending.arguments = arguments;
    m_pending.startedAt = QDateTime::currentDateTimeUtc();
    m_elapsed.start();
    m_tick.start();

    Core::CallToolOptions options;
    options.server = tool.server;
    options.readTimeoutMs = timeoutMs;
    qCDebug(lcToolCallSession) << "calling" << m_pending.toolName << "in" << m_pending.sessionId;
    Q_EMIT callStarted(m_pending.toolName);
    m_call = m_client->callMcpTool(
        m_sessionId, tool.name, arguments, options, this, [this](const Core::Result<Core::McpToolResult> &result) {
            finish(result);
        });
    return true;
}

void ToolCallSession::cancel()
{
    if (m_calling) {
        m_call.cancel();
    }
}

void ToolCallSession::finish(const Core::Result<Core::McpToolResult> &result)
{
    m_tick.stop();
    m_calling = false;
    m_call = {};
    if (m_closing) {
        return;
    }
    ToolCallRecord record = m_pending;
    record.durationMs = m_elapsed.elapsed();
    record.requestId = result.requestId();
    if (result.ok()) {
        record.outcome = result.value().isError ? ToolCallRecord::Outcome::ToolError : ToolCallRecord::Outcome::Ok;
        record.result = result.value().raw;
    } else {
        const Core::ApiError &error = result.error();
        record.outcome = error.kind == Core::ApiError::Kind::Cancelled ? ToolCallRecord::Outcome::Cancelled
                                                                       : ToolCallRecord::Outcome::Failed;
        record.errorMessage = error.message;
        record.errorCode = error.code;
    }
    m_history.setSecrets({m_client->config().apiKey});
    QString historyError;
    const ToolCallRecord stored = m_history.append(record, &historyError);
    if (!historyError.isEmpty()) {
        qCWarning(lcToolCallSession) << "history not saved:" << historyError;
    }
    Q_EMIT callFinished(record, stored, historyError);
}

} // namespace AgentBay::Ui
