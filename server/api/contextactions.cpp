// SPDX-License-Identifier: MIT
#include "contextactions.h"

#include <server/api/actioncontext.h>
#include <server/api/replytext.h>
#include <server/api/requestparameters.h>

#include <QJsonObject>

namespace AgentBay::Server {

ContextActions::ContextActions(ActionContext *context)
    : m_context(context)
{
}

ApiReply ContextActions::sync(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    const QString contextId = params.value(QStringLiteral("ContextId")).trimmed();
    if (!contextId.isEmpty()) {
        return ApiReply::invalidParameter(QStringLiteral("ContextId"),
            tr("The session mounts no context %1; this server offers no contexts").arg(ReplyText::shorten(contextId)));
    }
    return ApiReply::success(QJsonValue::Undefined, tr("No context is mounted in the session; nothing to sync"));
}

ApiReply ContextActions::getInfo(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    // A JSON string, like the service's: an empty list of sync tasks ends the SDKs' wait at once.
    return ApiReply::success(QJsonObject{{QStringLiteral("ContextStatus"), QStringLiteral("[]")}});
}

} // namespace AgentBay::Server
