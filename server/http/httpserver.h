// SPDX-License-Identifier: MIT
#pragma once

#include <server/http/httprequest.h>
#include <server/http/httprequestparser.h>
#include <server/http/httpresponder.h>
#include <server/http/httpresponse.h>

#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>
#include <optional>

namespace AgentBay::Server {

class HttpConnection;

// The HTTP/1.1 server of agentbay-local, on QTcpServer: one HttpConnection per client with
// its own request parser, keep-alive and pipelining, a deadline for each request head
// (slowloris), an idle timeout between requests and a cap on open connections. The same
// port speaks TLS to clients whose first byte is a TLS handshake (0x16) once a TLS
// configuration is set, plain HTTP to the others.
//
// Routes see each request twice: its head before the body is read (setHeadCheck, which may
// refuse it, e.g. for a wrong API key, without the body ever being read) and then whole
// (setHandler), with an HttpResponder to answer now or later.
class HttpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    struct Settings
    {
        HttpRequestParser::Limits limits;
        int headerTimeoutMs = 10 * 1000; // from a request's first byte (or the connection) to its blank line
        int idleTimeoutMs = 75 * 1000; // between requests on a kept-alive connection, and within a body
        int maxConnections = 512;
    };

    using HeadCheck = std::function<std::optional<HttpResponse>(const HttpRequest &head)>;
    using Handler = std::function<void(HttpRequest request, HttpResponder responder)>;
    using ErrorResponse = std::function<HttpResponse(int status, const QByteArray &reason)>;

    explicit HttpServer(QObject *parent = nullptr);
    explicit HttpServer(const Settings &settings, QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(const Handler &handler) { m_handler = handler; }

    void setHeadCheck(const HeadCheck &check) { m_headCheck = check; }

    // The answer to a request the server refuses itself (broken framing, too large, too slow).
    void setErrorResponse(const ErrorResponse &errorResponse) { m_errorResponse = errorResponse; }

    // Offers TLS on the same port; a null configuration (the default) offers plain HTTP only.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }

    bool offersTls() const { return !m_tls.isNull(); }

    const Settings &settings() const { return m_settings; }

    int connectionCount() const { return int(m_connections.size()); }

    // For HttpConnection.
    const QSslConfiguration &tlsConfiguration() const { return m_tls; }

    std::optional<HttpResponse> checkHead(const HttpRequest &head) const;
    void handle(HttpRequest request, const HttpResponder &responder) const;
    HttpResponse errorResponse(int status, const QByteArray &reason) const;

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    bool evictOne();

    Settings m_settings;
    Handler m_handler;
    HeadCheck m_headCheck;
    ErrorResponse m_errorResponse;
    QSslConfiguration m_tls;
    QList<HttpConnection *> m_connections;
};

} // namespace AgentBay::Server
