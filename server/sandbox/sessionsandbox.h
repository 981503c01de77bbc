// SPDX-License-Identifier: MIT
#pragma once

#include <server/sandbox/cgroupset.h>
#include <server/sandbox/sandboxagent.h>
#include <server/sandbox/sandboxlimits.h>
#include <server/sandbox/sandboxoptions.h>
#include <server/sandbox/sessionnetwork.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QProcess;

namespace AgentBay::Server {

// The processes of one session: one long-lived sandbox rooted at the session's workspace, so
// background processes started by one tool call keep running for later calls. Owned by the
// session store. The sandbox is bubblewrap (BubblewrapCommand: every namespace, an
// unprivileged uid, no capabilities, seccomp, a minimal /etc) with a network of its own
// (SessionNetwork) and cgroup limits (CgroupSet). Where bubblewrap cannot work, start()
// refuses, unless the server allows unsandboxed sessions (SandboxOptions: a plain process
// group, no boundary at all).
class SessionSandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionSandbox)

public:
    enum class Isolation {
        Bubblewrap,
        Process
    };

    using ExecResult = SandboxAgent::ExecResult; // what the agent answers is what callers get

    // workspace: host directory shown to the session's processes (as /workspace under bwrap).
    explicit SessionSandbox(const QString &sessionId, const QString &workspace, QObject *parent = nullptr);
    ~SessionSandbox() override; // kills every process of the session

    // Whether bubblewrap works on this machine (probed once per process); reason says why not
    // and how to fix it.
    static bool bubblewrapAvailable(QString *reason = nullptr);

    // --allow-unsandboxed (kept in SandboxOptions): without bubblewrap, plain processes.
    static void setAllowUnsandboxed(bool allow) { SandboxOptions::setAllowUnsandboxed(allow); }

    // Before start(): the session's network mode and limits (default: the server's).
    void setNetworkMode(SessionNetwork::Mode mode);
    void setLimits(const SandboxLimits &limits);
    SandboxLimits limits() const;
    // What the session's memory cgroup says (CgroupSet): bytes in use, and the limit in force;
    // -1 for what no cgroup tells (the session's processes cannot see their cgroup).
    qint64 memoryCurrent() const;
    qint64 memoryLimit() const;

    // What the walls of this session are, for the session's info and page: isolation,
    // uids, network, limits in force and those that are not, seccomp, usage.
    QJsonObject describe() const;

    bool start(QString *error); // fast: must stay well under 25 ms
    Isolation isolation() const;
    QString isolationName() const; // "bwrap" or "process"
    QString workspace() const;
    // Path of the workspace as the session's processes see it ("/workspace" or the host path).
    QString workspaceInside() const;

    // Runs `sh -c command` inside the sandbox, cwd relative to the workspace; kills it
    // (and its children) after timeoutMs. Asynchronous: done runs on this object's thread,
    // not at all if context dies first. Calls run concurrently.
    void exec(const QString &command,
        const QString &cwd,
        const QMap<QString, QString> &env,
        int timeoutMs,
        QObject *context,
        std::function<void(const ExecResult &)> done);
    // Same, with stdinData as the command's standard input (run_code passes the code so).
    void execWithInput(const QString &command,
        const QString &cwd,
        const QMap<QString, QString> &env,
        int timeoutMs,
        const QByteArray &stdinData,
        QObject *context,
        std::function<void(const ExecResult &)> done);

    // Freeze / thaw every process of the session (cgroup freezer where writable, else SIGSTOP
    // to all processes of the session, setsid escapees included). Synchronous and fast.
    bool pause(QString *error);
    bool resume(QString *error);
    bool isPaused() const;
    QString pauseMethod() const; // "cgroup-v2", "cgroup-v1" or "sigstop"

    void terminate(); // kill everything now

    // The channel to the agent inside (tools go through it; the host never resolves a session
    // path); null until start() succeeded and after the sandbox ended.
    SandboxAgent *agent() const;

    // Host pids of every process of the session (diagnostics and tests).
    QList<qint64> processIds() const;

    // Environment knobs (read by start()): AGENTBAY_LOCAL_ISOLATION=process forces the plain
    // process session; AGENTBAY_LOCAL_PAUSE=cgroup-v1|sigstop skips the better methods.

private:
    void finishPending(quint64 id, const ExecResult &result, bool queued = false);
    void agentGone(QProcess *process);
    void stopNetwork(); // the network helper and the launch's descriptors
    // Says in result which of the session's limits it hit since the counters were read.
    void noteLimits(const CgroupSet::Counters &before, ExecResult *result) const;
    void deliverLater(const QPointer<QObject> &context,
        bool hasContext,
        const std::function<void(const ExecResult &)> &done,
        const ExecResult &result);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace AgentBay::Server
