// SPDX-License-Identifier: MIT
#include "sessionsandbox.h"

namespace AgentBay::Server {

SessionSandbox::SessionSandbox(const QString &sessionId, const QString &workspace, QObject *parent)
    : QObject(parent)
{
    Q_UNUSED(sessionId);
    Q_UNUSED(workspace);
}

SessionSandbox::~SessionSandbox() = default;

bool SessionSandbox::bubblewrapAvailable()
{
    return false;
}

bool SessionSandbox::start(QString *error)
{
    Q_UNUSED(error);
    return true;
}

SessionSandbox::Isolation SessionSandbox::isolation() const
{
    return Isolation::Process;
}

QString SessionSandbox::isolationName() const
{
    return QStringLiteral("process");
}

QString SessionSandbox::workspace() const
{
    return {};
}

QString SessionSandbox::workspaceInside() const
{
    return {};
}

void SessionSandbox::exec(const QString &command,
    const QString &cwd,
    const QMap<QString, QString> &env,
    int timeoutMs,
    QObject *context,
    std::function<void(const ExecResult &)> done)
{
    Q_UNUSED(command);
    Q_UNUSED(cwd);
    Q_UNUSED(env);
    Q_UNUSED(timeoutMs);
    Q_UNUSED(context);
    ExecResult r;
    r.error = QStringLiteral("not implemented");
    done(r);
}

bool SessionSandbox::pause(QString *error)
{
    Q_UNUSED(error);
    return false;
}

bool SessionSandbox::resume(QString *error)
{
    Q_UNUSED(error);
    return false;
}

bool SessionSandbox::isPaused() const
{
    return false;
}

QString SessionSandbox::pauseMethod() const
{
    return QStringLiteral("sigstop");
}

void SessionSandbox::terminate()
{
}

} // namespace AgentBay::Server
