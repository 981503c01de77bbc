// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/webresponse.h>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

class QNetworkAccessManager;

namespace AgentBay::Server {

// Forwards one HTTP request from a GetLink URL to a service listening on 127.0.0.1:<port>
// (sessions share the host's network) and relays its answer: hop-by-hop headers are
// dropped both ways, redirects are kept inside the link, nothing is decompressed in between.
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

    // done is called once with the service's answer, or 502 when nothing answered.
    void forward(const Request &request, const WebResponder &done);

    // Upstream answers slower than this end in 502.
    static constexpr int timeoutMs = 60000;

private:
    QNetworkAccessManager *m_nam;
};

} // namespace AgentBay::Server
