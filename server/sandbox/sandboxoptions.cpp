// SPDX-License-Identifier: MIT
#include "sandboxoptions.h"

#include <server/sandbox/sandboxlimits.h>
#include <server/sandbox/sessionnetwork.h>
#include <server/sandbox/sessionsandbox.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <atomic>

namespace AgentBay::Server {

namespace {

std::atomic<bool> g_allowUnsandboxed{false};

QCommandLineOption option(const char *name, const QString &description, const char *valueName = nullptr)
{
    return valueName ? QCommandLineOption(QString::fromLatin1(name), description, QString::fromLatin1(valueName))
                     : QCommandLineOption(QString::fromLatin1(name), description);
}

} // namespace

void SandboxOptions::addTo(QCommandLineParser &parser)
{
    const SandboxLimits defaults;
    parser.addOption(option("network",
        tr("Network of new sessions: \"user\" (outbound internet through slirp4netns, as rootless Podman) or "
           "\"none\" (only the session's own loopback). Every session has a network namespace of its own either "
           "way: no host loopback service, no host abstract socket. Default: user where it can work, else none. "
           "A session may ask otherwise at create (NetworkMode)."),
        "MODE"));
    parser.addOption(option("session-pids",
        tr("Processes and threads one session may have (cgroup pids.max; default %1, 0 = no limit).")
            .arg(defaults.pidsMax),
        "N"));
    parser.addOption(option("session-memory",
        tr("Memory one session may use, e.g. 512M or 2G (cgroup memory.max; default %1, 0 = no limit).")
            .arg(SandboxLimits::formatSize(defaults.memoryMax)),
        "SIZE"));
    parser.addOption(option("session-cpu-weight",
        tr("CPU share of one session against the others, 1 to 10000 (cgroup cpu.weight; default %1).")
            .arg(defaults.cpuWeight),
        "N"));
    parser.addOption(option("session-tmp-size",
        tr("Size of each session's private /tmp, a tmpfs in its memory (default %1, 0 = no limit).")
            .arg(SandboxLimits::formatSize(defaults.tmpSize)),
        "SIZE"));
    parser.addOption(option("workspace-quota",
        tr("Total size of each session's workspace (default %1, 0 = no limit). A session past it has its "
           "processes stopped and its calls fail saying so until files are deleted; no single file grows past it "
           "(RLIMIT_FSIZE).")
            .arg(SandboxLimits::formatSize(defaults.workspaceQuota)),
        "SIZE"));
    parser.addOption(option("allow-unsandboxed",
        tr("Where bubblewrap cannot build a sandbox, run sessions as plain processes with this user's rights (no "
           "security boundary) instead of refusing CreateMcpSession. server.json then says \"sandboxed\": "
           "false.")));
}

bool SandboxOptions::apply(const QCommandLineParser &parser, QString *error)
{
    SandboxLimits limits;
    const auto size = [&parser, error](const char *name, qint64 *value) {
        const QString text = parser.value(QString::fromLatin1(name));
        if (text.isEmpty()) {
            return true;
        }
        const qint64 parsed = SandboxLimits::parseSize(text);
        if (parsed < 0) {
            *error = tr("--%1 must be a size such as 512M, 2G or 0, not '%2'").arg(QString::fromLatin1(name), text);
            return false;
        }
        *value = parsed;
        return true;
    };
    const auto number = [&parser, error](const char *name, qint64 min, qint64 max, qint64 *value) {
        const QString text = parser.value(QString::fromLatin1(name));
        if (text.isEmpty()) {
            return true;
        }
        bool ok = false;
        const qint64 parsed = text.toLongLong(&ok);
        if (!ok || parsed < min || parsed > max) {
            *error = tr("--%1 must be a number from %2 to %3, not '%4'")
                         .arg(QString::fromLatin1(name))
                         .arg(min)
                         .arg(max)
                         .arg(text);
            return false;
        }
        *value = parsed;
        return true;
    };
    qint64 cpuWeight = limits.cpuWeight;
    if (!number("session-pids", 0, 4194304, &limits.pidsMax) || !size("session-memory", &limits.memoryMax)
        || !number("session-cpu-weight", 1, 10000, &cpuWeight) || !size("session-tmp-size", &limits.tmpSize)
        || !size("workspace-quota", &limits.workspaceQuota)) {
        return false;
    }
    limits.cpuWeight = int(cpuWeight);
    const QString network = parser.value(QStringLiteral("network"));
    if (!network.isEmpty()) {
        const auto mode = SessionNetwork::parseMode(network);
        if (!mode) {
            *error = tr("--network must be \"user\" or \"none\", not '%1'").arg(network);
            return false;
        }
        QString reason;
        if (*mode == SessionNetwork::Mode::User && !SessionNetwork::userModeAvailable(&reason)) {
            *error = tr("--network=user cannot work here: %1").arg(reason);
            return false;
        }
        SessionNetwork::setServerDefault(*mode);
    }
    SandboxLimits::setServerDefault(limits);
    setAllowUnsandboxed(parser.isSet(QStringLiteral("allow-unsandboxed")));
    return true;
}

QJsonObject SandboxOptions::serverInfo()
{
    QString reason;
    const bool bwrap = SessionSandbox::bubblewrapAvailable(&reason);
    const bool unsandboxed = serverUnsandboxed();
    QJsonObject info{{QStringLiteral("sandboxed"), !unsandboxed},
        {QStringLiteral("isolation"), unsandboxed ? QStringLiteral("process") : QStringLiteral("bwrap")},
        {QStringLiteral("network"), SessionNetwork::modeName(SessionNetwork::serverDefault())},
        {QStringLiteral("limits"), SandboxLimits::serverDefault().toJson()}};
    if (!bwrap) {
        info.insert(QStringLiteral("sandboxProblem"), reason);
        if (!unsandboxed) {
            info.insert(QStringLiteral("sessionsRefused"), true); // until --allow-unsandboxed or a fix
        }
    }
    if (unsandboxed) {
        info.insert(QStringLiteral("warning"), warning());
    }
    return info;
}

QString SandboxOptions::warning()
{
    if (!serverUnsandboxed()) {
        return {};
    }
    QString reason;
    SessionSandbox::bubblewrapAvailable(&reason);
    return tr("WARNING: sessions run WITHOUT a sandbox, as plain processes with this user's rights (%1)")
        .arg(reason.isEmpty() ? tr("plain processes were asked for") : reason);
}

void SandboxOptions::setAllowUnsandboxed(bool allow)
{
    g_allowUnsandboxed.store(allow);
}

bool SandboxOptions::allowUnsandboxed()
{
    return g_allowUnsandboxed.load() || plainProcessesForced();
}

bool SandboxOptions::plainProcessesForced()
{
    return qEnvironmentVariable("AGENTBAY_LOCAL_ISOLATION") == u"process";
}

bool SandboxOptions::serverUnsandboxed()
{
    return allowUnsandboxed() && (plainProcessesForced() || !SessionSandbox::bubblewrapAvailable());
}

QString SandboxOptions::refusal(const QString &cause)
{
    return tr("No sandbox for sessions on this machine: %1. Fix: install bubblewrap and allow unprivileged user "
              "namespaces (on Ubuntu 24.04 and later load the bwrap-userns-restrict AppArmor profile, or set "
              "kernel.apparmor_restrict_unprivileged_userns=0), or start agentbay-local with --allow-unsandboxed "
              "to run sessions as plain processes with your rights (no security boundary).")
        .arg(cause);
}

} // namespace AgentBay::Server
