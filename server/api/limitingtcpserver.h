// SPDX-License-Identifier: MIT
#pragma once

#include <QTcpServer>

namespace AgentBay::Server {

// The listening socket of agentbay-local. QHttpServer 6.4 buffers every request body whole
// and has no size limit, so each connection is watched here first: the request headers are
// read ahead (peek, before the HTTP server's own reader runs) and a request whose
// Content-Length is over the limit is answered 413 and its body discarded as it arrives,
// never buffered. Chunked request bodies cannot be bounded up front and get 411; oversized
// header blocks get 431.
class LimitingTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitingTcpServer)

public:
    static constexpr qint64 defaultMaxBodyBytes = 8 * 1024 * 1024;
    static constexpr qint64 maxHeaderBytes = 64 * 1024;

    explicit LimitingTcpServer(qint64 maxBodyBytes = defaultMaxBodyBytes, QObject *parent = nullptr);
    ~LimitingTcpServer() override;

    // The HTTP server whose readers are cut off a refused connection.
    void setHttpServer(QObject *httpServer) { m_httpServer = httpServer; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    qint64 m_maxBodyBytes;
    QObject *m_httpServer = nullptr;
};

} // namespace AgentBay::Server
