// SPDX-License-Identifier: MIT
#include "filetools.h"

#include <server/sandbox/sessionsandbox.h>
#include <server/tools/sessionfiles.h>
#include <server/tools/toolinvocation.h>

#include <QDateTime>
#include <QFileInfo>

#include <sys/stat.h>

#include <cerrno>
#include <limits>

namespace AgentBay::Server {

namespace {

using AgentProtocol::Op;
using Tag = AgentProtocol::Tag;

QString permissionString(const AgentEntry &entry)
{
    QString text = entry.isSymlink() ? QStringLiteral("l")
        : entry.isDirectory()        ? QStringLiteral("d")
                                     : QStringLiteral("-");
    const char letters[] = "rwxrwxrwx";
    for (int bit = 0; bit < 9; ++bit) {
        text += entry.mode & (0400u >> bit) ? QChar(QLatin1Char(letters[bit])) : QChar(u'-');
    }
    return text;
}

QString isoUtc(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

void FileTools::getFileInfo(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    const QString inside = SessionFiles::inside(call, path);
    const ToolResult::Done deliver = call.deliver;
    SessionFiles::ask(
        call, SessionFiles::pathRequest(Op::Stat, path), [deliver, path, inside](const SandboxAgent::Reply &r) {
            const std::optional<AgentEntry> entry = AgentEntry::decode(r.message.text(Tag::Entry));
            if (!r.ok() || !entry) {
                return deliver(ToolResult::error(SessionFiles::errorText(r, path)));
            }
            const QString name = inside == u"/" ? QStringLiteral("/") : QFileInfo(inside).fileName();
            const QStringList lines{QStringLiteral("name: ") + name,
                QStringLiteral("path: ") + inside,
                QStringLiteral("size: ") + QString::number(entry->isDirectory() ? 0 : entry->size),
                QStringLiteral("isDirectory: ")
                    + (entry->isDirectory() ? QStringLiteral("true") : QStringLiteral("false")),
                QStringLiteral("isFile: ") + (entry->isFile() ? QStringLiteral("true") : QStringLiteral("false")),
                QStringLiteral("permissions: ") + permissionString(*entry),
                QStringLiteral("modified: ") + isoUtc(entry->modifiedMs)};
            deliver(ToolResult::text(lines.join(u'\n')));
        });
}

void FileTools::listDirectory(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    const ToolResult::Done deliver = call.deliver;
    SessionFiles::ask(
        call, SessionFiles::pathRequest(Op::ReadDir, path), [deliver, path](const SandboxAgent::Reply &r) {
            if (!r.ok()) {
                return deliver(ToolResult::error(SessionFiles::errorText(r, path)));
            }
            QStringList lines;
            for (const std::string_view value : r.message.all(Tag::Entry)) {
                if (const std::optional<AgentEntry> entry = AgentEntry::decode(value)) {
                    lines.append((entry->isDirectory() ? QStringLiteral("[DIR] ") : QStringLiteral("[FILE] "))
                        + SessionFiles::name(entry->name));
                }
            }
            deliver(ToolResult::text(lines.join(u'\n')));
        });
}

void FileTools::readFile(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString path = a.string(QStringLiteral("path"), true);
    const qint64 offset = a.integer(QStringLiteral("offset"), 0, std::numeric_limits<qint64>::max(), 0);
    const qint64 length = a.integer(QStringLiteral("length"), 0, std::numeric_limits<qint64>::max(), 0);
    const QString format = a.string(QStringLiteral("format"), false, QStringLiteral("text"));
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    if (format != u"text" && format != u"binary") {
        return call.deliver(ToolResult::error(tr("Argument \"format\" must be \"text\" or \"binary\"")));
    }
    AgentMessage read = SessionFiles::pathRequest(Op::Read, path);
    read.addInt(Tag::Offset, offset);
    read.addInt(Tag::Length, length);
    read.addInt(Tag::Limit, maxReadBytes);
    const ToolResult::Done deliver = call.deliver;
    SessionFiles::ask(call, read, [deliver, path, binary = format == u"binary"](const SandboxAgent::Reply &r) {
        if (r.error.isEmpty() && r.errorNumber() == EFBIG) {
            return deliver(ToolResult::error(
                tr("The range asked for is %1 bytes; read at most %2 bytes per call (use offset and length)")
                    .arg(r.message.integer(Tag::Length))
                    .arg(maxReadBytes)));
        }
        if (!r.ok()) {
            return deliver(ToolResult::error(SessionFiles::errorText(r, path)));
        }
        const std::string_view data = r.message.text(Tag::Data);
        const QByteArray bytes(data.data(), qsizetype(data.size()));
        deliver(ToolResult::text(binary ? QString::fromLatin1(bytes.toBase64()) : QString::fromUtf8(bytes)));
    });
}

void FileTools::writeFile(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString path = a.string(QStringLiteral("path"), true);
    const QString content = a.string(QStringLiteral("content"), false);
    const QString mode = a.string(QStringLiteral("mode"), false, QStringLiteral("overwrite"));
    if (a.ok() && a.value(QStringLiteral("content")).isUndefined()) {
        return call.deliver(ToolResult::error(tr("Missing required argument \"content\"")));
    }
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    if (mode != u"overwrite" && mode != u"append") {
        return call.deliver(ToolResult::error(tr("Argument \"mode\" must be \"overwrite\" or \"append\"")));
    }
    const QByteArray bytes = content.toUtf8();
    AgentMessage write = SessionFiles::pathRequest(Op::Write, path);
    write.add(Tag::Data, std::string_view(bytes.constData(), size_t(bytes.size())));
    write.addInt(Tag::Flags, AgentProtocol::kWriteParents | (mode == u"append" ? AgentProtocol::kWriteAppend : 0));
    const QString inside = SessionFiles::inside(call, path);
    const ToolResult::Done deliver = call.deliver;
    SessionFiles::ask(call, write, [deliver, path, inside](const SandboxAgent::Reply &r) {
        if (!r.ok()) {
            const int error = r.errorNumber();
            return deliver(ToolResult::error(r.error.isEmpty() && error != EISDIR && error != EINVAL && error != EDQUOT
                    ? tr("Cannot write %1: %2").arg(path, qt_error_string(error))
                    : SessionFiles::errorText(r, path)));
        }
        deliver(
            ToolResult::text(tr("Successfully wrote %1 bytes to %2").arg(r.message.integer(Tag::Size)).arg(inside)));
    });
}

void FileTools::createDirectory(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    const QString inside = SessionFiles::inside(call, path);
    const ToolResult::Done deliver = call.deliver;
    SessionFiles::ask(
        call, SessionFiles::pathRequest(Op::MakeDir, path), [deliver, path, inside](const SandboxAgent::Reply &r) {
            if (r.error.isEmpty() && (r.errorNumber() == ENOTDIR || r.errorNumber() == EEXIST)) {
                return deliver(ToolResult::error(tr("%1 exists and is not a directory").arg(path)));
            }
            if (!r.ok()) {
                return deliver(ToolResult::error(r.error.isEmpty() && r.errorNumber() != EXDEV
                        ? tr("Cannot create directory %1").arg(path)
                        : SessionFiles::errorText(r, path)));
            }
            deliver(ToolResult::text(tr("Successfully created directory %1").arg(inside)));
        });
}

void FileTools::deleteFile(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    const QString inside = SessionFiles::inside(call, path);
    const ToolResult::Done deliver = call.deliver;
    SessionFiles::ask(
        call, SessionFiles::pathRequest(Op::Remove, path), [deliver, path, inside](const SandboxAgent::Reply &r) {
            if (!r.ok()) {
                const int error = r.errorNumber();
                return deliver(
                    ToolResult::error(r.error.isEmpty() && error != ENOENT && error != EBUSY && error != EXDEV
                            ? tr("Cannot delete %1").arg(path)
                            : SessionFiles::errorText(r, path)));
            }
            deliver(ToolResult::text(tr("Successfully deleted %1").arg(inside)));
        });
}

void FileTools::moveFile(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString source = a.string(QStringLiteral("source"), true);
    const QString destination = a.string(QStringLiteral("destination"), true);
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    AgentMessage rename = SessionFiles::pathRequest(Op::Rename, source);
    rename.add(Tag::Path2, destination.toStdString());
    const QString from = SessionFiles::inside(call, source);
    const QString to = SessionFiles::inside(call, destination);
    const ToolResult::Done deliver = call.deliver;
    SessionFiles::ask(call, rename, [deliver, source, destination, from, to](const SandboxAgent::Reply &r) {
        if (!r.ok()) {
            const int error = r.errorNumber();
            const bool aboutDestination = r.message.integer(Tag::Target) == 2;
            QString text;
            if (!r.error.isEmpty() || error == EBUSY || error == EXDEV || (error == ENOENT && !aboutDestination)) {
                text = SessionFiles::errorText(r, aboutDestination ? destination : source);
            } else if (error == EEXIST) {
                text = tr("Destination %1 already exists").arg(destination);
            } else {
                text = tr("Cannot move %1 to %2: %3").arg(source, destination, qt_error_string(error));
            }
            return deliver(ToolResult::error(text));
        }
        deliver(ToolResult::text(tr("Successfully moved %1 to %2").arg(from, to)));
    });
}

} // namespace AgentBay::Server
