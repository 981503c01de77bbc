// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace AgentBay::Server {

// The session's total workspace quota, kept by the agent. Why not a file system of its own:
// workspaces live on the host's disk and survive restarts (also a kill -9 of the server), so a
// size-limited tmpfs (memory, gone with the sandbox) does not fit, and project quotas or a
// loop-mounted image need root. So the agent measures: the sum of the allocated blocks of
// every entry under the workspace (hard links counted each time: never less than the truth),
// walked with openat/getdents without following links or leaving the file system, plus the
// deleted files the session's processes still hold open on that file system. Cheap
// enough to ask often: statvfs() of the workspace's file system is compared with the free
// space at the last walk, and the tree is walked again only when the free space moved by half
// of what is left of the quota (or after the agent's own changes).
//
// Enforced so: the agent's own writes that would pass the quota fail with EDQUOT; while
// session processes run, a watch catches a session that passed it and still writes, stops
// every process the session started and fails its running calls; a call that ends over the
// quota fails with the usage (and stops what the session runs). RLIMIT_FSIZE (set by the server) still bounds each
// single file. What a session can write between two watches is the slack (its write rate x the interval: kWatchMs while
// the file system's free space moves, up to kQuietWatchMs while it does not).
class WorkspaceQuota
{
public:
    static constexpr int kWatchMs = 20;
    static constexpr int kQuietWatchMs = 100;
    static constexpr int kMaxDepth = 256; // deeper trees count as over the quota

    WorkspaceQuota(std::string workspace, int64_t limitBytes);

    bool enabled() const { return m_limit > 0; }

    int64_t limit() const { return m_limit; }

    // Bytes in use as last measured (after refreshing when the file system moved enough).
    int64_t used();

    bool exceeded() { return enabled() && used() > m_limit; }

    // Over the quota and still growing (what the watch stops; a session over its quota that
    // only deletes, say `rm -rf build`, goes on).
    bool growingPastLimit() { return exceeded() && m_grew; }

    // Whether the agent may add bytes more.
    bool allows(int64_t bytes);
    // The agent wrote bytes (counted at once) or removed something (measured next time).
    void added(int64_t bytes);

    void changed() { m_stale = true; }

    // When the next watch is due: soon while the file system's free space moves.
    int watchIntervalMs() const { return m_moving ? kWatchMs : kQuietWatchMs; }

    // Bytes allocated under dirFd (a directory); tooDeep when some of it lies deeper than
    // kMaxDepth (not counted).
    static int64_t measure(int dirFd, bool *tooDeep);

private:
    std::string m_workspace;
    int64_t m_limit = 0;
    int64_t m_used = 0;
    int64_t m_freeAtMeasure = 0;
    int64_t m_lastFree = -1;
    bool m_moving = true;
    bool m_grew = false; // the last measure found more than the one before
    bool m_stale = true;
};

} // namespace AgentBay::Server
