// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>
#include <server/api/sessionactions.h>
#include <server/http/httpserver.h>

#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <memory>
#include <optional>

namespace AgentBay::Server {

class ActionDispatcher;
class PortLinkRoute;
class PortProxy;
class RequestParameters;
class SessionPageRoute;
class SessionStore;
class TerminalService;
struct WebRequest;
struct WebResponse;

// The HTTP face of agentbay-local on 127.0.0.1, and the one class that knows the HTTP server
// it runs on (HttpServer: plain http and, with a TLS configuration, https on the same port):
// it turns each request into a WebRequest, routes it and writes the WebResponse. A request
// whose API key, given in the query or a header, is wrong is refused from its head, before
// its body is read.
// Routes: the AgentBay RPC API of protocol.md (`POST /?Action=...`, any path suffix; the API
// key is checked here, the action runs in ActionDispatcher), the session page behind
// ResourceUrl (`GET /sessions/<id>/?authcode=...`, SessionPageRoute) and the port links of
// GetLink (`/sessions/<id>/ports/<port>/...`, PortLinkRoute) and the terminal WebSocket
// (`GET /ws/<id>`, TerminalService).
class ApiRouter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiRouter)

public:
    ApiRouter(SessionStore *store, const QString &token, QObject *parent = nullptr);
    ~ApiRouter() override;

    // Before listen(): the limits and deadlines of the HTTP server, and TLS (none by default).
    void setHttpSettings(const HttpServer::Settings &settings) { m_httpSettings = settings; }

    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }

    // Binds 127.0.0.1:port (0 = any free port); returns the port, 0 on failure.
    quint16 listen(quint16 port, QString *error);

    // Where it listens (http://127.0.0.1:PORT). The URLs in answers follow each request
    // instead: its scheme (https over TLS) and the host:port its client used (RequestOrigin).
    QString baseUrl() const { return m_baseUrl; }

    // Sessions that may exist at once; CreateMcpSession is refused beyond it.
    static constexpr int defaultMaxSessions = SessionActions::defaultMaxSessions;

    void setMaxSessions(int maxSessions);
    int maxSessions() const;

private:
    using Reply = std::function<void(const WebResponse &)>;

    void route(const WebRequest &request, const HttpResponder &responder, const Reply &reply);
    void handleApi(const WebRequest &request, const Reply &reply);
    bool authorized(const RequestParameters &params, const WebRequest &request, ApiReply *refusal) const;

    std::optional<HttpResponse> checkHead(const HttpRequest &head) const;
    static HttpResponse transportError(int status, const QByteArray &reason, qint64 maxBodyBytes);
    WebRequest toWebRequest(const HttpRequest &request) const;
    static HttpResponse toHttpResponse(const WebResponse &response);

    SessionStore *m_store;
    QString m_token;
    QString m_baseUrl;
    HttpServer::Settings m_httpSettings;
    QSslConfiguration m_tls;
    HttpServer *m_http = nullptr;
    PortProxy *m_proxy = nullptr;
    TerminalService *m_terminals = nullptr;
    std::unique_ptr<ActionDispatcher> m_actions;
    std::unique_ptr<SessionPageRoute> m_sessionPage;
    std::unique_ptr<PortLinkRoute> m_portLinks;
};

} // namespace AgentBay::Server
