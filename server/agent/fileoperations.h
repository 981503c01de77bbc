// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agentmessage.h>

#include <string>

namespace AgentBay::Server {

// The file operations of the agent (agentprotocol.h Stat ... Walk), run inside the session:
// paths are the session's own view. Every operation works on descriptors (openat2 from one
// root descriptor, then *at calls on the parent), so no path is looked up twice; only regular
// files are read or written, opened non-blocking so a FIFO or device never blocks the agent.
// A confined instance (a plain process session, which has no sandbox) resolves everything
// beneath its workspace (RESOLVE_BENEATH) and refuses other paths with EXDEV.
class FileOperations
{
public:
    FileOperations(const std::string &workspace, bool confined);
    ~FileOperations();
    FileOperations(const FileOperations &) = delete;
    FileOperations &operator=(const FileOperations &) = delete;

    bool valid() const { return m_root >= 0; }

    // Fills reply (whose Op and Id are set) from request; sets Errno on failure.
    void stat(const AgentMessage &request, AgentMessage &reply) const;
    void readDir(const AgentMessage &request, AgentMessage &reply) const;
    void read(const AgentMessage &request, AgentMessage &reply) const;
    void write(const AgentMessage &request, AgentMessage &reply) const;
    void makeDir(const AgentMessage &request, AgentMessage &reply) const;
    void remove(const AgentMessage &request, AgentMessage &reply) const;
    void rename(const AgentMessage &request, AgentMessage &reply) const;
    void walk(const AgentMessage &request, AgentMessage &reply) const;

private:
    // Path relative to m_root ("." for the root), or -errno.
    int relative(std::string_view path, std::string *out) const;
    int open(const std::string &rel, int flags, int mode = 0) const;
    int openParent(const std::string &rel, std::string *leaf) const;
    int makePath(const std::string &rel) const;
    bool isProtected(const std::string &rel) const;

    std::string m_workspace;
    bool m_confined = false;
    int m_root = -1;
    unsigned long long m_resolve = 0;
};

} // namespace AgentBay::Server
