// SPDX-License-Identifier: MIT
#include "sessionsandbox.h"

#include <server/sandbox/cgroupfreezer.h>
#include <server/sandbox/processscanner.h>
#include <server/sandbox/sandboxagent.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <mutex>
#include <thread>

extern char **environ;

Q_LOGGING_CATEGORY(lcSandbox, "agentbay.server.sessionsandbox")

namespace AgentBay::Server {

namespace {

const QString kInsideWorkspace = QStringLiteral("/workspace");
const QString kPath = QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
// A pause sweep repeats so that processes forked while it runs are caught too.
constexpr int kSignalPasses = 3;
// How long past its own timeout an exec may stay unanswered before the host gives up on it.
constexpr int kBackstopGraceMs = 5000;

QString bwrapPath()
{
    static const QString path = QStandardPaths::findExecutable(QStringLiteral("bwrap"));
    return path;
}

QString pythonPath()
{
    // The agent must run inside the sandbox, which shows only /usr: use the system interpreter.
    for (const QString &candidate : {QStringLiteral("/usr/bin/python3"), QStringLiteral("/usr/local/bin/python3")}) {
        if (QFileInfo(candidate).isExecutable()) {
            return candidate;
        }
    }
    return {};
}

// Runs `bwrap --ro-bind / / --unshare-all --share-net true` once; posix_spawn keeps the
// probe out of Qt's process bookkeeping. Takes a few milliseconds.
bool probeBubblewrap()
{
    const QString path = bwrapPath();
    if (path.isEmpty()) {
        return false;
    }
    const QByteArray program = QFile::encodeName(path);
    const char *argv[] = {program.constData(), "--ro-bind", "/", "/", "--unshare-all", "--share-net", "true", nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, const_cast<char *const *>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        return false;
    }
    using namespace std::chrono_literals;
    int status = 0;
    for (int i = 0; i < 5000; ++i) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        if (done < 0) {
            return false;
        }
        std::this_thread::sleep_for(1ms);
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return false;
}

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

// An exec's output as the agent sent it: whole, or its start and end around a note saying
// how much was left out (SandboxAgent::maxOutputBytes).
QByteArray agentOutput(const QJsonObject &message, const QString &key)
{
    const QByteArray head = QByteArray::fromBase64(message.value(key).toString().toLatin1());
    const qint64 total = message.value(key + QStringLiteral("Size")).toInteger(head.size());
    if (total <= head.size()) {
        return head;
    }
    const QByteArray tail = QByteArray::fromBase64(message.value(key + QStringLiteral("Tail")).toString().toLatin1());
    const QString note = QCoreApplication::translate("SessionSandbox",
        "[output truncated: %1 bytes left out here; the command wrote %2 bytes, a call returns at most %3]")
                             .arg(total - head.size() - tail.size())
                             .arg(total)
                             .arg(SandboxAgent::maxOutputBytes);
    return head + '\n' + note.toUtf8() + '\n' + tail;
}

QString randomToken()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

} // namespace

struct SessionSandbox::Private
{
    struct Pending
    {
        QPointer<QObject> context;
        bool hasContext = false;
        std::function<void(const ExecResult &)> done;
        QTimer *backstop = nullptr;
    };

