// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>

#include <QAbstractHttpServer>
#include <QHash>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

class QHttpServerResponder;

namespace AgentBay::Server {

class LimitingTcpServer;
class LocalSession;
class PortProxy;
class RequestParameters;
class SessionStore;
class ToolRunner;

// The HTTP face of agentbay-local on 127.0.0.1: the AgentBay RPC API of protocol.md
// (`POST /?Action=...`, any path suffix), the per-session page behind ResourceUrl
// (`GET /sessions/<id>/?authcode=...`) and the port links of GetLink
// (`/sessions/<id>/ports/<port>/...`, forwarded to 127.0.0.1:<port>, which the session's
// processes share with the host).
class HttpApi final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpApi)

public:
    HttpApi(SessionStore *store, const QString &token, QObject *parent = nullptr);
    ~HttpApi() override;

    // Binds 127.0.0.1:port (0 = any free port); returns the port, 0 on failure.
    quint16 listen(quint16 port, QString *error);

    QString baseUrl() const { return m_baseUrl; }

    // Sessions that may exist at once; CreateMcpSession is refused beyond it.
    static constexpr int defaultMaxSessions = 64;

    void setMaxSessions(int maxSessions) { m_maxSessions = maxSessions; }

    int maxSessions() const { return m_maxSessions; }

    using ReplyCallback = std::function<void(const ApiReply &)>;
    // Runs one action; done runs exactly once, now or later.
    void dispatch(const QString &action, const RequestParameters &params, const ReplyCallback &done);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void handleApi(const QHttpServerRequest &request, QTcpSocket *socket);
    void handleSessionPage(const QHttpServerRequest &request, QTcpSocket *socket, const QString &sessionId);
    bool authorized(const RequestParameters &params, const QHttpServerRequest &request, ApiReply *refusal) const;

    ApiReply createSession(const RequestParameters &params);
    ApiReply getSession(const RequestParameters &params);
    ApiReply getSessionDetail(const RequestParameters &params);
    ApiReply listSessions(const RequestParameters &params);
    ApiReply getMcpResource(const RequestParameters &params);
    ApiReply deleteSession(const RequestParameters &params);
    ApiReply pauseSession(const RequestParameters &params);
    ApiReply resumeSession(const RequestParameters &params);
    ApiReply setLabels(const RequestParameters &params);
    ApiReply getLabels(const RequestParameters &params);
    ApiReply getLink(const RequestParameters &params);
    ApiReply listMcpTools(const RequestParameters &params);
    ApiReply syncContext(const RequestParameters &params);
    ApiReply getContextInfo(const RequestParameters &params);
    void callMcpTool(const RequestParameters &params, const ReplyCallback &done);

    // The session named by SessionId, or the refusal to send (missing / not found).
    LocalSession *sessionFor(const RequestParameters &params, ApiReply *refusal) const;
    static std::optional<QMap<QString, QString>> parseLabels(const QString &json, QString *problem);
    // ImageId (default linux_latest) when this server offers it, else the refusal to send.
    static std::optional<QString> imageFor(const RequestParameters &params, ApiReply *refusal);
    QString resourceUrl(const LocalSession *session) const;
    QString toolListJson(const QString &imageId);

    SessionStore *m_store;
    QString m_token;
    QString m_baseUrl;
    LimitingTcpServer *m_tcpServer = nullptr;
    ToolRunner *m_runner = nullptr;
    PortProxy *m_proxy = nullptr;
    QHash<QString, QString> m_toolListCache;
    int m_maxSessions = defaultMaxSessions;
};

} // namespace AgentBay::Server
