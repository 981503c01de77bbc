// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

class QCommandLineOption;
class QCommandLineParser;

namespace AgentBay::Server {

// agentbay-local's command-line options for its sessions' walls: --network, the limits
// (--session-pids, --session-memory, --session-cpu-weight, --session-tmp-size,
// --workspace-quota) and --allow-unsandboxed; applied to every session started afterwards.
class SandboxOptions
{
    Q_DECLARE_TR_FUNCTIONS(SandboxOptions)

public:
    static void addTo(QCommandLineParser &parser);
    // Checks and applies the values; false with error naming the option otherwise.
    static bool apply(const QCommandLineParser &parser, QString *error);

    // What the server's sessions get, for the discovery file and the log: sandboxed or not
    // (and why), network default, limits.
    static QJsonObject serverInfo();
    // A line for stderr when sessions run without a sandbox, else empty.
    static QString warning();

    // --allow-unsandboxed: without bubblewrap, sessions run as plain processes instead of being
    // refused. AGENTBAY_LOCAL_ISOLATION=process forces plain processes, an opt-in of its own.
    static void setAllowUnsandboxed(bool allow);
    static bool allowUnsandboxed();
    static bool plainProcessesForced();
    // Whether new sessions run without a sandbox (allowed, and bubblewrap unusable or forced).
    static bool serverUnsandboxed();
    // Why CreateMcpSession is refused without a sandbox, and the fixes.
    static QString refusal(const QString &cause);
};

} // namespace AgentBay::Server
