// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

#include <memory>

class QHttpServerResponder;
class QNetworkAccessManager;
class QTcpSocket;

namespace AgentBay::Server {

// Forwards one HTTP request from a GetLink URL to a service listening on 127.0.0.1:<port>
// (sessions share the host's network) and relays its answer.
class PortProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortProxy)

public:
    struct Request
    {
        QByteArray method;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        quint16 port = 0;
        QString pathAndQuery; // as the service should see it, starting with '/'
        QString publicPrefix; // the link's path prefix, for rewriting redirects
        QByteArray setCookie; // sent along with the answer when non-empty
    };

    explicit PortProxy(QObject *parent = nullptr);
    ~PortProxy() override;

    void forward(const Request &request, std::shared_ptr<QHttpServerResponder> responder, QPointer<QTcpSocket> socket);

private:
    QNetworkAccessManager *m_nam;
};

} // namespace AgentBay::Server
