// SPDX-License-Identifier: MIT
#pragma once

#include <server/http/httpresponse.h>

#include <QByteArray>
#include <QPointer>

class QTcpSocket;

namespace AgentBay::Server {

class HttpConnection;

// The raw connection a route took over (a port-link proxy, a WebSocket upgrade): the socket
// (a QSslSocket when the client spoke TLS, already decrypting) and the bytes the client sent
// after the request that the HTTP reader had already taken off the socket.
struct HttpTakeover
{
    QTcpSocket *socket = nullptr; // nullptr when the client had gone
    QByteArray unread;
};

// How a route answers one request; cheap to copy into callbacks. Every call is a no-op once
// the client has gone or the request was answered, so an answer that comes late (a tool call
// that outlives its client) is simply dropped.
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection, quint64 serial);

    // Whether the client is still there waiting for this answer.
    bool isOpen() const;
    // The whole answer, with Content-Length.
    void respond(const HttpResponse &response) const;
    // A streamed answer: the head now (chunked), data as it comes, then the end.
    void beginStream(const HttpResponse &head) const;
    void writeStream(const QByteArray &data) const;
    void endStream() const;
    // Hands the socket over: the HTTP server lets go of it for good. The new parent owns it.
    HttpTakeover takeOver(QObject *newParent) const;

private:
    HttpConnection *live() const;

    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

} // namespace AgentBay::Server
