// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace AgentBay::Server {

// Maps a path given to a file tool onto the host path inside a session's workspace, and
// refuses everything that would leave it: ".." components, absolute paths elsewhere, and
// symlinks (on the path or as the final component) that resolve outside. Paths may be
// relative to the workspace or absolute as the session sees them ("/workspace/...").
class WorkspacePath
{
    Q_DECLARE_TR_FUNCTIONS(WorkspacePath)

public:
    enum class Mode {
        Existing, // must exist; symlinks are followed and their target must be inside
        Create, // may not exist yet; its nearest existing ancestor must be inside
        NoFollow, // the entry itself (delete, rename): its parent must be inside
    };

    struct Resolved
    {
        QString host; // where the server reads/writes
        QString inside; // as the session sees it
        QString error; // non-empty when refused

        bool ok() const { return error.isEmpty(); }
    };

    WorkspacePath(const QString &hostRoot, const QString &insideRoot);

    Resolved resolve(const QString &path, Mode mode) const;
    QString insideFor(const QString &hostPath) const;

    QString hostRoot() const { return m_hostRoot; }

    bool containsCanonical(const QString &canonicalPath) const;

private:
    QString nearestExistingCanonical(const QString &hostPath, QString *error) const;

    QString m_hostRoot; // canonical
    QString m_insideRoot;
};

} // namespace AgentBay::Server
