// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agentframereader.h>
#include <server/agent/agentmessage.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QSocketNotifier;
class QTimer;

namespace AgentBay::Server {

// The server's end of one session's agent channel (server/agent/agentprotocol.h): requests
// out, replies in, over the unix socket whose other end is the agent's fd 0. Never blocks
// the event loop (non-blocking socket, notifiers, bounded buffers, a timeout per request).
// Anything the agent sends that is malformed, oversized, unasked for or carries descriptors
// it should not is fatal for this channel only: every pending request fails and failed() is
// emitted, so the owner kills that session's sandbox.
//
// Also home of the small wrappers run_code hands to the interpreter inside the sandbox.
class SandboxAgent final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxAgent)

public:
    struct Reply
    {
        AgentMessage message; // Op, Id and the reply's fields; empty when error is set
        int fd = -1; // a passed descriptor (OpenPty, ConnectPort), owned by the callback
        QString error; // non-empty when no answer came: the agent is gone, broke or timed out

        bool ok() const { return error.isEmpty() && message.integer(AgentProtocol::Tag::Errno) == 0; }

        int errorNumber() const { return int(message.integer(AgentProtocol::Tag::Errno)); }
    };

    using Callback = std::function<void(const Reply &)>;

    struct ExecResult
    {
        QByteArray stdOut;
        QByteArray stdErr;
        int exitCode = -1;
        bool timedOut = false;
        QString error; // non-empty when the command could not run at all
    };

    // Takes the descriptor (non-blocking, close-on-exec from here on).
    explicit SandboxAgent(int channelFd, QObject *parent = nullptr);
    ~SandboxAgent() override; // closes the channel: the agent kills its processes and exits

    // Where agentbay-agent is on the host: $AGENTBAY_AGENT_BIN, else next to this executable.
    static QString programPath();
    // The error of a call the workspace quota failed (a reply carrying QuotaUsed/QuotaLimit).
    static QString quotaText(const AgentMessage &reply);

    bool isOpen() const { return m_fd >= 0; }

    bool isReady() const { return m_agentPid > 0; }

    qint64 agentPid() const { return m_agentPid; } // as the session sees it

    // Sends message (its Op set, Id assigned here); done runs once on this thread, never
    // inside request(), not at all if context dies first. timeoutMs <= 0: no timeout.
    quint64 request(const AgentMessage &message, int timeoutMs, QObject *context, Callback done);
    // Exec with the output made readable (long outputs cut in the middle, with a note).
    void exec(const QString &command,
        const QString &cwd,
        const QMap<QString, QString> &env,
        int timeoutMs,
        const QByteArray &stdinData,
        QObject *context,
        std::function<void(const ExecResult &)> done);

    // While paused (the session is frozen) request timeouts wait; they restart on resume.
    void setPaused(bool paused);
    // Ends the channel now; pending requests fail with reason.
    void close(const QString &reason);

    // Largest stdout (and stderr) one exec returns; the middle of a longer one is left out.
    static constexpr qint64 maxOutputBytes = AgentProtocol::kMaxOutputBytes;
    static constexpr qint64 keptTailBytes = AgentProtocol::kKeptTailBytes;
    static constexpr qint64 maxCapturedBytes = AgentProtocol::kMaxCapturedBytes;
    // Grace past an exec's own timeout before the server stops waiting for the agent.
    static constexpr int execGraceMs = 5000;
    // Outgoing bytes not yet taken by the agent; requests beyond this fail at once.
    static constexpr qint64 maxQueuedBytes = 128 * 1024 * 1024;

    // Reads the code from stdin, runs it, prints the output and then, after marker(), one
    // JSON line {"result":[...],"executionError":"..."}.
    static QString pythonRunner();
    static QString javascriptRunner();
    static QByteArray marker();

Q_SIGNALS:
    void ready(qint64 agentPid);
    void failed(const QString &reason); // the channel is closed; the owner kills the sandbox
    void ptyExited(qint64 pid, int exitCode);

private:
    struct Pending
    {
        QPointer<QObject> context;
        bool hasContext = false;
        Callback done;
        QTimer *timer = nullptr;
        AgentProtocol::Op op = AgentProtocol::Op::Ready;
    };

    void queue(const AgentMessage &message);
    void readAvailable();
    void writePending();
    bool handle(const AgentMessage &message);
    void finish(quint64 id, const Reply &reply);
    void fail(const QString &reason);
    void deliverLater(QObject *context, bool hasContext, const Callback &done, const Reply &reply);

    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    AgentFrameReader m_reader;
    QByteArray m_out;
    qsizetype m_outSent = 0; // bytes at the start of m_out already taken by the agent
    QList<int> m_receivedFds;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
    qint64 m_agentPid = 0;
    bool m_paused = false;
};

} // namespace AgentBay::Server
