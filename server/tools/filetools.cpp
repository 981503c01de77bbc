// SPDX-License-Identifier: MIT
#include "filetools.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <limits>

namespace AgentBay::Server {

namespace {

constexpr int maxSearchResults = 10000;
constexpr int maxVisitedEntries = 200000;

QString permissionString(const QFileInfo &info)
{
    const QFile::Permissions p = info.permissions();
    QString text = info.isSymLink() ? QStringLiteral("l") : info.isDir() ? QStringLiteral("d") : QStringLiteral("-");
    text += p.testFlag(QFile::ReadOwner) ? u'r' : u'-';
    text += p.testFlag(QFile::WriteOwner) ? u'w' : u'-';
    text += p.testFlag(QFile::ExeOwner) ? u'x' : u'-';
    text += p.testFlag(QFile::ReadGroup) ? u'r' : u'-';
    text += p.testFlag(QFile::WriteGroup) ? u'w' : u'-';
    text += p.testFlag(QFile::ExeGroup) ? u'x' : u'-';
    text += p.testFlag(QFile::ReadOther) ? u'r' : u'-';
    text += p.testFlag(QFile::WriteOther) ? u'w' : u'-';
    text += p.testFlag(QFile::ExeOther) ? u'x' : u'-';
    return text;
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// Wildcards (* and ?) match whole names; a pattern without them matches names containing it.
QRegularExpression namePattern(const QString &pattern)
{
    const QString wildcard = pattern.contains(u'*') || pattern.contains(u'?') ? pattern : u'*' + pattern + u'*';
    return QRegularExpression(
        QRegularExpression::wildcardToRegularExpression(wildcard, QRegularExpression::UnanchoredWildcardConversion),
        QRegularExpression::CaseInsensitiveOption);
}

bool matchesWhole(const QRegularExpression &expression, const QString &text)
{
    const QRegularExpressionMatch match = expression.match(text);
    return match.hasMatch() && match.capturedStart() == 0 && match.capturedLength() == text.size();
}

} // namespace

std::optional<QByteArray> FileTools::readRange(const QString &hostPath, qint64 offset, qint64 length, QString *error)
{
    QFile file(hostPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(QFileInfo(hostPath).fileName(), file.errorString());
        return std::nullopt;
    }
    const qint64 size = file.size();
    const qint64 start = qMin(offset, size);
    const qint64 wanted = length > 0 ? qMin(length, size - start) : size - start;
    if (wanted > maxReadBytes) {
        *error = tr("The range asked for is %1 bytes; read at most %2 bytes per call (use offset and length)")
                     .arg(wanted)
                     .arg(maxReadBytes);
        return std::nullopt;
    }
    if (!file.seek(start)) {
        *error = tr("Cannot seek to offset %1").arg(offset);
        return std::nullopt;
    }
    return file.read(wanted);
}

QJsonObject FileTools::getFileInfo(const WorkspacePath &workspace, ToolArguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return ToolResult::error(target.error);
    }
    const QFileInfo info(target.host);
    const QString name = target.inside == u"/" ? QStringLiteral("/") : QFileInfo(target.inside).fileName();
    QStringList lines{QStringLiteral("name: ") + name,
        QStringLiteral("path: ") + target.inside,
        QStringLiteral("size: ") + QString::number(info.isDir() ? 0 : info.size()),
        QStringLiteral("isDirectory: ") + (info.isDir() ? QStringLiteral("true") : QStringLiteral("false")),
        QStringLiteral("isFile: ") + (info.isFile() ? QStringLiteral("true") : QStringLiteral("false")),
        QStringLiteral("permissions: ") + permissionString(info),
        QStringLiteral("modified: ") + isoUtc(info.lastModified())};
    return ToolResult::text(lines.join(u'\n'));
}

QJsonObject FileTools::listDirectory(const WorkspacePath &workspace, ToolArguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return ToolResult::error(target.error);
    }
    if (!QFileInfo(target.host).isDir()) {
        return ToolResult::error(tr("Not a directory: %1").arg(path));
    }
    const QFileInfoList infos =
        QDir(target.host)
            .entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    QStringList lines;
    for (const QFileInfo &info : infos) {
        lines.append((info.isDir() ? QStringLiteral("[DIR] ") : QStringLiteral("[FILE] ")) + info.fileName());
    }
    return ToolResult::text(lines.join(u'\n'));
}

QJsonObject FileTools::readFile(const WorkspacePath &workspace, ToolArguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    const qint64 offset = a.integer(QStringLiteral("offset"), 0, std::numeric_limits<qint64>::max(), 0);
    const qint64 length = a.integer(QStringLiteral("length"), 0, std::numeric_limits<qint64>::max(), 0);
    const QString format = a.string(QStringLiteral("format"), false, QStringLiteral("text"));
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    if (format != u"text" && format != u"binary") {
        return ToolResult::error(tr("Argument \"format\" must be \"text\" or \"binary\""));
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return ToolResult::error(target.error);
    }
    if (QFileInfo(target.host).isDir()) {
        return ToolResult::error(tr("%1 is a directory").arg(path));
    }
    QString error;
    const std::optional<QByteArray> data = readRange(target.host, offset, length, &error);
    if (!data) {
        return ToolResult::error(error);
    }
    return ToolResult::text(format == u"binary" ? QString::fromLatin1(data->toBase64()) : QString::fromUtf8(*data));
}

