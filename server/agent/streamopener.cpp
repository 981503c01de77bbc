// SPDX-License-Identifier: MIT
#include "streamopener.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

extern char **environ;

namespace AgentBay::Server {

namespace {

using Tag = AgentProtocol::Tag;

int failed(AgentMessage &reply, int error)
{
    reply.addInt(Tag::Errno, error > 0 ? error : EIO);
    return -1;
}

} // namespace

int StreamOpener::openPty(const std::string &workspace, const AgentMessage &request, AgentMessage &reply, pid_t *pid)
{
    std::string shell(request.text(Tag::Command));
    if (shell.empty()) {
        shell = "/bin/sh";
    }
    std::string cwd(request.text(Tag::Cwd));
    if (cwd.empty()) {
        cwd = workspace;
    } else if (cwd.front() != '/') {
        cwd = workspace + '/' + cwd;
    }
    if (shell.find('\0') != std::string::npos || cwd.find('\0') != std::string::npos) {
        return failed(reply, EINVAL);
    }
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) {
        return failed(reply, errno);
    }
    if (::grantpt(master) != 0 || ::unlockpt(master) != 0) {
        const int error = errno;
        ::close(master);
        return failed(reply, error);
    }
    char name[128];
    if (::ptsname_r(master, name, sizeof name) != 0) {
        const int error = errno;
        ::close(master);
        return failed(reply, error);
    }
    winsize size{};
    size.ws_col =
        static_cast<unsigned short>(std::max<int64_t>(1, std::min<int64_t>(500, request.integer(Tag::Cols, 80))));
    size.ws_row =
        static_cast<unsigned short>(std::max<int64_t>(1, std::min<int64_t>(500, request.integer(Tag::Rows, 24))));
    ::ioctl(master, TIOCSWINSZ, &size);

    // Everything the child needs is prepared before fork: after it only async-signal-safe calls.
    std::vector<std::string> env;
    for (char **e = environ; *e; ++e) {
        env.emplace_back(*e);
    }
    for (const std::string_view x : request.all(Tag::Env)) {
        if (x.find('=') != std::string_view::npos && x.find('\0') == std::string_view::npos) {
            env.emplace_back(x);
        }
    }
    std::vector<char *> envp;
    for (std::string &e : env) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    std::string dash = "-" + shell.substr(shell.rfind('/') + 1); // a login-style argv[0]
    char *argv[] = {dash.data(), nullptr};

    const pid_t child = ::fork();
    if (child < 0) {
        const int error = errno;
        ::close(master);
        return failed(reply, error);
    }
    if (child == 0) {
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        for (int sig = 1; sig < NSIG; ++sig) {
            ::signal(sig, SIG_DFL);
        }
        ::setsid();
        const int slave = ::open(name, O_RDWR);
        if (slave < 0) {
            ::_exit(127);
        }
        ::ioctl(slave, TIOCSCTTY, 0);
        ::dup2(slave, 0);
        ::dup2(slave, 1);
        ::dup2(slave, 2);
        if (slave > 2) {
            ::close(slave);
        }
        if (::chdir(cwd.c_str()) != 0) {
            [[maybe_unused]] const int ignored = ::chdir("/");
        }
        ::execve(shell.c_str(), argv, envp.data());
        ::_exit(127);
    }
    *pid = child;
    reply.addInt(Tag::Pid, child);
    reply.addInt(Tag::HasFd, 1);
    return master;
}

int StreamOpener::connectPort(const AgentMessage &request, AgentMessage &reply)
{
    const int64_t port = request.integer(Tag::Port);
    if (port < 1 || port > 65535) {
        return failed(reply, EINVAL);
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        return failed(reply, errno);
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Loopback answers at once unless the listener's backlog is full: bounded wait.
    int error = 0;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        error = errno;
        if (error == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            socklen_t length = sizeof error;
            error = ::poll(&p, 1, 2000) == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0
                ? error
                : ETIMEDOUT;
        }
    }
    if (error != 0) {
        ::close(fd);
        return failed(reply, error);
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    reply.addInt(Tag::HasFd, 1);
    return fd;
}

} // namespace AgentBay::Server
