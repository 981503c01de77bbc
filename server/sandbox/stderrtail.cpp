// SPDX-License-Identifier: MIT
#include "stderrtail.h"

#include <QSocketNotifier>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace AgentBay::Server {

StderrTail::StderrTail(qsizetype limit, QObject *parent)
    : QObject(parent)
    , m_limit(limit)
{
}

StderrTail::~StderrTail()
{
    closeChildEnd();
    if (m_readEnd >= 0) {
        ::close(m_readEnd);
    }
}

bool StderrTail::open()
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0) {
        return false;
    }
    // Only this end reads; the child's end is made to block, as a pipe's writer would.
    ::shutdown(fds[0], SHUT_WR);
    ::shutdown(fds[1], SHUT_RD);
    const int flags = ::fcntl(fds[1], F_GETFL);
    ::fcntl(fds[1], F_SETFL, flags & ~O_NONBLOCK);
    m_readEnd = fds[0];
    m_childEnd = fds[1];
    m_notifier = new QSocketNotifier(qintptr(m_readEnd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StderrTail::readAvailable);
    return true;
}

void StderrTail::closeChildEnd()
{
    if (m_childEnd >= 0) {
        ::close(m_childEnd);
        m_childEnd = -1;
    }
}

QByteArray StderrTail::tail()
{
    if (m_readEnd >= 0) {
        readAvailable();
    }
    return m_tail;
}

void StderrTail::readAvailable()
{
    // Bounded per wake-up, so a sandbox writing without end cannot hold the event loop.
    char buffer[16384];
    for (int round = 0; round < 16; ++round) {
        const ssize_t n = ::read(m_readEnd, buffer, sizeof buffer);
        if (n > 0) {
            m_tail.append(buffer, n);
            if (m_tail.size() > m_limit) {
                m_tail.remove(0, m_tail.size() - m_limit);
            }
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n == 0 || errno != EAGAIN) {
            m_notifier->setEnabled(false); // end of file: the sandbox is gone
        }
        return;
    }
}

} // namespace AgentBay::Server
