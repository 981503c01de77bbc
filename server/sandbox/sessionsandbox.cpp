// SPDX-License-Identifier: MIT
#include "sessionsandbox.h"

#include <server/sandbox/bubblewrapcommand.h>
#include <server/sandbox/queuedcall.h>
#include <server/sandbox/sandboxagent.h>
#include <server/sandbox/sandboxoptions.h>
#include <server/sandbox/sessionprocesses.h>
#include <server/sandbox/stderrtail.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcSandbox, "agentbay.server.sessionsandbox")

namespace AgentBay::Server {

namespace {

const QString kInsideWorkspace = QStringLiteral("/workspace");
const QString kPath = QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
// How long past its own timeout an exec may stay unanswered before the host gives up on it.
constexpr int kBackstopGraceMs = SandboxAgent::execGraceMs;

QStringList quotaArguments(const SandboxLimits &limits)
{
    return limits.workspaceQuota > 0 ? QStringList{QStringLiteral("--quota"), QString::number(limits.workspaceQuota)}
                                     : QStringList();
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
        CgroupSet::Counters limitsBefore; // the session's limit counters when the call started
    };

    QString sessionId;
    QString workspace;
    Isolation isolation = Isolation::Process;
    QString isolationProblem; // why bubblewrap is not used
    QProcess *process = nullptr;
    SandboxAgent *agent = nullptr; // the channel to agentbay-agent inside
    qint64 agentPid = 0; // as the host sees it (bwrap's pid in bubblewrap mode)
    CgroupSet cgroups;
    SessionProcesses processes;
    SandboxLimits limits = SandboxLimits::serverDefault();
    SessionNetwork::Mode networkMode = SessionNetwork::serverDefault();
    SessionNetwork *network = nullptr;
    std::unique_ptr<BubblewrapCommand> command;
    QByteArray marker;
    bool paused = false;
    quint64 nextId = 1;
    QHash<quint64, Pending> pending;
    std::unique_ptr<StderrTail> stderrTail; // bwrap's errors, kept for the exit message
};

SessionSandbox::SessionSandbox(const QString &sessionId, const QString &workspace, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->sessionId = sessionId;
    d->workspace = QDir::cleanPath(QDir(workspace).absolutePath());
    d->marker = "AGENTBAY_SANDBOX_TOKEN=" + randomToken().toLatin1();
    if (SandboxOptions::plainProcessesForced()) {
        d->isolationProblem = tr("plain processes forced by AGENTBAY_LOCAL_ISOLATION=process");
    } else if (bubblewrapAvailable(&d->isolationProblem)) {
        d->isolation = Isolation::Bubblewrap;
    }
}

SessionSandbox::~SessionSandbox()
{
    terminate();
}

bool SessionSandbox::bubblewrapAvailable(QString *reason)
{
    return BubblewrapCommand::works(reason);
}

void SessionSandbox::setNetworkMode(SessionNetwork::Mode mode)
{
    d->networkMode = mode;
}

void SessionSandbox::setLimits(const SandboxLimits &limits)
{
    d->limits = limits;
}

SandboxLimits SessionSandbox::limits() const
{
    return d->limits;
}

qint64 SessionSandbox::memoryCurrent() const
{
    return d->process ? d->cgroups.memoryCurrent() : -1;
}

qint64 SessionSandbox::memoryLimit() const
{
    return d->process ? d->cgroups.memoryLimit() : -1;
}

bool SessionSandbox::start(QString *error)
{
    if (d->process) {
        return true;
    }
    if (d->isolation == Isolation::Process && !SandboxOptions::allowUnsandboxed()) {
        if (error) {
            *error = SandboxOptions::refusal(d->isolationProblem);
        }
        return false;
    }
    const QString agentProgram = SandboxAgent::programPath();
    if (!QFileInfo(agentProgram).isExecutable()) {
        if (error) {
            *error = tr("The session agent %1 is missing; reinstall agentbay-local").arg(agentProgram);
        }
        return false;
    }
    if (!QDir().mkpath(d->workspace)) {
        if (error) {
            *error = tr("Cannot create the session workspace %1").arg(d->workspace);
        }
        return false;
    }
    if (d->isolation == Isolation::Bubblewrap && !SessionNetwork::canRun(d->networkMode, error)) {
        return false;
    }

    QElapsedTimer phase; // where a start spends its time, for the debug log
    phase.start();
    d->cgroups.create(d->sessionId, d->limits);
    const qint64 cgroupsNs = phase.nsecsElapsed();
    const QList<QByteArray> procsFiles = d->cgroups.procsFiles();

    // The agent's channel: a unix socket (server/agent/agentprotocol.h).
    int channel[2] = {-1, -1};
    d->stderrTail = std::make_unique<StderrTail>(4096);
    if (!d->stderrTail->open() || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) != 0) {
        if (error) {
            *error = tr("Cannot create the channel to the session agent: %1").arg(qt_error_string(errno));
        }
        return false;
    }
    const int agentEnd = channel[1];
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
        BubblewrapCommand::prepareWorkspace(d->workspace);
        env.insert(QStringLiteral("USER"), QStringLiteral("agentbay"));
        env.insert(QStringLiteral("LOGNAME"), QStringLiteral("agentbay"));
        d->network = new SessionNetwork(d->networkMode, this);
        BubblewrapCommand::Options options;
        options.sessionId = d->sessionId;
        options.workspace = d->workspace;
        options.program = agentProgram;
        options.arguments = quotaArguments(d->limits);
        options.channelFd = agentEnd;
        options.stderrFd = d->stderrTail->childEnd();
        options.environment = env;
        options.tmpSize = d->limits.tmpSize;
        options.fileSizeMax = d->limits.workspaceQuota;
        options.resolvConf = d->network->resolvConf();
        // Cgroups joined after the fork (adoptLater: a move can take ~15 ms) at the gate.
        options.gate = !procsFiles.isEmpty();
        d->command = std::make_unique<BubblewrapCommand>();
        if (!d->command->prepare(options, error)) {
            delete process;
            d->command.reset();
            ::close(channel[0]);
            ::close(channel[1]);
            return false;
        }
        process->setProgram(d->command->program());
        process->setArguments(d->command->arguments());
        // The environment is set by bwrap itself (--clearenv): the server's own, which may
        // hold an API key, never reaches the session.
        process->setProcessEnvironment(QProcessEnvironment());
        // Between fork and exec: the namespaces and the uid (BubblewrapCommand::enterChild).
        const BubblewrapCommand *command = d->command.get();
        process->setChildProcessModifier([command] {
            command->enterChild();
        });
    } else {
        QProcessEnvironment processEnv;
        for (auto it = env.cbegin(); it != env.cend(); ++it) {
            processEnv.insert(it.key(), it.value());
        }
        process->setProcessEnvironment(processEnv);
        process->setWorkingDirectory(d->workspace);
        process->setProgram(agentProgram);
        process->setArguments(QStringList{QStringLiteral("--workspace"), d->workspace} + quotaArguments(d->limits));
        process->setChildProcessModifier([procsFiles, agentEnd, stderrEnd = d->stderrTail->childEnd()] {
            ::setsid();
            ::dup2(agentEnd, 0);
            ::dup2(stderrEnd, 2);
            CgroupSet::joinFromChild(procsFiles);
        });
    }

    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardErrorFile(QProcess::nullDevice()); // replaced by the tail's socket
    connect(process, &QProcess::finished, this, [this, process] {
        agentGone(process);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError processError) {
        if (processError == QProcess::FailedToStart) {
            agentGone(process);
        }
    });

    d->process = process;
    d->paused = false;
    const qint64 preparedNs = phase.nsecsElapsed();
    process->start(QIODevice::ReadOnly | QIODevice::Unbuffered);
    const qint64 spawnedNs = phase.nsecsElapsed();
    if (d->command) {
        d->command->closeChildEnds();
    }
    d->stderrTail->closeChildEnd();
    ::close(agentEnd);
    if (d->process != process || process->processId() <= 0) {
        ::close(channel[0]);
        if (error) {
            *error = tr("Cannot start the session sandbox: %1").arg(process->errorString());
        }
        return false;
    }
    d->agent = new SandboxAgent(channel[0], this);
    // A broken or hostile agent ends this session's sandbox, never the server.
    connect(d->agent, &SandboxAgent::failed, this, [this, process](const QString &reason) {
        qCWarning(lcSandbox) << "the agent of" << d->sessionId << "failed:" << reason;
        const QList<quint64> ids = d->pending.keys();
        for (const quint64 id : ids) {
            ExecResult result;
            result.error = reason;
            finishPending(id, result);
        }
        if (d->process == process) {
            process->kill();
        }
    });
    d->agentPid = process->processId();
    d->processes.reset(d->agentPid, d->isolation == Isolation::Bubblewrap, d->marker);
    if (d->network) {
        // The agent starts once the network is up (or absent) and the cgroups hold everything.
        auto waiting = std::make_shared<int>(2);
        const auto oneReady = [this, waiting] {
            if (--*waiting == 0 && d->command) {
                d->command->unblock();
            }
        };
        connect(d->network, &SessionNetwork::ready, this, oneReady);
        d->network->start(d->agentPid, {});
        d->cgroups.adoptLater({d->agentPid, d->network->helperPid()}, [this, oneReady, process] {
            if (d->process == process && d->command) {
                d->command->openGate();
            }
            oneReady();
        });
    }
    qCDebug(lcSandbox) << "session" << d->sessionId << "started as" << isolationName() << "pid" << d->agentPid
                       << "pause method" << d->cgroups.pauseMethod() << "in ms: cgroups" << cgroupsNs / 1e6 << "prepare"
                       << (preparedNs - cgroupsNs) / 1e6 << "spawn" << (spawnedNs - preparedNs) / 1e6
                       << "network helper" << (phase.nsecsElapsed() - spawnedNs) / 1e6;
    return true;
}

