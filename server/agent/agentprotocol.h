// SPDX-License-Identifier: MIT
#pragma once

// The channel between agentbay-local and agentbay-agent, the program that runs every tool
// call inside a session's sandbox. Plain C++ (no Qt): the agent and the server share it.
//
// LAUNCH (the sandbox's side of the interface):
//   - socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv). sv[1] reaches the agent as an
//     inherited descriptor: in bwrap under its own number, named by --channel FD (not close-on-
//     exec in the child), so that bwrap's pid 1, which keeps only stdio, does not hold it; a
//     plain process gets it as fd 0. sv[0] stays with the server and is handed to SandboxAgent.
//     fd 1 is /dev/null; fd 2 may be a socket for diagnostics (the agent writes a line there
//     only when it gives up). No other fd needs to be open; the agent closes every other fd.
//   - argv: agentbay-agent [--workspace DIR] [--quota BYTES] [--channel FD]. FD: the channel
//     (default 0). BYTES: the workspace's total
//     quota (workspacequota.h), 0 or absent = none. DIR (default /workspace) is where relative
//     paths and exec cwds resolve. With a DIR other than /workspace (a plain process session,
//     not a boundary) paths under "/workspace" are mapped onto DIR.
//   - Inside bwrap the binary is not mounted: bwrap execs it from an inherited descriptor of
//     a sealed copy (/proc/self/fd/N, SealedProgram). On the host it lives in the directory
//     of agentbay-local itself (AGENTBAY_AGENT_BIN overrides, for tests).
//   - The agent makes itself undumpable (PR_SET_DUMPABLE 0) and a child subreaper, so session
//     processes (same uid) can neither open /proc/<agent>/fd/N nor forge answers, and
//     setsid'ed background processes stay its descendants. When the channel closes it kills
//     every process it started and exits.
//
// FRAMES (both directions): u32 little-endian body length, then the body. A body is a
// sequence of fields: u8 tag, u32 little-endian value length, value bytes. Integers are
// 8-byte little-endian two's complement; text is UTF-8 bytes; a tag may repeat (env,
// entries). Every request carries Op and Id; its reply carries the same Id and Op. Unknown
// tags are ignored; a body that does not parse, or a length over kMaxFrameBytes, is fatal:
// the agent exits, the server kills that session's agent (never itself).
//
// File descriptors: OpenPty and ConnectPort replies carry one fd (SCM_RIGHTS on the frame's
// first byte) and the field HasFd = 1; the server takes fds in arrival order.

#include <cstdint>

namespace AgentBay::Server::AgentProtocol {

constexpr uint32_t kMaxFrameBytes = 48u * 1024u * 1024u;
constexpr const char kDefaultWorkspace[] = "/workspace";

// exec output kept per stream: the first (kMaxOutputBytes - kKeptTailBytes) and the last
// kKeptTailBytes; a command whose stdout+stderr pass kMaxCapturedBytes is killed.
constexpr int64_t kMaxOutputBytes = 1024 * 1024;
constexpr int64_t kKeptTailBytes = 64 * 1024;
constexpr int64_t kMaxCapturedBytes = 128 * 1024 * 1024;
constexpr int64_t kMaxReadBytes = 32 * 1024 * 1024; // read_file / read_multiple_files per call
constexpr int64_t kMaxWalkEntries = 200000;
constexpr int kMaxTreeDepth = 256;

enum class Op : uint8_t {
    Ready = 1, // agent -> server once at start: Pid
    Exec = 2, // Command, Cwd, Env*, TimeoutMs, [Stdin] -> ExitCode, TimedOut, Out.., Err.., [Overflow] | Errno+Error
    Kill = 3, // Target: the Id of a running Exec (no reply; the Exec answers TimedOut)
    Stat = 4, // Path -> Entry (name = final component) | Errno
    ReadDir = 5, // Path -> Entry* (sorted by name bytes) | Errno
    Read = 6, // Path, Offset, Length (0 = to end), Limit -> Data, Size | Errno (EISDIR, EINVAL: not a regular file,
              // EFBIG: over Limit)
    Write = 7, // Path, Data, Flags (kWriteAppend, kWriteParents) -> Size | Errno
    MakeDir = 8, // Path (parents too) -> ok | Errno (ENOTDIR: exists and is no directory)
    Remove = 9, // Path (a directory with its contents; a symlink itself) -> ok | Errno
    Rename = 10, // Path, Path2 (parents of Path2 created; never replaces) -> ok | Errno (EEXIST)
    Walk =
        11, // Path, Limit -> Entry* (names relative to Path, breadth first, each directory sorted), Truncated | Errno
    Metrics = 12, // -> the Metric* integer fields below
    OpenPty = 13, // Command (shell, default /bin/sh), Cwd, Env*, Cols, Rows -> Pid, HasFd | Errno
    ConnectPort = 14, // Port -> HasFd | Errno
    PtyExit = 15, // agent -> server, unsolicited (Id 0): Pid, ExitCode of an OpenPty shell
};

constexpr int64_t kWriteAppend = 1;
constexpr int64_t kWriteParents = 2;

enum class Tag : uint8_t {
    Op = 1,
    Id = 2,
    Path = 3,
    Path2 = 4,
    Data = 5,
    Offset = 6,
    Length = 7,
    Flags = 8,
    Command = 9,
    Cwd = 10,
    Env = 11, // "NAME=value", repeated
    TimeoutMs = 12,
    Stdin = 13,
    Port = 14,
    Cols = 15,
    Rows = 16,
    Target = 17,
    Limit = 18,

    Errno = 32, // the failing call's errno; absent or 0 = success
    Error = 33, // text for the user (exec could not start, ...)
    ExitCode = 34, // 128 + signal for a killed command
    TimedOut = 35,
    Out = 36,
    OutTail = 37,
    OutSize = 38,
    Err = 39,
    ErrTail = 40,
    ErrSize = 41,
    Overflow = 42,
    Entry = 43, // see EntryRecord
    Size = 44,
    Truncated = 45,
    Pid = 46,
    HasFd = 47,
    // On an Exec reply that ended over the workspace quota, and on a Write refused with
    // EDQUOT: the workspace's bytes in use and its quota.
    QuotaUsed = 48,
    QuotaLimit = 49,

    // Metrics: the session's own usage. CPU time in microseconds of every process of the
    // session (its cgroup's cpu.stat when visible, else the agent, its reaped children and
    // every live process of the pid namespace); memory in bytes (cgroup memory.current /
    // memory.max when visible, else the sum of resident sets / MemTotal); disk: the
    // workspace's usage and quota (its file system's when it has no quota); network bytes of every interface but lo of
    // the session's own network namespace; MonotonicUs is the clock the CPU figure is compared against.
    CpuCount = 64,
    CpuUsageUs = 65,
    MonotonicUs = 66,
    MemUsed = 67,
    MemTotal = 68,
    DiskUsed = 69,
    DiskTotal = 70,
    RxBytes = 71,
    TxBytes = 72,
};

// An Entry value: fixed 32-byte head then the name bytes (no terminator).
//   u8 type (lstat: EntryType), u8 targetType (stat, following a symlink; Other if dangling),
//   u16 0, u32 mode (st_mode of the target, lstat's for a dangling link),
//   i64 size (of the target), i64 mtime in ms since the epoch (of the target), i64 0
enum class EntryType : uint8_t {
    Other = 0,
    File = 1,
    Directory = 2,
    Symlink = 3,
};
constexpr uint32_t kEntryHeadBytes = 32;

} // namespace AgentBay::Server::AgentProtocol
