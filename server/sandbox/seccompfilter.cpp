// SPDX-License-Identifier: MIT
#include "seccompfilter.h"

#include <QCoreApplication>

#include <sched.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>

namespace AgentBay::Server {

namespace {

// Denied outright (EPERM). A name this libseccomp does not know is skipped: the kernel it
// targets may not have it either.
const char *const kDenied[] = {
    "mount",
    "umount",
    "umount2",
    "pivot_root",
    "chroot",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "move_mount",
    "open_tree",
    "mount_setattr",
    "unshare",
    "setns",
    "keyctl",
    "add_key",
    "request_key",
    "bpf",
    "init_module",
    "finit_module",
    "delete_module",
    "kexec_load",
    "kexec_file_load",
    "reboot",
    "swapon",
    "swapoff",
    "perf_event_open",
    "userfaultfd",
    "open_by_handle_at",
    "name_to_handle_at",
    "process_vm_readv",
    "process_vm_writev",
    "kcmp",
    "acct",
    "quotactl",
    "quotactl_fd",
    "syslog",
    "iopl",
    "ioperm",
    "uselib",
    "vhangup",
    "lookup_dcookie",
    "nfsservctl",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "pidfd_getfd",
    "fanotify_init",
};

// clone() flags that would make a new namespace.
constexpr scmp_datum_t kNamespaceFlags[] = {
    CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWCGROUP};

// ptrace requests that reach a process which did not ask to be traced.
constexpr scmp_datum_t kAttachRequests[] = {PTRACE_ATTACH, PTRACE_SEIZE};

QByteArray build(QString *error)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx) {
        *error = QCoreApplication::translate("SeccompFilter", "libseccomp could not start a filter");
        return {};
    }
    const auto fail = [ctx, error](const char *what, int rc) {
        seccomp_release(ctx);
        *error = QCoreApplication::translate("SeccompFilter", "libseccomp failed to %1: %2")
                     .arg(QString::fromLatin1(what), QString::fromLocal8Bit(strerror(-rc)));
        return QByteArray();
    };
    // bwrap sets no_new_privs itself; the filter does not need to.
    int rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
    if (rc == 0) {
        rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
    }
    if (rc != 0) {
        return fail("set its attributes", rc);
    }
    for (const char *name : kDenied) {
        const int nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR) {
            continue;
        }
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0);
        if (rc != 0) {
            return fail(name, rc);
        }
    }
    for (const scmp_datum_t flag : kNamespaceFlags) {
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag));
        if (rc != 0) {
            return fail("filter clone", rc);
        }
    }
    // clone3 passes its flags in memory a filter cannot read: say it does not exist.
    rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    if (rc != 0) {
        return fail("filter clone3", rc);
    }
    for (const scmp_datum_t request : kAttachRequests) {
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ptrace), 1, SCMP_A0(SCMP_CMP_EQ, request));
        if (rc != 0) {
            return fail("filter ptrace", rc);
        }
    }
    // TIOCSTI and TIOCLINUX push input into a terminal another process reads.
    for (const scmp_datum_t request : {scmp_datum_t(0x5412), scmp_datum_t(0x541C)}) {
        rc = seccomp_rule_add(
            ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1, SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, request));
        if (rc != 0) {
            return fail("filter ioctl", rc);
        }
    }

    const int fd = ::memfd_create("agentbay-seccomp", MFD_CLOEXEC);
    if (fd < 0) {
        return fail("make a memory file", -errno);
    }
    rc = seccomp_export_bpf(ctx, fd);
    seccomp_release(ctx);
    QByteArray program;
    if (rc == 0) {
        const off_t size = ::lseek(fd, 0, SEEK_END);
        program.resize(size > 0 ? qsizetype(size) : 0);
        if (size <= 0 || ::pread(fd, program.data(), size_t(size), 0) != size) {
            program.clear();
        }
    }
    ::close(fd);
    if (program.isEmpty()) {
        *error = QCoreApplication::translate("SeccompFilter", "libseccomp could not export the filter");
    }
    return program;
}

} // namespace

QByteArray SeccompFilter::program(QString *error)
{
    static std::once_flag once;
    static QByteArray cached;
    static QString cachedError;
    std::call_once(once, [] {
        cached = build(&cachedError);
    });
    if (error) {
        *error = cachedError;
    }
    return cached;
}

QStringList SeccompFilter::deniedCalls()
{
    QStringList names;
    for (const char *name : kDenied) {
        names << QString::fromLatin1(name);
    }
    names << QStringLiteral("clone(CLONE_NEW*)") << QStringLiteral("clone3") << QStringLiteral("ptrace(ATTACH|SEIZE)")
          << QStringLiteral("ioctl(TIOCSTI|TIOCLINUX)");
    return names;
}

} // namespace AgentBay::Server
