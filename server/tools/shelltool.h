// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace AgentBay::Server {

struct ToolInvocation;

// The shell tool: one command in the session's sandbox, with a timeout, an optional working
// directory inside the workspace and extra environment variables.
class ShellTool
{
    Q_DECLARE_TR_FUNCTIONS(ShellTool)

public:
    static void run(const ToolInvocation &call);

    static constexpr int defaultTimeoutMs = 50000;
    static constexpr int maxTimeoutMs = 3600000;
    // A command that timed out reports this exit code, like timeout(1).
    static constexpr int timeoutExitCode = 124;

private:
    static void execute(const ToolInvocation &call,
        const QString &command,
        const QString &cwdInside,
        const QMap<QString, QString> &envs,
        int timeoutMs);
};

} // namespace AgentBay::Server
