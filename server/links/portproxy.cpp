// SPDX-License-Identifier: MIT
#include "portproxy.h"

#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QUrl>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcProxy, "agentbay.server.portproxy")

namespace {
constexpr int proxyTimeoutMs = 60000;

bool isHopByHop(const QByteArray &lowerName)
{
    static const QList<QByteArray> names{"connection",
        "keep-alive",
        "proxy-connection",
        "transfer-encoding",
        "te",
        "trailer",
        "upgrade",
        "host",
        "content-length",
        "accept-encoding",
        "content-encoding"};
    return names.contains(lowerName);
}
} // namespace

PortProxy::PortProxy(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setAutoDeleteReplies(true);
    m_nam->setTransferTimeout(proxyTimeoutMs);
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

PortProxy::~PortProxy() = default;

void PortProxy::forward(
    const Request &request, std::shared_ptr<QHttpServerResponder> responder, QPointer<QTcpSocket> socket)
{
    const QString target = QStringLiteral("http://127.0.0.1:%1").arg(request.port) + request.pathAndQuery;
    QNetworkRequest upstream{QUrl(target, QUrl::TolerantMode)};
    for (const auto &[name, value] : request.headers) {
        if (!isHopByHop(name.toLower())) {
            upstream.setRawHeader(name, value);
        }
    }
    // Relayed as is: no transparent decompression in between.
    upstream.setRawHeader("Accept-Encoding", "identity");
    upstream.setRawHeader("Host", QByteArray("127.0.0.1:") + QByteArray::number(request.port));

    QNetworkReply *reply = m_nam->sendCustomRequest(upstream, request.method, request.body);
    const QByteArray setCookie = request.setCookie;
    const QString prefix = request.publicPrefix;
    const quint16 port = request.port;
    connect(reply, &QNetworkReply::finished, this, [reply, responder, socket, setCookie, prefix, port] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
            return; // the client is gone
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            qCInfo(lcProxy) << "no service answered on port" << port << reply->errorString();
            const QByteArray body = "Nothing answered on port " + QByteArray::number(port)
                + " in this session: " + reply->errorString().toUtf8() + '\n';
            responder->write(body, "text/plain; charset=utf-8", QHttpServerResponder::StatusCode::BadGateway);
            return;
        }
        const QByteArray body = reply->readAll();
        responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        for (const auto &[name, value] : reply->rawHeaderPairs()) {
            const QByteArray lower = name.toLower();
            if (isHopByHop(lower)) {
                continue;
            }
            QByteArray v = value;
            if (lower == "location") {
                // Keep redirects inside the link.
                const QByteArray direct = "http://127.0.0.1:" + QByteArray::number(port);
                if (v.startsWith(direct)) {
                    v = prefix.toUtf8() + v.mid(direct.size());
                } else if (v.startsWith('/')) {
                    v = prefix.toUtf8() + v;
                }
            }
            responder->writeHeader(name, v);
        }
        if (!setCookie.isEmpty()) {
            responder->writeHeader("Set-Cookie", setCookie);
        }
        responder->writeHeader("Content-Length", QByteArray::number(body.size()));
        responder->writeBody(body);
    });
}

} // namespace AgentBay::Server
