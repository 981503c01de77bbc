// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

class QTcpSocket;

namespace AgentBay::Server {

// Relays one request of a GetLink URL to a service of the session and streams its answer
// back. The route hands over both ends: the client's socket (taken over from the HTTP server)
// and a socket already connected to the service inside the session's own network namespace.
// What crosses it:
//   - to the service: the request head rewritten (hop-by-hop headers, Authorization and the
//     server's own cookies dropped; Host is the service's), then the body; a WebSocket (or
//     other) upgrade keeps Upgrade/Connection: Upgrade;
//   - back: the service's head with hop-by-hop headers dropped, redirects kept inside the
//     link, Set-Cookie confined to the link's path (a Path is taken as the service's own path
//     and prefixed with the link's; a Set-Cookie with the server's cookie name is dropped;
//     Domain is removed), then the body byte for byte (its framing kept, Connection: close);
//   - after a 101 answer the two sockets are spliced both ways.
// Memory stays bounded: a side is read only while the other has less than maxBufferedBytes
// waiting to be written, and the sockets' own read buffers are capped the same way.
class PortProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortProxy)

public:
    struct Request
    {
        QByteArray method;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        quint16 port = 0;
        QString pathAndQuery; // as the service should see it, starting with '/'
        QString publicPrefix; // the link's path prefix, for redirects and cookies
        QByteArray setCookie; // sent along with the answer when non-empty
        QByteArray serverCookiePrefix = "agentbay_auth_"; // cookies never forwarded nor set
    };

    explicit PortProxy(QObject *parent = nullptr);
    ~PortProxy() override;

    // Takes both sockets (this becomes their parent); clientUnread: bytes the client sent
    // after the request, passed on only after an upgrade.
    void forward(const Request &request, QTcpSocket *service, QTcpSocket *client, const QByteArray &clientUnread);
    // Answers status with text on a taken-over client socket and closes it.
    static void refuse(QTcpSocket *client, int status, const QByteArray &text);

    static QByteArray requestHead(const Request &request);
    // The service's answer head (status line to the empty line) as the client gets it; empty
    // when it does not parse.
    static QByteArray responseHead(const QByteArray &serviceHead, const Request &request);
    static QByteArray confineCookie(const QByteArray &setCookie, const Request &request);

    // Bytes waiting on one side before the other is no longer read.
    static constexpr qint64 maxBufferedBytes = 256 * 1024;
    static constexpr qint64 maxHeadBytes = 64 * 1024;
    // A service that sends no answer head within this ends in 504.
    static constexpr int headTimeoutMs = 60000;

    // Test hook: the most bytes any relay of this proxy had waiting at once.
    qint64 peakBufferedBytes() const { return m_peakBuffered; }

    void noteBuffered(qint64 bytes) { m_peakBuffered = qMax(m_peakBuffered, bytes); }

private:
    qint64 m_peakBuffered = 0;
};

} // namespace AgentBay::Server
