// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/redaction.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AgentBay::Core {

// One tool call as the history keeps it (and as the result view shows it).
struct ToolCallRecord
{
    enum class Outcome {
        Ok, // the tool ran and did not report an error
        ToolError, // the tool ran and reported isError
        Failed, // the request failed (network, API error, timeout...)
        Cancelled, // the user cancelled it
    };

    QString id; // unique per history
    QString sessionId;
    QString toolName;
    QString server;
    QJsonObject arguments;
    QDateTime startedAt; // UTC
    qint64 durationMs = 0;
    Outcome outcome = Outcome::Ok;
    QString errorMessage; // Failed/Cancelled: the message fit to show
    QString errorCode; // API code, if any
    QString requestId;
    QJsonValue result =
        QJsonValue(QJsonValue::Undefined); // the decoded MCP result (McpToolResult::raw); none when Failed
    bool truncated = false; // parts of the result were cut to bound the history's size

    bool operator==(const ToolCallRecord &) const = default;

    QJsonObject toJson() const;
    static std::optional<ToolCallRecord> fromJson(const QJsonObject &object);
    static QString outcomeName(Outcome outcome);
};

// The calls made in each session, persisted as one JSON-lines file per session under a
// directory, newest last, bounded in count and in result size. Known secrets (the API key)
// are replaced before anything is written. Small synchronous file I/O: one appended line
// per call, and a rewrite only when the file grew a quarter beyond the bound.
class ToolCallHistory
{
    Q_DECLARE_TR_FUNCTIONS(ToolCallHistory)

public:
    static constexpr int DefaultMaxCalls = 200;
    static constexpr qsizetype DefaultMaxResultBytes = 256 * 1024;
    static constexpr qsizetype MaxStringBytes = 64 * 1024; // per text of a stored result

    // Default directory: AppDataLocation + "/tool-history".
    static QString defaultDirectory();

    explicit ToolCallHistory(const QString &directory = defaultDirectory());

    QString directory() const { return m_directory; }

    void setMaxCalls(int maxCalls) { m_maxCalls = qMax(1, maxCalls); }

    int maxCalls() const { return m_maxCalls; }

    void setMaxResultBytes(qsizetype bytes) { m_maxResultBytes = qMax<qsizetype>(1024, bytes); }

    // Texts that must never be stored (the API key); each occurrence becomes "***".
    void setSecrets(const QStringList &secrets);

    // Oldest first, at most maxCalls(). Unreadable lines are skipped.
    QList<ToolCallRecord> load(const QString &sessionId) const;
    // Stores the call (redacted and bounded) and returns what was stored; error on I/O failure.
    ToolCallRecord append(const ToolCallRecord &record, QString *error = nullptr);
    bool clear(const QString &sessionId);

    // The record as it will be stored: secrets replaced, long texts and big images cut.
    ToolCallRecord prepared(const ToolCallRecord &record) const;
    QString filePath(const QString &sessionId) const;

private:
    bool rewrite(const QString &sessionId, const QList<ToolCallRecord> &records, QString *error) const;

    QString m_directory;
    int m_maxCalls = DefaultMaxCalls;
    qsizetype m_maxResultBytes = DefaultMaxResultBytes;
    Redaction m_redaction;
    mutable QHash<QString, int> m_lineCounts; // lines in each session's file, once known
};

} // namespace AgentBay::Core
