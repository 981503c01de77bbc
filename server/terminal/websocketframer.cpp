// SPDX-License-Identifier: MIT
#include "websocketframer.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace AgentBay::Server {

WebSocketFramer::Next WebSocketFramer::fail(quint16 code, const QString &error)
{
    m_closeCode = code;
    m_error = error;
    m_in.clear();
    return Next::Error;
}

WebSocketFramer::Next WebSocketFramer::next(Message *message)
{
    while (true) {
        if (!m_error.isEmpty()) {
            return Next::Error;
        }
        if (m_in.size() < 2) {
            return Next::NeedMore;
        }
        const auto *bytes = reinterpret_cast<const uchar *>(m_in.constData());
        const bool fin = bytes[0] & 0x80;
        if (bytes[0] & 0x70) {
            return fail(1002, QStringLiteral("reserved bits set (no extension was agreed)"));
        }
        const auto opcode = Opcode(bytes[0] & 0x0F);
        const bool masked = bytes[1] & 0x80;
        if (!masked) {
            return fail(1002, QStringLiteral("client frames must be masked"));
        }
        quint64 length = bytes[1] & 0x7F;
        qsizetype head = 2;
        if (length == 126) {
            if (m_in.size() < 4) {
                return Next::NeedMore;
            }
            length = qFromBigEndian<quint16>(bytes + 2);
            head = 4;
        } else if (length == 127) {
            if (m_in.size() < 10) {
                return Next::NeedMore;
            }
            length = qFromBigEndian<quint64>(bytes + 2);
            head = 10;
        }
        const bool control = quint8(opcode) & 0x8;
        if (control && (length > 125 || !fin)) {
            return fail(1002, QStringLiteral("a control frame is fragmented or longer than 125 bytes"));
        }
        if (length > quint64(maxMessageBytes) || quint64(m_fragments.size()) + length > quint64(maxMessageBytes)) {
            return fail(1009, QStringLiteral("a message is larger than %1 bytes").arg(maxMessageBytes));
        }
        if (m_in.size() < head + 4 + qsizetype(length)) {
            return Next::NeedMore;
        }
        const uchar *mask = bytes + head;
        QByteArray payload = m_in.mid(head + 4, qsizetype(length));
        for (qsizetype i = 0; i < payload.size(); ++i) {
            payload[i] = char(payload[i] ^ mask[i % 4]);
        }
        m_in.remove(0, head + 4 + qsizetype(length));

        if (control) {
            message->opcode = opcode;
            message->payload = payload;
            return Next::Message;
        }
        switch (opcode) {
        case Opcode::Continuation:
            if (!m_inFragments) {
                return fail(1002, QStringLiteral("a continuation frame without a message"));
            }
            m_fragments += payload;
            break;
        case Opcode::Text:
        case Opcode::Binary:
            if (m_inFragments) {
                return fail(1002, QStringLiteral("a new message inside a fragmented one"));
            }
            m_inFragments = true;
            m_fragmentOpcode = opcode;
            m_fragments = payload;
            break;
        default:
            return fail(1002, QStringLiteral("unknown opcode %1").arg(int(opcode)));
        }
        if (fin) {
            m_inFragments = false;
            message->opcode = m_fragmentOpcode;
            message->payload = std::exchange(m_fragments, QByteArray());
            return Next::Message;
        }
    }
}

QByteArray WebSocketFramer::frame(Opcode opcode, const QByteArray &payload)
{
    QByteArray out;
    out.reserve(payload.size() + 10);
    out.append(char(0x80 | quint8(opcode)));
    const quint64 length = quint64(payload.size());
    if (length < 126) {
        out.append(char(length));
    } else if (length <= 0xFFFF) {
        out.append(char(126));
        char size[2];
        qToBigEndian<quint16>(quint16(length), size);
        out.append(size, 2);
    } else {
        out.append(char(127));
        char size[8];
        qToBigEndian<quint64>(length, size);
        out.append(size, 8);
    }
    out.append(payload);
    return out;
}

QByteArray WebSocketFramer::closeFrame(quint16 code, const QByteArray &reason)
{
    char big[2];
    qToBigEndian<quint16>(code, big);
    return frame(Opcode::Close, QByteArray(big, 2) + reason.left(120));
}

QByteArray WebSocketFramer::acceptKey(const QByteArray &clientKey)
{
    const QByteArray keyed = clientKey.trimmed() + QByteArrayLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    return QCryptographicHash::hash(keyed, QCryptographicHash::Sha1).toBase64();
}

} // namespace AgentBay::Server
