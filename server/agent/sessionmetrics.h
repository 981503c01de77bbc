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
    static void collect(const std::string &workspace, AgentMessage &reply);
};

} // namespace AgentBay::Server
