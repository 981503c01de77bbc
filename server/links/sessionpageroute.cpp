// SPDX-License-Identifier: MIT
#include "sessionpageroute.h"

#include <server/api/constanttime.h>
#include <server/links/sessionpage.h>
#include <server/sessions/localsession.h>
#include <server/sessions/sessionstore.h>

namespace AgentBay::Server {

SessionPageRoute::SessionPageRoute(SessionStore *store)
    : m_store(store)
{
}

WebResponse SessionPageRoute::answer(const WebRequest &request, const QString &sessionId) const
{
    const LocalSession *session = m_store->find(sessionId);
    if (!session) {
        return WebResponse::page(tr("Not found"), tr("There is no session %1.").arg(sessionId), 404);
    }
    const QString code = request.query().queryItemValue(QStringLiteral("authcode"), QUrl::FullyDecoded);
    if (!ConstantTime::equals(code.toUtf8(), session->authCode().toUtf8())) {
        return WebResponse::page(tr("Forbidden"), tr("This page needs the session's auth code."), 403);
    }
    return WebResponse::html(SessionPage::render(*session));
}

} // namespace AgentBay::Server
