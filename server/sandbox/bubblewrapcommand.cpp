// SPDX-License-Identifier: MIT
#include "bubblewrapcommand.h"

#include <server/sandbox/cgroupset.h>
#include <server/sandbox/sealedprogram.h>
#include <server/sandbox/seccompfilter.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>

Q_LOGGING_CATEGORY(lcBwrap, "agentbay.server.bubblewrapcommand")

namespace AgentBay::Server {

namespace {

// Where the root server's private mount namespace shows the workspace to bwrap: a path an
// unprivileged uid can reach (the data folder usually is not).
constexpr char kStageDir[] = "/tmp";
constexpr char kStagedWorkspace[] = "/tmp/agentbay-workspace";

// Public system files shown read-only, when the host has them. Nothing with secrets.
const char *const kEtcFiles[] = {"ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "alternatives",
    "localtime",
    "timezone",
    "protocols",
    "services",
    "mime.types",
    "ssl/certs",
    "ssl/openssl.cnf",
    "ca-certificates",
    "ca-certificates.conf",
    "python3",
    "python3.11",
    "bash.bashrc",
    "profile",
    "inputrc",
    "terminfo",
    "gai.conf",
    "host.conf",
    "magic",
    "magic.mime",
    "debian_version",
    "os-release",
    "locale.alias"};

QStringList mergedUsrArguments()
{
    QStringList args;
    for (const QString &name : {QStringLiteral("bin"),
             QStringLiteral("sbin"),
             QStringLiteral("lib"),
             QStringLiteral("lib32"),
             QStringLiteral("lib64"),
             QStringLiteral("libx32")}) {
        const QFileInfo info(u'/' + name);
        if (info.isSymLink()) {
            args << QStringLiteral("--symlink") << info.symLinkTarget().mid(1) << info.filePath();
        } else if (info.isDir()) {
            args << QStringLiteral("--ro-bind") << info.filePath() << info.filePath();
        }
    }
    return args;
}

void childFail(const char *what)
{
    const int saved = errno;
    const char prefix[] = "agentbay-local: sandbox setup failed: ";
    [[maybe_unused]] ssize_t n = ::write(2, prefix, sizeof(prefix) - 1);
    n = ::write(2, what, std::strlen(what));
    const char *reason = std::strerror(saved);
    n = ::write(2, ": ", 2);
    n = ::write(2, reason, std::strlen(reason));
    n = ::write(2, "\n", 1);
    ::_exit(126);
}

void writeOrFail(const char *path, const QByteArray &data)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || ::write(fd, data.constData(), size_t(data.size())) != ssize_t(data.size())) {
        childFail(path);
    }
    ::close(fd);
}

// Binds source onto target, through an O_PATH descriptor opened in this mount namespace:
// the staging tmpfs may cover source's own path.
void bindThroughFd(int fd, const char *target, const char *what)
{
    char path[32] = "/proc/self/fd/";
    char digits[12];
    int n = 0;
    for (unsigned value = unsigned(fd); n == 0 || value > 0; value /= 10) {
        digits[n++] = char('0' + value % 10);
    }
    size_t at = std::strlen(path);
    while (n > 0) {
        path[at++] = digits[--n];
    }
    path[at] = 0;
    if (::mount(path, target, nullptr, MS_BIND, nullptr) != 0) {
        childFail(what);
    }
    ::close(fd);
}

