// SPDX-License-Identifier: MIT
#include "portproxyrelay.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcRelay, "agentbay.server.portproxy")

PortProxyRelay::PortProxyRelay(const PortProxy::Request &request,
    QTcpSocket *service,
    QTcpSocket *client,
    const QByteArray &clientUnread,
    PortProxy *proxy)
    : QObject(proxy)
    , m_request(request)
    , m_service(service)
    , m_client(client)
    , m_proxy(proxy)
    , m_clientUnread(clientUnread)
{
    service->setParent(this);
    client->setParent(this);
    // Qt stops taking bytes off a socket whose read buffer is full: the kernel's window then
    // holds the sender back.
    service->setReadBufferSize(PortProxy::maxBufferedBytes);
    client->setReadBufferSize(PortProxy::maxBufferedBytes);
    for (QTcpSocket *socket : {service, client}) {
        connect(socket, &QTcpSocket::readyRead, this, &PortProxyRelay::pump);
        connect(socket, &QTcpSocket::bytesWritten, this, &PortProxyRelay::pump);
    }
    // A TLS socket says bytesWritten when it encrypts; what frees room is its encrypted
    // buffer reaching the kernel.
    if (auto *ssl = qobject_cast<QSslSocket *>(client)) {
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &PortProxyRelay::pump);
    }
    connect(service, &QTcpSocket::disconnected, this, &PortProxyRelay::pump);
    connect(client, &QTcpSocket::disconnected, this, &PortProxyRelay::finish);
    m_headTimer.setSingleShot(true);
    connect(&m_headTimer, &QTimer::timeout, this, [this] {
        fail(504, "The service sent no answer in time\n");
    });
    m_headTimer.start(PortProxy::headTimeoutMs);
    service->write(PortProxy::requestHead(request));
    service->write(request.body);
    m_request.body.clear();
    QMetaObject::invokeMethod(this, &PortProxyRelay::pump, Qt::QueuedConnection);
}

PortProxyRelay::~PortProxyRelay() = default;

qint64 PortProxyRelay::waiting(QTcpSocket *socket)
{
    // A TLS socket encrypts at once: what waits for the kernel is its encrypted buffer.
    const auto *ssl = qobject_cast<QSslSocket *>(socket);
    return socket->bytesToWrite() + (ssl ? ssl->encryptedBytesToWrite() : 0);
}

bool PortProxyRelay::move(QTcpSocket *from, QTcpSocket *to)
{
    const qint64 room = PortProxy::maxBufferedBytes - waiting(to);
    if (room <= 0 || from->bytesAvailable() <= 0) {
        return false;
    }
    const QByteArray chunk = from->read(qMin<qint64>(room, 64 * 1024));
    if (chunk.isEmpty()) {
        return false;
    }
    to->write(chunk);
    m_proxy->noteBuffered(waiting(to));
    return true;
}

bool PortProxyRelay::readHead()
{
    while (m_service->bytesAvailable() > 0) {
        m_head += m_service->read(PortProxy::maxHeadBytes + 4 - m_head.size());
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_head.size() > PortProxy::maxHeadBytes) {
                fail(502, "The service's answer head is too large\n");
            }
            return false;
        }
        QByteArray rest = m_head.mid(end + 4);
        const QByteArray serviceHead = m_head.left(end);
        m_head = rest;
        // Interim answers (100 Continue, 103) are not passed on; the final one follows.
        if (serviceHead.startsWith("HTTP/1.1 1") && !serviceHead.startsWith("HTTP/1.1 101")) {
            continue;
        }
        const QByteArray head = PortProxy::responseHead(serviceHead, m_request);
        if (head.isEmpty()) {
            fail(502, "The service's answer is not HTTP/1.x\n");
            return false;
        }
        m_headTimer.stop();
        m_headDone = true;
        m_spliced = serviceHead.startsWith("HTTP/1.1 101");
        m_client->write(head);
        m_client->write(m_head);
        m_head.clear();
        if (m_spliced) {
            m_service->write(m_clientUnread);
            m_clientUnread.clear();
        }
        return true;
    }
    return false;
}

void PortProxyRelay::pump()
{
    if (m_finished) {
        return;
    }
    if (!m_headDone && !readHead()) {
        if (!m_finished && m_service->state() == QAbstractSocket::UnconnectedState) {
            fail(502, "The service closed the connection without an answer\n");
        }
        return;
    }
    while (move(m_service, m_client) || (m_spliced && move(m_client, m_service))) { }
    if (m_service->state() == QAbstractSocket::UnconnectedState && m_service->bytesAvailable() == 0) {
        // Everything the service sent is queued; the client's socket closes once it is out.
        m_finished = true;
        if (m_client->state() == QAbstractSocket::UnconnectedState) {
            deleteLater();
            return;
        }
        m_client->disconnectFromHost();
    }
}

void PortProxyRelay::fail(int status, const QByteArray &text)
{
    qCInfo(lcRelay) << "link to port" << m_request.port << "failed:" << status;
    m_finished = true;
    m_headTimer.stop();
    m_service->abort();
    if (m_headDone) {
        m_client->abort();
        deleteLater();
        return;
    }
    m_client->setParent(nullptr);
    PortProxy::refuse(m_client, status, text);
    deleteLater();
}

void PortProxyRelay::finish()
{
    m_finished = true;
    m_headTimer.stop();
    m_service->abort();
    deleteLater();
}

} // namespace AgentBay::Server
