// SPDX-License-Identifier: MIT
#include "ptyterminal.h"

#include <QSocketNotifier>
#include <QTimer>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace AgentBay::Server {

PtyTerminal::PtyTerminal(const QString &id, int masterFd, qint64 pid, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_fd(masterFd)
    , m_pid(pid)
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_fd, F_SETFD, FD_CLOEXEC);
    m_readNotifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    m_readNotifier->setEnabled(false); // until someone listens
    connect(m_readNotifier, &QSocketNotifier::activated, this, &PtyTerminal::readAvailable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &PtyTerminal::writePending);
}

PtyTerminal::~PtyTerminal()
{
    closeMaster();
}

void PtyTerminal::closeMaster()
{
    if (m_fd < 0) {
        return;
    }
    delete m_readNotifier;
    delete m_writeNotifier;
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
}

bool PtyTerminal::write(const QByteArray &bytes)
{
    if (m_fd < 0) {
        return false;
    }
    if (m_input.size() + bytes.size() > maxQueuedInputBytes) {
        return false;
    }
    m_input += bytes;
    writePending();
    return true;
}

void PtyTerminal::writePending()
{
    while (m_fd >= 0 && !m_input.isEmpty()) {
        const ssize_t n = ::write(m_fd, m_input.constData(), size_t(m_input.size()));
        if (n > 0) {
            m_input.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        }
        m_input.clear(); // EIO: nobody reads the other side any more
    }
    if (m_writeNotifier) {
        m_writeNotifier->setEnabled(!m_input.isEmpty());
    }
}

bool PtyTerminal::resize(int cols, int rows)
{
    if (m_fd < 0 || cols < 1 || rows < 1 || cols > 500 || rows > 500) {
        return false;
    }
    winsize size{};
    size.ws_col = static_cast<unsigned short>(cols);
    size.ws_row = static_cast<unsigned short>(rows);
    return ::ioctl(m_fd, TIOCSWINSZ, &size) == 0;
}

void PtyTerminal::addListener(QObject *listener)
{
    if (!m_listeners.contains(listener)) {
        m_listeners.append(listener);
    }
    updateReading();
}

void PtyTerminal::removeListener(QObject *listener)
{
    m_listeners.removeAll(listener);
    m_holders.removeAll(listener);
    updateReading();
}

void PtyTerminal::hold(QObject *listener)
{
    if (!m_holders.contains(listener)) {
        m_holders.append(listener);
    }
    updateReading();
}

void PtyTerminal::release(QObject *listener)
{
    m_holders.removeAll(listener);
    updateReading();
}

void PtyTerminal::updateReading()
{
    if (m_readNotifier) {
        m_readNotifier->setEnabled(!m_listeners.isEmpty() && m_holders.isEmpty());
    }
}

namespace {

// Bytes at the end of data that start a UTF-8 sequence the data does not finish.
qsizetype unfinishedUtf8Tail(const QByteArray &data)
{
    for (qsizetype back = 1; back <= 3 && back <= data.size(); ++back) {
        const auto byte = uchar(data.at(data.size() - back));
        if ((byte & 0xC0) == 0x80) {
            continue; // a continuation byte: look further back for its lead
        }
        const int needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return needed > back ? back : 0;
    }
    return 0;
}

} // namespace

void PtyTerminal::readAvailable()
{
    if (m_fd < 0) {
        return;
    }
    QByteArray buffer(readChunkBytes, Qt::Uninitialized);
    const ssize_t n = ::read(m_fd, buffer.data(), size_t(buffer.size()));
    if (n > 0) {
        buffer.truncate(n);
        buffer.prepend(std::exchange(m_carry, QByteArray()));
        const qsizetype tail = unfinishedUtf8Tail(buffer);
        m_carry = buffer.right(tail);
        buffer.chop(tail);
        if (!buffer.isEmpty()) {
            Q_EMIT output(buffer);
        }
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        return;
    }
    hangUp(); // EOF or EIO: the shell and everything it started closed the pty
}

void PtyTerminal::hangUp()
{
    if (!m_carry.isEmpty()) {
        Q_EMIT output(std::exchange(m_carry, QByteArray()));
    }
    closeMaster();
    m_hungUp = true;
    if (m_exitCodeKnown) {
        markExited(m_exitCode);
        return;
    }
    // The agent's word on the exit code is normally on its way.
    QTimer::singleShot(exitGraceMs, this, [this] {
        markExited(m_exitCode);
    });
}

void PtyTerminal::noteShellExit(int exitCode)
{
    m_exitCode = exitCode;
    m_exitCodeKnown = true;
    if (m_hungUp) {
        markExited(exitCode);
        return;
    }
    QTimer::singleShot(exitGraceMs, this, [this] {
        markExited(m_exitCode);
    });
}

void PtyTerminal::markExited(int exitCode)
{
    if (m_exited) {
        return;
    }
    m_exited = true;
    Q_EMIT exited(exitCode);
}

} // namespace AgentBay::Server
