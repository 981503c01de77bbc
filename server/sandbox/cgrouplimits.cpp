// SPDX-License-Identifier: MIT
#include "cgrouplimits.h"

#include "cgroupleftovers.h"

#include <server/sandbox/cgroupfreezer.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <unistd.h>

#include <csignal>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcLimits, "agentbay.server.cgrouplimits")

namespace AgentBay::Server {

namespace {

const QString kBaseName = QStringLiteral("agentbay-sessions");

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) ? file.readAll() : QByteArray();
}

// A "key value" line of a flat keyed file (pids.events, memory.events, memory.oom_control).
qint64 keyedValue(const QString &path, const QByteArray &key)
{
    const QList<QByteArray> lines = readFile(path).split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(QByteArray(key + ' '))) {
            return line.mid(key.size() + 1).trimmed().toLongLong();
        }
    }
    return 0;
}

// The file that holds a controller's limit in each version.
QString limitFile(const QString &controller, bool v2)
{
    if (controller == u"pids") {
        return QStringLiteral("pids.max");
    }
    if (controller == u"memory") {
        return v2 ? QStringLiteral("memory.max") : QStringLiteral("memory.limit_in_bytes");
    }
    return v2 ? QStringLiteral("cpu.weight") : QStringLiteral("cpu.shares");
}

QByteArray limitValue(const QString &controller, const SandboxLimits &limits, bool v2)
{
    if (controller == u"pids") {
        return limits.pidsMax > 0 ? QByteArray::number(limits.pidsMax) : QByteArrayLiteral("max");
    }
    if (controller == u"memory") {
        return limits.memoryMax > 0 ? QByteArray::number(limits.memoryMax)
                                    : (v2 ? QByteArrayLiteral("max") : QByteArrayLiteral("-1"));
    }
    const int weight = qBound(1, limits.cpuWeight, 10000);
    return v2 ? QByteArray::number(weight) : QByteArray::number(qMax(2, weight * 1024 / 100));
}

void killMembers(const QString &path)
{
    for (int round = 0; round < 3; ++round) {
        const QList<QByteArray> pids = readFile(path + QStringLiteral("/cgroup.procs")).split('\n');
        for (const QByteArray &pid : pids) {
            if (pid.toInt() > 0) {
                ::kill(pid.toInt(), SIGKILL);
            }
        }
    }
}

// v1 cgroups left by a server that died ("<session>-<pid>" of a dead process).
void sweepStale(const QString &base)
{
    const QStringList entries = QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (!CgroupLeftovers::madeByDeadServer(entry)) {
            continue;
        }
        killMembers(base + u'/' + entry);
        QDir().rmdir(base + u'/' + entry);
    }
}

} // namespace

CgroupLimits::~CgroupLimits()
{
    killAll();
    remove();
}

void CgroupLimits::create(const QString &name, const SandboxLimits &limits, const QString &v2Path)
{
    remove();
    m_missing.clear();
    const QString unique = name + u'-' + QString::number(::getpid());
    if (!v2Path.isEmpty()) {
        // The parent must hand the controllers down; a host that gives them to nobody keeps
        // them out of the v2 files, and v1 takes over below.
        writeFile(QFileInfo(v2Path).path() + QStringLiteral("/cgroup.subtree_control"), "+pids +memory +cpu");
    }
    QStringList failed;
    for (const QString &controller : {QStringLiteral("pids"), QStringLiteral("memory"), QStringLiteral("cpu")}) {
        if (!v2Path.isEmpty() && QFile::exists(v2Path + u'/' + limitFile(controller, true))) {
            if (writeFile(v2Path + u'/' + limitFile(controller, true), limitValue(controller, limits, true))) {
                m_groups.append({controller, v2Path, true});
                continue;
            }
        }
        const QString mount = CgroupFreezer::v1Mount(controller);
        if (mount.isEmpty()) {
            failed << controller;
            continue;
        }
        const QString base = QDir::cleanPath(mount + u'/' + CgroupFreezer::ownCgroup(controller) + u'/' + kBaseName);
        static std::once_flag swept[3];
        std::call_once(swept[controller == u"pids"       ? 0
                               : controller == u"memory" ? 1
                                                         : 2],
            [&base] {
                sweepStale(base);
            });
        const QString path = base + u'/' + unique;
        if (!QDir().mkpath(path)
            || !writeFile(path + u'/' + limitFile(controller, false), limitValue(controller, limits, false))) {
            QDir().rmdir(path);
            failed << controller;
            continue;
        }
        if (controller == u"memory") {
            // Swap counts too where the kernel accounts it, so memory.max is not a soft limit.
            writeFile(path + QStringLiteral("/memory.memsw.limit_in_bytes"), limitValue(controller, limits, false));
        }
        m_groups.append({controller, path, false});
    }
    if (!failed.isEmpty()) {
        m_missing.append(QCoreApplication::translate("CgroupLimits",
            "no %1 cgroup could be created (the server needs root or a delegated cgroup v2 subtree, e.g. "
            "systemd-run --user -p Delegate=yes); those limits are not enforced")
                             .arg(failed.join(QStringLiteral(", "))));
        qCInfo(lcLimits) << "session" << name << m_missing.constLast();
    }
}

