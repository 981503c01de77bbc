// SPDX-License-Identifier: MIT
#include "metricstool.h"

#include <server/sandbox/sessionsandbox.h>
#include <server/tools/toolresult.h>

#include <QDateTime>
#include <QFile>

#include <sys/statvfs.h>
#include <unistd.h>

#include <cmath>

namespace AgentBay::Server {

MetricsTool::MetricsTool()
{
    m_clock.start();
}

QJsonObject MetricsTool::sample(SessionSandbox *sandbox)
{
    const auto readText = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    // CPU: busy share since the previous call (since boot on the first one).
    quint64 busy = 0;
    quint64 total = 0;
    const QList<QByteArray> cpu = readText(QStringLiteral("/proc/stat")).split('\n').value(0).simplified().split(' ');
    for (qsizetype i = 1; i < cpu.size(); ++i) {
        const quint64 value = cpu.at(i).toULongLong();
        total += value;
        if (i != 4 && i != 5) { // idle, iowait
            busy += value;
        }
    }
    // Memory, from /proc/meminfo (kB).
    qint64 memTotal = 0;
    qint64 memAvailable = 0;
    const QList<QByteArray> memLines = readText(QStringLiteral("/proc/meminfo")).split('\n');
    for (const QByteArray &line : memLines) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2 && parts.at(0) == "MemTotal:") {
            memTotal = parts.at(1).toLongLong() * 1024;
        } else if (parts.size() >= 2 && parts.at(0) == "MemAvailable:") {
            memAvailable = parts.at(1).toLongLong() * 1024;
        }
    }
    // Network: every interface but loopback (the session shares the host's network).
    double rx = 0;
    double tx = 0;
    const QList<QByteArray> netLines = readText(QStringLiteral("/proc/net/dev")).split('\n');
    for (const QByteArray &line : netLines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || line.left(colon).trimmed() == "lo") {
            continue;
        }
        const QList<QByteArray> fields = line.mid(colon + 1).simplified().split(' ');
        if (fields.size() >= 9) {
            rx += fields.at(0).toDouble();
            tx += fields.at(8).toDouble();
        }
    }

    struct statvfs disk
    {
    };

    qint64 diskTotal = 0;
    qint64 diskUsed = 0;
    if (::statvfs(QFile::encodeName(sandbox->workspace()).constData(), &disk) == 0) {
        diskTotal = qint64(disk.f_blocks) * qint64(disk.f_frsize);
        diskUsed = qint64(disk.f_blocks - disk.f_bfree) * qint64(disk.f_frsize);
    }

    const qint64 nowMs = m_clock.elapsed();
    double cpuPct = total > 0 ? 100.0 * double(busy) / double(total) : 0.0;
    double rxRate = 0;
    double txRate = 0;
    if (m_lastSample && nowMs > m_lastSample->atMs) {
        const double seconds = double(nowMs - m_lastSample->atMs) / 1000.0;
        rxRate = qMax(0.0, rx - m_lastSample->rxBytes) / 1024.0 / seconds;
        txRate = qMax(0.0, tx - m_lastSample->txBytes) / 1024.0 / seconds;
        if (total > m_lastSample->cpuTotal) {
            cpuPct = 100.0 * double(busy - m_lastSample->cpuBusy) / double(total - m_lastSample->cpuTotal);
        }
    }
    m_lastSample = Sample{nowMs, rx, tx, busy, total};
    const auto round2 = [](double value) {
        return std::round(value * 100.0) / 100.0;
    };

    const QJsonObject metrics{{QStringLiteral("cpu_count"), int(::sysconf(_SC_NPROCESSORS_ONLN))},
        {QStringLiteral("cpu_used_pct"), round2(cpuPct)},
        {QStringLiteral("mem_total"), memTotal},
        {QStringLiteral("mem_used"), memTotal - memAvailable},
        {QStringLiteral("disk_total"), diskTotal},
        {QStringLiteral("disk_used"), diskUsed},
        {QStringLiteral("rx_rate_kbyte_per_s"), round2(rxRate)},
        {QStringLiteral("tx_rate_kbyte_per_s"), round2(txRate)},
        {QStringLiteral("rx_used_kbyte"), round2(rx / 1024.0)},
        {QStringLiteral("tx_used_kbyte"), round2(tx / 1024.0)},
        {QStringLiteral("timestamp"),
            QDateTime::currentDateTime()
                .toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
                .toString(Qt::ISODate)}};
    return ToolResult::text(ToolResult::compactJson(metrics));
}

} // namespace AgentBay::Server
