// SPDX-License-Identifier: MIT
#pragma once

#include <server/terminal/websocketframer.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QTcpSocket;

namespace AgentBay::Server {

class PtyTerminal;
class TerminalService;

// One client's WebSocket to a session (after the 101): JSON text frames in the envelope of
// protocol-2026.md 4.3, the PTY_SERVER methods of 4.4 (create, list, connect, kill, input,
// resize), output and exit pushed as events. WebSocket pings are answered, {"type":"ping"}
// ignored. Its socket's queue is bounded: past highWaterBytes the terminals it listens to
// stop being read until the client has taken the output (the program then blocks on its
// full pty, as in any terminal).
class TerminalConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalConnection)

public:
    // Takes the socket (already upgraded; unread: bytes the client sent after the request).
    TerminalConnection(QTcpSocket *socket,
        const QByteArray &unread,
        const QString &sessionId,
        TerminalService *service,
        QObject *parent = nullptr);
    ~TerminalConnection() override;

    QString sessionId() const { return m_sessionId; }

    // Sends a close frame and ends the connection once it is written.
    void close(quint16 code, const QByteArray &reason);

    static constexpr qint64 highWaterBytes = 256 * 1024;
    static constexpr qint64 lowWaterBytes = 64 * 1024;
    // Replies alone (a client that sends without reading) may not queue more than this.
    static constexpr qint64 maxQueuedBytes = 8 * 1024 * 1024;

private:
    void readAvailable();
    void handleText(const QByteArray &text);
    void handlePty(const QString &invocationId, const QJsonObject &data);
    void attach(PtyTerminal *terminal);
    void reply(const QString &invocationId, const QJsonObject &data);
    void replyError(const QString &invocationId, const QString &error, const QString &source = {});
    void push(const QJsonObject &data);
    void send(const QByteArray &frame);
    void written();
    void drop();

    QPointer<QTcpSocket> m_socket;
    WebSocketFramer m_framer;
    QString m_sessionId;
    QPointer<TerminalService> m_service;
    QList<QPointer<PtyTerminal>> m_attached;
    quint64 m_pushSerial = 0;
    bool m_holding = false;
    bool m_closing = false;
};

} // namespace AgentBay::Server
