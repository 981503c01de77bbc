// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <sys/types.h>

namespace AgentBay::Server {

// The processes of one session as the host finds them without cgroups: everything in the
// sandbox's pid namespace (bubblewrap), else the agent's descendants plus every process that
// carries the session's marker in its environment (setsid escapees of a plain session).
// Stops and continues them all (the SIGSTOP pause) and kills them all.
class SessionProcesses
{
public:
    // root: the sandbox's first process (bwrap, or the agent itself); 0 forgets it.
    void reset(qint64 root, bool ownPidNamespace, const QByteArray &marker);
    QList<qint64> pids() const;

    // Several sweeps, so processes forked during one are caught by the next.
    void stopAll();
    void continueAll(); // children first, so no parent sees a stopped child
    void killAll();

private:
    qint64 m_root = 0;
    bool m_ownPidNamespace = false;
    QByteArray m_marker;
    mutable QString m_pidNamespace;
    QSet<pid_t> m_stopped;
};

} // namespace AgentBay::Server
