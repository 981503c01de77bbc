// SPDX-License-Identifier: MIT
#include "sessionmetrics.h"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace AgentBay::Server {

namespace {

using Tag = AgentProtocol::Tag;

std::string readSmall(const char *path)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return {};
    }
    std::string text(16384, '\0');
    const ssize_t n = ::read(fd, text.data(), text.size());
    ::close(fd);
    text.resize(n > 0 ? size_t(n) : 0);
    return text;
}

// The value after "key" on its line (e.g. "usage_usec 123" or "MemTotal:   8 kB"), or -1.
int64_t field(const std::string &text, const char *key)
{
    const size_t keyLength = std::strlen(key);
    size_t at = 0;
    while (at < text.size()) {
        if (text.compare(at, keyLength, key) == 0) {
            return std::strtoll(text.c_str() + at + keyLength, nullptr, 10);
        }
        at = text.find('\n', at);
        if (at == std::string::npos) {
            break;
        }
        ++at;
    }
    return -1;
}

// utime + stime (+ cutime + cstime) of one process in clock ticks, from /proc/PID/stat.
int64_t processTicks(const char *pid, bool withChildren, int64_t *rssPages)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%s/stat", pid);
    const std::string stat = readSmall(path);
    const size_t close = stat.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    // Fields after the command: 3 state ... 14 utime 15 stime 16 cutime 17 cstime ... 24 rss.
    int64_t values[25] = {};
    const char *cursor = stat.c_str() + close + 2;
    for (int index = 3; index <= 24 && *cursor; ++index) {
        char *end = nullptr;
        values[index] = std::strtoll(cursor, &end, 10);
        if (end == cursor) { // the state letter
            ++end;
        }
        cursor = end;
        while (*cursor == ' ') {
            ++cursor;
        }
    }
    if (rssPages) {
        *rssPages += values[24];
    }
    return values[14] + values[15] + (withChildren ? values[16] + values[17] : 0);
}

} // namespace

void SessionMetrics::collect(const std::string &workspace, AgentMessage &reply, int64_t quotaUsed, int64_t quotaBytes)
{
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    const int cpuCount =
        ::sched_getaffinity(0, sizeof cpus, &cpus) == 0 ? CPU_COUNT(&cpus) : int(::sysconf(_SC_NPROCESSORS_ONLN));
    reply.addInt(Tag::CpuCount, cpuCount);
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    reply.addInt(Tag::MonotonicUs, int64_t(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000);

    // The cgroup's own files when the sandbox shows them, else the processes of the pid namespace.
    const std::string cpuStat = readSmall("/sys/fs/cgroup/cpu.stat");
    const int64_t cgroupCpu = field(cpuStat, "usage_usec ");
    const std::string memCurrent = readSmall("/sys/fs/cgroup/memory.current");
    const std::string memMax = readSmall("/sys/fs/cgroup/memory.max");
    const std::string meminfo = readSmall("/proc/meminfo");
    int64_t memTotal = field(meminfo, "MemTotal:") * 1024;
    if (!memMax.empty() && memMax.compare(0, 3, "max") != 0) {
        memTotal = std::strtoll(memMax.c_str(), nullptr, 10);
    }
    int64_t ticks = 0;
    int64_t rssPages = 0;
    const long self = long(::getpid());
    if (DIR *proc = ::opendir("/proc")) {
        while (const dirent *entry = ::readdir(proc)) {
            if (entry->d_name[0] < '0' || entry->d_name[0] > '9') {
                continue;
            }
            // The agent's own figure includes every child it reaped.
            ticks += processTicks(entry->d_name, std::strtol(entry->d_name, nullptr, 10) == self, &rssPages);
        }
        ::closedir(proc);
    }
    const int64_t hz = ::sysconf(_SC_CLK_TCK);
    reply.addInt(Tag::CpuUsageUs, cgroupCpu >= 0 ? cgroupCpu : ticks * (1000000 / (hz > 0 ? hz : 100)));
    reply.addInt(Tag::MemUsed,
        memCurrent.empty() ? rssPages * int64_t(::sysconf(_SC_PAGESIZE))
                           : std::strtoll(memCurrent.c_str(), nullptr, 10));
    reply.addInt(Tag::MemTotal, memTotal);

    struct statvfs disk
    {
    };

    if (quotaBytes > 0) {
        reply.addInt(Tag::DiskTotal, quotaBytes);
        reply.addInt(Tag::DiskUsed, quotaUsed);
    } else if (::statvfs(workspace.c_str(), &disk) == 0) {
        reply.addInt(Tag::DiskTotal, int64_t(disk.f_blocks) * int64_t(disk.f_frsize));
        reply.addInt(Tag::DiskUsed, int64_t(disk.f_blocks - disk.f_bfree) * int64_t(disk.f_frsize));
    }

    // Every interface but loopback of the session's network namespace.
    const std::string dev = readSmall("/proc/net/dev");
    int64_t rx = 0;
    int64_t tx = 0;
    size_t at = 0;
    while (at < dev.size()) {
        size_t end = dev.find('\n', at);
        if (end == std::string::npos) {
            end = dev.size();
        }
        const std::string line = dev.substr(at, end - at);
        at = end + 1;
        const size_t colon = line.find(':');
        if (colon == std::string::npos) {
            continue;
        }
        const size_t nameStart = line.find_first_not_of(' ');
        if (line.compare(nameStart, colon - nameStart, "lo") == 0) {
            continue;
        }
        int64_t values[9] = {};
        const char *cursor = line.c_str() + colon + 1;
        for (int i = 0; i < 9; ++i) {
            char *next = nullptr;
            values[i] = std::strtoll(cursor, &next, 10);
            cursor = next;
        }
        rx += values[0];
        tx += values[8];
    }
    reply.addInt(Tag::RxBytes, rx);
    reply.addInt(Tag::TxBytes, tx);
}

} // namespace AgentBay::Server
