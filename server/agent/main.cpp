// SPDX-License-Identifier: MIT
// agentbay-agent: runs a session's tool calls inside its sandbox (agentprotocol.h). Plain
// libc/libstdc++, single-threaded: one poll loop over the channel and a signalfd for children.
#include <server/agent/agentframereader.h>
#include <server/agent/agentmessage.h>
#include <server/agent/execrunner.h>
#include <server/agent/fileoperations.h>
#include <server/agent/sessionmetrics.h>
#include <server/agent/streamopener.h>
#include <server/agent/workspacequota.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>

using namespace AgentBay::Server;
using AgentProtocol::Op;
using Tag = AgentProtocol::Tag;

namespace {

int g_channel = -1;

[[noreturn]] void shutdown(int code, const char *why)
{
    if (why) {
        std::fprintf(stderr, "agentbay-agent: %s\n", why);
    }
    // Everything the session started goes with the agent.
    for (int pass = 0; pass < 2; ++pass) {
        for (const pid_t pid : ExecRunner::tree(::getpid())) {
            if (pid != ::getpid()) {
                ::kill(pid, SIGKILL);
            }
        }
    }
    std::_Exit(code);
}

bool sendAll(const std::string &bytes, int fd)
{
    size_t done = 0;
    while (done < bytes.size()) {
        msghdr message{};
        iovec io{const_cast<char *>(bytes.data() + done), bytes.size() - done};
        message.msg_iov = &io;
        message.msg_iovlen = 1;
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
        if (fd >= 0 && done == 0) {
            // The descriptor rides on the frame's first byte.
            message.msg_control = control;
            message.msg_controllen = sizeof control;
            cmsghdr *header = CMSG_FIRSTHDR(&message);
            header->cmsg_level = SOL_SOCKET;
            header->cmsg_type = SCM_RIGHTS;
            header->cmsg_len = CMSG_LEN(sizeof(int));
            std::memcpy(CMSG_DATA(header), &fd, sizeof(int));
        }
        const ssize_t n = ::sendmsg(g_channel, &message, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += size_t(n);
    }
    return true;
}

void send(const AgentMessage &message, int fd = -1)
{
    if (!sendAll(message.frame(), fd)) {
        shutdown(0, nullptr); // the server is gone
    }
}

// Every process the session started (the agent is their subreaper, so all are descendants).
void stopSessionProcesses()
{
    for (int pass = 0; pass < 2; ++pass) {
        for (const pid_t pid : ExecRunner::tree(::getpid())) {
            if (pid != ::getpid()) {
                ::kill(pid, SIGKILL);
            }
        }
    }
}

bool hasChildren()
{
    siginfo_t info{};
    return ::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0;
}

void addQuota(AgentMessage &message, WorkspaceQuota &quota)
{
    message.addInt(Tag::QuotaUsed, quota.used());
    message.addInt(Tag::QuotaLimit, quota.limit());
}

int64_t nowMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// The channel (fd 0, or the one --channel names) becomes a private close-on-exec descriptor;
// every other inherited one is closed, and stdin and stdout read and write /dev/null.
int takeChannel(int fd)
{
    if (fd != 0) {
        if (fd < 0 || ::dup2(fd, 0) < 0) {
            return -1;
        }
        ::close(fd);
    }
    int type = 0;
    socklen_t length = sizeof type;
    if (::getsockopt(0, SOL_SOCKET, SO_TYPE, &type, &length) != 0 || type != SOCK_STREAM) {
        return -1;
    }
    ::close_range(3, ~0U, 0);
    const int channel = ::fcntl(0, F_DUPFD_CLOEXEC, 3);
    const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    if (channel < 0 || null < 0) {
        return -1;
    }
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::close(null);
    ::fcntl(2, F_SETFD, FD_CLOEXEC);
    return channel;
}

} // namespace

// agentbay-agent --gate FD PROGRAM ARGS...: the server's launcher. Waits for one byte on FD
// (the server moves this process into the session's cgroups meanwhile), then becomes
// PROGRAM (bwrap): the cgroup namespace bwrap makes is then rooted at the session's cgroup.
static int gate(int argc, char **argv)
{
    const int fd = argc > 3 ? std::atoi(argv[2]) : -1;
    if (fd < 3) {
        std::fprintf(stderr, "usage: agentbay-agent --gate FD PROGRAM [ARGS...]\n");
        return 2;
    }
    char go = 0;
    ssize_t n = 0;
    while ((n = ::read(fd, &go, 1)) < 0 && errno == EINTR) { }
    ::close(fd);
    if (n != 1) {
        return 126; // the server gave up on this session
    }
    ::execv(argv[3], argv + 3);
    std::fprintf(stderr, "agentbay-agent: cannot start %s: %s\n", argv[3], std::strerror(errno));
    return 126;
}

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--gate") == 0) {
        return gate(argc, argv);
    }
    // Run from a descriptor (/proc/self/fd/N, see agentprotocol.h), the kernel names the
    // process "N" and ps shows that path: give both the agent's own name.
    ::prctl(PR_SET_NAME, "agentbay-agent", 0, 0, 0);
    static constexpr char kName[] = "agentbay-agent";
    if (std::strncmp(argv[0], "/proc/self/fd/", 14) == 0 && std::strlen(argv[0]) >= sizeof kName - 1) {
        const size_t length = std::strlen(argv[0]);
        std::memcpy(argv[0], kName, sizeof kName);
        std::memset(argv[0] + sizeof kName, 0, length + 1 - sizeof kName);
    }
    std::string workspace = AgentProtocol::kDefaultWorkspace;
    int64_t quotaBytes = 0;
    int channelFd = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--workspace") == 0 && i + 1 < argc) {
            workspace = argv[++i];
        } else if (std::strcmp(argv[i], "--quota") == 0 && i + 1 < argc) {
            quotaBytes = std::strtoll(argv[++i], nullptr, 10);
        } else if (std::strcmp(argv[i], "--channel") == 0 && i + 1 < argc) {
            channelFd = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: agentbay-agent [--workspace DIR] [--quota BYTES] [--channel FD]\n");
            return 2;
        }
    }
    // Undumpable: processes of the session (same uid) cannot open /proc/<agent>/fd/* nor
    // ptrace the agent. A subreaper: orphaned background processes stay its descendants.
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    g_channel = takeChannel(channelFd);
    if (g_channel < 0) {
        std::fprintf(stderr, "agentbay-agent: the channel (fd %d) must be a unix stream socket\n", channelFd);
        return 2;
    }
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t children;
    sigemptyset(&children);
    sigaddset(&children, SIGCHLD);
    ::sigprocmask(SIG_BLOCK, &children, nullptr);
    const int signals = ::signalfd(-1, &children, SFD_CLOEXEC | SFD_NONBLOCK);

    const FileOperations files(workspace, workspace != AgentProtocol::kDefaultWorkspace);
    if (!files.valid() || signals < 0) {
        shutdown(2, "cannot open the workspace");
    }
    WorkspaceQuota quota(workspace, quotaBytes);
    ExecRunner exec(workspace, [&quota](const AgentMessage &message) {
        if (!quota.exceeded()) {
            return send(message);
        }
        // The call ends over the quota: it fails with the usage, and whatever still writes stops.
        stopSessionProcesses();
        AgentMessage over = message;
        addQuota(over, quota);
        send(over);
    });
    int64_t lastWatchMs = 0;
    std::set<pid_t> ptys;

    AgentMessage ready(Op::Ready, 0);
    ready.addInt(Tag::Pid, ::getpid());
    send(ready);

    AgentFrameReader reader;
    std::string buffer(256 * 1024, '\0');
    for (;;) {
        pollfd fds[2] = {{g_channel, POLLIN, 0}, {signals, POLLIN, 0}};
        int timeout = exec.check(nowMs());
        if (quota.enabled() && hasChildren()) {
            // Session processes may be writing: watch the quota while any runs.
            const int64_t now = nowMs();
            const int interval = quota.watchIntervalMs();
            if (now - lastWatchMs >= interval) {
                lastWatchMs = now;
                if (quota.growingPastLimit()) {
                    stopSessionProcesses(); // their calls answer as killed, with the usage
                }
            }
            const int due = int(std::max<int64_t>(1, lastWatchMs + quota.watchIntervalMs() - now));
            timeout = timeout < 0 ? due : std::min(timeout, due);
        }
        if (::poll(fds, 2, timeout) < 0 && errno != EINTR) {
            shutdown(2, "poll failed");
        }
        if (fds[1].revents & POLLIN) {
            signalfd_siginfo info;
            while (::read(signals, &info, sizeof info) == sizeof info) { }
            int status = 0;
            pid_t pid = 0;
            while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
                if (exec.finished(pid, status) || !ptys.erase(pid)) {
                    continue;
                }
                AgentMessage exited(Op::PtyExit, 0);
                exited.addInt(Tag::Pid, pid);
                exited.addInt(Tag::ExitCode,
                    WIFEXITED(status)         ? WEXITSTATUS(status)
                        : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
                                              : -1);
                send(exited);
            }
        }
        if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            continue;
        }
        const ssize_t n = ::recv(g_channel, buffer.data(), buffer.size(), 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            continue;
        }
        if (n <= 0) {
            shutdown(0, nullptr);
        }
        reader.append(buffer.data(), size_t(n));
        AgentMessage request;
        for (;;) {
            const AgentFrameReader::Result result = reader.next(&request);
            if (result == AgentFrameReader::Result::NeedMore) {
                break;
            }
            if (result == AgentFrameReader::Result::Failed) {
                shutdown(2, "malformed request");
            }
            AgentMessage reply(request.op(), request.id());
            int fd = -1;
            switch (request.op()) {
            case Op::Exec:
                exec.start(request);
                continue;
            case Op::Kill:
                exec.kill(uint64_t(request.integer(Tag::Target)));
                continue;
            case Op::Stat:
                files.stat(request, reply);
                break;
            case Op::ReadDir:
                files.readDir(request, reply);
                break;
            case Op::Read:
                files.read(request, reply);
                break;
            case Op::Write: {
                const int64_t bytes = int64_t(request.text(Tag::Data).size());
                if (!quota.allows(bytes)) {
                    reply.addInt(Tag::Errno, EDQUOT);
                    addQuota(reply, quota);
                    break;
                }
                files.write(request, reply);
                quota.added(bytes);
                break;
            }
            case Op::MakeDir:
                files.makeDir(request, reply);
                quota.changed();
                break;
            case Op::Remove:
                files.remove(request, reply);
                quota.changed();
                break;
            case Op::Rename:
                files.rename(request, reply);
                break;
            case Op::Walk:
                files.walk(request, reply);
                break;
            case Op::Metrics:
                SessionMetrics::collect(workspace, reply, quota.used(), quota.limit());
                break;
            case Op::OpenPty: {
                pid_t pid = 0;
                fd = StreamOpener::openPty(workspace, request, reply, &pid);
                if (fd >= 0) {
                    ptys.insert(pid);
                }
                break;
            }
            case Op::ConnectPort:
                fd = StreamOpener::connectPort(request, reply);
                break;
            default:
                reply.addInt(Tag::Errno, ENOSYS);
                break;
            }
            send(reply, fd);
            if (fd >= 0) {
                ::close(fd);
            }
        }
    }
}