QJsonObject FileTools::writeFile(const WorkspacePath &workspace, ToolArguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    const QString content = a.string(QStringLiteral("content"), false);
    const QString mode = a.string(QStringLiteral("mode"), false, QStringLiteral("overwrite"));
    if (a.ok() && a.value(QStringLiteral("content")).isUndefined()) {
        return ToolResult::error(tr("Missing required argument \"content\""));
    }
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    if (mode != u"overwrite" && mode != u"append") {
        return ToolResult::error(tr("Argument \"mode\" must be \"overwrite\" or \"append\""));
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Create);
    if (!target.ok()) {
        return ToolResult::error(target.error);
    }
    if (QFileInfo(target.host).isDir()) {
        return ToolResult::error(tr("%1 is a directory").arg(path));
    }
    if (!QDir().mkpath(QFileInfo(target.host).path())) {
        return ToolResult::error(tr("Cannot create the parent directories of %1").arg(path));
    }
    QFile file(target.host);
    const QIODevice::OpenMode openMode =
        mode == u"append" ? QIODevice::WriteOnly | QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate;
    if (!file.open(openMode)) {
        return ToolResult::error(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = content.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        return ToolResult::error(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return ToolResult::text(tr("Successfully wrote %1 bytes to %2").arg(bytes.size()).arg(target.inside));
}

QJsonObject FileTools::createDirectory(const WorkspacePath &workspace, ToolArguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Create);
    if (!target.ok()) {
        return ToolResult::error(target.error);
    }
    const QFileInfo info(target.host);
    if (info.exists() && !info.isDir()) {
        return ToolResult::error(tr("%1 exists and is not a directory").arg(path));
    }
    if (!QDir().mkpath(target.host)) {
        return ToolResult::error(tr("Cannot create directory %1").arg(path));
    }
    return ToolResult::text(tr("Successfully created directory %1").arg(target.inside));
}

QJsonObject FileTools::deleteFile(const WorkspacePath &workspace, ToolArguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::NoFollow);
    if (!target.ok()) {
        return ToolResult::error(target.error);
    }
    const QFileInfo info(target.host);
    // A symlink is removed itself, never what it points to.
    const bool removed =
        info.isDir() && !info.isSymLink() ? QDir(target.host).removeRecursively() : QFile::remove(target.host);
    if (!removed) {
        return ToolResult::error(tr("Cannot delete %1").arg(path));
    }
    return ToolResult::text(tr("Successfully deleted %1").arg(target.inside));
}

QJsonObject FileTools::moveFile(const WorkspacePath &workspace, ToolArguments &a)
{
    const QString source = a.string(QStringLiteral("source"), true);
    const QString destination = a.string(QStringLiteral("destination"), true);
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    const WorkspacePath::Resolved from = workspace.resolve(source, WorkspacePath::Mode::NoFollow);
    if (!from.ok()) {
        return ToolResult::error(from.error);
    }
    const WorkspacePath::Resolved to = workspace.resolve(destination, WorkspacePath::Mode::Create);
    if (!to.ok()) {
        return ToolResult::error(to.error);
    }
    const QFileInfo toInfo(to.host);
    if (toInfo.exists() || toInfo.isSymLink()) {
        return ToolResult::error(tr("Destination %1 already exists").arg(destination));
    }
    if (!QDir().mkpath(toInfo.path())) {
        return ToolResult::error(tr("Cannot create the parent directories of %1").arg(destination));
    }
    if (::rename(QFile::encodeName(from.host).constData(), QFile::encodeName(to.host).constData()) != 0) {
        return ToolResult::error(tr("Cannot move %1 to %2: %3").arg(source, destination, qt_error_string(errno)));
    }
    return ToolResult::text(tr("Successfully moved %1 to %2").arg(from.inside, to.inside));
}

QJsonObject FileTools::editFile(const WorkspacePath &workspace, ToolArguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    const std::optional<QJsonArray> edits = a.array(QStringLiteral("edits"));
    const bool dryRun = a.boolean(QStringLiteral("dryRun"), false);
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    if (edits->isEmpty()) {
        return ToolResult::error(tr("Argument \"edits\" must hold at least one edit"));
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return ToolResult::error(target.error);
    }
    if (!QFileInfo(target.host).isFile()) {
        return ToolResult::error(tr("%1 is not a file").arg(path));
    }
    QString error;
    const std::optional<QByteArray> data = readRange(target.host, 0, 0, &error);
    if (!data) {
        return ToolResult::error(error);
    }
    QString content = QString::fromUtf8(*data);
    QStringList diff{QStringLiteral("--- ") + target.inside, QStringLiteral("+++ ") + target.inside};
    for (qsizetype i = 0; i < edits->size(); ++i) {
        const QJsonObject edit = edits->at(i).toObject();
        if (!edit.value(QStringLiteral("oldText")).isString() || !edit.value(QStringLiteral("newText")).isString()) {
            return ToolResult::error(tr("Edit %1 needs string fields \"oldText\" and \"newText\"").arg(i + 1));
        }
        const QString oldText = edit.value(QStringLiteral("oldText")).toString();
        const QString newText = edit.value(QStringLiteral("newText")).toString();
        const qsizetype at = oldText.isEmpty() ? -1 : content.indexOf(oldText);
        if (at < 0) {
            return ToolResult::error(tr("Edit %1: the text to replace was not found in %2").arg(i + 1).arg(path));
        }
        const int line = int(QStringView(content).left(at).count(u'\n')) + 1;
        content.replace(at, oldText.size(), newText);
        diff.append(QStringLiteral("@@ line %1 @@").arg(line));
        for (const QString &removed : oldText.split(u'\n')) {
            diff.append(u'-' + removed);
        }
        for (const QString &added : newText.split(u'\n')) {
            diff.append(u'+' + added);
        }
    }
    if (!dryRun) {
        QFile file(target.host);
        const QByteArray bytes = content.toUtf8();
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
            return ToolResult::error(tr("Cannot write %1: %2").arg(path, file.errorString()));
        }
    }
    return ToolResult::text(diff.join(u'\n'));
}