QJsonObject SessionSandbox::describe() const
{
    const bool bwrap = d->isolation == Isolation::Bubblewrap;
    QJsonObject json{{QStringLiteral("isolation"), isolationName()},
        {QStringLiteral("sandboxed"), bwrap},
        {QStringLiteral("pauseMethod"), d->cgroups.pauseMethod()}};
    if (!bwrap) {
        json.insert(QStringLiteral("unsandboxedReason"), d->isolationProblem);
        json.insert(QStringLiteral("warning"),
            tr("This session runs as plain processes with the server user's rights: no security boundary."));
        return json;
    }
    const QJsonObject walls = BubblewrapCommand::toJson();
    for (auto it = walls.begin(); it != walls.end(); ++it) {
        json.insert(it.key(), it.value());
    }
    json.insert(QStringLiteral("network"), d->network ? d->network->toJson() : QJsonObject{});
    json.insert(QStringLiteral("limits"), d->cgroups.toJson());
    return json;
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
    Private::Pending pending{context, context != nullptr, std::move(done), nullptr, d->cgroups.counters()};
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
    // The agent enforces the timeout; this timer only covers an agent that never answers.
    auto *backstop = new QTimer(this);
    backstop->setSingleShot(true);
    backstop->setInterval(timeoutMs + kBackstopGraceMs);
    connect(backstop, &QTimer::timeout, this, [this, id, backstop] {
        if (d->paused) {
            backstop->start(); // a frozen agent cannot answer; the clock restarts after resume
            return;
        }
        ExecResult result;
        result.timedOut = true;
        result.error = tr("The session sandbox did not answer in time");
        finishPending(id, result);
    });
    pending.backstop = backstop;
    d->pending.insert(id, std::move(pending));
    backstop->start();
    d->agent->exec(command, dir, env, timeoutMs, stdinData, this, [this, id](const ExecResult &result) {
        finishPending(id, result);
    });
}

