// SPDX-License-Identifier: MIT
#include "portlinkroute.h"

#include <server/agent/agentmessage.h>
#include <server/api/constanttime.h>
#include <server/links/portproxy.h>
#include <server/sandbox/sandboxagent.h>
#include <server/sandbox/sessionsandbox.h>
#include <server/sessions/localsession.h>
#include <server/sessions/sessionstore.h>

#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

#include <unistd.h>

#include <cstring>

namespace AgentBay::Server {

PortLinkRoute::PortLinkRoute(SessionStore *store, PortProxy *proxy)
    : m_store(store)
    , m_proxy(proxy)
{
}

QByteArray PortLinkRoute::cookieName(const QString &sessionId)
{
    return "agentbay_auth_" + sessionId.toLatin1().replace('-', '_');
}

void PortLinkRoute::answer(const WebRequest &request,
    const QString &sessionId,
    const QString &portText,
    const HttpResponder &responder,
    const WebResponder &done)
{
    LocalSession *session = m_store->find(sessionId);
    if (!session) {
        done(WebResponse::page(tr("Not found"), tr("There is no session %1.").arg(sessionId), 404));
        return;
    }
    QUrlQuery query = request.query();
    const QString fromQuery = query.queryItemValue(QStringLiteral("authcode"), QUrl::FullyDecoded);
    const QString fromCookie = request.cookie(cookieName(sessionId));
    const QByteArray expected = session->authCode().toUtf8();
    const bool queryOk = ConstantTime::equals(fromQuery.toUtf8(), expected);
    if (!queryOk && !ConstantTime::equals(fromCookie.toUtf8(), expected)) {
        done(WebResponse::page(tr("Forbidden"), tr("This link needs the session's auth code."), 403));
        return;
    }
    bool portOk = false;
    const int port = portText.toInt(&portOk);
    if (!portOk || port < minPort || port > maxPort) {
        done(WebResponse::page(tr("Bad port"), tr("Port links cover 30100 to 30199 only."), 400));
        return;
    }
    if (session->status() != LocalSession::Status::Running) {
        done(WebResponse::page(tr("Unavailable"), tr("The session is %1.").arg(session->statusName()), 503));
        return;
    }
    // As written in the path (the port may be spelled "030150"), so that the rest is found.
    const QString prefix = QStringLiteral("/sessions/%1/ports/%2").arg(sessionId, portText);
    QString rest = request.path.mid(request.path.indexOf(prefix) + prefix.size());
    if (rest.isEmpty()) {
        rest = QStringLiteral("/");
    }
    query.removeAllQueryItems(QStringLiteral("authcode"));
    PortProxy::Request forward;
    forward.method = request.method.isEmpty() ? QByteArray("GET") : request.method;
    forward.headers = request.headers;
    forward.body = request.body;
    forward.port = quint16(port);
    forward.pathAndQuery = QString::fromUtf8(QUrl::toPercentEncoding(rest, "/!$&'()*+,;=:@-._~"))
        + (query.isEmpty() ? QString() : QLatin1Char('?') + query.toString(QUrl::FullyEncoded));
    forward.publicPrefix = prefix;
    if (queryOk) {
        forward.setCookie = cookieName(sessionId) + '=' + expected + "; Path=/sessions/" + sessionId.toLatin1()
            + "/; HttpOnly; SameSite=Strict";
        if (request.secure) {
            forward.setCookie += "; Secure"; // a link opened over https never sends its code in clear
        }
    }
    forward.serverCookiePrefix = cookieName(QString()); // every session's, not only this one's
    SandboxAgent *agent = session->sandbox() ? session->sandbox()->agent() : nullptr;
    if (!agent) {
        done(WebResponse::plainText("This session has no agent to reach its ports through.\n", 502));
        return;
    }
    AgentMessage connectRequest(AgentProtocol::Op::ConnectPort, 0);
    connectRequest.addInt(AgentProtocol::Tag::Port, port);
    QPointer<PortProxy> proxy(m_proxy);
    agent->request(
        connectRequest, connectTimeoutMs, m_proxy, [proxy, forward, responder, done](const SandboxAgent::Reply &reply) {
            if (!reply.ok() || reply.fd < 0) {
                if (reply.fd >= 0) {
                    ::close(reply.fd);
                }
                const QByteArray why = reply.error.isEmpty() ? QByteArray(std::strerror(reply.errorNumber()))
                                                             : QByteArray("the session's agent did not answer");
                done(WebResponse::plainText(
                    "Nothing answered on port " + QByteArray::number(forward.port) + " in this session: " + why + '\n',
                    502));
                return;
            }
            auto *service = new QTcpSocket;
            if (!proxy || !service->setSocketDescriptor(reply.fd)) {
                ::close(reply.fd);
                delete service;
                done(WebResponse::plainText("The connection to the service could not be used.\n", 502));
                return;
            }
            const HttpTakeover takeover = responder.takeOver(proxy);
            if (!takeover.socket) {
                delete service; // the client left
                return;
            }
            proxy->forward(forward, service, takeover.socket, takeover.unread);
        });
}

} // namespace AgentBay::Server
