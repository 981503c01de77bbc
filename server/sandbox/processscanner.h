// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <sys/types.h>

namespace AgentBay::Server {

// Finds the host processes that belong to a session by reading /proc: the members of a pid
// namespace, the descendants of a process, or the processes that carry a marker in their
// environment (which setsid/double-fork escapees keep).
class ProcessScanner
{
public:
    // "pid:[4026532181]" for a process, empty when it is gone.
    static QString pidNamespaceOf(pid_t pid);
    static QList<pid_t> pidsInNamespace(const QString &pidNamespace);
    // The children of every thread of pid (first level only).
    static QList<pid_t> childrenOf(pid_t pid);
    // pid and all its descendants, parents before children.
    static QList<pid_t> descendantsOf(pid_t pid);
    // Processes whose initial environment holds the exact entry `marker` ("NAME=value").
    static QList<pid_t> pidsWithEnvironmentEntry(const QByteArray &marker);
    static bool isAlive(pid_t pid);
    // Stopped (SIGSTOP has taken effect), a zombie, or gone: it runs no more code.
    static bool hasStopped(pid_t pid);
};

} // namespace AgentBay::Server
