// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace AgentBay::Server {

// The last bytes a session's sandbox writes to its standard error (bubblewrap's own errors),
// read through a socket, not a pipe: a process of the same uid inside can reopen a pipe held
// by the sandbox's pid 1 through /proc/1/fd/2 and write without end, but never a socket. What
// arrives is read as it comes and only the last `limit` bytes are kept.
class StderrTail final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StderrTail)

public:
    explicit StderrTail(qsizetype limit, QObject *parent = nullptr);
    ~StderrTail() override;

    // A new socket pair; false (with errno set) if none can be made.
    bool open();

    // The end the child makes its fd 2 (dup2 between fork and exec); -1 before open().
    int childEnd() const { return m_childEnd; }

    // Closes this process's copy of the child's end once the child runs: the other end then
    // reads end-of-file when the sandbox exits.
    void closeChildEnd();

    // The last bytes written, reading first what has arrived (the sandbox's exit can be
    // reported before the socket's notifier fired).
    QByteArray tail();

private:
    void readAvailable();

    qsizetype m_limit;
    int m_childEnd = -1;
    int m_readEnd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_tail;
};

} // namespace AgentBay::Server
