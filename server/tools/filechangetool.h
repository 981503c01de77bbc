// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QPointer>
#include <QString>

namespace AgentBay::Server {

class SessionSandbox;
struct ToolInvocation;

// get_file_change: the first call on a directory takes a snapshot of its tree (one walk by
// the session's agent) and answers "[]"; later calls answer the creations, modifications
// and deletions since the previous one. Snapshots are kept per session and directory, and
// dropped with their session.
class FileChangeTool
{
    Q_DECLARE_TR_FUNCTIONS(FileChangeTool)

public:
    void changes(const ToolInvocation &call);

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

    QHash<QString, Watch> m_watches; // "<workspace>|<inside path>"
};

} // namespace AgentBay::Server
