// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>
#include <server/api/sessionactions.h>

#include <QAbstractHttpServer>
#include <QString>

#include <memory>

class QHttpServerResponder;

namespace AgentBay::Server {

class ActionDispatcher;
class LimitingTcpServer;
class PortLinkRoute;
class PortProxy;
class RequestParameters;
class SessionPageRoute;
class SessionStore;
struct WebRequest;
struct WebResponse;

// The HTTP face of agentbay-local on 127.0.0.1, and the one class that knows the HTTP server
// it runs on: it turns each request into a WebRequest, routes it and writes the WebResponse.
// Routes: the AgentBay RPC API of protocol.md (`POST /?Action=...`, any path suffix; the API
// key is checked here, the action runs in ActionDispatcher), the session page behind
// ResourceUrl (`GET /sessions/<id>/?authcode=...`, SessionPageRoute) and the port links of
// GetLink (`/sessions/<id>/ports/<port>/...`, PortLinkRoute).
class ApiRouter final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiRouter)

public:
    ApiRouter(SessionStore *store, const QString &token, QObject *parent = nullptr);
    ~ApiRouter() override;

    // Binds 127.0.0.1:port (0 = any free port); returns the port, 0 on failure.
    quint16 listen(quint16 port, QString *error);

    QString baseUrl() const { return m_baseUrl; }

    // Sessions that may exist at once; CreateMcpSession is refused beyond it.
    static constexpr int defaultMaxSessions = SessionActions::defaultMaxSessions;

    void setMaxSessions(int maxSessions);
    int maxSessions() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    using Reply = std::function<void(const WebResponse &)>;

    void route(const WebRequest &request, const Reply &reply);
    void handleApi(const WebRequest &request, const Reply &reply);
    bool authorized(const RequestParameters &params, const WebRequest &request, ApiReply *refusal) const;

    static WebRequest toWebRequest(const QHttpServerRequest &request);
    static void write(QHttpServerResponder &responder, const WebResponse &response);

    SessionStore *m_store;
    QString m_token;
    QString m_baseUrl;
    LimitingTcpServer *m_tcpServer = nullptr;
    PortProxy *m_proxy = nullptr;
    std::unique_ptr<ActionDispatcher> m_actions;
    std::unique_ptr<SessionPageRoute> m_sessionPage;
    std::unique_ptr<PortLinkRoute> m_portLinks;
};

} // namespace AgentBay::Server
