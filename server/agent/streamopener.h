// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agentmessage.h>

#include <sys/types.h>

#include <string>

namespace AgentBay::Server {

// The descriptors the agent hands to the server: a shell on a new pty (OpenPty) and a TCP
// connection to 127.0.0.1:PORT of the session's own network namespace (ConnectPort). Each
// returns the descriptor to pass (the caller sends and closes it), or -1 with Errno set.
class StreamOpener
{
public:
    static int openPty(const std::string &workspace, const AgentMessage &request, AgentMessage &reply, pid_t *pid);
    static int connectPort(const AgentMessage &request, AgentMessage &reply);
};

} // namespace AgentBay::Server
