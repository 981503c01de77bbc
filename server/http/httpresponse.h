// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace AgentBay::Server {

// One HTTP answer as a value. The connection adds the framing headers (Content-Length,
// Connection) itself; ones set here under those names are dropped.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static HttpResponse make(int status, const QByteArray &contentType, const QByteArray &body);
    // Replaces every header of that name (any case).
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static QByteArray reasonPhrase(int status);
    // Status line and headers up to the empty line, for a body of bodyLength bytes
    // (-1: a chunked body follows; -2: no length, the connection's end delimits the body).
    QByteArray serializeHead(qint64 bodyLength, bool keepAlive) const;
};

} // namespace AgentBay::Server
