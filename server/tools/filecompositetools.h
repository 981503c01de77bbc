// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

namespace AgentBay::Server {

struct ToolInvocation;

// The file tools of protocol.md 6 made of several agent requests or a whole tree: edit_file
// (read, change, write back), search_files (one walk of the tree inside the session, matched
// here) and read_multiple_files (one read after the other, within one byte budget).
class FileCompositeTools
{
    Q_DECLARE_TR_FUNCTIONS(FileCompositeTools)

public:
    static void editFile(const ToolInvocation &call);
    static void searchFiles(const ToolInvocation &call);
    static void readMultipleFiles(const ToolInvocation &call);

    static constexpr int maxSearchResults = 10000;
};

} // namespace AgentBay::Server
