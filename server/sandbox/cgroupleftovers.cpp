// SPDX-License-Identifier: MIT
#include "cgroupleftovers.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QStringList>

#include <unistd.h>

#include <cerrno>
#include <csignal>

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

bool CgroupLeftovers::madeByDeadServer(const QString &name)
{
    const qsizetype dash = name.lastIndexOf(u'-');
    bool ok = false;
    const int owner = dash > 0 ? name.mid(dash + 1).toInt(&ok) : 0;
    // EPERM means a process of another user lives under that pid: only ESRCH is "gone".
    return ok && owner > 0 && owner != ::getpid() && ::kill(owner, 0) != 0 && errno == ESRCH;
}

} // namespace AgentBay::Server
