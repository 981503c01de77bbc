// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace AgentBay::Server {

// Session cgroups that could not be removed at once: the kernel refuses rmdir while a killed
// process is still on its way out, which on a busy machine can take longer than the short
// wait at delete. They are tried again whenever another session's cgroup is made or removed,
// so a long-running server does not collect empty cgroups. Thread-safe.
class CgroupLeftovers
{
public:
    static void add(const QString &path);
    // Removes every leftover that is empty now; returns how many are still left.
    static int sweep();
    // A session cgroup's name ends in "-<pid>" of the server that made it: whether that server
    // is gone (not this one, not alive), so the cgroup is stale.
    static bool madeByDeadServer(const QString &name);
};

} // namespace AgentBay::Server
