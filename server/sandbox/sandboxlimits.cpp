// SPDX-License-Identifier: MIT
#include "sandboxlimits.h"

#include <QMutex>
#include <QRegularExpression>

namespace AgentBay::Server {

namespace {

QMutex &defaultMutex()
{
    static QMutex mutex;
    return mutex;
}

SandboxLimits &defaultLimits()
{
    static SandboxLimits limits;
    return limits;
}

} // namespace

SandboxLimits SandboxLimits::serverDefault()
{
    QMutexLocker locker(&defaultMutex());
    return defaultLimits();
}

void SandboxLimits::setServerDefault(const SandboxLimits &limits)
{
    QMutexLocker locker(&defaultMutex());
    defaultLimits() = limits;
}

qint64 SandboxLimits::parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,15})\\s*([kKmMgGtT]?)(?:i?[bB])?\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return -1;
    }
    qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2).toUpper();
    const int shift = unit == u"K" ? 10 : unit == u"M" ? 20 : unit == u"G" ? 30 : unit == u"T" ? 40 : 0;
    if (shift > 0 && value > (std::numeric_limits<qint64>::max() >> shift)) {
        return -1;
    }
    return value << shift;
}

QString SandboxLimits::formatSize(qint64 bytes)
{
    if (bytes <= 0) {
        return QStringLiteral("unlimited");
    }
    const char *const units[] = {"", "K", "M", "G", "T"};
    int unit = 0;
    while (unit < 4 && bytes % 1024 == 0) {
        bytes /= 1024;
        ++unit;
    }
    return QString::number(bytes) + QLatin1String(units[unit]);
}

QJsonObject SandboxLimits::toJson() const
{
    return QJsonObject{
        {QStringLiteral("pidsMax"), pidsMax},
        {QStringLiteral("memoryMaxBytes"), memoryMax},
        {QStringLiteral("cpuWeight"), cpuWeight},
        {QStringLiteral("tmpSizeBytes"), tmpSize},
        {QStringLiteral("workspaceQuotaBytes"), workspaceQuota},
    };
}

} // namespace AgentBay::Server
