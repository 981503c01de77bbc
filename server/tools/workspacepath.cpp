// SPDX-License-Identifier: MIT
#include "workspacepath.h"

#include <QDir>
#include <QFileInfo>

namespace AgentBay::Server {

namespace {

const QString kWorkspaceAlias = QStringLiteral("/workspace");

bool isUnder(const QString &path, const QString &root)
{
    return path == root || path.startsWith(root == u"/" ? root : root + u'/');
}

} // namespace

WorkspacePath::WorkspacePath(const QString &hostRoot, const QString &insideRoot)
    : m_insideRoot(QDir::cleanPath(insideRoot))
{
    const QString canonical = QFileInfo(hostRoot).canonicalFilePath();
    m_hostRoot = canonical.isEmpty() ? QDir::cleanPath(hostRoot) : canonical;
}

bool WorkspacePath::containsCanonical(const QString &canonicalPath) const
{
    return !canonicalPath.isEmpty() && isUnder(canonicalPath, m_hostRoot);
}

QString WorkspacePath::insideFor(const QString &hostPath) const
{
    const QString cleaned = QDir::cleanPath(hostPath);
    if (!isUnder(cleaned, m_hostRoot)) {
        return {};
    }
    return QDir::cleanPath(m_insideRoot + u'/' + cleaned.mid(m_hostRoot.size()));
}

QString WorkspacePath::nearestExistingCanonical(const QString &hostPath, QString *error) const
{
    // Walk up to the first ancestor that exists. A missing component that is a (dangling)
    // symlink would be followed by mkdir/open later, so it is refused outright.
    QString current = hostPath;
    while (true) {
        const QFileInfo info(current);
        if (info.exists()) {
            return info.canonicalFilePath();
        }
        if (info.isSymLink()) {
            *error = WorkspacePath::tr("Path %1 is a dangling symbolic link").arg(insideFor(current));
            return {};
        }
        const QString parent = QFileInfo(current).path();
        if (parent == current) {
            return {};
        }
        current = parent;
    }
}

WorkspacePath::Resolved WorkspacePath::resolve(const QString &path, Mode mode) const
{
    Resolved result;
    if (path.trimmed().isEmpty()) {
        result.error = WorkspacePath::tr("A path is required");
        return result;
    }
    if (path.contains(QChar(0))) {
        result.error = WorkspacePath::tr("Path contains a NUL character");
        return result;
    }
    const QStringList parts = path.split(u'/');
    if (parts.contains(QStringLiteral(".."))) {
        result.error =
            WorkspacePath::tr("Access denied: %1 is outside the session workspace (\"..\" is not allowed)").arg(path);
        return result;
    }

    QString relative;
    if (QDir::isAbsolutePath(path)) {
        const QString cleaned = QDir::cleanPath(path);
        if (isUnder(cleaned, m_insideRoot)) {
            relative = cleaned.mid(m_insideRoot.size());
        } else if (isUnder(cleaned, kWorkspaceAlias)) {
            relative = cleaned.mid(kWorkspaceAlias.size());
        } else if (isUnder(cleaned, m_hostRoot)) {
            relative = cleaned.mid(m_hostRoot.size());
        } else {
            result.error =
                WorkspacePath::tr("Access denied: %1 is outside the session workspace %2").arg(path, m_insideRoot);
            return result;
        }
    } else {
        relative = path;
    }
    result.host = QDir::cleanPath(m_hostRoot + u'/' + relative);
    result.inside = insideFor(result.host);
    if (!isUnder(result.host, m_hostRoot)) {
        result.error = WorkspacePath::tr("Access denied: %1 is outside the session workspace").arg(path);
        return result;
    }

    const QFileInfo info(result.host);
    const QString outside = WorkspacePath::tr("Access denied: %1 resolves outside the session workspace").arg(path);
    switch (mode) {
    case Mode::Existing:
        if (!info.exists()) {
            result.error = WorkspacePath::tr("No such file or directory: %1").arg(path);
            return result;
        }
        if (!containsCanonical(info.canonicalFilePath())) {
            result.error = outside;
        }
        return result;
    case Mode::Create: {
        if (info.isSymLink() && !info.exists()) {
            result.error = WorkspacePath::tr("Access denied: %1 is a dangling symbolic link").arg(path);
            return result;
        }
        QString error;
        const QString anchor = nearestExistingCanonical(result.host, &error);
        if (!error.isEmpty()) {
            result.error = error;
        } else if (!containsCanonical(anchor)) {
            result.error = outside;
        }
        return result;
    }
    case Mode::NoFollow: {
        if (result.host == m_hostRoot) {
            result.error = WorkspacePath::tr("The workspace root itself cannot be changed");
            return result;
        }
        if (!info.exists() && !info.isSymLink()) {
            result.error = WorkspacePath::tr("No such file or directory: %1").arg(path);
            return result;
        }
        const QString parent = QFileInfo(info.path()).canonicalFilePath();
        if (!containsCanonical(parent)) {
            result.error = outside;
        }
        return result;
    }
    }
    return result;
}

} // namespace AgentBay::Server
