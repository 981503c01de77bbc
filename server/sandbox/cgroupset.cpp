// SPDX-License-Identifier: MIT
#include "cgroupset.h"

#include <server/agent/workspacequota.h>
#include <server/sandbox/processscanner.h>

#include <QCoreApplication>
#include <QJsonArray>

#include <fcntl.h>
#include <unistd.h>

#include <thread>

namespace AgentBay::Server {

void CgroupSet::create(const QString &name, const SandboxLimits &limits)
{
    m_values = limits;
    const QString preference = qEnvironmentVariable("AGENTBAY_LOCAL_PAUSE");
    if (m_freezer.version() == CgroupFreezer::Version::None) {
        const bool allowV2 = preference.isEmpty() || preference == u"cgroup-v2";
        const bool allowV1 = allowV2 || preference == u"cgroup-v1";
        m_freezer.create(name, allowV2, allowV1);
    }
    m_limits.create(name, limits, m_freezer.version() == CgroupFreezer::Version::V2 ? m_freezer.path() : QString());
}

QList<QByteArray> CgroupSet::procsFiles() const
{
    QList<QByteArray> files = m_limits.procsFiles();
    if (!m_freezer.procsFile().isEmpty()) {
        files.prepend(m_freezer.procsFile());
    }
    return files;
}

void CgroupSet::joinFromChild(const QList<QByteArray> &procsFiles)
{
    for (const QByteArray &file : procsFiles) {
        const int fd = ::open(file.constData(), O_WRONLY | O_CLOEXEC);
        if (fd >= 0) {
            [[maybe_unused]] const ssize_t written = ::write(fd, "0", 1);
            ::close(fd);
        }
    }
}

void CgroupSet::adoptLater(const QList<qint64> &roots, std::function<void()> done)
{
    const QList<QByteArray> files = procsFiles();
    if (files.isEmpty()) {
        done();
        return;
    }
    std::shared_ptr<std::atomic<bool>> alive = m_alive;
    std::thread([files, roots, alive, done = std::move(done)] {
        // Twice: a process forked while the first pass ran is caught by the second.
        for (int pass = 0; pass < 2 && alive->load(); ++pass) {
            QList<pid_t> pids;
            for (const qint64 root : roots) {
                // Never 0: "0" would move the writer, i.e. the server itself.
                if (root > 0) {
                    pids << ProcessScanner::descendantsOf(pid_t(root));
                }
            }
            pids.removeAll(pid_t(0));
            for (const QByteArray &file : files) {
                const int fd = ::open(file.constData(), O_WRONLY | O_CLOEXEC);
                for (const pid_t pid : std::as_const(pids)) {
                    if (fd < 0 || !alive->load()) {
                        break;
                    }
                    const QByteArray text = QByteArray::number(pid);
                    [[maybe_unused]] const ssize_t written = ::write(fd, text.constData(), size_t(text.size()));
                }
                if (fd >= 0) {
                    ::close(fd);
                }
            }
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [alive, done] {
                if (alive->load()) {
                    done();
                }
            },
            Qt::QueuedConnection);
    }).detach();
}

QString CgroupSet::pauseMethod() const
{
    switch (m_freezer.version()) {
    case CgroupFreezer::Version::V2:
        return QStringLiteral("cgroup-v2");
    case CgroupFreezer::Version::V1:
        return QStringLiteral("cgroup-v1");
    case CgroupFreezer::Version::None:
        break;
    }
    return QStringLiteral("sigstop");
}

bool CgroupSet::freeze(QString *error)
{
    if (m_freezer.freeze()) {
        return true;
    }
    if (error) {
        *error =
            QCoreApplication::translate("CgroupSet", "Cannot freeze the session's cgroup %1").arg(m_freezer.path());
    }
    return false;
}

bool CgroupSet::thaw(QString *error)
{
    if (m_freezer.thaw()) {
        return true;
    }
    if (error) {
        *error = QCoreApplication::translate("CgroupSet", "Cannot thaw the session's cgroup %1").arg(m_freezer.path());
    }
    return false;
}

void CgroupSet::killAll()
{
    m_alive->store(false);
    m_alive = std::make_shared<std::atomic<bool>>(true);
    m_freezer.killAll();
    m_limits.killAll();
}

void CgroupSet::remove()
{
    m_freezer.remove();
    m_limits.remove();
}

CgroupSet::Counters CgroupSet::counters() const
{
    return {m_limits.pidsLimitHits(), m_limits.oomKills()};
}

QStringList CgroupSet::limitNotes(const Counters &before) const
{
    QStringList notes;
    if (m_limits.pidsLimitHits() > before.pidsHits) {
        notes << QCoreApplication::translate(
            "CgroupSet", "[the session reached its process limit (%1 processes): a fork failed]")
                     .arg(m_values.pidsMax);
    }
    if (m_limits.oomKills() > before.oomKills) {
        notes << QCoreApplication::translate(
            "CgroupSet", "[the session reached its memory limit (%1): a process was killed]")
                     .arg(SandboxLimits::formatSize(m_values.memoryMax));
    }
    return notes;
}

void CgroupSet::addLimitNotes(const Counters &before, QByteArray *stdErr, QString *error) const
{
    const QStringList notes = limitNotes(before);
    if (notes.isEmpty()) {
        return;
    }
    if (!stdErr->isEmpty() && !stdErr->endsWith('\n')) {
        *stdErr += '\n';
    }
    *stdErr += notes.join(u'\n').toUtf8() + '\n';
    if (!error->isEmpty()) {
        *error += u' ' + notes.join(u' ');
    }
}

QJsonObject CgroupSet::toJson() const
{
    QJsonObject json = m_values.toJson();
    json.insert(QStringLiteral("cgroupControllers"), QJsonArray::fromStringList(m_limits.enforced()));
    if (!m_limits.missing().isEmpty()) {
        json.insert(QStringLiteral("notEnforced"), m_limits.missing());
    }
    json.insert(QStringLiteral("tmp"), QStringLiteral("private tmpfs, size-limited, kept while the session runs"));
    json.insert(QStringLiteral("workspaceQuota"),
        QStringLiteral("total of the workspace, kept by the session's agent (checked every %1 ms while "
                       "processes run); each file also by RLIMIT_FSIZE")
            .arg(QStringLiteral("%1-%2").arg(WorkspaceQuota::kWatchMs).arg(WorkspaceQuota::kQuietWatchMs)));
    if (m_limits.pidsCurrent() >= 0) {
        json.insert(QStringLiteral("pidsCurrent"), m_limits.pidsCurrent());
    }
    if (m_limits.memoryCurrent() >= 0) {
        json.insert(QStringLiteral("memoryCurrentBytes"), m_limits.memoryCurrent());
    }
    return json;
}

qint64 CgroupSet::memoryCurrent() const
{
    return m_limits.memoryCurrent();
}

qint64 CgroupSet::memoryLimit() const
{
    // A memory cgroup of the session's own (usage readable) is one that holds memory.max.
    return m_values.memoryMax > 0 && m_limits.memoryCurrent() >= 0 ? m_values.memoryMax : -1;
}

} // namespace AgentBay::Server
