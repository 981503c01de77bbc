// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace AgentBay::Server {

// The seccomp program every session process runs under (bwrap loads it with --seccomp,
// after no_new_privs, right before the agent starts). Everything is allowed except the calls
// a program needs only to leave or attack its sandbox or the kernel: mounts, new namespaces,
// ptrace of processes it did not start, keys, bpf, modules, kexec, reboot, swap,
// perf_event_open, userfaultfd, io_uring and the like fail with EPERM; clone3 fails with
// ENOSYS so the C library falls back to clone, whose namespace flags are checked. Syscalls of
// another ABI (i386, x32) kill the process, as they would bypass these rules.
class SeccompFilter
{
public:
    // The compiled BPF program (struct sock_filter array), built once per process with
    // libseccomp. Empty, with error set, when it cannot be built.
    static QByteArray program(QString *error = nullptr);

    // The names of the calls denied, for the info the server shows.
    static QStringList deniedCalls();
};

} // namespace AgentBay::Server
