// SPDX-License-Identifier: MIT
#pragma once

#include <server/tools/toolarguments.h>
#include <server/tools/toolresult.h>
#include <server/tools/workspacepath.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace AgentBay::Server {

// The file tools of protocol.md 6 that need only the workspace: each reads its arguments,
// resolves paths through WorkspacePath (never leaving the workspace) and answers at once.
class FileTools
{
    Q_DECLARE_TR_FUNCTIONS(FileTools)

public:
    static QJsonObject getFileInfo(const WorkspacePath &workspace, ToolArguments &a);
    static QJsonObject listDirectory(const WorkspacePath &workspace, ToolArguments &a);
    static QJsonObject readFile(const WorkspacePath &workspace, ToolArguments &a);
    static QJsonObject writeFile(const WorkspacePath &workspace, ToolArguments &a);
    static QJsonObject createDirectory(const WorkspacePath &workspace, ToolArguments &a);
    static QJsonObject deleteFile(const WorkspacePath &workspace, ToolArguments &a);
    static QJsonObject moveFile(const WorkspacePath &workspace, ToolArguments &a);
    static QJsonObject editFile(const WorkspacePath &workspace, ToolArguments &a);
    static QJsonObject searchFiles(const WorkspacePath &workspace, ToolArguments &a);
    static QJsonObject readMultipleFiles(const WorkspacePath &workspace, ToolArguments &a);

    // Largest file content one read returns (read_file ranges, read_multiple_files).
    static constexpr qint64 maxReadBytes = 32 * 1024 * 1024;

private:
    static std::optional<QByteArray> readRange(const QString &hostPath, qint64 offset, qint64 length, QString *error);
};

} // namespace AgentBay::Server
