// SPDX-License-Identifier: MIT
#include "execrunner.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

extern char **environ;

namespace AgentBay::Server {

namespace {

using Tag = AgentProtocol::Tag;
constexpr int kCheckMs = 250;

int64_t nowMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

int64_t sizeOf(int fd)
{
    struct stat st
    {
    };

    return ::fstat(fd, &st) == 0 ? int64_t(st.st_size) : 0;
}

std::string readAt(int fd, int64_t offset, int64_t length)
{
    std::string data(size_t(std::max<int64_t>(0, length)), '\0');
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::pread(fd, data.data() + done, data.size() - done, off_t(offset + int64_t(done)));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        done += size_t(n);
    }
    data.resize(done);
    return data;
}

// The start and the end of a long output, never all of it: the server's memory is bounded.
void grab(AgentMessage &reply, int fd, Tag whole, Tag tail, Tag size)
{
    const int64_t total = sizeOf(fd);
    if (total <= AgentProtocol::kMaxOutputBytes) {
        reply.add(whole, readAt(fd, 0, total));
        return;
    }
    reply.add(whole, readAt(fd, 0, AgentProtocol::kMaxOutputBytes - AgentProtocol::kKeptTailBytes));
    reply.add(tail, readAt(fd, total - AgentProtocol::kKeptTailBytes, AgentProtocol::kKeptTailBytes));
    reply.addInt(size, total);
}

int memoryFile(const char *name)
{
    return ::memfd_create(name, MFD_CLOEXEC);
}

} // namespace

ExecRunner::ExecRunner(std::string workspace, Send send)
    : m_workspace(std::move(workspace))
    , m_send(std::move(send))
{
}

std::vector<pid_t> ExecRunner::tree(pid_t pid)
{
    std::vector<pid_t> out;
    std::vector<pid_t> todo{pid};
    std::set<pid_t> seen;
    while (!todo.empty() && out.size() < 100000) {
        const pid_t p = todo.back();
        todo.pop_back();
        if (!seen.insert(p).second) {
            continue;
        }
        out.push_back(p);
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%d/task", int(p));
        // Tasks of p: each has a children file.
        const int dirFd = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dirFd < 0) {
            continue;
        }
        DIR *dir = ::fdopendir(dirFd);
        if (!dir) {
            ::close(dirFd);
            continue;
        }
        while (const dirent *entry = ::readdir(dir)) {
            if (entry->d_name[0] < '0' || entry->d_name[0] > '9') {
                continue;
            }
            char children[320];
            std::snprintf(children, sizeof children, "/proc/%d/task/%s/children", int(p), entry->d_name);
            const int fd = ::open(children, O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                continue;
            }
            char buffer[4096];
            const ssize_t n = ::read(fd, buffer, sizeof buffer - 1);
            ::close(fd);
            if (n <= 0) {
                continue;
            }
            buffer[n] = '\0';
            char *cursor = buffer;
            while (*cursor) {
                char *end = nullptr;
                const long child = std::strtol(cursor, &end, 10);
                if (end == cursor) {
                    break;
                }
                if (child > 0) {
                    todo.push_back(pid_t(child));
                }
                cursor = end;
            }
        }
        ::closedir(dir);
    }
    return out;
}

void ExecRunner::killTree(pid_t pid)
{
    const std::vector<pid_t> pids = tree(pid);
    ::kill(-pid, SIGKILL);
    for (const pid_t p : pids) {
        ::kill(p, SIGKILL);
    }
}

