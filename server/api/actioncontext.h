// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

namespace AgentBay::Server {

class LocalSession;
class RequestParameters;
class SessionStore;

// What the action handlers share: the session store, the session lookup every session
// action starts with, and the tool lists (built once per image). URLs are built on the base
// URL of each request (RequestOrigin), never a fixed one.
class ActionContext
{
    Q_DECLARE_TR_FUNCTIONS(ActionContext)

public:
    explicit ActionContext(SessionStore *store);

    SessionStore *store() const { return m_store; }

    // The session named by SessionId, or nullptr and the refusal to send (missing, not a
    // valid id, not found).
    LocalSession *sessionFor(const RequestParameters &params, ApiReply *refusal) const;
    // ImageId (default linux_latest) when this server offers it, else the refusal to send.
    static std::optional<QString> imageFor(const RequestParameters &params, ApiReply *refusal);

    // The session's page, ResourceUrl of the API, for a client that reached the server at baseUrl.
    static QString resourceUrl(const QString &baseUrl, const LocalSession *session);
    // ToolList of the API: the image's tools as a compact JSON text.
    QString toolListJson(const QString &imageId);

    static const QString defaultImage;

private:
    SessionStore *m_store;
    QHash<QString, QString> m_toolListCache;
};

} // namespace AgentBay::Server
