// SPDX-License-Identifier: MIT
#include "actiondispatcher.h"

#include <server/api/actioncontext.h>
#include <server/api/contextactions.h>
#include <server/api/labelactions.h>
#include <server/api/linkactions.h>
#include <server/api/replytext.h>
#include <server/api/requestparameters.h>
#include <server/api/sessionactions.h>
#include <server/api/toolactions.h>

namespace AgentBay::Server {

namespace {

using Action = std::function<void(const RequestParameters &, const QString &, const ApiReply::Callback &)>;

// An action that answers at once.
template <typename Handler>
Action immediate(Handler *handler, ApiReply (Handler::*method)(const RequestParameters &))
{
    return [handler, method](const RequestParameters &params, const QString &, const ApiReply::Callback &done) {
        done((handler->*method)(params));
    };
}

// An action that answers at once with URLs on the request's base URL.
template <typename Handler>
Action immediateWithUrls(Handler *handler, ApiReply (Handler::*method)(const RequestParameters &, const QString &))
{
    return [handler, method](const RequestParameters &params, const QString &baseUrl, const ApiReply::Callback &done) {
        done((handler->*method)(params, baseUrl));
    };
}

} // namespace

ActionDispatcher::ActionDispatcher(SessionStore *store)
    : m_context(std::make_unique<ActionContext>(store))
    , m_sessions(std::make_unique<SessionActions>(m_context.get()))
    , m_labels(std::make_unique<LabelActions>(m_context.get()))
    , m_links(std::make_unique<LinkActions>(m_context.get()))
    , m_tools(std::make_unique<ToolActions>(m_context.get()))
    , m_contexts(std::make_unique<ContextActions>(m_context.get()))
{
    SessionActions *sessions = m_sessions.get();
    ToolActions *tools = m_tools.get();
    m_actions = {
        {QStringLiteral("CreateMcpSession"), immediateWithUrls(sessions, &SessionActions::create)},
        {QStringLiteral("GetSession"), immediateWithUrls(sessions, &SessionActions::get)},
        {QStringLiteral("GetSessionDetail"), immediate(sessions, &SessionActions::getDetail)},
        {QStringLiteral("ListSession"), immediate(sessions, &SessionActions::list)},
        {QStringLiteral("GetMcpResource"), immediateWithUrls(sessions, &SessionActions::getMcpResource)},
        {QStringLiteral("DeleteSessionAsync"), immediate(sessions, &SessionActions::remove)},
        {QStringLiteral("ReleaseMcpSession"), immediate(sessions, &SessionActions::remove)},
        {QStringLiteral("PauseSessionAsync"), immediate(sessions, &SessionActions::pause)},
        {QStringLiteral("ResumeSessionAsync"), immediate(sessions, &SessionActions::resume)},
        {QStringLiteral("RefreshSessionIdleTime"), immediate(sessions, &SessionActions::refreshIdleTime)},
        {QStringLiteral("SetLabel"), immediate(m_labels.get(), &LabelActions::set)},
        {QStringLiteral("GetLabel"), immediate(m_labels.get(), &LabelActions::get)},
        {QStringLiteral("GetLink"), immediateWithUrls(m_links.get(), &LinkActions::getLink)},
        {QStringLiteral("ListMcpTools"), immediate(tools, &ToolActions::list)},
        {QStringLiteral("CallMcpTool"),
            [tools](const RequestParameters &params, const QString &, const ApiReply::Callback &done) {
                tools->call(params, done);
            }},
        {QStringLiteral("SyncContext"), immediate(m_contexts.get(), &ContextActions::sync)},
        {QStringLiteral("GetContextInfo"), immediate(m_contexts.get(), &ContextActions::getInfo)},
    };
}

ActionDispatcher::~ActionDispatcher() = default;

void ActionDispatcher::dispatch(
    const QString &action, const RequestParameters &params, const QString &baseUrl, const ApiReply::Callback &done)
{
    // Every other action of the API (contexts: GetContext, ListContexts, ModifyContext, ...;
    // browsers: GetCdpLink, InitBrowser; Android: GetAdbLink; networks: CreateNetwork,
    // DescribeNetwork) answers InvalidAction.NotFound, which the SDKs read as "feature not
    // deployed" (protocol.md 1.7), rather than a fake that would pretend to work.
    const auto it = m_actions.constFind(action);
    if (it == m_actions.cend()) {
        done(ApiReply::badRequest(QStringLiteral("InvalidAction.NotFound"),
            action.isEmpty() ? tr("No Action was given")
                             : tr("The action %1 is not supported").arg(ReplyText::shorten(action))));
        return;
    }
    it.value()(params, baseUrl, done);
}

void ActionDispatcher::setMaxSessions(int maxSessions)
{
    m_sessions->setMaxSessions(maxSessions);
}

int ActionDispatcher::maxSessions() const
{
    return m_sessions->maxSessions();
}

} // namespace AgentBay::Server