    QString sessionId;
    QString workspace;
    Isolation isolation = Isolation::Process;
    QProcess *process = nullptr;
    qint64 agentPid = 0; // as the host sees it (bwrap's pid in bubblewrap mode)
    CgroupFreezer cgroup;
    QString pauseMethod = QStringLiteral("sigstop");
    QByteArray marker;
    QString pidNamespace;
    QSet<pid_t> stopped;
    bool paused = false;
    quint64 nextId = 1;
    QHash<quint64, Pending> pending;
    QByteArray stderrTail;
};

SessionSandbox::SessionSandbox(const QString &sessionId, const QString &workspace, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->sessionId = sessionId;
    d->workspace = QDir::cleanPath(QDir(workspace).absolutePath());
    d->marker = "AGENTBAY_SANDBOX_TOKEN=" + randomToken().toLatin1();
    d->isolation = bubblewrapAvailable() && qEnvironmentVariable("AGENTBAY_LOCAL_ISOLATION") != u"process"
        ? Isolation::Bubblewrap
        : Isolation::Process;
}

SessionSandbox::~SessionSandbox()
{
    terminate();
}

bool SessionSandbox::bubblewrapAvailable()
{
    static std::once_flag once;
    static bool available = false;
    std::call_once(once, [] {
        available = probeBubblewrap();
        qCInfo(lcSandbox) << "bubblewrap" << (available ? "works" : "is not usable") << "on this machine";
    });
    return available;
}

bool SessionSandbox::start(QString *error)
{
    if (d->process) {
        return true;
    }
    const QString python = pythonPath();
    if (python.isEmpty()) {
        if (error) {
            *error = tr("python3 is required to run sessions but was not found in /usr/bin");
        }
        return false;
    }
    if (!QDir().mkpath(d->workspace)) {
        if (error) {
            *error = tr("Cannot create the session workspace %1").arg(d->workspace);
        }
        return false;
    }

    const QString pausePreference = qEnvironmentVariable("AGENTBAY_LOCAL_PAUSE");
    if (d->cgroup.version() == CgroupFreezer::Version::None) {
        const bool allowV2 = pausePreference.isEmpty() || pausePreference == u"cgroup-v2";
        const bool allowV1 = allowV2 || pausePreference == u"cgroup-v1";
        d->cgroup.create(d->sessionId, allowV2, allowV1);
    }
    switch (d->cgroup.version()) {
    case CgroupFreezer::Version::V2:
        d->pauseMethod = QStringLiteral("cgroup-v2");
        break;
    case CgroupFreezer::Version::V1:
        d->pauseMethod = QStringLiteral("cgroup-v1");
        break;
    case CgroupFreezer::Version::None:
        d->pauseMethod = QStringLiteral("sigstop");
        break;
    }

    const QStringList agentArgs{
        QStringLiteral("-I"), QStringLiteral("-S"), QStringLiteral("-c"), SandboxAgent::agentScript()};
    const QString homeDir = workspaceInside();
    QMap<QString, QString> env{{QStringLiteral("PATH"), kPath},
        {QStringLiteral("HOME"), homeDir},
        {QStringLiteral("LANG"), QStringLiteral("C.UTF-8")},
        {QStringLiteral("SHELL"), QStringLiteral("/bin/sh")},
        {QStringLiteral("TERM"), QStringLiteral("dumb")},
        {QStringLiteral("HOSTNAME"), d->sessionId},
        {QStringLiteral("AGENTBAY_SESSION_ID"), d->sessionId}};
    const qsizetype eq = d->marker.indexOf('=');
    env.insert(QString::fromLatin1(d->marker.left(eq)), QString::fromLatin1(d->marker.mid(eq + 1)));

    auto *process = new QProcess(this);
    if (d->isolation == Isolation::Bubblewrap) {
        QStringList args{QStringLiteral("--ro-bind"), QStringLiteral("/usr"), QStringLiteral("/usr")};
        args << mergedUsrArguments();
        args << QStringLiteral("--ro-bind") << QStringLiteral("/etc") << QStringLiteral("/etc")
             << QStringLiteral("--dev") << QStringLiteral("/dev") << QStringLiteral("--proc") << QStringLiteral("/proc")
             << QStringLiteral("--tmpfs") << QStringLiteral("/tmp") << QStringLiteral("--dir")
             << QStringLiteral("/var/tmp") << QStringLiteral("--bind") << d->workspace << kInsideWorkspace
             << QStringLiteral("--chdir") << kInsideWorkspace << QStringLiteral("--unshare-all")
             << QStringLiteral("--share-net") << QStringLiteral("--new-session") << QStringLiteral("--die-with-parent")
             << QStringLiteral("--hostname") << d->sessionId << QStringLiteral("--clearenv");
        for (auto it = env.cbegin(); it != env.cend(); ++it) {
            args << QStringLiteral("--setenv") << it.key() << it.value();
        }
        args << QStringLiteral("--") << python << agentArgs;
        process->setProgram(bwrapPath());
        process->setArguments(args);
        // The environment is set by bwrap itself (--clearenv): the server's own, which may
        // hold an API key, never reaches the session.
        process->setProcessEnvironment(QProcessEnvironment());
    } else {
        QProcessEnvironment processEnv;
        for (auto it = env.cbegin(); it != env.cend(); ++it) {
            processEnv.insert(it.key(), it.value());
        }
        process->setProcessEnvironment(processEnv);
        process->setWorkingDirectory(d->workspace);
        process->setProgram(python);
        process->setArguments(agentArgs);
    }

    // Between fork and exec: a session of its own, and into the session's cgroup before
    // any process of the sandbox exists, so that nothing can escape the freezer.
    const QByteArray procsFile = d->cgroup.procsFile();
    process->setChildProcessModifier([procsFile] {
        ::setsid();
        if (!procsFile.isEmpty()) {
            const int fd = ::open(procsFile.constData(), O_WRONLY | O_CLOEXEC);
            if (fd >= 0) {
                [[maybe_unused]] const ssize_t written = ::write(fd, "0", 1);
                ::close(fd);
            }
        }
    });

    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
        while (process->canReadLine()) {
            handleAgentLine(process->readLine());
        }
    });
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        d->stderrTail.append(process->readAllStandardError());
        if (d->stderrTail.size() > 4096) {
            d->stderrTail = d->stderrTail.right(4096);
        }
    });
    connect(process, &QProcess::finished, this, [this, process] {
        agentGone(process);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError processError) {
        if (processError == QProcess::FailedToStart) {
            agentGone(process);
        }
    });

    d->process = process;
    d->stderrTail.clear();
    d->pidNamespace.clear();
    d->paused = false;
    process->start(QIODevice::ReadWrite | QIODevice::Unbuffered);
    if (d->process != process || process->processId() <= 0) {
        if (error) {
            *error = tr("Cannot start the session sandbox: %1").arg(process->errorString());
        }
        return false;
    }
    d->agentPid = process->processId();
    qCDebug(lcSandbox) << "session" << d->sessionId << "started as" << isolationName() << "pid" << d->agentPid
                       << "pause method" << d->pauseMethod;
    return true;
}

