// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/result.h>

#include <QDateTime>
#include <QString>

namespace AgentBay::Core {

struct McpToolResult;

// A session's own resource usage, as the get_metrics MCP tool reports it (protocol-2026.md 3):
// the tool's first text item is a JSON object. Bytes are bytes, rates kbyte/s.
struct SessionMetrics
{
    int cpuCount = 0;
    double cpuUsedPct = 0; // 0..100 of all its cores
    qint64 memTotal = 0;
    qint64 memUsed = 0;
    qint64 diskTotal = 0;
    qint64 diskUsed = 0;
    double rxRateKBps = 0;
    double txRateKBps = 0;
    double rxUsedKB = 0;
    double txUsedKB = 0;
    QDateTime timestamp; // invalid when absent or unreadable

    double memUsedPct() const { return memTotal > 0 ? 100.0 * double(memUsed) / double(memTotal) : 0.0; }

    double diskUsedPct() const { return diskTotal > 0 ? 100.0 * double(diskUsed) / double(diskTotal) : 0.0; }

    bool operator==(const SessionMetrics &) const = default;

    // The JSON text; the SDKs' aliases for the network fields are accepted too. Not a JSON
    // object: "get_metrics returned non-object JSON", as the SDKs say.
    static Result<SessionMetrics> parse(const QString &text);
    // A whole tool result: isError results fail with their text.
    static Result<SessionMetrics> fromToolResult(const McpToolResult &result);
};

} // namespace AgentBay::Core
