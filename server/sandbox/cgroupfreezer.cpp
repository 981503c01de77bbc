// SPDX-License-Identifier: MIT
#include "cgroupfreezer.h"

#include "cgroupleftovers.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <unistd.h>

#include <csignal>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcCgroup, "agentbay.server.cgroupfreezer")

namespace AgentBay::Server {

namespace {

const QString kBaseName = QStringLiteral("agentbay-sessions");

struct MountEntry
{
    QString point;
    QString type;
    QStringList options;
};

QList<MountEntry> mounts()
{
    QList<MountEntry> result;
    QFile file(QStringLiteral("/proc/self/mounts"));
    if (!file.open(QIODevice::ReadOnly)) {
        return result;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 4) {
            continue;
        }
        // /proc/self/mounts escapes blanks in paths as octal (\040).
        QString point = QString::fromLocal8Bit(fields.at(1));
        point.replace(QStringLiteral("\\040"), QStringLiteral(" "));
        result.append({point, QString::fromLatin1(fields.at(2)), QString::fromLatin1(fields.at(3)).split(u',')});
    }
    return result;
}

} // namespace

// "0::/x" for v2, "N:freezer:/x" for v1.
QString CgroupFreezer::ownCgroup(const QString &controller)
{
    QFile file(QStringLiteral("/proc/self/cgroup"));
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("/");
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromLocal8Bit(raw);
        const qsizetype first = line.indexOf(u':');
        const qsizetype second = line.indexOf(u':', first + 1);
        if (first < 0 || second < 0) {
            continue;
        }
        const QString controllers = line.mid(first + 1, second - first - 1);
        const bool match = controller.isEmpty() ? (line.left(first) == u"0" && controllers.isEmpty())
                                                : controllers.split(u',').contains(controller);
        if (match) {
            const QString path = line.mid(second + 1);
            return path.isEmpty() ? QStringLiteral("/") : path;
        }
    }
    return QStringLiteral("/");
}

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return false;
    }
    return file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return {};
    }
    return file.readAll();
}

// "key value" lines of cgroup.events.
bool eventFlag(const QString &cgroup, const QByteArray &key)
{
    const QList<QByteArray> lines = readFile(cgroup + QStringLiteral("/cgroup.events")).split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(QByteArray(key + ' '))) {
            return line.endsWith('1');
        }
    }
    return false;
}

QString joinPath(const QString &a, const QString &b)
{
    return QDir::cleanPath(a + u'/' + b);
}

// Cgroups left by a server that died (their name ends in "-<pid>" of a dead process):
// kill what is left in them and remove them, once per hierarchy and process.
void sweepStale(const QString &base, bool v2)
{
    const QStringList entries = QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (!CgroupLeftovers::madeByDeadServer(entry)) {
            continue;
        }
        const QString path = joinPath(base, entry);
        if (v2) {
            writeFile(path + QStringLiteral("/cgroup.kill"), "1");
        } else {
            const QList<QByteArray> pids = readFile(path + QStringLiteral("/cgroup.procs")).split('\n');
            for (const QByteArray &pid : pids) {
                if (pid.toInt() > 0) {
                    ::kill(pid.toInt(), SIGKILL);
                }
            }
            writeFile(path + QStringLiteral("/freezer.state"), "THAWED");
        }
        QDir().rmdir(path);
    }
}

} // namespace

CgroupFreezer::~CgroupFreezer()
{
    if (m_version != Version::None) {
        killAll();
        remove();
    }
}

QString CgroupFreezer::v2Mount()
{
    const QList<MountEntry> all = mounts();
    for (const MountEntry &entry : all) {
        if (entry.type == u"cgroup2") {
            return entry.point;
        }
    }
    return {};
}

QString CgroupFreezer::v1FreezerMount()
{
    return v1Mount(QStringLiteral("freezer"));
}

QString CgroupFreezer::v1Mount(const QString &controller)
{
    const QList<MountEntry> all = mounts();
    for (const MountEntry &entry : all) {
        if (entry.type == u"cgroup" && entry.options.contains(controller)) {
            return entry.point;
        }
    }
    return {};
}

bool CgroupFreezer::create(const QString &name, bool allowV2, bool allowV1)
{
    const QString unique = name + u'-' + QString::number(::getpid());
    if (allowV2 && tryCreateV2(unique)) {
        m_version = Version::V2;
        return true;
    }
    if (allowV1 && tryCreateV1(unique)) {
        m_version = Version::V1;
        return true;
    }
    return false;
}

bool CgroupFreezer::tryCreateV2(const QString &name)
{
    const QString mount = v2Mount();
    if (mount.isEmpty()) {
        return false;
    }
    const QString base = joinPath(joinPath(mount, ownCgroup({})), kBaseName);
    static std::once_flag swept;
    std::call_once(swept, [&base] {
        sweepStale(base, true);
    });
    const QString path = joinPath(base, name);
    if (!QDir().mkpath(path) || !QFile::exists(path + QStringLiteral("/cgroup.freeze"))) {
        QDir().rmdir(path);
        return false;
    }
    m_path = path;
    m_procsFile = QFile::encodeName(path + QStringLiteral("/cgroup.procs"));
    return true;
}