SessionSandbox::Isolation SessionSandbox::isolation() const
{
    return d->isolation;
}

QString SessionSandbox::isolationName() const
{
    return d->isolation == Isolation::Bubblewrap ? QStringLiteral("bwrap") : QStringLiteral("process");
}

QString SessionSandbox::workspace() const
{
    return d->workspace;
}

QString SessionSandbox::workspaceInside() const
{
    return d->isolation == Isolation::Bubblewrap ? kInsideWorkspace : d->workspace;
}

void SessionSandbox::exec(const QString &command,
    const QString &cwd,
    const QMap<QString, QString> &env,
    int timeoutMs,
    QObject *context,
    std::function<void(const ExecResult &)> done)
{
    execWithInput(command, cwd, env, timeoutMs, {}, context, std::move(done));
}

void SessionSandbox::execWithInput(const QString &command,
    const QString &cwd,
    const QMap<QString, QString> &env,
    int timeoutMs,
    const QByteArray &stdinData,
    QObject *context,
    std::function<void(const ExecResult &)> done)
{
    Private::Pending pending{context, context != nullptr, std::move(done), nullptr};
    const auto fail = [this, &pending](const QString &message) {
        ExecResult result;
        result.error = message;
        deliverLater(pending.context, pending.hasContext, pending.done, result);
    };

    // cwd is relative to the workspace, or an absolute path inside it ("/workspace/..." is
    // understood in both isolation modes).
    const QString inside = workspaceInside();
    QString dir = inside;
    if (!cwd.isEmpty()) {
        QString absolute = QDir::isAbsolutePath(cwd) ? QDir::cleanPath(cwd) : QDir::cleanPath(inside + u'/' + cwd);
        if (absolute == kInsideWorkspace || absolute.startsWith(kInsideWorkspace + u'/')) {
            absolute = inside + absolute.mid(kInsideWorkspace.size());
        }
        if (absolute != inside && !absolute.startsWith(inside + u'/')) {
            fail(tr("The working directory %1 is outside the session workspace").arg(cwd));
            return;
        }
        dir = absolute;
    }
    if (!d->process) {
        QString error;
        if (!start(&error)) {
            fail(error);
            return;
        }
    }
    if (timeoutMs <= 0) {
        timeoutMs = 50000;
    }

    const quint64 id = d->nextId++;
    QJsonObject envObject;
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        envObject.insert(it.key(), it.value());
    }
    QJsonObject request{{QStringLiteral("id"), qint64(id)},
        {QStringLiteral("cmd"), command},
        {QStringLiteral("cwd"), dir},
        {QStringLiteral("env"), envObject},
        {QStringLiteral("timeout"), timeoutMs}};
    if (!stdinData.isNull()) {
        request.insert(QStringLiteral("stdin"), QString::fromLatin1(stdinData.toBase64()));
    }

    // The agent enforces the timeout; this timer only covers an agent that never answers.
    auto *backstop = new QTimer(this);
    backstop->setSingleShot(true);
    backstop->setInterval(timeoutMs + kBackstopGraceMs);
    connect(backstop, &QTimer::timeout, this, [this, id, backstop] {
        if (d->paused) {
            backstop->start(); // a frozen agent cannot answer; the clock restarts after resume
            return;
        }
        writeToAgent(QJsonObject{{QStringLiteral("id"), qint64(id)}, {QStringLiteral("kill"), true}});
        ExecResult result;
        result.timedOut = true;
        result.error = tr("The session sandbox did not answer in time");
        finishPending(id, result);
    });
    pending.backstop = backstop;
    d->pending.insert(id, std::move(pending));
    backstop->start();
    writeToAgent(request);
}

