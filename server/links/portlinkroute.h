// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/webrequest.h>
#include <server/api/webresponse.h>

#include <QCoreApplication>

namespace AgentBay::Server {

class PortProxy;
class SessionStore;

// /sessions/<id>/ports/<port>/...: the HTTP port links of GetLink. The session's auth code
// (query, then a cookie set on the first visit) opens them; the request goes on to
// 127.0.0.1:<port>, which the session's processes share with the host.
class PortLinkRoute
{
    Q_DECLARE_TR_FUNCTIONS(PortLinkRoute)

public:
    PortLinkRoute(SessionStore *store, PortProxy *proxy);

    // portText as written in the path; done is called once, now or when the service answered.
    void answer(const WebRequest &request, const QString &sessionId, const QString &portText, const WebResponder &done);

    // The ports GetLink hands out links for.
    static constexpr int minPort = 30100;
    static constexpr int maxPort = 30199;

    static QByteArray cookieName(const QString &sessionId);

private:
    SessionStore *m_store;
    PortProxy *m_proxy;
};

} // namespace AgentBay::Server
