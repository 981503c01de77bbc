// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/webrequest.h>
#include <server/api/webresponse.h>
#include <server/http/httpresponder.h>

#include <QCoreApplication>

namespace AgentBay::Server {

class PortProxy;
class SessionStore;

// /sessions/<id>/ports/<port>/...: the HTTP port links of GetLink. The session's auth code
// (query, then a cookie set on the first visit) opens them; the request goes on to
// 127.0.0.1:<port> of the session's own network namespace, through a connection the
// session's agent opens there (ConnectPort), never to the host's loopback.
class PortLinkRoute
{
    Q_DECLARE_TR_FUNCTIONS(PortLinkRoute)

public:
    PortLinkRoute(SessionStore *store, PortProxy *proxy);

    // portText as written in the path. Refusals go to done; once the service is reached the
    // client's socket is taken over from responder and the answer streamed on it.
    void answer(const WebRequest &request,
        const QString &sessionId,
        const QString &portText,
        const HttpResponder &responder,
        const WebResponder &done);

    // How long the agent may take to connect to the port.
    static constexpr int connectTimeoutMs = 10000;

    // The ports GetLink hands out links for.
    static constexpr int minPort = 30100;
    static constexpr int maxPort = 30199;

    static QByteArray cookieName(const QString &sessionId);

private:
    SessionStore *m_store;
    PortProxy *m_proxy;
};

} // namespace AgentBay::Server
