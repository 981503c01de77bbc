// SPDX-License-Identifier: MIT
#include "dotenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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

QString DotEnv::locate(const QString &explicitPath, const QString &startDir)
{
    if (!explicitPath.isEmpty() && QFileInfo(explicitPath).isFile()) {
        return explicitPath;
    }
    QDir dir(startDir.isEmpty() ? QDir::currentPath() : startDir);
    for (;;) {
        const QString candidate = dir.filePath(QStringLiteral(".env"));
        if (QFileInfo(candidate).isFile()) {
            return candidate;
        }
        if (!dir.cdUp()) {
            return {};
        }
    }
}

} // namespace AgentBay::Core