bool SessionSandbox::pause(QString *error)
{
    if (d->paused) {
        return true;
    }
    if (d->process && d->cgroups.canFreeze()) {
        if (!d->cgroups.freeze(error)) {
            return false;
        }
    } else if (d->process) {
        d->processes.stopAll();
    }
    d->paused = true;
    if (d->agent) {
        d->agent->setPaused(true);
    }
    return true;
}

bool SessionSandbox::resume(QString *error)
{
    if (!d->paused) {
        return true;
    }
    if (d->process && d->cgroups.canFreeze()) {
        if (!d->cgroups.thaw(error)) {
            return false;
        }
    } else if (d->process) {
        d->processes.continueAll();
    }
    d->paused = false;
    if (d->agent) {
        d->agent->setPaused(false);
    }
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
    return d->cgroups.pauseMethod();
}

void SessionSandbox::terminate()
{
    QProcess *process = d->process;
    d->process = nullptr;
    delete d->agent; // closing the channel ends the agent and every process it started
    d->agent = nullptr;
    if (process) {
        process->disconnect(this);
        d->cgroups.killAll();
        d->processes.killAll();
        process->kill();
        // Reaped without blocking: the QProcess goes away once it has seen the exit. The
        // application adopts it meanwhile, so one still unreaped at shutdown is deleted too.
        process->setParent(QCoreApplication::instance());
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
        }
    }
    stopNetwork();
    d->cgroups.remove();
    d->processes.reset(0, false, {});
    d->paused = false;
    d->agentPid = 0;

    // Queued: terminate() may run inside the owner's destructor, which must not re-enter.
    const QList<quint64> ids = d->pending.keys();
    for (const quint64 id : ids) {
        ExecResult result;
        result.error = tr("The session was terminated");
        finishPending(id, result, true);
    }
}

