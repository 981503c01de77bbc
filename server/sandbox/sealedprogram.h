// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace AgentBay::Server {

// A program the sandbox runs without its host path showing inside: an executable, sealed
// copy in memory (memfd), made once per server and shared by every session (its pages are
// shared, as a file's would be). Sessions exec it as /proc/self/fd/N, so neither mountinfo
// nor argv names the host file, and /proc/<pid>/exe reads "/memfd:NAME (deleted)". Where
// the kernel refuses executable memory files (vm.memfd_noexec=2) it is the file itself,
// read-only; its path then shows only to whoever may ptrace the program.
class SealedProgram
{
public:
    // A read-only, close-on-exec descriptor of the program at path, or -1 with error set.
    // The same descriptor every time for a path; it stays open while the server runs.
    static int descriptor(const QString &path, QString *error);

    // Whether descriptor(path) is the memory copy (false: the file itself).
    static bool isMemoryCopy(int fd);

private:
    static int copyToMemory(const QByteArray &path, const QByteArray &name);
};

} // namespace AgentBay::Server
