// SPDX-License-Identifier: MIT
#include "portproxy.h"

#include <server/links/portproxyrelay.h>

#include <QTcpSocket>

namespace AgentBay::Server {

namespace {

// Meaningful for one hop only; Host and the framing are set by the proxy itself.
bool isHopByHop(const QByteArray &lowerName)
{
    static const QList<QByteArray> names{"connection",
        "keep-alive",
        "proxy-connection",
        "proxy-authorization",
        "proxy-authenticate",
        "transfer-encoding",
        "te",
        "trailer",
        "upgrade",
        "host",
        "content-length",
        "expect"};
    return names.contains(lowerName);
}

QList<QByteArray> tokens(const QByteArray &value)
{
    QList<QByteArray> result;
    for (const QByteArray &part : value.split(',')) {
        result.append(part.trimmed().toLower());
    }
    return result;
}

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &lowerName)
{
    QByteArray value;
    for (const auto &[name, v] : headers) {
        if (name.toLower() == lowerName) {
            value += (value.isEmpty() ? QByteArray() : QByteArray(", ")) + v;
        }
    }
    return value;
}

// The Cookie header without the server's own cookies; empty when nothing is left.
QByteArray withoutServerCookies(const QByteArray &value, const QByteArray &serverPrefix)
{
    QList<QByteArray> kept;
    for (const QByteArray &part : value.split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(serverPrefix)) {
            kept.append(trimmed);
        }
    }
    return kept.join("; ");
}

bool isClean(const QByteArray &value)
{
    return !value.contains('\r') && !value.contains('\n');
}

} // namespace

PortProxy::PortProxy(QObject *parent)
    : QObject(parent)
{
}

PortProxy::~PortProxy() = default;

QByteArray PortProxy::requestHead(const Request &request)
{
    const QList<QByteArray> connectionTokens = tokens(headerValue(request.headers, "connection"));
    const QByteArray upgrade = headerValue(request.headers, "upgrade").trimmed();
    const bool upgrading = !upgrade.isEmpty() && connectionTokens.contains("upgrade");
    QByteArray head = request.method + ' ' + request.pathAndQuery.toUtf8() + " HTTP/1.1\r\n";
    head += "Host: 127.0.0.1:" + QByteArray::number(request.port) + "\r\n";
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        // Headers the client named in Connection are hop-by-hop too (RFC 9110 7.6.1).
        if (isHopByHop(lower) || connectionTokens.contains(lower) || lower == "authorization" || !isClean(value)) {
            continue;
        }
        if (lower == "cookie") {
            const QByteArray kept = withoutServerCookies(value, request.serverCookiePrefix);
            if (!kept.isEmpty()) {
                head += "Cookie: " + kept + "\r\n";
            }
            continue;
        }
        head += name + ": " + value + "\r\n";
    }
    if (upgrading && isClean(upgrade)) {
        head += "Connection: Upgrade\r\nUpgrade: " + upgrade + "\r\n";
    } else {
        head += "Connection: close\r\n";
    }
    const bool bodyExpected = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (!request.body.isEmpty() || bodyExpected) {
        head += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    }
    return head + "\r\n";
}

QByteArray PortProxy::confineCookie(const QByteArray &setCookie, const Request &request)
{
    QList<QByteArray> parts = setCookie.split(';');
    const QByteArray nameValue = parts.takeFirst().trimmed();
    const qsizetype eq = nameValue.indexOf('=');
    if (eq <= 0 || nameValue.left(eq).trimmed().startsWith(request.serverCookiePrefix)) {
        return {};
    }
    const QByteArray prefix = request.publicPrefix.toUtf8();
    QByteArray path = prefix + '/';
    QByteArray result = nameValue;
    for (const QByteArray &part : std::as_const(parts)) {
        const QByteArray attribute = part.trimmed();
        const QByteArray lower = attribute.toLower();
        if (lower.startsWith("path=")) {
            // The service's own path, as it sees itself at the link's root.
            QByteArray given = attribute.mid(5).trimmed();
            if (!given.startsWith('/')) {
                given = "/";
            }
            path = given.startsWith(QByteArray(prefix + '/')) ? given : prefix + given;
        } else if (!lower.startsWith("domain=") && !attribute.isEmpty()) {
            result += "; " + attribute;
        }
    }
    return result + "; Path=" + path;
}

QByteArray PortProxy::responseHead(const QByteArray &serviceHead, const Request &request)
{
    QList<QByteArray> lines = serviceHead.split('\n');
    const QByteArray statusLine = lines.takeFirst().trimmed();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12) {
        return {};
    }
    bool ok = false;
    const int status = statusLine.mid(9, 3).toInt(&ok);
    if (!ok) {
        return {};
    }
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
    }
    const QList<QByteArray> connectionTokens = tokens(headerValue(headers, "connection"));
    QByteArray head = "HTTP/1.1" + statusLine.mid(8) + "\r\n";
    const QByteArray prefix = request.publicPrefix.toUtf8();
    for (const auto &[name, value] : std::as_const(headers)) {
        const QByteArray lower = name.toLower();
        // The body is relayed as it comes, so its own framing stays.
        const bool framing = lower == "transfer-encoding" || lower == "content-length";
        if ((!framing && (isHopByHop(lower) || connectionTokens.contains(lower))) || !isClean(value)) {
            continue;
        }
        QByteArray v = value;
        if (lower == "set-cookie") {
            v = confineCookie(value, request);
            if (v.isEmpty()) {
                continue;
            }
        } else if (lower == "location") {
            const QByteArray direct = "http://127.0.0.1:" + QByteArray::number(request.port);
            if (v.startsWith(QByteArray(direct + '/')) || v == direct) {
                v = prefix + v.mid(direct.size());
            } else if (v.startsWith('/') && !v.startsWith("//")) {
                v = prefix + v;
            }
        }
        head += name + ": " + v + "\r\n";
    }
    if (status == 101) {
        head += "Connection: Upgrade\r\nUpgrade: " + headerValue(headers, "upgrade") + "\r\n";
    } else {
        head += "Connection: close\r\n";
    }
    if (!request.setCookie.isEmpty()) {
        head += "Set-Cookie: " + request.setCookie + "\r\n";
    }
    return head + "\r\n";
}

void PortProxy::forward(const Request &request, QTcpSocket *service, QTcpSocket *client, const QByteArray &clientUnread)
{
    new PortProxyRelay(request, service, client, clientUnread, this);
}

void PortProxy::refuse(QTcpSocket *client, int status, const QByteArray &text)
{
    const QByteArray reason = status == 502 ? "Bad Gateway" : status == 504 ? "Gateway Timeout" : "Error";
    client->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(text.size()) + "\r\n\r\n" + text);
    client->disconnectFromHost();
    QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    if (client->state() == QAbstractSocket::UnconnectedState) {
        client->deleteLater();
    }
}

} // namespace AgentBay::Server
