// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agentmessage.h>

#include <string>

namespace AgentBay::Server {

// The session's own usage for get_metrics, as the Metrics fields of agentprotocol.h: read
// inside the sandbox, so /proc and /proc/net are the session's pid and network namespaces.
class SessionMetrics
{
public:
    // With a workspace quota (quotaBytes > 0) the disk is the workspace's usage against it,
    // not the host's file system.
    static void collect(
        const std::string &workspace, AgentMessage &reply, int64_t quotaUsed = 0, int64_t quotaBytes = 0);
};

} // namespace AgentBay::Server