bool probe(QString *reason)
{
    QTemporaryDir dir;
    BubblewrapCommand command;
    BubblewrapCommand::Options options;
    options.sessionId = QStringLiteral("probe");
    options.workspace = dir.path();
    options.program = QStringLiteral("/usr/bin/true");
    if (!dir.isValid() || !command.prepare(options, reason)) {
        return false;
    }
    if (::geteuid() == 0) {
        [[maybe_unused]] const int rc = ::chown(QFile::encodeName(dir.path()).constData(),
            uid_t(BubblewrapCommand::hostUid()),
            gid_t(BubblewrapCommand::hostGid()));
    }
    QProcess process;
    process.setProgram(command.program());
    process.setArguments(command.arguments());
    process.setProcessEnvironment(QProcessEnvironment());
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setChildProcessModifier([&command] {
        command.enterChild();
    });
    process.start();
    command.closeChildEnds();
    command.unblock();
    const bool finished = process.waitForFinished(10000);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0) {
        return true;
    }
    if (!finished) {
        process.kill();
        process.waitForFinished(1000);
    }
    *reason = QCoreApplication::translate("BubblewrapCommand", "bubblewrap cannot build a sandbox here: %1")
                  .arg(QString::fromLocal8Bit(process.readAllStandardError().trimmed()).right(400));
    if (process.error() == QProcess::FailedToStart) {
        *reason = QCoreApplication::translate("BubblewrapCommand", "bubblewrap cannot be started: %1")
                      .arg(process.errorString());
    }
    return false;
}

} // namespace

BubblewrapCommand::~BubblewrapCommand()
{
    closeChildEnds();
    for (const int fd : {m_blockWrite, m_gateWrite}) {
        if (fd >= 0) {
            ::close(fd);
        }
    }
}

QString BubblewrapCommand::bwrapPath()
{
    static const QString path = QStandardPaths::findExecutable(QStringLiteral("bwrap"));
    return path;
}

bool BubblewrapCommand::works(QString *reason)
{
    static std::once_flag once;
    static bool ok = false;
    static QString why;
    std::call_once(once, [] {
        if (bwrapPath().isEmpty()) {
            why = QCoreApplication::translate(
                "BubblewrapCommand", "bubblewrap (bwrap) is not installed (Debian/Ubuntu: apt install bubblewrap)");
        } else {
            ok = probe(&why);
        }
        qCInfo(lcBwrap) << "bubblewrap" << (ok ? QStringLiteral("works") : why);
    });
    if (reason) {
        *reason = why;
    }
    return ok;
}

int BubblewrapCommand::hostUid()
{
    return ::geteuid() == 0 ? defaultHostUid : int(::geteuid());
}

int BubblewrapCommand::hostGid()
{
    return ::geteuid() == 0 ? defaultHostGid : int(::getegid());
}

void BubblewrapCommand::prepareWorkspace(const QString &workspace)
{
    if (::geteuid() != 0) {
        return;
    }
    const QByteArray top = QFile::encodeName(workspace);
    struct stat st = {};
    if (::lstat(top.constData(), &st) != 0
        || (st.st_uid == uid_t(defaultHostUid) && st.st_gid == gid_t(defaultHostGid))) {
        return;
    }
    ::nftw(
        top.constData(),
        [](const char *path, const struct stat *, int, struct FTW *) {
            [[maybe_unused]] const int rc = ::lchown(path, uid_t(defaultHostUid), gid_t(defaultHostGid));
            return 0;
        },
        64,
        FTW_PHYS | FTW_MOUNT);
    ::chmod(top.constData(), 0700);
}

QStringList BubblewrapCommand::etcFiles()
{
    QStringList names{QStringLiteral("passwd"),
        QStringLiteral("group"),
        QStringLiteral("hosts"),
        QStringLiteral("hostname"),
        QStringLiteral("resolv.conf"),
        QStringLiteral("nsswitch.conf")};
    for (const char *name : kEtcFiles) {
        names << QString::fromLatin1(name);
    }
    return names;
}

QJsonObject BubblewrapCommand::toJson()
{
    return QJsonObject{{QStringLiteral("uidInside"), insideUid},
        {QStringLiteral("hostUid"), hostUid()},
        {QStringLiteral("capabilities"), QStringLiteral("none")},
        {QStringLiteral("noNewPrivs"), true},
        {QStringLiteral("seccomp"), true},
        {QStringLiteral("namespaces"), QStringLiteral("user, mount, pid, ipc, uts, cgroup, net")}};
}