SandboxAgent *SessionSandbox::agent() const
{
    return d->agent;
}

QList<qint64> SessionSandbox::processIds() const
{
    return d->process ? d->processes.pids() : QList<qint64>();
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
    ExecResult noted = result;
    noteLimits(pending.limitsBefore, &noted);
    if (queued) {
        deliverLater(pending.context, pending.hasContext, pending.done, noted);
        return;
    }
    if (pending.hasContext && !pending.context) {
        return;
    }
    pending.done(noted);
}

void SessionSandbox::noteLimits(const CgroupSet::Counters &before, ExecResult *result) const
{
    d->cgroups.addLimitNotes(before, &result->stdErr, &result->error);
}

void SessionSandbox::agentGone(QProcess *process)
{
    if (d->process != process) {
        return;
    }
    qCWarning(lcSandbox) << "the sandbox of" << d->sessionId << "exited:" << process->errorString()
                         << d->stderrTail->tail().trimmed();
    const QString reason = tr("The session sandbox exited unexpectedly: %1")
                               .arg(QString::fromLocal8Bit(d->stderrTail->tail().trimmed()).right(500));
    d->process = nullptr;
    delete d->agent;
    d->agent = nullptr;
    process->disconnect(this);
    process->deleteLater();
    d->agentPid = 0;
    d->processes.reset(0, false, {});
    // What outlived the sandbox goes too: the network helper, which would otherwise keep the
    // dead session's namespace, and anything left in its cgroups.
    d->cgroups.killAll();
    stopNetwork();
    const QList<quint64> ids = d->pending.keys();
    for (const quint64 id : ids) {
        ExecResult result;
        result.error = reason;
        finishPending(id, result);
    }
}

void SessionSandbox::stopNetwork()
{
    if (d->network) {
        d->network->stop();
        d->network->deleteLater();
        d->network = nullptr;
    }
    d->command.reset();
}

void SessionSandbox::deliverLater(const QPointer<QObject> &context,
    bool hasContext,
    const std::function<void(const ExecResult &)> &done,
    const ExecResult &result)
{
    QueuedCall::post(context.data(), hasContext, [done, result] {
        done(result);
    });
}

} // namespace AgentBay::Server