QJsonObject FileTools::searchFiles(const WorkspacePath &workspace, ToolArguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    const QString pattern = a.string(QStringLiteral("pattern"), true);
    QStringList excludes;
    const QJsonValue excludeValue = a.value(QStringLiteral("excludePatterns"));
    if (excludeValue.isArray()) {
        for (const QJsonValue &item : excludeValue.toArray()) {
            excludes.append(item.toString());
        }
    } else {
        excludes = a.string(QStringLiteral("excludePatterns"), false).split(u',');
    }
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return ToolResult::error(target.error);
    }
    if (!QFileInfo(target.host).isDir()) {
        return ToolResult::error(tr("Not a directory: %1").arg(path));
    }
    const QRegularExpression match = namePattern(pattern);
    const bool matchPath = pattern.contains(u'/');
    QList<QRegularExpression> excluded;
    for (const QString &exclude : std::as_const(excludes)) {
        if (!exclude.trimmed().isEmpty()) {
            excluded.append(QRegularExpression(QRegularExpression::wildcardToRegularExpression(
                                                   exclude.trimmed(), QRegularExpression::UnanchoredWildcardConversion),
                QRegularExpression::CaseInsensitiveOption));
        }
    }

    QStringList found;
    QStringList pending{QString()};
    int visited = 0;
    while (!pending.isEmpty() && visited < maxVisitedEntries && found.size() < maxSearchResults) {
        const QString relative = pending.takeFirst();
        const QFileInfoList infos =
            QDir(target.host + u'/' + relative)
                .entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
        for (const QFileInfo &info : infos) {
            ++visited;
            const QString childRelative = relative.isEmpty() ? info.fileName() : relative + u'/' + info.fileName();
            bool skip = false;
            for (const QRegularExpression &exclude : std::as_const(excluded)) {
                if (matchesWhole(exclude, info.fileName()) || matchesWhole(exclude, childRelative)) {
                    skip = true;
                    break;
                }
            }
            if (skip) {
                continue;
            }
            if (matchesWhole(match, matchPath ? childRelative : info.fileName())) {
                found.append(workspace.insideFor(info.absoluteFilePath()));
            }
            if (info.isDir() && !info.isSymLink()) {
                pending.append(childRelative);
            }
        }
    }
    if (found.isEmpty()) {
        return ToolResult::text(QStringLiteral("No matches found"));
    }
    return ToolResult::text(found.join(u'\n'));
}

QJsonObject FileTools::readMultipleFiles(const WorkspacePath &workspace, ToolArguments &a)
{
    const std::optional<QJsonArray> paths = a.array(QStringLiteral("paths"));
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    if (paths->isEmpty()) {
        return ToolResult::error(tr("Argument \"paths\" must name at least one file"));
    }
    QStringList blocks;
    qint64 total = 0;
    for (const QJsonValue &value : *paths) {
        if (!value.isString()) {
            return ToolResult::error(tr("Argument \"paths\" must be an array of strings"));
        }
        const QString path = value.toString();
        const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
        QString error = target.error;
        QString content;
        if (error.isEmpty() && QFileInfo(target.host).isDir()) {
            error = tr("%1 is a directory").arg(path);
        }
        if (error.isEmpty()) {
            const std::optional<QByteArray> data = readRange(target.host, 0, 0, &error);
            if (data) {
                total += data->size();
                if (total > maxReadBytes) {
                    return ToolResult::error(
                        tr("The files hold more than %1 bytes; read fewer at once").arg(maxReadBytes));
                }
                content = QString::fromUtf8(*data);
            }
        }
        blocks.append(
            error.isEmpty() ? path + QStringLiteral(": ") + content : path + QStringLiteral(": Error - ") + error);
    }
    return ToolResult::text(blocks.join(QStringLiteral("\n---\n")));
}

} // namespace AgentBay::Server
