// SPDX-License-Identifier: MIT
#pragma once

#include <server/tools/toolarguments.h>
#include <server/tools/toolresult.h>

#include <QObject>

namespace AgentBay::Server {

class SessionSandbox;

// One tool call as a tool family sees it: the session's sandbox, the arguments, and where
// the result goes (deliver is queued onto receiver's thread, never called inside the tool).
struct ToolInvocation
{
    SessionSandbox *sandbox = nullptr;
    ToolArguments args;
    QObject *receiver = nullptr;
    ToolResult::Done deliver;
};

} // namespace AgentBay::Server
