// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace AgentBay::Server {

// The scheme, host and port a client used to reach this server: the base of every URL handed
// back to it (ResourceUrl, WsUrl, GetLink). One port speaks both plain HTTP and TLS, so the
// scheme is the connection's (https when it came over TLS); host:port are the request's own
// (RFC 9112 3.2: the absolute-form target, else Host), so a client that came through
// "localhost" or a forwarded port gets links it can follow. A Host that is not a plain
// host[:port] (or none, as HTTP/1.0 allows) gives way to 127.0.0.1 and the listening port.
class RequestOrigin
{
public:
    // "http://127.0.0.1:PORT", "https://localhost:PORT", ... (no trailing slash).
    static QString baseUrl(bool secure, const QByteArray &target, const QByteArray &host, quint16 listeningPort);
    // Whether authority is a host (name, IPv4 or [IPv6]) with an optional port 1-65535,
    // and nothing else: no user info, path, spaces or percent escapes.
    static bool isPlainAuthority(const QByteArray &authority);
    // ws/wss for the same origin: baseUrl with its http scheme swapped.
    static QString webSocketUrl(const QString &baseUrl);
};

} // namespace AgentBay::Server
