// SPDX-License-Identifier: MIT
#include "portproxy.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcProxy, "agentbay.server.portproxy")

namespace {

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
    m_nam->setTransferTimeout(timeoutMs);
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

PortProxy::~PortProxy() = default;

void PortProxy::forward(const Request &request, const WebResponder &done)
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
    connect(reply, &QNetworkReply::finished, this, [reply, done, setCookie, prefix, port] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            qCInfo(lcProxy) << "no service answered on port" << port << reply->errorString();
            const QByteArray body = "Nothing answered on port " + QByteArray::number(port)
                + " in this session: " + reply->errorString().toUtf8() + '\n';
            done(WebResponse::plainText(body, 502));
            return;
        }
        WebResponse answer;
        answer.status = status;
        answer.body = reply->readAll();
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
            answer.headers.append({name, v});
        }
        if (!setCookie.isEmpty()) {
            answer.headers.append({"Set-Cookie", setCookie});
        }
        done(answer);
    });
}

} // namespace AgentBay::Server