bool SessionSandbox::pause(QString *error)
{
    if (d->paused) {
        return true;
    }
    if (d->process && d->cgroup.version() != CgroupFreezer::Version::None) {
        if (!d->cgroup.freeze()) {
            if (error) {
                *error = tr("Cannot freeze the session's cgroup %1").arg(d->cgroup.path());
            }
            return false;
        }
    } else if (d->process) {
        d->stopped.clear();
        for (int pass = 0; pass < kSignalPasses; ++pass) {
            const QList<qint64> pids = processIds();
            for (const qint64 pid : pids) {
                if (::kill(pid_t(pid), SIGSTOP) == 0) {
                    d->stopped.insert(pid_t(pid));
                }
            }
        }
    }
    d->paused = true;
    return true;
}

bool SessionSandbox::resume(QString *error)
{
    if (!d->paused) {
        return true;
    }
    if (d->process && d->cgroup.version() != CgroupFreezer::Version::None) {
        if (!d->cgroup.thaw()) {
            if (error) {
                *error = tr("Cannot thaw the session's cgroup %1").arg(d->cgroup.path());
            }
            return false;
        }
    } else if (d->process) {
        // Children first (reverse of the stop order), so no parent sees a stopped child.
        for (int pass = 0; pass < 2; ++pass) {
            QList<qint64> pids = processIds();
            for (const pid_t pid : std::as_const(d->stopped)) {
                if (!pids.contains(pid)) {
                    pids.append(pid);
                }
            }
            for (auto it = pids.crbegin(); it != pids.crend(); ++it) {
                ::kill(pid_t(*it), SIGCONT);
            }
        }
        d->stopped.clear();
    }
    d->paused = false;
    // Execs whose backstop ran out while frozen get their full grace again.
    for (const Private::Pending &pending : std::as_const(d->pending)) {
        if (pending.backstop && !pending.backstop->isActive()) {
            pending.backstop->start();
        }
    }
    return true;
}

bool SessionSandbox::isPaused() const
{
    return d->paused;
}

QString SessionSandbox::pauseMethod() const
{
    return d->pauseMethod;
}

void SessionSandbox::terminate()
{
    QProcess *process = d->process;
    d->process = nullptr;
    if (process) {
        process->disconnect(this);
        const QList<qint64> pids = processIds(process);
        d->cgroup.killAll();
        for (int pass = 0; pass < kSignalPasses; ++pass) {
            for (const qint64 pid : pids) {
                ::kill(pid_t(pid), SIGKILL);
            }
        }
        for (const pid_t pid : std::as_const(d->stopped)) {
            ::kill(pid, SIGKILL);
        }
        process->kill();
        // Reaped without blocking: the QProcess goes away once it has seen the exit. The
        // application adopts it meanwhile, so one still unreaped at shutdown is deleted too.
        process->setParent(QCoreApplication::instance());
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
        }
    }
    d->cgroup.remove();
    d->stopped.clear();
    d->paused = false;
    d->agentPid = 0;
    d->pidNamespace.clear();

    // Queued: terminate() may run inside the owner's destructor, which must not re-enter.
    const QList<quint64> ids = d->pending.keys();
    for (const quint64 id : ids) {
        ExecResult result;
        result.error = tr("The session was terminated");
        finishPending(id, result, true);
    }
}

QList<qint64> SessionSandbox::processIds() const
{
    return processIds(d->process);
}

