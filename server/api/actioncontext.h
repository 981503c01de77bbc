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

// What the action handlers share: the session store, the server's base URL, the session
// lookup every session action starts with, and the tool lists (built once per image).
class ActionContext
{
    Q_DECLARE_TR_FUNCTIONS(ActionContext)

public:
    explicit ActionContext(SessionStore *store);

    SessionStore *store() const { return m_store; }

    QString baseUrl() const { return m_baseUrl; }

    void setBaseUrl(const QString &baseUrl) { m_baseUrl = baseUrl; }

    // The session named by SessionId, or nullptr and the refusal to send (missing, not a
    // valid id, not found).
    LocalSession *sessionFor(const RequestParameters &params, ApiReply *refusal) const;
    // ImageId (default linux_latest) when this server offers it, else the refusal to send.
    static std::optional<QString> imageFor(const RequestParameters &params, ApiReply *refusal);

    // The session's page, ResourceUrl of the API.
    QString resourceUrl(const LocalSession *session) const;
    // ToolList of the API: the image's tools as a compact JSON text.
    QString toolListJson(const QString &imageId);

    static const QString defaultImage;

private:
    SessionStore *m_store;
    QString m_baseUrl;
    QHash<QString, QString> m_toolListCache;
};

} // namespace AgentBay::Server
