// SPDX-License-Identifier: MIT
#pragma once

#include <server/sandbox/sandboxlimits.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace AgentBay::Server {

// A session's resource limits in cgroups: pids.max, memory.max and cpu.weight in the
// session's cgroup v2 (the freezer's) where the server may use those controllers, else in
// the v1 hierarchies of the pids, memory and cpu controllers (as on hybrid hosts). Processes
// join every cgroup between fork and exec (procsFiles()). Where no cgroup can be created (a
// normal user without a delegated subtree) the limits are not enforced and missing() says so.
class CgroupLimits
{
    Q_DISABLE_COPY_MOVE(CgroupLimits)

public:
    CgroupLimits() = default;
    ~CgroupLimits(); // kills what is left and removes the cgroups

    // v2Path: the session's v2 cgroup (CgroupFreezer::path() when it is a v2 one), or empty.
    void create(const QString &name, const SandboxLimits &limits, const QString &v2Path);

    // Files a process writes "0" to, to join (v1 ones; the v2 one is the freezer's).
    QList<QByteArray> procsFiles() const;
    // Controllers whose limit is in force ("pids", "memory", "cpu"), and why others are not.
    QStringList enforced() const;
    QString missing() const;

    // What the session uses now, and how often it hit a limit (cumulative counters).
    qint64 pidsCurrent() const;
    qint64 memoryCurrent() const;
    qint64 pidsLimitHits() const;
    qint64 oomKills() const;

    void killAll();
    void remove();

private:
    struct Group
    {
        QString controller;
        QString path;
        bool v2 = false;
    };

    QString pathOf(const QString &controller, bool *v2 = nullptr) const;

    QList<Group> m_groups;
    QStringList m_missing;
};

} // namespace AgentBay::Server
