// SPDX-License-Identifier: MIT
#include "dotenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcDotEnv, "agentbay.core.dotenv")

namespace AgentBay::Core {

namespace {

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front()) {
        const bool doubleQuoted = value.front() == u'"';
        value = value.mid(1, value.size() - 2);
        if (doubleQuoted) {
            value.replace(QStringLiteral("\\n"), QStringLiteral("\n"))
                .replace(QStringLiteral("\\\""), QStringLiteral("\""));
        }
        return value;
    }
    // An unquoted value ends at an inline comment.
    const qsizetype hash = value.indexOf(u" #");
    return hash >= 0 ? value.left(hash).trimmed() : value;
}

// The canonical form when the folder exists (symlinks resolved), else the cleaned absolute path.
QString normalFolder(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

bool isSameOrInside(const QString &path, const QString &folder)
{
    if (path == folder || folder == u"/") {
        return true;
    }
    return path.startsWith(folder + u'/');
}

#ifdef Q_OS_UNIX
// No other user may change what we read: the owner is us, nobody else may write, and a
// group may write only when it is our own (Debian's user private groups make a 0664 file
// the norm there).
bool onlyUserCanWrite(const QFileInfo &info)
{
    if (info.ownerId() != ::geteuid()) {
        return false;
    }
    const QFile::Permissions permissions = info.permissions();
    if (permissions & QFile::WriteOther) {
        return false;
    }
    return !(permissions & QFile::WriteGroup) || info.groupId() == ::getegid();
}
#endif

} // namespace

QMap<QString, QString> DotEnv::parse(const QByteArray &text)
{
    QMap<QString, QString> values;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (QString line : lines) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#')) {
            continue;
        }
        if (line.startsWith(u"export ")) {
            line = line.mid(7).trimmed();
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            continue;
        }
        const QString key = line.left(eq).trimmed();
        if (key.isEmpty() || key.contains(u' ')) {
            continue;
        }
        values.insert(key, unquote(line.mid(eq + 1)));
    }
    return values;
}

QMap<QString, QString> DotEnv::load(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return parse(file.readAll());
}

bool DotEnv::isTrusted(const QString &path)
{
#ifdef Q_OS_UNIX
    // A .env redirects the endpoint and supplies the key: one planted by another user (in a
    // shared parent folder, /tmp, a checkout owned by someone else) must not be picked up.
    const QFileInfo file(path);
    return file.isFile() && onlyUserCanWrite(file) && onlyUserCanWrite(QFileInfo(file.absolutePath()));
#else
    // Elsewhere the home bound of locate() is the protection; ACLs are not inspected.
    return QFileInfo(path).isFile();
#endif
}

QString DotEnv::locate(const QString &explicitPath, const QString &startDir, const QString &homeDir)
{
    if (!explicitPath.isEmpty() && QFileInfo(explicitPath).isFile()) {
        return explicitPath; // the user named it: no ownership rules
    }
    const QString start = normalFolder(startDir.isEmpty() ? QDir::currentPath() : startDir);
    const QString home = normalFolder(homeDir.isEmpty() ? QDir::homePath() : homeDir);
    // Above the home folder live folders shared with other users; outside it, only the start
    // folder (a project the user chose to work in) is looked at.
    const QString top = isSameOrInside(start, home) ? home : start;
    QDir dir(start);
    for (;;) {
        const QString candidate = dir.filePath(QStringLiteral(".env"));
        if (QFileInfo(candidate).isFile()) {
            if (isTrusted(candidate)) {
                return candidate;
            }
            qCWarning(lcDotEnv).noquote()
                << "Ignoring" << candidate << "- it or its folder is not owned by this user or is writable by others";
        }
        if (dir.absolutePath() == top || !dir.cdUp()) {
            return {};
        }
    }
}

} // namespace AgentBay::Core
