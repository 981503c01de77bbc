// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace AgentBay::Server {

// The server's side of RFC 6455 framing, for the terminal channel: client frames in (masked,
// fragments joined into one message, bounded), server frames out (unmasked). No extensions,
// no sub-protocol. Pure bytes in, bytes out: the connection owns the socket.
class WebSocketFramer
{
public:
    enum class Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA,
    };

    struct Message
    {
        Opcode opcode = Opcode::Text;
        QByteArray payload; // a whole message (fragments joined); control frames as they came
    };

    enum class Next {
        NeedMore,
        Message,
        Error // a protocol violation: the connection closes with closeCode
    };

    // Bytes as they arrive from the client.
    void append(const QByteArray &bytes) { m_in += bytes; }

    // The next complete message, if any.
    Next next(Message *message);

    QString error() const { return m_error; }

    quint16 closeCode() const { return m_closeCode; }

    // One unfragmented server frame.
    static QByteArray frame(Opcode opcode, const QByteArray &payload);
    static QByteArray closeFrame(quint16 code, const QByteArray &reason = {});
    // Sec-WebSocket-Accept for the client's Sec-WebSocket-Key.
    static QByteArray acceptKey(const QByteArray &clientKey);

    // Largest message (all fragments together) and largest unread input kept.
    static constexpr qint64 maxMessageBytes = 1024 * 1024;

private:
    Next fail(quint16 code, const QString &error);

    QByteArray m_in;
    QByteArray m_fragments;
    Opcode m_fragmentOpcode = Opcode::Text;
    bool m_inFragments = false;
    QString m_error;
    quint16 m_closeCode = 1002;
};

} // namespace AgentBay::Server
