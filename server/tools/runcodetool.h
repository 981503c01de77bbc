// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

namespace AgentBay::Server {

struct ToolInvocation;

// The run_code tool: python or javascript source fed to the interpreter on stdin through
// the sandbox agent's runner, which reports results and errors after a marker line.
class RunCodeTool
{
    Q_DECLARE_TR_FUNCTIONS(RunCodeTool)

public:
    static void run(const ToolInvocation &call);

    static constexpr int defaultTimeoutS = 60;
    static constexpr int maxTimeoutS = 3600;
};

} // namespace AgentBay::Server
