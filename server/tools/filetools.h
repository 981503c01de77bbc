// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

namespace AgentBay::Server {

struct ToolInvocation;

// The file tools of protocol.md 6 that work on one path: each reads its arguments, asks the
// session's agent (SessionFiles: inside the sandbox, the session's own view) and answers
// with the texts of protocol.md 6.2.
class FileTools
{
    Q_DECLARE_TR_FUNCTIONS(FileTools)

public:
    static void getFileInfo(const ToolInvocation &call);
    static void listDirectory(const ToolInvocation &call);
    static void readFile(const ToolInvocation &call);
    static void writeFile(const ToolInvocation &call);
    static void createDirectory(const ToolInvocation &call);
    static void deleteFile(const ToolInvocation &call);
    static void moveFile(const ToolInvocation &call);

    // Largest file content one read returns (read_file ranges, read_multiple_files).
    static constexpr qint64 maxReadBytes = 32 * 1024 * 1024;
};

} // namespace AgentBay::Server
