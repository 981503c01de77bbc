// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace AgentBay::Server {

// How one session's bubblewrap is started: its arguments (passed through a memory file with
// --args, so no host path shows in the session's /proc/1/cmdline), the generated minimal /etc
// (passwd and group with the session user only, hosts, resolv.conf, nsswitch: no shadow,
// no keys, nothing secret), the seccomp program, and what the child does between fork and
// exec (enterChild): join the session's cgroups, and when the server is root, bind the
// workspace to a neutral path in a private mount namespace and drop to an unprivileged host
// uid; then a user and network namespace of its own, no_new_privs. The agent is not mounted:
// it runs from a descriptor of a sealed copy (SealedProgram).
//
// Inside: every namespace unshared, the session user (uid/gid 1000, no capabilities, no
// further user namespaces), read-only /usr and root, a private size-limited /tmp, the
// workspace at /workspace, the agent held until unblock() (the network is set up first).
class BubblewrapCommand
{
    Q_DISABLE_COPY_MOVE(BubblewrapCommand)

public:
    static constexpr int insideUid = 1000;
    static constexpr int insideGid = 1000;
    static constexpr int defaultHostUid = 65534; // "nobody"; used when the server is root
    static constexpr int defaultHostGid = 65534;

    struct Options
    {
        QString sessionId;
        QString workspace; // host path
        // What runs inside (the agent), by its host path: exec'd from a descriptor of a sealed
        // copy (SealedProgram), never mounted; with gate it is also what waits at the gate.
        QString program;
        QStringList arguments; // after the program in its argv
        QMap<QString, QString> environment;
        qint64 tmpSize = 0; // bytes, 0 = no limit
        qint64 fileSizeMax = 0; // RLIMIT_FSIZE of every session process, bytes, 0 = no limit
        QByteArray resolvConf;
        QList<QByteArray> procsFiles; // cgroups to join
        // The agent's channel: inherited by the agent under its number (--channel FD), not as
        // its stdin, since bwrap's pid 1 keeps stdio open and a session can reach pid 1 when
        // the server is not root (same uid, dumpable); pid 1 closes every other descriptor.
        int channelFd = -1;
        int stderrFd = -1; // becomes fd 2 of bwrap and the agent when >= 0
        // The child waits in enterChild, before bwrap starts, until openGate(): the server
        // moves it into the session's cgroups meanwhile, so the cgroup namespace bwrap makes
        // is rooted at the session's own cgroup (no host cgroup path shows inside).
        bool gate = false;
    };

    BubblewrapCommand() = default;
    ~BubblewrapCommand(); // closes every descriptor still open

    static QString bwrapPath();
    // Whether bubblewrap can build a sandbox here with this launch (probed once per process).
    static bool works(QString *reason = nullptr);

    bool prepare(const Options &options, QString *error);

    // bwrap, or with Options::gate the agent binary that waits at the gate and then execs bwrap.
    QString program() const { return m_program; }

    QStringList arguments() const { return m_arguments; }

    // Runs in the forked child, before exec: only async-signal-safe calls. On failure it
    // writes a line to fd 2 and exits with 126.
    void enterChild() const;

    // After the process started: the child's copies are no longer needed here.
    void closeChildEnds();
    // Lets the agent start (bwrap waits on --block-fd until then).
    void unblock();
    // Lets the child exec bwrap (Options::gate).
    void openGate();

    // A root server's sessions run as hostUid(), which must own the workspace (and what an
    // older server left in it); no session process runs yet, so nothing races this.
    static void prepareWorkspace(const QString &workspace);

    // The host uid/gid session processes run as (the server's own when it is not root).
    static int hostUid();
    static int hostGid();

    // Host paths of the /etc files shown inside, for the info page.
    static QStringList etcFiles();
    // The walls every bubblewrap session has (uids, capabilities, seccomp, namespaces).
    static QJsonObject toJson();

private:
    int addData(const QByteArray &name, const QByteArray &data, QString *error);

    QStringList m_arguments;
    QList<int> m_childFds; // memory files and pipe ends the child inherits
    int m_blockWrite = -1;
    int m_gateWrite = -1;
    QString m_program;
    // enterChild's data, prepared up front (no allocation after fork).
    QList<QByteArray> m_procsFiles;
    QByteArray m_workspace;
    bool m_stage = false;
    int m_channelFd = -1;
    int m_stderrFd = -1;
    pid_t m_serverPid = 0;
    qint64 m_fileSizeMax = 0;
    int m_hostUid = 0;
    int m_hostGid = 0;
    int m_outerUid = 0;
    int m_outerGid = 0;
    QByteArray m_uidMap;
    QByteArray m_gidMap;
};

} // namespace AgentBay::Server
