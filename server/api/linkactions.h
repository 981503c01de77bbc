// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>

#include <QCoreApplication>

namespace AgentBay::Server {

class ActionContext;
class RequestParameters;

// GetLink: the URL of a service a session's processes serve on a port of 30100-30199, or
// without a port the session's default link (its page).
class LinkActions
{
    Q_DECLARE_TR_FUNCTIONS(LinkActions)

public:
    explicit LinkActions(ActionContext *context);

    // The URL is built on baseUrl, the server as the client reached it (https -> https/wss).
    ApiReply getLink(const RequestParameters &params, const QString &baseUrl);

private:
    ActionContext *m_context;
};

} // namespace AgentBay::Server
