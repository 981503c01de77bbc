// SPDX-License-Identifier: MIT
#include "workspacequota.h"

#include <server/agent/execrunner.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <utility>

namespace AgentBay::Server {

namespace {

int64_t freeBytes(const std::string &path)
{
    struct statvfs st = {};
    if (::statvfs(path.c_str(), &st) != 0) {
        return -1;
    }
    return int64_t(st.f_bfree) * int64_t(st.f_frsize);
}

struct Walk
{
    dev_t device = 0;
    int64_t bytes = 0;
    bool tooDeep = false;
};

// Depth-first with one small getdents buffer per level (no DIR buffers of 32 KiB each).
void walk(int dirFd, int depth, Walk &total)
{
    if (depth > WorkspaceQuota::kMaxDepth) {
        total.tooDeep = true; // not walked further; the rest of the tree still is
        return;
    }
    alignas(8) char buffer[4096];
    for (;;) {
        const long n = ::syscall(SYS_getdents64, dirFd, buffer, sizeof buffer);
        if (n <= 0) {
            return;
        }
        for (long at = 0; at < n;) {
            const auto *entry = reinterpret_cast<const dirent64 *>(buffer + at);
            at += entry->d_reclen;
            const char *name = entry->d_name;
            if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) {
                continue;
            }
            struct stat st = {};
            if (::fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
                continue; // gone meanwhile
            }
            total.bytes += int64_t(st.st_blocks) * 512;
            if (!S_ISDIR(st.st_mode) || st.st_dev != total.device) {
                continue;
            }
            const int child = ::openat(dirFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
            if (child < 0) {
                continue;
            }
            walk(child, depth + 1, total);
            ::close(child);
        }
    }
}

// Files of the workspace's file system that the session's processes hold open after deleting
// them: no walk finds them, yet they fill the disk. Processes that made themselves
// undumpable cannot be looked into (the README says so).
int64_t unlinkedOpenBytes(dev_t device)
{
    std::set<ino_t> seen;
    int64_t total = 0;
    for (const pid_t pid : ExecRunner::tree(::getpid())) {
        if (pid == ::getpid()) {
            continue;
        }
        char path[48];
        std::snprintf(path, sizeof path, "/proc/%d/fd", int(pid));
        const int dir = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir < 0) {
            continue;
        }
        alignas(8) char buffer[4096];
        long n = 0;
        while ((n = ::syscall(SYS_getdents64, dir, buffer, sizeof buffer)) > 0) {
            for (long at = 0; at < n;) {
                const auto *entry = reinterpret_cast<const dirent64 *>(buffer + at);
                at += entry->d_reclen;
                struct stat st = {};
                if (entry->d_name[0] != '.' && ::fstatat(dir, entry->d_name, &st, 0) == 0 && S_ISREG(st.st_mode)
                    && st.st_dev == device && st.st_nlink == 0 && seen.insert(st.st_ino).second) {
                    total += int64_t(st.st_blocks) * 512;
                }
            }
        }
        ::close(dir);
    }
    return total;
}

} // namespace

WorkspaceQuota::WorkspaceQuota(std::string workspace, int64_t limitBytes)
    : m_workspace(std::move(workspace))
    , m_limit(limitBytes > 0 ? limitBytes : 0)
{
}

int64_t WorkspaceQuota::measure(int dirFd, bool *tooDeep)
{
    struct stat st = {};
    if (::fstat(dirFd, &st) != 0) {
        return 0;
    }
    Walk total;
    total.device = st.st_dev;
    const int64_t unlinked = unlinkedOpenBytes(st.st_dev);
    total.bytes = int64_t(st.st_blocks) * 512;
    const int own = ::fcntl(dirFd, F_DUPFD_CLOEXEC, 3); // getdents moves the offset
    if (own < 0) {
        return 0;
    }
    ::lseek(own, 0, SEEK_SET);
    walk(own, 0, total);
    ::close(own);
    *tooDeep = total.tooDeep;
    return total.bytes + unlinked;
}

int64_t WorkspaceQuota::used()
{
    if (!enabled()) {
        return 0;
    }
    const int64_t free = freeBytes(m_workspace);
    m_moving = free != m_lastFree;
    m_lastFree = free;
    const int64_t moved = std::llabs(free - m_freeAtMeasure);
    const int64_t left = m_limit - m_used;
    if (m_stale || free < 0 || left <= 0 || moved * 2 >= left) {
        const int fd = ::open(m_workspace.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            bool tooDeep = false;
            const int64_t bytes = measure(fd, &tooDeep);
            ::close(fd);
            // A tree too deep to walk counts as over the quota; growth elsewhere still shows.
            const int64_t measured = tooDeep ? m_limit + 1 + bytes : bytes;
            m_grew = measured > m_used;
            m_used = measured;
        }
        m_freeAtMeasure = free;
        m_stale = false;
    }
    return m_used;
}

bool WorkspaceQuota::allows(int64_t bytes)
{
    return !enabled() || used() + bytes <= m_limit;
}

void WorkspaceQuota::added(int64_t bytes)
{
    if (!enabled() || m_stale) {
        return;
    }
    // Rounded up to whole blocks; the file system's free space moved by as much.
    const int64_t rounded = (bytes + 4095) / 4096 * 4096;
    m_used += rounded;
    m_freeAtMeasure -= rounded;
}

} // namespace AgentBay::Server
