// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace AgentBay::Server {

// One HTTP/1.x request as read off the wire: a value type, no Qt networking, so that the
// parser that fills it can be fuzzed on its own. Header names keep their spelling; look-ups
// ignore case.
struct HttpRequest
{
    QByteArray method; // as sent, e.g. "POST"
    QByteArray target; // the request-target, e.g. "/?Action=GetSession"
    int versionMinor = 1; // HTTP/1.<versionMinor>
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<QPair<QByteArray, QByteArray>> trailers; // of a chunked body
    QByteArray body;
    qint64 contentLength = -1; // -1 = none was sent
    bool chunked = false;
    bool keepAlive = true; // what the request asks for (version and Connection)
    bool expectsContinue = false; // Expect: 100-continue
    bool secure = false; // came over TLS (set by the connection, not the parser)

    // The first value of a header (any case), empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    // Every comma-separated token of every line of a header, trimmed and lower-case.
    QList<QByteArray> headerTokens(const QByteArray &name) const;
    // The target up to '?', and what follows it (still percent-encoded).
    QByteArray path() const;
    QByteArray query() const;

    // Whether a body follows the head (a length above zero, or chunked).
    bool hasBody() const { return chunked || contentLength > 0; }
};

} // namespace AgentBay::Server
