// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agententry.h>
#include <server/agent/agentmessage.h>
#include <server/sandbox/sandboxagent.h>

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace AgentBay::Server {

struct ToolInvocation;

// The session's own file system, reached through its agent: the file tools ask the agent
// (which runs inside the sandbox) and never resolve a session path on the host. Relative
// paths are relative to the workspace; absolute ones are the session's view (/tmp/x works).
class SessionFiles
{
    Q_DECLARE_TR_FUNCTIONS(SessionFiles)

public:
    // How long one file request may take before the call fails (the agent keeps running).
    static constexpr int requestTimeoutMs = 60000;

    // Sends message to the session's agent (starting the sandbox if needed); done runs later,
    // on the invocation's receiver. A reply without an answer carries error.
    static void ask(const ToolInvocation &call, const AgentMessage &message, SandboxAgent::Callback done);
    static AgentMessage pathRequest(AgentProtocol::Op op, const QString &path);

    // The path as the session sees it, for result texts ("/workspace/a.txt").
    static QString inside(const ToolInvocation &call, const QString &path);
    // A text for a failed reply about path: the agent's errno, or why no answer came.
    static QString errorText(const SandboxAgent::Reply &reply, const QString &path);
    static QString name(std::string_view bytes);
};

} // namespace AgentBay::Server