bool CgroupFreezer::tryCreateV1(const QString &name)
{
    const QString mount = v1FreezerMount();
    if (mount.isEmpty()) {
        return false;
    }
    const QString base = joinPath(joinPath(mount, ownCgroup(QStringLiteral("freezer"))), kBaseName);
    static std::once_flag swept;
    std::call_once(swept, [&base] {
        sweepStale(base, false);
    });
    const QString path = joinPath(base, name);
    if (!QDir().mkpath(path) || !QFile::exists(path + QStringLiteral("/freezer.state"))) {
        QDir().rmdir(path);
        return false;
    }
    m_path = path;
    m_procsFile = QFile::encodeName(path + QStringLiteral("/cgroup.procs"));
    return true;
}

bool CgroupFreezer::freeze()
{
    using namespace std::chrono_literals;
    if (m_version == Version::V2) {
        if (!writeFile(m_path + QStringLiteral("/cgroup.freeze"), "1")) {
            return false;
        }
        // Freezing is asynchronous in the kernel; it settles within microseconds unless a task
        // sits in an uninterruptible wait, so wait a little, bounded, for a truthful answer.
        for (int i = 0; i < 200 && !isFrozen(); ++i) {
            std::this_thread::sleep_for(250us);
        }
    } else if (m_version == Version::V1) {
        if (!freezeV1()) {
            return false;
        }
    } else {
        return false;
    }
    if (!isFrozen()) {
        qCWarning(lcCgroup) << "cgroup" << m_path << "is still freezing";
    }
    return true;
}

bool CgroupFreezer::freezeV1()
{
    using namespace std::chrono_literals;
    // The v1 freezer can miss a task forked at the moment of the request and then reads
    // FREEZING for good (a shell loop's cgroup, about 1 freeze in 400 here): as container
    // runtimes do, ask again until it is FROZEN, and thaw now and then so that a task caught
    // between fork and the cgroup can finish it. Bounded: ~0.3 s at worst.
    const QString state = m_path + QStringLiteral("/freezer.state");
    for (int i = 0; i < 1000; ++i) {
        if (i % 50 == 49) {
            writeFile(state, "THAWED");
            std::this_thread::sleep_for(1ms);
        }
        if (!writeFile(state, "FROZEN")) {
            return false;
        }
        if (isFrozen()) {
            return true;
        }
        std::this_thread::sleep_for(100us);
    }
    return true;
}

bool CgroupFreezer::thaw()
{
    if (m_version == Version::V2) {
        return writeFile(m_path + QStringLiteral("/cgroup.freeze"), "0");
    }
    if (m_version == Version::V1) {
        return writeFile(m_path + QStringLiteral("/freezer.state"), "THAWED");
    }
    return false;
}

bool CgroupFreezer::isFrozen() const
{
    if (m_version == Version::V2) {
        return eventFlag(m_path, "frozen");
    }
    if (m_version == Version::V1) {
        return readFile(m_path + QStringLiteral("/freezer.state")).trimmed() == "FROZEN";
    }
    return false;
}

void CgroupFreezer::killAll()
{
    if (m_version == Version::V2) {
        if (writeFile(m_path + QStringLiteral("/cgroup.kill"), "1")) {
            return;
        }
    }
    // v1 (or a kernel without cgroup.kill): freeze so nothing forks during the sweep, kill
    // every member, then thaw so the kills are delivered.
    if (m_version == Version::V1) {
        writeFile(m_path + QStringLiteral("/freezer.state"), "FROZEN");
    }
    for (int round = 0; round < 3; ++round) {
        const QList<QByteArray> pids = readFile(m_path + QStringLiteral("/cgroup.procs")).split('\n');
        for (const QByteArray &pid : pids) {
            if (pid.toInt() > 0) {
                ::kill(pid.toInt(), SIGKILL);
            }
        }
    }
    if (m_version == Version::V1) {
        writeFile(m_path + QStringLiteral("/freezer.state"), "THAWED");
    } else if (m_version == Version::V2) {
        writeFile(m_path + QStringLiteral("/cgroup.freeze"), "0");
    }
}

bool CgroupFreezer::remove()
{
    using namespace std::chrono_literals;
    CgroupLeftovers::sweep();
    if (m_version == Version::None || m_path.isEmpty()) {
        return true;
    }
    for (int i = 0; i < 400; ++i) {
        if (QDir().rmdir(m_path)) {
            m_version = Version::None;
            return true;
        }
        std::this_thread::sleep_for(250us);
    }
    qCWarning(lcCgroup) << "cgroup still busy, removed later:" << m_path;
    CgroupLeftovers::add(m_path);
    m_version = Version::None;
    return false;
}

} // namespace AgentBay::Server