QList<QByteArray> CgroupLimits::procsFiles() const
{
    QList<QByteArray> files;
    for (const Group &group : m_groups) {
        if (!group.v2) {
            files.append(QFile::encodeName(group.path + QStringLiteral("/cgroup.procs")));
        }
    }
    return files;
}

QStringList CgroupLimits::enforced() const
{
    QStringList names;
    for (const Group &group : m_groups) {
        names << group.controller + (group.v2 ? QStringLiteral(" (v2)") : QStringLiteral(" (v1)"));
    }
    return names;
}

QString CgroupLimits::missing() const
{
    return m_missing.join(u' ');
}

QString CgroupLimits::pathOf(const QString &controller, bool *v2) const
{
    for (const Group &group : m_groups) {
        if (group.controller == controller) {
            if (v2) {
                *v2 = group.v2;
            }
            return group.path;
        }
    }
    return {};
}

qint64 CgroupLimits::pidsCurrent() const
{
    const QString path = pathOf(QStringLiteral("pids"));
    return path.isEmpty() ? -1 : readFile(path + QStringLiteral("/pids.current")).trimmed().toLongLong();
}

qint64 CgroupLimits::memoryCurrent() const
{
    bool v2 = false;
    const QString path = pathOf(QStringLiteral("memory"), &v2);
    if (path.isEmpty()) {
        return -1;
    }
    return readFile(path + (v2 ? QStringLiteral("/memory.current") : QStringLiteral("/memory.usage_in_bytes")))
        .trimmed()
        .toLongLong();
}

qint64 CgroupLimits::pidsLimitHits() const
{
    const QString path = pathOf(QStringLiteral("pids"));
    return path.isEmpty() ? 0 : keyedValue(path + QStringLiteral("/pids.events"), "max");
}

qint64 CgroupLimits::oomKills() const
{
    bool v2 = false;
    const QString path = pathOf(QStringLiteral("memory"), &v2);
    if (path.isEmpty()) {
        return 0;
    }
    return keyedValue(
        path + (v2 ? QStringLiteral("/memory.events") : QStringLiteral("/memory.oom_control")), "oom_kill");
}

void CgroupLimits::killAll()
{
    for (const Group &group : std::as_const(m_groups)) {
        if (!group.v2) {
            killMembers(group.path);
        }
    }
}

void CgroupLimits::remove()
{
    using namespace std::chrono_literals;
    CgroupLeftovers::sweep();
    for (const Group &group : std::as_const(m_groups)) {
        if (group.v2) {
            continue; // the freezer owns the v2 cgroup
        }
        bool removed = false;
        for (int i = 0; i < 400 && !removed; ++i) {
            removed = QDir().rmdir(group.path);
            if (!removed) {
                std::this_thread::sleep_for(250us);
            }
        }
        if (!removed) {
            qCWarning(lcLimits) << "cgroup still busy, removed later:" << group.path;
            CgroupLeftovers::add(group.path);
        }
    }
    m_groups.clear();
}

} // namespace AgentBay::Server
