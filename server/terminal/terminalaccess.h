// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace AgentBay::Server {

// Who may open a session's terminal channel (protocol-2026.md 4.1/4.2): GetSession and
// CreateMcpSession hand out WsUrl and a Token per session; the WebSocket upgrade must carry
// that Token in X-Access-Token. The token is an HMAC of the session id under a secret made
// at server start, so it is never stored, differs per session and dies with the process;
// it is not the API key and never goes into a URL.
class TerminalAccess
{
public:
    // The session's token (64 hex characters).
    static QString token(const QString &sessionId);
    // Whether given is the session's token; compared in constant time.
    static bool accepts(const QString &sessionId, const QByteArray &given);
    // ws://HOST:PORT/ws/<id> for a client that reached the server at baseUrl
    // (http://HOST:PORT), wss://HOST:PORT/ws/<id> for one that came over TLS (https://...).
    static QString wsUrl(const QString &baseUrl, const QString &sessionId);
    // The path prefix of the route ("/ws/").
    static constexpr char pathPrefix[] = "/ws/";
};

} // namespace AgentBay::Server
