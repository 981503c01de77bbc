// SPDX-License-Identifier: MIT
#pragma once

#include <server/tools/toolarguments.h>
#include <server/tools/workspacepath.h>

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QString>

namespace AgentBay::Server {

class SessionSandbox;

// get_file_change: the first call on a directory takes a snapshot of its tree and answers
// "[]"; later calls answer the creations, modifications and deletions since the previous one.
// Snapshots are kept per session workspace and directory, and dropped with their session.
class FileChangeTool
{
    Q_DECLARE_TR_FUNCTIONS(FileChangeTool)

public:
    QJsonObject changes(SessionSandbox *sandbox, const WorkspacePath &workspace, ToolArguments &a);

private:
    struct Entry
    {
        bool isDir = false;
        qint64 size = 0;
        qint64 modifiedMs = 0;
    };

    struct Watch
    {
        QPointer<SessionSandbox> sandbox;
        QHash<QString, Entry> entries;
    };

    // Relative path -> entry for a whole tree; symlinked directories are listed, not entered.
    static QHash<QString, Entry> snapshotTree(const QString &root);

    QHash<QString, Watch> m_watches; // "<workspace>|<inside path>"
};

} // namespace AgentBay::Server
