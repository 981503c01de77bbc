// SPDX-License-Identifier: MIT
#include "actioncontext.h"

#include <server/api/replytext.h>
#include <server/api/requestparameters.h>
#include <server/sessions/localsession.h>
#include <server/sessions/sessionstore.h>
#include <server/tools/toolcatalog.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace AgentBay::Server {

const QString ActionContext::defaultImage = QStringLiteral("linux_latest");

ActionContext::ActionContext(SessionStore *store)
    : m_store(store)
{
}

LocalSession *ActionContext::sessionFor(const RequestParameters &params, ApiReply *refusal) const
{
    const QString id = params.value(QStringLiteral("SessionId")).trimmed();
    if (id.isEmpty()) {
        *refusal = ApiReply::badRequest(QStringLiteral("MissingParameter.SessionId"), tr("SessionId is required"));
        return nullptr;
    }
    if (!SessionStore::isValidId(id)) {
        *refusal = ApiReply::invalidParameter(QStringLiteral("SessionId"),
            tr("SessionId must be 1 to %1 letters, digits, '-' or '_'").arg(SessionStore::maxIdLength));
        return nullptr;
    }
    LocalSession *session = m_store->find(id);
    if (!session) {
        *refusal = ApiReply::sessionNotFound();
    }
    return session;
}

std::optional<QString> ActionContext::imageFor(const RequestParameters &params, ApiReply *refusal)
{
    const QString given = params.value(QStringLiteral("ImageId")).trimmed();
    const QString imageId = given.isEmpty() ? defaultImage : given;
    if (!ToolCatalog::isKnownImage(imageId)) {
        *refusal = ApiReply::badRequest(QStringLiteral("InvalidParameter.ImageId"),
            tr("Unknown image %1; this server offers %2")
                .arg(ReplyText::shorten(imageId), ToolCatalog::images().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return imageId;
}

QString ActionContext::resourceUrl(const QString &baseUrl, const LocalSession *session)
{
    return baseUrl + QStringLiteral("/sessions/") + session->id() + QStringLiteral("/?authcode=") + session->authCode();
}

QString ActionContext::toolListJson(const QString &imageId)
{
    auto it = m_toolListCache.constFind(imageId);
    if (it == m_toolListCache.cend()) {
        const QJsonArray tools = ToolCatalog::toolsFor(imageId);
        it = m_toolListCache.insert(imageId, QString::fromUtf8(QJsonDocument(tools).toJson(QJsonDocument::Compact)));
    }
    return it.value();
}

} // namespace AgentBay::Server
