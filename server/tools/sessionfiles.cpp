// SPDX-License-Identifier: MIT
#include "sessionfiles.h"

#include <server/sandbox/sessionsandbox.h>
#include <server/tools/toolinvocation.h>

#include <QDir>
#include <QLocale>
#include <QPointer>

#include <cerrno>

namespace AgentBay::Server {

void SessionFiles::ask(const ToolInvocation &call, const AgentMessage &message, SandboxAgent::Callback done)
{
    SandboxAgent *agent = call.sandbox->agent();
    QString error;
    if (!agent && call.sandbox->start(&error)) {
        agent = call.sandbox->agent();
    }
    if (!agent) {
        SandboxAgent::Reply reply;
        reply.error = error.isEmpty() ? tr("The session's sandbox is not running") : error;
        QPointer<QObject> guard(call.receiver);
        QMetaObject::invokeMethod(
            call.receiver,
            [guard, done, reply] {
                if (guard) {
                    done(reply);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    agent->request(message, requestTimeoutMs, call.receiver, std::move(done));
}

AgentMessage SessionFiles::pathRequest(AgentProtocol::Op op, const QString &path)
{
    AgentMessage message(op, 0);
    message.add(AgentProtocol::Tag::Path, path.toStdString());
    return message;
}

QString SessionFiles::inside(const ToolInvocation &call, const QString &path)
{
    // Lexical only: nothing on the host is looked at.
    return QDir::cleanPath(QDir::isAbsolutePath(path) ? path : call.sandbox->workspaceInside() + u'/' + path);
}

QString SessionFiles::errorText(const SandboxAgent::Reply &reply, const QString &path)
{
    if (!reply.error.isEmpty()) {
        return reply.error;
    }
    switch (reply.errorNumber()) {
    case ENOENT:
        return tr("No such file or directory: %1").arg(path);
    case ENOTDIR:
        return tr("Not a directory: %1").arg(path);
    case EISDIR:
        return tr("%1 is a directory").arg(path);
    case EINVAL:
        return tr("%1 is not a regular file").arg(path);
    case EXDEV:
        return tr("Access denied: %1 is outside the session workspace").arg(path);
    case ELOOP:
        return tr("Access denied: %1 leads through too many or forbidden symbolic links").arg(path);
    case EBUSY:
        return tr("The workspace root itself cannot be changed");
    case EDQUOT:
        return tr("Cannot write %1: the session's workspace quota (%2) has %3 in use")
            .arg(path,
                QLocale::c().formattedDataSize(
                    reply.message.integer(AgentProtocol::Tag::QuotaLimit), 1, QLocale::DataSizeTraditionalFormat),
                QLocale::c().formattedDataSize(
                    reply.message.integer(AgentProtocol::Tag::QuotaUsed), 1, QLocale::DataSizeTraditionalFormat));
    case EACCES:
    case EPERM:
        return tr("Permission denied: %1").arg(path);
    default:
        return tr("%1: %2").arg(path, qt_error_string(reply.errorNumber()));
    }
}

QString SessionFiles::name(std::string_view bytes)
{
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

} // namespace AgentBay::Server
