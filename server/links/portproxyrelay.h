// SPDX-License-Identifier: MIT
#pragma once

#include <server/links/portproxy.h>

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace AgentBay::Server {

// One link request in flight (PortProxy): the request to the service, its head rewritten on
// the way back, then the body streamed with backpressure; after a 101 both ways. Deletes
// itself, with both sockets, when either side is done.
class PortProxyRelay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortProxyRelay)

public:
    PortProxyRelay(const PortProxy::Request &request,
        QTcpSocket *service,
        QTcpSocket *client,
        const QByteArray &clientUnread,
        PortProxy *proxy);
    ~PortProxyRelay() override;

private:
    void pump();
    bool readHead();
    // Moves what the target can take now; false when nothing moved.
    bool move(QTcpSocket *from, QTcpSocket *to);
    void fail(int status, const QByteArray &text);
    void finish();
    static qint64 waiting(QTcpSocket *socket);

    PortProxy::Request m_request;
    QTcpSocket *m_service;
    QTcpSocket *m_client;
    PortProxy *m_proxy;
    QByteArray m_clientUnread;
    QByteArray m_head;
    QTimer m_headTimer;
    bool m_headDone = false;
    bool m_spliced = false;
    bool m_finished = false;
};

} // namespace AgentBay::Server