void ExecRunner::start(const AgentMessage &request)
{
    const uint64_t id = request.id();
    const auto failed = [&](const std::string &text, int error) {
        AgentMessage reply(AgentProtocol::Op::Exec, id);
        reply.addInt(Tag::Errno, error);
        reply.add(Tag::Error, text);
        m_send(reply);
    };
    const std::string command(request.text(Tag::Command));
    if (command.empty() || command.find('\0') != std::string::npos || m_running.count(id)) {
        return failed("invalid exec request", EINVAL);
    }
    std::string cwd(request.text(Tag::Cwd));
    if (cwd.empty()) {
        cwd = m_workspace;
    } else if (cwd.front() != '/') {
        cwd = m_workspace + '/' + cwd;
    }
    if (cwd.find('\0') != std::string::npos) {
        return failed("invalid working directory", EINVAL);
    }
    // The session's environment with the request's variables over it.
    std::vector<std::string> env;
    const std::vector<std::string_view> extra = request.all(Tag::Env);
    for (char **e = environ; *e; ++e) {
        const std::string_view entry(*e);
        const std::string_view name = entry.substr(0, entry.find('='));
        const bool replaced = std::any_of(extra.begin(), extra.end(), [&](std::string_view x) {
            return x.substr(0, x.find('=')) == name;
        });
        if (!replaced) {
            env.emplace_back(entry);
        }
    }
    for (const std::string_view x : extra) {
        if (x.find('=') == std::string_view::npos || x.find('\0') != std::string_view::npos) {
            return failed("invalid environment variable", EINVAL);
        }
        env.emplace_back(x);
    }
    std::vector<char *> envp;
    for (std::string &e : env) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);

    Running run;
    run.out = memoryFile("stdout");
    run.err = memoryFile("stderr");
    int in = -1;
    if (request.has(Tag::Stdin)) {
        in = memoryFile("stdin");
        const std::string_view data = request.text(Tag::Stdin);
        if (in >= 0
            && (::write(in, data.data(), data.size()) != ssize_t(data.size()) || ::lseek(in, 0, SEEK_SET) != 0)) {
            ::close(in);
            in = -1;
        }
    } else {
        in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    }
    if (run.out < 0 || run.err < 0 || in < 0) {
        const int error = errno;
        for (const int fd : {run.out, run.err, in}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
        return failed(std::string("cannot capture output: ") + std::strerror(error), error);
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in, 0);
    posix_spawn_file_actions_adddup2(&actions, run.out, 1);
    posix_spawn_file_actions_adddup2(&actions, run.err, 2);
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigfillset(&defaults);
    sigdelset(&defaults, SIGKILL);
    sigdelset(&defaults, SIGSTOP);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    std::string shell = "/bin/sh";
    std::string dashC = "-c";
    std::string commandCopy = command;
    char *argv[] = {shell.data(), dashC.data(), commandCopy.data(), nullptr};
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, &attr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(in);
    if (rc != 0) {
        ::close(run.out);
        ::close(run.err);
        return failed(rc == ENOENT ? "cannot run in " + cwd + ": " + std::strerror(rc) : std::strerror(rc), rc);
    }
    run.pid = pid;
    const int64_t timeout = std::clamp<int64_t>(request.integer(Tag::TimeoutMs, 60000), 1, int64_t(24) * 3600 * 1000);
    run.deadlineMs = nowMs() + timeout;
    m_running.emplace(id, run);
}

void ExecRunner::kill(uint64_t id)
{
    const auto it = m_running.find(id);
    if (it != m_running.end()) {
        it->second.timedOut = true;
        killTree(it->second.pid);
    }
}

bool ExecRunner::finished(pid_t pid, int status)
{
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it->second.pid == pid) {
            const uint64_t id = it->first;
            Running run = it->second;
            m_running.erase(it);
            reply(id, run, status);
            return true;
        }
    }
    return false;
}

void ExecRunner::reply(uint64_t id, Running &run, int status)
{
    AgentMessage reply(AgentProtocol::Op::Exec, id);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
    reply.addInt(Tag::ExitCode, code);
    reply.addInt(Tag::TimedOut, run.timedOut ? 1 : 0);
    if (run.overflow) {
        reply.addInt(Tag::Overflow, AgentProtocol::kMaxCapturedBytes);
    }
    grab(reply, run.out, Tag::Out, Tag::OutTail, Tag::OutSize);
    grab(reply, run.err, Tag::Err, Tag::ErrTail, Tag::ErrSize);
    ::close(run.out);
    ::close(run.err);
    m_send(reply);
}

int ExecRunner::check(int64_t now)
{
    if (m_running.empty()) {
        return -1;
    }
    int64_t next = kCheckMs;
    for (auto &[id, run] : m_running) {
        if (run.timedOut || run.overflow) {
            continue; // killed; its exit is on the way
        }
        if (now >= run.deadlineMs) {
            run.timedOut = true;
            killTree(run.pid);
            continue;
        }
        // The captured output lives in memory inside the session: bounded.
        if (sizeOf(run.out) + sizeOf(run.err) > AgentProtocol::kMaxCapturedBytes) {
            run.overflow = true;
            killTree(run.pid);
            continue;
        }
        next = std::min(next, run.deadlineMs - now);
    }
    return int(std::max<int64_t>(1, next));
}

} // namespace AgentBay::Server
