// SPDX-License-Identifier: MIT
#include "metricstool.h"

#include <server/sandbox/sessionsandbox.h>
#include <server/tools/sessionfiles.h>
#include <server/tools/toolinvocation.h>

#include <QDateTime>
#include <QTimer>

#include <cmath>

namespace AgentBay::Server {

namespace {

using Tag = AgentProtocol::Tag;

double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

} // namespace

void MetricsTool::sample(const ToolInvocation &call)
{
    for (auto it = m_last.begin(); it != m_last.end();) {
        it = it->sandbox ? std::next(it) : m_last.erase(it);
    }
    if (!m_last.contains(call.sandbox)) {
        m_last.insert(call.sandbox, Sample{call.sandbox, -1, 0, 0, 0}); // no baseline yet
    }
    const QPointer<SessionSandbox> sandbox(call.sandbox);
    SessionFiles::ask(
        call, AgentMessage(AgentProtocol::Op::Metrics, 0), [this, call, sandbox](const SandboxAgent::Reply &r) {
            if (!r.ok()) {
                return call.deliver(ToolResult::error(SessionFiles::errorText(r, QStringLiteral("get_metrics"))));
            }
            if (!sandbox) {
                return call.deliver(ToolResult::error(SessionFiles::tr("The session was terminated")));
            }
            answer(call, r.message);
        });
}

void MetricsTool::answer(const ToolInvocation &call, const AgentMessage &now)
{
    const qint64 cpuUs = now.integer(Tag::CpuUsageUs);
    const qint64 atUs = now.integer(Tag::MonotonicUs);
    const qint64 rx = now.integer(Tag::RxBytes);
    const qint64 tx = now.integer(Tag::TxBytes);
    const int cpuCount = int(std::max<int64_t>(1, now.integer(Tag::CpuCount, 1)));
    Sample &last = m_last[call.sandbox];
    if (last.cpuUs < 0) {
        // First call of this session: keep this as the baseline and ask again shortly.
        last = Sample{call.sandbox, cpuUs, atUs, rx, tx};
        const QPointer<SessionSandbox> sandbox(call.sandbox);
        QTimer::singleShot(firstSampleGapMs, call.receiver, [this, call, sandbox] {
            if (!sandbox) {
                return call.deliver(ToolResult::error(SessionFiles::tr("The session was terminated")));
            }
            sample(call);
        });
        return;
    }
    const double seconds = double(std::max<qint64>(1, atUs - last.atUs)) / 1e6;
    const double cpuPct = std::clamp(100.0 * double(cpuUs - last.cpuUs) / 1e6 / seconds / cpuCount, 0.0, 100.0);
    const double rxRate = double(std::max<qint64>(0, rx - last.rxBytes)) / 1024.0 / seconds;
    const double txRate = double(std::max<qint64>(0, tx - last.txBytes)) / 1024.0 / seconds;
    last = Sample{call.sandbox, cpuUs, atUs, rx, tx};
    // The agent cannot see its cgroup (no /sys inside), so it knows only the host's memory and
    // its processes' resident pages; the session's memory cgroup knows the session's own.
    qint64 memTotal = now.integer(Tag::MemTotal);
    qint64 memUsed = now.integer(Tag::MemUsed);
    if (const qint64 limit = call.sandbox->memoryLimit(); limit > 0) {
        memTotal = memTotal > 0 ? std::min(memTotal, limit) : limit;
    }
    if (const qint64 used = call.sandbox->memoryCurrent(); used >= 0) {
        memUsed = used;
    }
    const QDateTime local = QDateTime::currentDateTime();
    const QJsonObject metrics{{QStringLiteral("cpu_count"), cpuCount},
        {QStringLiteral("cpu_used_pct"), round2(cpuPct)},
        {QStringLiteral("mem_total"), memTotal},
        {QStringLiteral("mem_used"), memUsed},
        {QStringLiteral("disk_total"), qint64(now.integer(Tag::DiskTotal))},
        {QStringLiteral("disk_used"), qint64(now.integer(Tag::DiskUsed))},
        {QStringLiteral("rx_rate_kbyte_per_s"), round2(rxRate)},
        {QStringLiteral("tx_rate_kbyte_per_s"), round2(txRate)},
        {QStringLiteral("rx_used_kbyte"), round2(double(rx) / 1024.0)},
        {QStringLiteral("tx_used_kbyte"), round2(double(tx) / 1024.0)},
        {QStringLiteral("timestamp"), local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate)}};
    call.deliver(ToolResult::text(ToolResult::compactJson(metrics)));
}

} // namespace AgentBay::Server
