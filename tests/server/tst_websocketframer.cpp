// SPDX-License-Identifier: MIT
// The terminal channel's RFC 6455 framing on its own: client frames as browsers and the SDKs
// send them (masked, fragmented, split anywhere), and what a client must not send.
#include <server/terminal/websocketframer.h>

#include <QTest>

using AgentBay::Server::WebSocketFramer;
using Opcode = WebSocketFramer::Opcode;

namespace {

// A client frame: masked with a fixed key.
QByteArray clientFrame(quint8 firstByte, const QByteArray &payload, bool masked = true)
{
    QByteArray out(1, char(firstByte));
    const quint8 maskBit = masked ? 0x80 : 0;
    const qsizetype n = payload.size();
    if (n < 126) {
        out.append(char(maskBit | n));
    } else if (n <= 0xFFFF) {
        out.append(char(maskBit | 126));
        out.append(char(n >> 8));
        out.append(char(n & 0xFF));
    } else {
        out.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.append(char((quint64(n) >> shift) & 0xFF));
        }
    }
    const QByteArray key("\x12\x34\x56\x78", 4);
    if (masked) {
        out.append(key);
    }
    for (qsizetype i = 0; i < n; ++i) {
        out.append(masked ? char(payload[i] ^ key[i % 4]) : payload[i]);
    }
    return out;
}

} // namespace

class tst_WebSocketFramer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptKey_isTheRfcExample();
    void maskedText_isUnmasked();
    void bytesSplitAnywhere_giveTheSameMessages();
    void fragments_joinIntoOneMessage_withPingsBetween();
    void lengths_of16And64Bits();
    void unmaskedFrame_isRefused();
    void oversizedMessage_isRefusedBeforeItArrives();
    void longControlFrame_isRefused();
    void strayContinuation_isRefused();
    void serverFrames_areUnmasked();
};

void tst_WebSocketFramer::acceptKey_isTheRfcExample()
{
    QCOMPARE(WebSocketFramer::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

void tst_WebSocketFramer::maskedText_isUnmasked()
{
    WebSocketFramer framer;
    framer.append(clientFrame(0x81, R"({"type":"ping"})"));
    WebSocketFramer::Message message;
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::Message);
    QCOMPARE(message.opcode, Opcode::Text);
    QCOMPARE(message.payload, QByteArray(R"({"type":"ping"})"));
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::NeedMore);
}

void tst_WebSocketFramer::bytesSplitAnywhere_giveTheSameMessages()
{
    const QByteArray stream =
        clientFrame(0x81, "first") + clientFrame(0x89, "p") + clientFrame(0x81, QByteArray(300, 'x'));
    for (qsizetype cut = 1; cut < stream.size(); cut += 7) {
        WebSocketFramer framer;
        QList<QByteArray> got;
        WebSocketFramer::Message message;
        for (qsizetype at = 0; at < stream.size(); at += cut) {
            framer.append(stream.mid(at, cut));
            while (framer.next(&message) == WebSocketFramer::Next::Message) {
                got.append(message.payload);
            }
        }
        QCOMPARE(got, (QList<QByteArray>{"first", "p", QByteArray(300, 'x')}));
    }
}

void tst_WebSocketFramer::fragments_joinIntoOneMessage_withPingsBetween()
{
    WebSocketFramer framer;
    framer.append(
        clientFrame(0x01, "hel") + clientFrame(0x89, "ping!") + clientFrame(0x00, "lo ") + clientFrame(0x80, "world"));
    WebSocketFramer::Message message;
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::Message);
    QCOMPARE(message.opcode, Opcode::Ping);
    QCOMPARE(message.payload, QByteArray("ping!"));
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::Message);
    QCOMPARE(message.opcode, Opcode::Text);
    QCOMPARE(message.payload, QByteArray("hello world"));
}

void tst_WebSocketFramer::lengths_of16And64Bits()
{
    WebSocketFramer framer;
    const QByteArray medium(70000, 'm');
    framer.append(clientFrame(0x81, QByteArray(1000, 'a')) + clientFrame(0x82, medium));
    WebSocketFramer::Message message;
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::Message);
    QCOMPARE(message.payload.size(), 1000);
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::Message);
    QCOMPARE(message.opcode, Opcode::Binary);
    QCOMPARE(message.payload, medium);
}

void tst_WebSocketFramer::unmaskedFrame_isRefused()
{
    WebSocketFramer framer;
    framer.append(clientFrame(0x81, "hi", false));
    WebSocketFramer::Message message;
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::Error);
    QCOMPARE(framer.closeCode(), quint16(1002));
}

void tst_WebSocketFramer::oversizedMessage_isRefusedBeforeItArrives()
{
    WebSocketFramer framer;
    // Only the head of a frame that declares 2 GiB: refused without waiting for the body.
    QByteArray head("\x81\xFF", 2);
    head += QByteArray("\x00\x00\x00\x00\x80\x00\x00\x00", 8);
    head += QByteArray("\x01\x02\x03\x04", 4);
    framer.append(head);
    WebSocketFramer::Message message;
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::Error);
    QCOMPARE(framer.closeCode(), quint16(1009));

    // Fragments that add up past the cap, too.
    WebSocketFramer fragments;
    const QByteArray half(WebSocketFramer::maxMessageBytes / 2 + 1, 'f');
    fragments.append(clientFrame(0x01, half) + clientFrame(0x80, half));
    QCOMPARE(fragments.next(&message), WebSocketFramer::Next::Error);
    QCOMPARE(fragments.closeCode(), quint16(1009));
}

void tst_WebSocketFramer::longControlFrame_isRefused()
{
    WebSocketFramer framer;
    framer.append(clientFrame(0x89, QByteArray(126, 'p')));
    WebSocketFramer::Message message;
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::Error);
}

void tst_WebSocketFramer::strayContinuation_isRefused()
{
    WebSocketFramer framer;
    framer.append(clientFrame(0x80, "orphan"));
    WebSocketFramer::Message message;
    QCOMPARE(framer.next(&message), WebSocketFramer::Next::Error);
}

void tst_WebSocketFramer::serverFrames_areUnmasked()
{
    QCOMPARE(WebSocketFramer::frame(Opcode::Text, "hi"), QByteArray("\x81\x02hi", 4));
    const QByteArray medium = WebSocketFramer::frame(Opcode::Text, QByteArray(300, 'x'));
    QCOMPARE(medium.left(4), QByteArray("\x81\x7E\x01\x2C", 4));
    const QByteArray large = WebSocketFramer::frame(Opcode::Binary, QByteArray(70000, 'y'));
    QCOMPARE(large.left(2), QByteArray("\x82\x7F", 2));
    QCOMPARE(large.size(), 70000 + 10);
    QCOMPARE(WebSocketFramer::closeFrame(1001, "bye"),
        QByteArray("\x88\x05\x03\xE9"
                   "bye",
            7));
}

QTEST_GUILESS_MAIN(tst_WebSocketFramer)
#include "tst_websocketframer.moc"
