// SPDX-License-Identifier: MIT
#pragma once

#include <server/sandbox/cgroupfreezer.h>
#include <server/sandbox/cgrouplimits.h>
#include <server/sandbox/sandboxlimits.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace AgentBay::Server {

// The cgroups of one session: the freezer (pause) and the limits (pids, memory, CPU), which
// every process of the session joins between fork and exec; and what they say about the
// session (limits in force, usage, limits it ran into).
class CgroupSet
{
    Q_DISABLE_COPY_MOVE(CgroupSet)

public:
    // Limit counters at one moment; limitNotes() compares against them.
    struct Counters
    {
        qint64 pidsHits = 0;
        qint64 oomKills = 0;
    };

    CgroupSet() = default;

    // AGENTBAY_LOCAL_PAUSE=cgroup-v1|sigstop skips the better freezers.
    void create(const QString &name, const SandboxLimits &limits);
    QList<QByteArray> procsFiles() const;
    // Between fork and exec (async-signal-safe): the calling process joins every cgroup.
    static void joinFromChild(const QList<QByteArray> &procsFiles);
    // Moves the processes rooted at roots (with their descendants) into every cgroup, on a
    // worker thread: a first move into a cgroup can wait ~15 ms for the kernel (an RCU grace
    // period), which the event loop must not. done() then runs on the main thread, unless
    // the set was emptied (killAll, remove) meanwhile. The processes must not run session
    // code before (the sandbox holds its agent until then).
    void adoptLater(const QList<qint64> &roots, std::function<void()> done);

    bool canFreeze() const { return m_freezer.version() != CgroupFreezer::Version::None; }

    QString pauseMethod() const; // "cgroup-v2", "cgroup-v1" or "sigstop"
    bool freeze(QString *error);
    bool thaw(QString *error);
    void killAll();
    void remove();

    Counters counters() const;
    // "[the session reached its process limit ...]" for each limit hit since before.
    QStringList limitNotes(const Counters &before) const;
    // The notes appended to a call's stderr (and to its error, when it has one).
    void addLimitNotes(const Counters &before, QByteArray *stdErr, QString *error) const;
    // The limits, which cgroup controllers enforce them (or why not), current usage.
    QJsonObject toJson() const;
    // The session's memory as its memory cgroup counts it: in use, and the limit when the
    // controller enforces one; -1 where there is no such cgroup.
    qint64 memoryCurrent() const;
    qint64 memoryLimit() const;

private:
    std::shared_ptr<std::atomic<bool>> m_alive = std::make_shared<std::atomic<bool>>(true);
    CgroupFreezer m_freezer;
    CgroupLimits m_limits;
    SandboxLimits m_values;
};

} // namespace AgentBay::Server
