// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace AgentBay::Server {

// The processes of one session: one long-lived sandbox (bubblewrap where it works, else a
// plain process group) rooted at the session's workspace, so background processes started
// by one tool call keep running for later calls. Owned by the session store.
class SessionSandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionSandbox)

public:
    enum class Isolation { Bubblewrap, Process };

    struct ExecResult
    {
        QByteArray stdOut;
        QByteArray stdErr;
        int exitCode = -1;
        bool timedOut = false;
        QString error; // non-empty when the command could not run at all
    };

    // workspace: host directory shown to the session's processes (as /workspace under bwrap).
    explicit SessionSandbox(const QString &sessionId, const QString &workspace, QObject *parent = nullptr);
    ~SessionSandbox() override; // kills every process of the session

    // Whether bubblewrap works on this machine (probed once per process).
    static bool bubblewrapAvailable();

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

    // Freeze / thaw every process of the session (cgroup freezer where writable, else SIGSTOP
    // to all processes of the session, setsid escapees included). Synchronous and fast.
    bool pause(QString *error);
    bool resume(QString *error);
    bool isPaused() const;
    QString pauseMethod() const; // "cgroup-v2", "cgroup-v1" or "sigstop"

    void terminate(); // kill everything now
};

} // namespace AgentBay::Server
