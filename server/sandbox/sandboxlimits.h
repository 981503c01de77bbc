// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace AgentBay::Server {

// What one session may use: processes, memory and CPU share (its cgroup), the size of its
// private /tmp (a tmpfs that lives as long as its sandbox) and of its workspace. The server
// has one set (command line, else the desktop defaults below); 0 means "no limit".
class SandboxLimits
{
public:
    qint64 pidsMax = 1024;
    qint64 memoryMax = qint64(2) << 30; // bytes
    int cpuWeight = 100; // cgroup v2 scale, 1 to 10000 (v1 cpu.shares = weight * 1024 / 100)
    qint64 tmpSize = qint64(512) << 20; // bytes
    qint64 workspaceQuota = qint64(4) << 30; // bytes

    // The server-wide limits every new session gets.
    static SandboxLimits serverDefault();
    static void setServerDefault(const SandboxLimits &limits);

    // "512M", "2G", "1048576", "0" (no limit) -> bytes; -1 when unreadable. K, M, G, T are
    // powers of 1024, an optional trailing "B"/"iB" is accepted.
    static qint64 parseSize(const QString &text);
    static QString formatSize(qint64 bytes);

    QJsonObject toJson() const;
};

} // namespace AgentBay::Server
