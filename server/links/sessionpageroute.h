// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/webrequest.h>
#include <server/api/webresponse.h>

#include <QCoreApplication>

namespace AgentBay::Server {

class SessionStore;

// GET /sessions/<id>/?authcode=...: the session's page (its ResourceUrl), shown only with
// the session's auth code.
class SessionPageRoute
{
    Q_DECLARE_TR_FUNCTIONS(SessionPageRoute)

public:
    explicit SessionPageRoute(SessionStore *store);

    WebResponse answer(const WebRequest &request, const QString &sessionId) const;

private:
    SessionStore *m_store;
};

} // namespace AgentBay::Server
