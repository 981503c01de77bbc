// SPDX-License-Identifier: MIT
#include "sessionprocesses.h"

#include <server/sandbox/processscanner.h>

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

namespace AgentBay::Server {

namespace {
constexpr int kSignalPasses = 3;
// SIGSTOP takes effect asynchronously (a process inside a system call finishes it first):
// how long stopAll waits, at most, until every process it stopped shows as stopped.
constexpr auto kStopSettleLimit = std::chrono::milliseconds(500);
constexpr auto kStopSettlePoll = std::chrono::microseconds(250);
} // namespace

void SessionProcesses::reset(qint64 root, bool ownPidNamespace, const QByteArray &marker)
{
    m_root = root;
    m_ownPidNamespace = ownPidNamespace;
    m_marker = marker;
    m_pidNamespace.clear();
    m_stopped.clear();
}

QList<qint64> SessionProcesses::pids() const
{
    QList<qint64> result;
    if (m_root <= 0) {
        return result;
    }
    const auto root = pid_t(m_root);
    QList<pid_t> pids;
    if (m_ownPidNamespace) {
        // Everything in the sandbox's pid namespace; bwrap's first child is its init there.
        if (m_pidNamespace.isEmpty()) {
            const QList<pid_t> children = ProcessScanner::childrenOf(root);
            const QString ns = children.isEmpty() ? QString() : ProcessScanner::pidNamespaceOf(children.first());
            if (!ns.isEmpty() && ns != ProcessScanner::pidNamespaceOf(::getpid())) {
                m_pidNamespace = ns;
            }
        }
        pids = m_pidNamespace.isEmpty() ? ProcessScanner::descendantsOf(root).mid(1)
                                        : ProcessScanner::pidsInNamespace(m_pidNamespace);
    } else {
        pids = ProcessScanner::descendantsOf(root);
        const QList<pid_t> marked = ProcessScanner::pidsWithEnvironmentEntry(m_marker);
        for (const pid_t pid : marked) {
            if (!pids.contains(pid)) {
                pids.append(pid);
            }
        }
    }
    for (const pid_t pid : std::as_const(pids)) {
        if (pid != ::getpid()) {
            result.append(pid);
        }
    }
    return result;
}

void SessionProcesses::stopAll()
{
    m_stopped.clear();
    for (int pass = 0; pass < kSignalPasses; ++pass) {
        const QList<qint64> all = pids();
        for (const qint64 pid : all) {
            if (::kill(pid_t(pid), SIGSTOP) == 0) {
                m_stopped.insert(pid_t(pid));
            }
        }
    }
    // Paused means nothing runs any more: a write still in flight would land after pause()
    // returned (the cgroup freezer waits for its "frozen" likewise).
    const auto settled = [this] {
        for (const pid_t pid : std::as_const(m_stopped)) {
            if (!ProcessScanner::hasStopped(pid)) {
                return false;
            }
        }
        return true;
    };
    const auto deadline = std::chrono::steady_clock::now() + kStopSettleLimit;
    while (!settled() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(kStopSettlePoll);
    }
}

void SessionProcesses::continueAll()
{
    for (int pass = 0; pass < 2; ++pass) {
        QList<qint64> all = pids();
        for (const pid_t pid : std::as_const(m_stopped)) {
            if (!all.contains(pid)) {
                all.append(pid);
            }
        }
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            ::kill(pid_t(*it), SIGCONT);
        }
    }
    m_stopped.clear();
}

void SessionProcesses::killAll()
{
    const QList<qint64> all = pids();
    for (int pass = 0; pass < kSignalPasses; ++pass) {
        for (const qint64 pid : all) {
            ::kill(pid_t(pid), SIGKILL);
        }
    }
    for (const pid_t pid : std::as_const(m_stopped)) {
        ::kill(pid, SIGKILL);
    }
    m_stopped.clear();
}

} // namespace AgentBay::Server
