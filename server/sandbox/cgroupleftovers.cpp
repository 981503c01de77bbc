// SPDX-License-Identifier: MIT
#include "cgroupleftovers.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QStringList>

namespace AgentBay::Server {

namespace {

QMutex mutex;
QStringList leftovers;

} // namespace

void CgroupLeftovers::add(const QString &path)
{
    const QMutexLocker locker(&mutex);
    if (!leftovers.contains(path)) {
        leftovers.append(path);
    }
}

int CgroupLeftovers::sweep()
{
    const QMutexLocker locker(&mutex);
    leftovers.removeIf([](const QString &path) {
        return QDir().rmdir(path) || !QFileInfo::exists(path);
    });
    return int(leftovers.size());
}

} // namespace AgentBay::Server
