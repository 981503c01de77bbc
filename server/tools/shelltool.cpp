// SPDX-License-Identifier: MIT
#include "shelltool.h"

#include <server/sandbox/sessionsandbox.h>
#include <server/tools/sessionfiles.h>
#include <server/tools/toolinvocation.h>

#include <QFileInfo>
#include <QRandomGenerator>

namespace AgentBay::Server {

namespace {

QString newTraceId()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0')
        + QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0');
}

} // namespace

void ShellTool::run(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString command = a.string(QStringLiteral("command"), true);
    const int timeoutMs = int(a.integer(QStringLiteral("timeout_ms"), 1, maxTimeoutMs, defaultTimeoutMs));
    const QString cwd = a.string(QStringLiteral("cwd"), false);
    const QMap<QString, QString> envs = a.stringMap(QStringLiteral("envs"));
    const ToolResult::Done deliver = call.deliver;
    if (!a.ok()) {
        deliver(ToolResult::error(a.error()));
        return;
    }
    if (!cwd.isEmpty()) {
        // The working directory is the session's: its agent looks at it, inside the sandbox.
        SessionFiles::ask(call,
            SessionFiles::pathRequest(AgentProtocol::Op::Stat, cwd),
            [call, command, cwd, envs, timeoutMs](const SandboxAgent::Reply &r) {
                const std::optional<AgentEntry> entry = AgentEntry::decode(r.message.text(AgentProtocol::Tag::Entry));
                if (!r.ok() || !entry) {
                    return call.deliver(ToolResult::error(SessionFiles::errorText(r, cwd)));
                }
                if (!entry->isDirectory()) {
                    return call.deliver(ToolResult::error(tr("The working directory %1 is not a directory").arg(cwd)));
                }
                execute(call, command, SessionFiles::inside(call, cwd), envs, timeoutMs);
            });
        return;
    }
    execute(call, command, {}, envs, timeoutMs);
}

void ShellTool::execute(const ToolInvocation &call,
    const QString &command,
    const QString &cwdInside,
    const QMap<QString, QString> &envs,
    int timeoutMs)
{
    const ToolResult::Done deliver = call.deliver;
    call.sandbox->exec(
        command, cwdInside, envs, timeoutMs, call.receiver, [deliver, timeoutMs](const SessionSandbox::ExecResult &r) {
            if (!r.error.isEmpty() && !r.timedOut) {
                deliver(ToolResult::error(r.error));
                return;
            }
            QString stdErr = QString::fromUtf8(r.stdErr);
            const int exitCode = r.timedOut ? timeoutExitCode : r.exitCode;
            if (r.timedOut) {
                if (!stdErr.isEmpty() && !stdErr.endsWith(u'\n')) {
                    stdErr += u'\n';
                }
                stdErr += tr("Command timed out after %1 ms and was killed").arg(timeoutMs);
            }
            QJsonObject payload{{QStringLiteral("stdout"), QString::fromUtf8(r.stdOut)},
                {QStringLiteral("stderr"), stdErr},
                {QStringLiteral("exit_code"), exitCode},
                {QStringLiteral("traceId"), exitCode == 0 ? QString() : newTraceId()}};
            if (exitCode != 0) {
                payload.insert(QStringLiteral("errorCode"), exitCode);
            }
            deliver(ToolResult::text(ToolResult::compactJson(payload), exitCode != 0));
        });
}

} // namespace AgentBay::Server
