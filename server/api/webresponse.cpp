// SPDX-License-Identifier: MIT
#include "webresponse.h"

#include <server/api/apireply.h>
#include <server/links/sessionpage.h>

namespace AgentBay::Server {

WebResponse WebResponse::json(const ApiReply &reply)
{
    return {reply.httpStatus(), "application/json", {}, reply.toJson(ApiReply::newRequestId())};
}

WebResponse WebResponse::page(const QString &title, const QString &text, int status)
{
    return html(SessionPage::message(title, text), status);
}

WebResponse WebResponse::html(const QByteArray &body, int status)
{
    return {status, "text/html; charset=utf-8", {}, body};
}

WebResponse WebResponse::plainText(const QByteArray &body, int status)
{
    return {status, "text/plain; charset=utf-8", {}, body};
}

} // namespace AgentBay::Server
