// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>

#include <optional>

namespace AgentBay::Server {

class SessionSandbox;

// get_metrics: CPU, memory, the workspace's disk and the host's network (sessions share it).
// CPU share and network rates are taken since the previous call.
class MetricsTool
{
public:
    MetricsTool();

    QJsonObject sample(SessionSandbox *sandbox);

private:
    struct Sample
    {
        qint64 atMs = 0;
        double rxBytes = 0;
        double txBytes = 0;
        quint64 cpuBusy = 0;
        quint64 cpuTotal = 0;
    };

    std::optional<Sample> m_lastSample;
    QElapsedTimer m_clock;
};

} // namespace AgentBay::Server