int BubblewrapCommand::addData(const QByteArray &name, const QByteArray &data, QString *error)
{
    const int fd = ::memfd_create(name.constData(), MFD_CLOEXEC);
    if (fd < 0 || ::write(fd, data.constData(), size_t(data.size())) != ssize_t(data.size())
        || ::lseek(fd, 0, SEEK_SET) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        *error = QCoreApplication::translate("BubblewrapCommand", "Cannot prepare the sandbox's %1: %2")
                     .arg(QString::fromLatin1(name), QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    }
    m_childFds.append(fd);
    return fd;
}

bool BubblewrapCommand::prepare(const Options &options, QString *error)
{
    const bool root = ::geteuid() == 0;
    m_stage = root;
    m_hostUid = hostUid();
    m_hostGid = hostGid();
    m_outerUid = root ? m_hostUid : int(::geteuid());
    m_outerGid = root ? m_hostGid : int(::getegid());
    m_uidMap = "0 " + QByteArray::number(m_outerUid) + " 1\n";
    m_gidMap = "0 " + QByteArray::number(m_outerGid) + " 1\n";
    m_procsFiles = options.procsFiles;
    m_workspace = QFile::encodeName(options.workspace);
    m_channelFd = options.channelFd;
    m_stderrFd = options.stderrFd;
    m_serverPid = ::getpid();
    m_fileSizeMax = options.fileSizeMax;

    const QByteArray user = "agentbay";
    const QByteArray uid = QByteArray::number(insideUid);
    const QByteArray gid = QByteArray::number(insideGid);
    const QByteArray host = options.sessionId.toUtf8();

    struct EtcFile
    {
        const char *name;
        QByteArray data;
    };

    const EtcFile generated[] = {
        {"passwd",
            "root:x:0:0:root:/root:/usr/sbin/nologin\n" + user + ":x:" + uid + ':' + gid
                + ":AgentBay session:/workspace:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"},
        {"group", "root:x:0:\n" + user + ":x:" + gid + ":\nnogroup:x:65534:\n"},
        {"hosts", "127.0.0.1\tlocalhost\n127.0.1.1\t" + host + "\n::1\tlocalhost ip6-localhost ip6-loopback\n"},
        {"hostname", host + '\n'},
        {"resolv.conf", options.resolvConf},
        {"nsswitch.conf",
            "passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\nprotocols: files\n"
            "services: files\nethers: files\nrpc: files\n"},
    };

    QStringList args{QStringLiteral("--unshare-all"),
        QStringLiteral("--unshare-user"),
        QStringLiteral("--share-net"), // the network namespace enterChild made
        QStringLiteral("--uid"),
        QString::number(insideUid),
        QStringLiteral("--gid"),
        QString::number(insideGid),
        QStringLiteral("--disable-userns"),
        QStringLiteral("--cap-drop"),
        QStringLiteral("ALL"),
        QStringLiteral("--new-session"),
        QStringLiteral("--die-with-parent"),
        QStringLiteral("--hostname"),
        options.sessionId,
        QStringLiteral("--ro-bind"),
        QStringLiteral("/usr"),
        QStringLiteral("/usr")};
    args << mergedUsrArguments();
    args << QStringLiteral("--dir") << QStringLiteral("/etc");
    for (const EtcFile &file : generated) {
        const int fd = addData(QByteArray("etc-") + file.name, file.data, error);
        if (fd < 0) {
            return false;
        }
        args << QStringLiteral("--perms") << QStringLiteral("0644") << QStringLiteral("--ro-bind-data")
             << QString::number(fd) << QStringLiteral("/etc/") + QString::fromLatin1(file.name);
    }
    for (const char *name : kEtcFiles) {
        const QString path = QStringLiteral("/etc/") + QString::fromLatin1(name);
        args << QStringLiteral("--ro-bind-try") << path << path;
    }
    args << QStringLiteral("--dev") << QStringLiteral("/dev") << QStringLiteral("--proc") << QStringLiteral("/proc");
    if (options.tmpSize > 0) {
        args << QStringLiteral("--size") << QString::number(options.tmpSize);
    }
    args << QStringLiteral("--tmpfs") << QStringLiteral("/tmp") << QStringLiteral("--symlink")
         << QStringLiteral("../tmp") << QStringLiteral("/var/tmp");
    args << QStringLiteral("--bind") << (root ? QString::fromLatin1(kStagedWorkspace) : options.workspace)
         << QStringLiteral("/workspace") << QStringLiteral("--chdir") << QStringLiteral("/workspace");
    args << QStringLiteral("--clearenv");
    for (auto it = options.environment.cbegin(); it != options.environment.cend(); ++it) {
        args << QStringLiteral("--setenv") << it.key() << it.value();
    }

    const QByteArray filter = SeccompFilter::program(error);
    if (filter.isEmpty()) {
        return false;
    }
    const int seccompFd = addData("seccomp", filter, error);
    if (seccompFd < 0) {
        return false;
    }
    args << QStringLiteral("--seccomp") << QString::number(seccompFd);

    int gateFd = -1;
    int block[2] = {-1, -1};
    if (::pipe2(block, O_CLOEXEC) != 0) {
        *error = QCoreApplication::translate("BubblewrapCommand", "Cannot make a pipe for the sandbox");
        return false;
    }
    m_childFds.append(block[0]);
    m_blockWrite = block[1];
    if (options.gate) {
        int gate[2] = {-1, -1};
        if (::pipe2(gate, O_CLOEXEC) != 0) {
            *error = QCoreApplication::translate("BubblewrapCommand", "Cannot make a pipe for the sandbox");
            return false;
        }
        m_childFds.append(gate[0]);
        m_gateWrite = gate[1];
        gateFd = gate[0];
    }
    args << QStringLiteral("--block-fd") << QString::number(block[0]);
    // Everything is set up; nothing the session does can write to its root any more.
    args << QStringLiteral("--remount-ro") << QStringLiteral("/");

    QByteArray packed;
    for (const QString &arg : std::as_const(args)) {
        packed += arg.toUtf8() + '\0';
    }
    const int argsFd = addData("bwrap-args", packed, error);
    if (argsFd < 0) {
        return false;
    }
    // The program runs from a descriptor (SealedProgram): no mount or argument names its host
    // file, and the unprivileged uid of a root server needs no path to it.
    const int sharedFd = SealedProgram::descriptor(options.program, error);
    const int programFd = sharedFd < 0 ? -1 : ::fcntl(sharedFd, F_DUPFD_CLOEXEC, 3);
    if (programFd < 0) {
        if (sharedFd >= 0) {
            *error = QCoreApplication::translate("BubblewrapCommand", "Cannot prepare the sandbox's %1: %2")
                         .arg(QStringLiteral("program"), QString::fromLocal8Bit(std::strerror(errno)));
        }
        return false;
    }
    m_childFds.append(programFd);
    const QString fromDescriptor = QStringLiteral("/proc/self/fd/") + QString::number(programFd);
    m_arguments = QStringList{QStringLiteral("--args"), QString::number(argsFd), QStringLiteral("--"), fromDescriptor};
    m_arguments << options.arguments;
    if (options.channelFd >= 0) {
        m_arguments << QStringLiteral("--channel") << QString::number(options.channelFd);
    }
    m_program = bwrapPath();
    if (gateFd >= 0) {
        // QProcess::start() returns only once the child exec'd, so the child cannot wait
        // itself: the agent binary waits (agentbay-agent --gate FD PROGRAM ARGS...), then
        // execs bwrap in the same process.
        m_arguments.prepend(m_program);
        m_arguments.prepend(QString::number(gateFd));
        m_arguments.prepend(QStringLiteral("--gate"));
        m_program = fromDescriptor;
    }
    return true;
}

void BubblewrapCommand::enterChild() const
{
    ::setsid();
    CgroupSet::joinFromChild(m_procsFiles);
    if (m_channelFd >= 0 && ::fcntl(m_channelFd, F_SETFD, 0) != 0) {
        childFail("keep the agent's channel open");
    }
    if (m_stderrFd >= 0 && ::dup2(m_stderrFd, 2) < 0) {
        childFail("dup2");
    }
    if (m_stage) {
        // A mount namespace of this process only, where the workspace appears at a path the
        // unprivileged uid below can reach.
        if (::unshare(CLONE_NEWNS) != 0) {
            childFail("unshare(CLONE_NEWNS)");
        }
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
            childFail("make / private");
        }
        const int workspaceFd = ::open(m_workspace.constData(), O_PATH | O_CLOEXEC);
        if (workspaceFd < 0) {
            childFail("open the workspace");
        }
        if (::mount("agentbay-stage", kStageDir, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=64k") != 0) {
            childFail("mount the staging tmpfs");
        }
        if (::mkdir(kStagedWorkspace, 0755) != 0) {
            childFail("create the workspace's mount point");
        }
        bindThroughFd(workspaceFd, kStagedWorkspace, "bind the workspace");
        // The unprivileged host identity every process of the session has.
        if (::setgroups(0, nullptr) != 0 || ::setresgid(m_hostGid, m_hostGid, m_hostGid) != 0
            || ::setresuid(m_hostUid, m_hostUid, m_hostUid) != 0) {
            childFail("drop to the session's host uid");
        }
        // Changing the uid made /proc/self root's; the id maps below must stay writable.
        ::prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
    }
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0) {
        childFail("unshare(CLONE_NEWUSER | CLONE_NEWNET)");
    }
    writeOrFail("/proc/self/setgroups", QByteArrayLiteral("deny"));
    writeOrFail("/proc/self/uid_map", m_uidMap);
    writeOrFail("/proc/self/gid_map", m_gidMap);
    // The new network namespace's loopback starts down; the session's own services need it.
    const int sock = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ifreq loopback = {};
    std::memcpy(loopback.ifr_name, "lo", 3);
    if (sock < 0 || ::ioctl(sock, SIOCGIFFLAGS, &loopback) != 0) {
        childFail("read the loopback's flags");
    }
    loopback.ifr_flags = short(loopback.ifr_flags | IFF_UP);
    if (::ioctl(sock, SIOCSIFFLAGS, &loopback) != 0) {
        childFail("bring the loopback up");
    }
    ::close(sock);
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        childFail("no_new_privs");
    }
    // The uid change above cleared it: bwrap dies with the server, so a crash leaves no
    // session behind (bwrap's --die-with-parent takes the sandbox along).
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0 || ::getppid() != m_serverPid) {
        childFail("die with the server");
    }
    if (m_fileSizeMax > 0) {
        // No file of the session grows past this (the write fails with EFBIG): the workspace
        // quota as far as it can be kept without a file system of its own.
        const rlimit limit{rlim_t(m_fileSizeMax), rlim_t(m_fileSizeMax)};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) {
            childFail("limit the file size");
        }
    }
    for (const int fd : m_childFds) {
        ::fcntl(fd, F_SETFD, 0);
    }
}

void BubblewrapCommand::closeChildEnds()
{
    for (const int fd : std::as_const(m_childFds)) {
        ::close(fd);
    }
    m_childFds.clear();
}

void BubblewrapCommand::openGate()
{
    if (m_gateWrite >= 0) {
        [[maybe_unused]] const ssize_t written = ::write(m_gateWrite, "1", 1);
        ::close(m_gateWrite);
        m_gateWrite = -1;
    }
}

void BubblewrapCommand::unblock()
{
    if (m_blockWrite >= 0) {
        [[maybe_unused]] const ssize_t written = ::write(m_blockWrite, "1", 1);
        ::close(m_blockWrite);
        m_blockWrite = -1;
    }
}

} // namespace AgentBay::Server
