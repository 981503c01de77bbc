// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace AgentBay::Server {

class ApiReply;

// One HTTP answer as the routes give it, whatever transport carries it. With a content type
// the transport writes Content-Type and Content-Length itself; without one (an answer
// relayed from a port link) the headers are written as given, then Content-Length.
struct WebResponse
{
    int status = 200;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static WebResponse json(const ApiReply &reply);
    // A short HTML page with a title and one line of text.
    static WebResponse page(const QString &title, const QString &text, int status = 200);
    static WebResponse html(const QByteArray &body, int status = 200);
    static WebResponse plainText(const QByteArray &body, int status);
};

// Where a route sends its answer; called at most once, now or later.
using WebResponder = std::function<void(const WebResponse &)>;

} // namespace AgentBay::Server