QList<qint64> SessionSandbox::processIds(QProcess *process) const
{
    QList<qint64> result;
    if (!process || d->agentPid <= 0) {
        return result;
    }
    const auto agent = pid_t(d->agentPid);
    QList<pid_t> pids;
    if (d->isolation == Isolation::Bubblewrap) {
        // Everything in the sandbox's pid namespace; bwrap's first child is its init there.
        if (d->pidNamespace.isEmpty()) {
            const QList<pid_t> children = ProcessScanner::childrenOf(agent);
            const QString ns = children.isEmpty() ? QString() : ProcessScanner::pidNamespaceOf(children.first());
            if (!ns.isEmpty() && ns != ProcessScanner::pidNamespaceOf(::getpid())) {
                d->pidNamespace = ns;
            }
        }
        pids = d->pidNamespace.isEmpty() ? ProcessScanner::descendantsOf(agent).mid(1)
                                         : ProcessScanner::pidsInNamespace(d->pidNamespace);
    } else {
        pids = ProcessScanner::descendantsOf(agent);
        const QList<pid_t> marked = ProcessScanner::pidsWithEnvironmentEntry(d->marker);
        for (const pid_t pid : marked) {
            if (!pids.contains(pid)) {
                pids.append(pid);
            }
        }
    }
    for (const pid_t pid : std::as_const(pids)) {
        if (pid != ::getpid()) {
            result.append(pid);
        }
    }
    return result;
}

void SessionSandbox::writeToAgent(const QJsonObject &message)
{
    if (d->process) {
        d->process->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    }
}

void SessionSandbox::handleAgentLine(const QByteArray &line)
{
    const QJsonObject message = QJsonDocument::fromJson(line).object();
    if (message.isEmpty()) {
        qCWarning(lcSandbox) << "unreadable line from the agent of" << d->sessionId;
        return;
    }
    if (message.value(QStringLiteral("ready")).toBool()) {
        return;
    }
    ExecResult result;
    if (message.contains(QStringLiteral("error"))) {
        result.error = message.value(QStringLiteral("error")).toString();
    } else {
        result.exitCode = message.value(QStringLiteral("code")).toInt(-1);
        result.timedOut = message.value(QStringLiteral("timedOut")).toBool();
        result.stdOut = agentOutput(message, QStringLiteral("out"));
        result.stdErr = agentOutput(message, QStringLiteral("err"));
        if (message.contains(QStringLiteral("overflow"))) {
            if (!result.stdErr.isEmpty() && !result.stdErr.endsWith('\n')) {
                result.stdErr += '\n';
            }
            result.stdErr += tr("[the command was killed: its output passed %1 bytes]")
                                 .arg(message.value(QStringLiteral("overflow")).toInteger())
                                 .toUtf8();
        }
    }
    finishPending(quint64(message.value(QStringLiteral("id")).toInteger()), result);
}

void SessionSandbox::finishPending(quint64 id, const ExecResult &result, bool queued)
{
    auto it = d->pending.find(id);
    if (it == d->pending.end()) {
        return;
    }
    Private::Pending pending = std::move(it.value());
    d->pending.erase(it);
    delete pending.backstop;
    if (queued) {
        deliverLater(pending.context, pending.hasContext, pending.done, result);
        return;
    }
    if (pending.hasContext && !pending.context) {
        return;
    }
    pending.done(result);
}

void SessionSandbox::agentGone(QProcess *process)
{
    if (d->process != process) {
        return;
    }
    qCWarning(lcSandbox) << "the sandbox of" << d->sessionId << "exited:" << process->errorString()
                         << d->stderrTail.trimmed();
    const QString reason = tr("The session sandbox exited unexpectedly: %1")
                               .arg(QString::fromLocal8Bit(d->stderrTail.trimmed()).right(500));
    d->process = nullptr;
    process->disconnect(this);
    process->deleteLater();
    d->agentPid = 0;
    d->pidNamespace.clear();
    const QList<quint64> ids = d->pending.keys();
    for (const quint64 id : ids) {
        ExecResult result;
        result.error = reason;
        finishPending(id, result);
    }
}

void SessionSandbox::deliverLater(const QPointer<QObject> &context,
    bool hasContext,
    const std::function<void(const ExecResult &)> &done,
    const ExecResult &result)
{
    QObject *receiver = hasContext ? context.data() : QCoreApplication::instance();
    if (!receiver) {
        return;
    }
    QMetaObject::invokeMethod(
        receiver,
        [context, hasContext, done, result] {
            if (!hasContext || context) {
                done(result);
            }
        },
        Qt::QueuedConnection);
}

} // namespace AgentBay::Server
