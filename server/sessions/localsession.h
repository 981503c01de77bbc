// SPDX-License-Identifier: MIT
#pragma once

#include <server/sessions/sessionlifecycle.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

namespace AgentBay::Server {

class SessionSandbox;

// One session of agentbay-local: what is persisted (id, image, labels, creation time, auth
// code, creation sequence), its live status and its sandbox. Owned by the SessionStore.
class LocalSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSession)

public:
    enum class Status {
        Running,
        Pausing,
        Paused,
        Resuming,
        Deleting
    };

    struct ToolCall
    {
        QDateTime at;
        QString tool;
        QString arguments; // compact JSON, shortened
        QString resultText; // first text item, shortened
        bool isError = false;
        qint64 durationMs = 0;
    };

    LocalSession(const QString &id,
        const QString &imageId,
        const QMap<QString, QString> &labels,
        const QDateTime &createdAt,
        const QString &authCode,
        qint64 sequence,
        const QString &workspace,
        QObject *parent = nullptr);
    ~LocalSession() override;

    QString id() const { return m_id; }

    QString imageId() const { return m_imageId; }

    QMap<QString, QString> labels() const { return m_labels; }

    void setLabels(const QMap<QString, QString> &labels) { m_labels = labels; }

    QDateTime createdAt() const { return m_createdAt; }

    QString authCode() const { return m_authCode; }

    qint64 sequence() const { return m_sequence; }

    QString workspace() const { return m_workspace; }

    Status status() const { return m_status; }

    void setStatus(Status status);

    static QString statusName(Status status);

    QString statusName() const { return statusName(m_status); }

    // The session's own network mode ("none" or "user"; empty: the server's default), applied
    // by start() and kept in the store.
    QString networkMode() const { return m_networkMode; }

    void setNetworkMode(const QString &mode) { m_networkMode = mode; }

    // Starts the sandbox; false (with error) when it cannot run.
    bool start(QString *error);

    SessionSandbox *sandbox() const { return m_sandbox; }

    // Kills every process now and forgets the sandbox.
    void terminate();

    // Lifecycle (SessionReaper): the policy, the last activity and the tool calls in flight.
    SessionLifecycle lifecycle() const { return m_lifecycle; }

    void setLifecycle(const SessionLifecycle &lifecycle);

    QDateTime lastActivity() const { return m_lastActivity; }

    void noteActivity(const QDateTime &at);

    int toolCallsRunning() const { return m_toolCallsRunning; }

    void toolCallStarted(const QDateTime &at);
    void toolCallFinished(const QDateTime &at);

    bool matchesLabels(const QMap<QString, QString> &filter) const;

    void recordToolCall(const ToolCall &call);

    QList<ToolCall> recentToolCalls() const { return m_recentCalls; }

    QJsonObject toJson() const;

Q_SIGNALS:
    // The status, policy, activity or calls in flight changed: a release deadline may have moved.
    void lifecycleChanged();

private:
    QString m_id;
    QString m_imageId;
    QMap<QString, QString> m_labels;
    QDateTime m_createdAt;
    QString m_authCode;
    qint64 m_sequence = 0;
    QString m_workspace;
    QString m_networkMode;
    Status m_status = Status::Running;
    SessionSandbox *m_sandbox = nullptr;
    QList<ToolCall> m_recentCalls;
    SessionLifecycle m_lifecycle;
    QDateTime m_lastActivity;
    int m_toolCallsRunning = 0;
};

} // namespace AgentBay::Server
