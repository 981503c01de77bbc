// SPDX-License-Identifier: MIT
#include "httpserver.h"

#include "httpconnection.h"

#include <QLoggingCategory>
#include <QSslSocket>

#include <unistd.h>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcHttp, "agentbay.server.http")

HttpServer::HttpServer(QObject *parent)
    : HttpServer(Settings(), parent)
{
}

HttpServer::HttpServer(const Settings &settings, QObject *parent)
    : QTcpServer(parent)
    , m_settings(settings)
{
    // Room for a burst of connects beyond the cap: they are accepted and closed at once
    // rather than left waiting in the kernel's queue.
    setListenBacklogSize(1024);
}

HttpServer::~HttpServer()
{
    close();
    // Connections are children; their responders see them go.
    qDeleteAll(std::exchange(m_connections, {}));
}

std::optional<HttpResponse> HttpServer::checkHead(const HttpRequest &head) const
{
    return m_headCheck ? m_headCheck(head) : std::nullopt;
}

void HttpServer::handle(HttpRequest request, const HttpResponder &responder) const
{
    if (m_handler) {
        m_handler(std::move(request), responder);
    } else {
        responder.respond(errorResponse(404, "nothing is served here"));
    }
}

HttpResponse HttpServer::errorResponse(int status, const QByteArray &reason) const
{
    if (m_errorResponse) {
        return m_errorResponse(status, reason);
    }
    return HttpResponse::make(status, "text/plain; charset=utf-8", reason + '\n');
}

// At the cap, the connection that has waited longest without a request being answered makes
// room (a half-open or idle one); a connection whose request is being answered is never cut.
bool HttpServer::evictOne()
{
    HttpConnection *oldest = nullptr;
    for (HttpConnection *connection : std::as_const(m_connections)) {
        if (!connection->isBusy() && (!oldest || connection->lastProgressMs() < oldest->lastProgressMs())) {
            oldest = connection;
        }
    }
    if (!oldest) {
        return false;
    }
    m_connections.removeOne(oldest);
    oldest->abort();
    return true;
}

void HttpServer::incomingConnection(qintptr socketDescriptor)
{
    if (m_connections.size() >= m_settings.maxConnections && !evictOne()) {
        qCInfo(lcHttp) << "connection cap reached, closing a new connection";
        ::close(int(socketDescriptor));
        return;
    }
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        ::close(int(socketDescriptor));
        return;
    }
    auto *connection = new HttpConnection(socket, this);
    m_connections.append(connection);
    connect(connection, &QObject::destroyed, this, [this, connection] {
        m_connections.removeOne(connection);
    });
}

} // namespace AgentBay::Server
