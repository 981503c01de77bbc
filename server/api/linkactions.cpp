// SPDX-License-Identifier: MIT
#include "linkactions.h"

#include <server/api/actioncontext.h>
#include <server/api/requestorigin.h>
#include <server/api/requestparameters.h>
#include <server/links/portlinkroute.h>
#include <server/sessions/localsession.h>

#include <QJsonObject>

namespace AgentBay::Server {

LinkActions::LinkActions(ActionContext *context)
    : m_context(context)
{
}

ApiReply LinkActions::getLink(const RequestParameters &params, const QString &baseUrl)
{
    ApiReply refusal;
    const LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    const QString protocol = params.value(QStringLiteral("ProtocolType")).trimmed().toLower();
    if (protocol == u"http") {
        return ApiReply::badRequest(
            QStringLiteral("InvalidParameter.ProtocolType"), QStringLiteral("http not supported"));
    }
    if (!protocol.isEmpty() && protocol != u"https" && protocol != u"wss") {
        return ApiReply::badRequest(
            QStringLiteral("InvalidParameter.ProtocolType"), tr("ProtocolType must be https or wss"));
    }
    // Option is opaque to the service and changes nothing here: accepted, never refused.
    const QString portText = params.value(QStringLiteral("Port")).trimmed();
    if (portText.isEmpty()) {
        // The session's default link: its page (the service's is a browser's CDP endpoint,
        // which no image here has). A WebSocket link needs a port to go to.
        if (protocol == u"wss") {
            return ApiReply::badRequest(QStringLiteral("InvalidParameter.Port"),
                tr("A wss link needs a Port from %1 to %2").arg(PortLinkRoute::minPort).arg(PortLinkRoute::maxPort));
        }
        return ApiReply::success(QJsonObject{{QStringLiteral("Url"), ActionContext::resourceUrl(baseUrl, session)}});
    }
    bool ok = false;
    const int port = portText.toInt(&ok);
    if (!ok || port < PortLinkRoute::minPort || port > PortLinkRoute::maxPort) {
        return ApiReply::badRequest(QStringLiteral("InvalidParameter.Port"),
            tr("Port must be a number from %1 to %2").arg(PortLinkRoute::minPort).arg(PortLinkRoute::maxPort));
    }
    // Each session has its own network: links go through this server, which checks the
    // session and its auth code and reaches the port inside that session only. A wss link is
    // the same path with the WebSocket scheme of the request's (wss over TLS); it upgrades there.
    const QString origin = protocol == u"wss" ? RequestOrigin::webSocketUrl(baseUrl) : baseUrl;
    const QString url = origin
        + QStringLiteral("/sessions/%1/ports/%2/?authcode=%3").arg(session->id()).arg(port).arg(session->authCode());
    return ApiReply::success(QJsonObject{{QStringLiteral("Url"), url}});
}

} // namespace AgentBay::Server
