// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <functional>
#include <memory>

namespace AgentBay::Server {

class ActionContext;
class ContextActions;
class LabelActions;
class LinkActions;
class RequestParameters;
class SessionActions;
class SessionStore;
class ToolActions;

// The actions of the AgentBay RPC API (protocol.md), one table from Action name to the
// handler of its area. Knows nothing of HTTP: ApiRouter hands it authorised parameters.
class ActionDispatcher
{
    Q_DECLARE_TR_FUNCTIONS(ActionDispatcher)

public:
    explicit ActionDispatcher(SessionStore *store);
    ~ActionDispatcher();

    // Runs one action; done runs exactly once, now or later. baseUrl: scheme://host:port as the
    // client reached the server (RequestOrigin), for the URLs in the answer.
    void dispatch(
        const QString &action, const RequestParameters &params, const QString &baseUrl, const ApiReply::Callback &done);

    void setMaxSessions(int maxSessions);
    int maxSessions() const;

private:
    using Action = std::function<void(const RequestParameters &, const QString &baseUrl, const ApiReply::Callback &)>;

    std::unique_ptr<ActionContext> m_context;
    std::unique_ptr<SessionActions> m_sessions;
    std::unique_ptr<LabelActions> m_labels;
    std::unique_ptr<LinkActions> m_links;
    std::unique_ptr<ToolActions> m_tools;
    std::unique_ptr<ContextActions> m_contexts;
    QHash<QString, Action> m_actions;
};

} // namespace AgentBay::Server
