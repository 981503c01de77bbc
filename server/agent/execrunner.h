// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agentmessage.h>

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace AgentBay::Server {

// Runs the Exec requests of the agent: `sh -c command` in a process group of its own, output
// captured in memory files (not pipes, so a background process that keeps stdout open does
// not keep the call open), bounded, killed with its children on timeout or Kill. Children
// outlive the call (the agent is a child subreaper and reaps them).
class ExecRunner
{
public:
    using Send = std::function<void(const AgentMessage &)>;

    ExecRunner(std::string workspace, Send send);

    void start(const AgentMessage &request);
    void kill(uint64_t id);
    // A child was reaped; true if it was one of ours.
    bool finished(pid_t pid, int status);
    // Deadlines and output bounds; returns ms until the next check is due, or -1.
    int check(int64_t nowMs);

    size_t running() const { return m_running.size(); }

    // Every descendant of pid (pid first), from /proc/<pid>/task/*/children.
    static std::vector<pid_t> tree(pid_t pid);
    static void killTree(pid_t pid);

private:
    struct Running
    {
        pid_t pid = 0;
        int out = -1;
        int err = -1;
        int64_t deadlineMs = 0;
        bool timedOut = false;
        bool overflow = false;
    };

    void reply(uint64_t id, Running &run, int status);

    std::string m_workspace;
    Send m_send;
    std::map<uint64_t, Running> m_running;
};

} // namespace AgentBay::Server
