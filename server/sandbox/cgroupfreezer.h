// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace AgentBay::Server {

// One cgroup per session that can freeze, thaw and kill all of its processes: a child of
// the server's own cgroup in the cgroup v2 hierarchy (found in /proc/self/mounts, wherever
// it is mounted), else in the v1 freezer hierarchy. Processes join it between fork and
// exec by writing to procsFile(), so nothing escapes.
class CgroupFreezer
{
    Q_DISABLE_COPY_MOVE(CgroupFreezer)

public:
    enum class Version {
        None,
        V2,
        V1
    };

    CgroupFreezer() = default;
    ~CgroupFreezer(); // removes the cgroup (after killing what is left in it)

    // Mount points, empty when absent.
    static QString v2Mount();
    static QString v1FreezerMount();
    // Mount point of the v1 hierarchy holding controller ("pids", "memory", ...), or empty.
    static QString v1Mount(const QString &controller);
    // The server's own cgroup in a hierarchy ("" for v2, else a v1 controller), from
    // /proc/self/cgroup; "/" when unknown.
    static QString ownCgroup(const QString &controller);

    // Creates the session's cgroup; `allowed` limits which versions may be used.
    bool create(const QString &name, bool allowV2, bool allowV1);

    Version version() const { return m_version; }

    QString path() const { return m_path; }

    // Local 8-bit path of the file a process writes "0" to in order to join.
    QByteArray procsFile() const { return m_procsFile; }

    bool freeze();
    bool thaw();
    bool isFrozen() const;
    void killAll();
    // Removes the (emptied) cgroup; retries briefly while the kernel reaps the processes.
    bool remove();

private:
    bool tryCreateV2(const QString &name);
    bool tryCreateV1(const QString &name);
    // Writes FROZEN until the v1 freezer reads FROZEN (bounded); false if the write fails.
    bool freezeV1();

    Version m_version = Version::None;
    QString m_path;
    QByteArray m_procsFile;
};

} // namespace AgentBay::Server
