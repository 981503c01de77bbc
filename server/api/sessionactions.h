// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>

#include <QCoreApplication>

namespace AgentBay::Server {

class ActionContext;
class RequestParameters;

// The session actions: CreateMcpSession, GetSession, GetSessionDetail, ListSession,
// GetMcpResource, DeleteSessionAsync / ReleaseMcpSession, PauseSessionAsync, ResumeSessionAsync,
// RefreshSessionIdleTime.
class SessionActions
{
    Q_DECLARE_TR_FUNCTIONS(SessionActions)

public:
    explicit SessionActions(ActionContext *context);

    // ResourceUrl and WsUrl are built on baseUrl, the server as the client reached it.
    ApiReply create(const RequestParameters &params, const QString &baseUrl);
    ApiReply get(const RequestParameters &params, const QString &baseUrl);
    ApiReply getDetail(const RequestParameters &params);
    ApiReply list(const RequestParameters &params);
    ApiReply getMcpResource(const RequestParameters &params, const QString &baseUrl);
    ApiReply remove(const RequestParameters &params);
    ApiReply pause(const RequestParameters &params);
    ApiReply resume(const RequestParameters &params);
    // RefreshSessionIdleTime (keep-alive): activity that moves the idle release deadline.
    ApiReply refreshIdleTime(const RequestParameters &params);

    // Sessions that may exist at once; CreateMcpSession is refused beyond it.
    static constexpr int defaultMaxSessions = 64;

    void setMaxSessions(int maxSessions) { m_maxSessions = maxSessions; }

    int maxSessions() const { return m_maxSessions; }

private:
    ActionContext *m_context;
    int m_maxSessions = defaultMaxSessions;
};

} // namespace AgentBay::Server
