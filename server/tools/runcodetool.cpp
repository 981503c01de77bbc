// SPDX-License-Identifier: MIT
#include "runcodetool.h"

#include <server/sandbox/sandboxagent.h>
#include <server/sandbox/sessionsandbox.h>
#include <server/tools/toolinvocation.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>

namespace AgentBay::Server {

void RunCodeTool::run(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString code = a.string(QStringLiteral("code"), true);
    const QString language = a.string(QStringLiteral("language"), false, QStringLiteral("python")).toLower();
    const int timeoutS = int(a.integer(QStringLiteral("timeout_s"), 1, maxTimeoutS, defaultTimeoutS));
    const ToolResult::Done deliver = call.deliver;
    if (!a.ok()) {
        deliver(ToolResult::error(a.error()));
        return;
    }
    QString runner;
    QString command;
    if (language == u"python" || language == u"python3" || language == u"py") {
        runner = SandboxAgent::pythonRunner();
        command = QStringLiteral("exec python3 -c \"$AGENTBAY_RUNNER\"");
    } else if (language == u"javascript" || language == u"js" || language == u"node" || language == u"nodejs") {
        if (!QFileInfo(QStringLiteral("/usr/bin/node")).isExecutable()
            && !QFileInfo(QStringLiteral("/usr/local/bin/node")).isExecutable()) {
            deliver(ToolResult::error(tr("javascript is not available: node is not installed")));
            return;
        }
        runner = SandboxAgent::javascriptRunner();
        command = QStringLiteral("exec node -e \"$AGENTBAY_RUNNER\"");
    } else {
        deliver(ToolResult::error(
            tr("Unsupported language \"%1\"; this session runs python and javascript").arg(language)));
        return;
    }
    QElapsedTimer started;
    started.start();
    const QMap<QString, QString> env{{QStringLiteral("AGENTBAY_RUNNER"), runner}};
    call.sandbox->execWithInput(command,
        {},
        env,
        timeoutS * 1000,
        code.toUtf8(),
        call.receiver,
        [deliver, timeoutS, started](const SessionSandbox::ExecResult &r) {
            if (!r.error.isEmpty() && !r.timedOut) {
                deliver(ToolResult::error(r.error));
                return;
            }
            QByteArray out = r.stdOut;
            QJsonObject summary;
            const qsizetype at = out.lastIndexOf(SandboxAgent::marker());
            if (at >= 0) {
                summary = QJsonDocument::fromJson(out.mid(at + SandboxAgent::marker().size())).object();
                out.truncate(at > 0 && out.at(at - 1) == '\n' ? at - 1 : at);
            }
            QString executionError = summary.value(QStringLiteral("executionError")).toString();
            if (r.timedOut) {
                executionError = tr("Execution timed out after %1 s").arg(timeoutS);
            } else if (at < 0 && executionError.isEmpty()) {
                executionError = tr("The interpreter exited with code %1").arg(r.exitCode);
            }
            const QString stdOut = QString::fromUtf8(out);
            const QString stdErr = QString::fromUtf8(r.stdErr);
            const QJsonObject payload{{QStringLiteral("result"), summary.value(QStringLiteral("result")).toArray()},
                {QStringLiteral("stdout"), stdOut.isEmpty() ? QJsonArray() : QJsonArray{stdOut}},
                {QStringLiteral("stderr"), stdErr.isEmpty() ? QJsonArray() : QJsonArray{stdErr}},
                {QStringLiteral("executionError"), executionError},
                {QStringLiteral("execution_time"), double(started.elapsed()) / 1000.0}};
            deliver(ToolResult::text(ToolResult::compactJson(payload)));
        });
}

} // namespace AgentBay::Server
