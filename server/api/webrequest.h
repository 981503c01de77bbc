// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace AgentBay::Server {

// One HTTP request as the routes see it, whatever transport carried it: only ApiRouter
// builds these from the HTTP server's own request type.
struct WebRequest
{
    QByteArray method; // upper case: GET, POST, ...
    QString path; // decoded, as QUrl::path() gives it
    QString rawQuery; // fully encoded, without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool secure = false; // came over TLS
    // scheme://host:port as the client reached this server (RequestOrigin): the base of the
    // URLs handed back to it.
    QString baseUrl;

    // The first header of that name (names compare case-insensitively).
    QByteArray header(const QByteArray &name) const;

    QUrlQuery query() const { return QUrlQuery(rawQuery); }

    // The value of one cookie of the Cookie header, empty when absent.
    QString cookie(const QByteArray &name) const;
};

} // namespace AgentBay::Server
