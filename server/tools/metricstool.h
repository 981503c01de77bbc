// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agentmessage.h>

#include <QHash>
#include <QJsonObject>
#include <QPointer>

namespace AgentBay::Server {

class SessionSandbox;
struct ToolInvocation;

// get_metrics: the session's own usage as its agent reads it inside the sandbox (its cgroup
// or pid namespace for CPU and memory, its workspace's disk, its own network namespace).
// CPU share and network rates are taken since the session's previous call; on its first
// call the agent is asked twice, a short moment apart.
class MetricsTool
{
public:
    void sample(const ToolInvocation &call);

    static constexpr int firstSampleGapMs = 200;

private:
    struct Sample
    {
        QPointer<SessionSandbox> sandbox;
        qint64 cpuUs = 0;
        qint64 atUs = 0;
        qint64 rxBytes = 0;
        qint64 txBytes = 0;
    };

    void answer(const ToolInvocation &call, const AgentMessage &now);

    QHash<SessionSandbox *, Sample> m_last;
};

} // namespace AgentBay::Server
