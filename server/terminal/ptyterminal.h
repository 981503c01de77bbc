// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace AgentBay::Server {

// One terminal of a session: the master side of a pty whose shell the session's agent
// started inside the sandbox (OpenPty), passed here as a descriptor. Output is read only
// while reading is allowed (the channel stops it while its socket is full, so a program that
// prints without end is held back by the pty, not buffered here); input waits in a bounded
// queue while the pty is full (a paused session reads nothing).
class PtyTerminal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PtyTerminal)

public:
    // Takes masterFd (made non-blocking). pid is the shell's, as the session sees it.
    PtyTerminal(const QString &id, int masterFd, qint64 pid, QObject *parent = nullptr);
    ~PtyTerminal() override; // closes the master: the shell gets SIGHUP

    QString id() const { return m_id; }

    qint64 pid() const { return m_pid; }

    bool hasExited() const { return m_exited; }

    // False when the input queue is full (the bytes are not taken).
    bool write(const QByteArray &bytes);
    // TIOCSWINSZ on the master; the kernel sends SIGWINCH to the foreground group.
    bool resize(int cols, int rows);
    // Output is read only while someone listens and nobody holds it back (a full socket).
    void addListener(QObject *listener);
    void removeListener(QObject *listener);
    void hold(QObject *listener);
    void release(QObject *listener);
    // The agent reaped the shell. exited() follows once the pty hung up too (its last output
    // read), or after a short grace when a background process keeps the pty open.
    void noteShellExit(int exitCode);
    // Ends it now with this code (killed: -9).
    void markExited(int exitCode);

    // Output read per turn of the event loop, and input kept while the pty is full.
    static constexpr qint64 readChunkBytes = 64 * 1024;
    static constexpr qint64 maxQueuedInputBytes = 1024 * 1024;
    static constexpr int exitGraceMs = 1000;

Q_SIGNALS:
    void output(const QByteArray &bytes); // whole UTF-8 sequences where the bytes are UTF-8
    void exited(int exitCode);

private:
    void readAvailable();
    void writePending();
    void closeMaster();
    void updateReading();
    void hangUp();

    QString m_id;
    int m_fd = -1;
    qint64 m_pid = 0;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_input;
    QByteArray m_carry; // an unfinished UTF-8 sequence at the end of the last read
    QList<QObject *> m_listeners;
    QList<QObject *> m_holders;
    bool m_hungUp = false;
    bool m_exited = false;
    int m_exitCode = -1;
    bool m_exitCodeKnown = false;
};

} // namespace AgentBay::Server
