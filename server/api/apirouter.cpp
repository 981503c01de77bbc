// SPDX-License-Identifier: MIT
#include "apirouter.h"

#include <server/api/actiondispatcher.h>
#include <server/api/constanttime.h>
#include <server/api/replytext.h>
#include <server/api/requestorigin.h>
#include <server/api/requestparameters.h>
#include <server/api/webrequest.h>
#include <server/api/webresponse.h>
#include <server/links/portlinkroute.h>
#include <server/links/portproxy.h>
#include <server/links/sessionpageroute.h>
#include <server/sessions/sessionstore.h>
#include <server/terminal/terminalservice.h>

#include <QLoggingCategory>
#include <QUrl>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcApi, "agentbay.server.api")

namespace {

WebResponse nothingServedAt(const QString &path)
{
    return WebResponse::json(ApiReply::failure(404,
        QStringLiteral("InvalidPath.NotFound"),
        ApiRouter::tr("Nothing is served at %1 for this method").arg(ReplyText::shorten(path))));
}

} // namespace

ApiRouter::ApiRouter(SessionStore *store, const QString &token, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_token(token)
    , m_proxy(new PortProxy(this))
    , m_terminals(new TerminalService(store, this))
    , m_actions(std::make_unique<ActionDispatcher>(store))
    , m_sessionPage(std::make_unique<SessionPageRoute>(store))
    , m_portLinks(std::make_unique<PortLinkRoute>(store, m_proxy))
{
}

ApiRouter::~ApiRouter() = default;

quint16 ApiRouter::listen(quint16 port, QString *error)
{
    auto *server = new HttpServer(m_httpSettings, this);
    if (!m_tls.isNull()) {
        server->setTlsConfiguration(m_tls);
    }
    server->setHeadCheck([this](const HttpRequest &head) {
        return checkHead(head);
    });
    const qint64 maxBody = m_httpSettings.limits.maxBodyBytes;
    server->setErrorResponse([maxBody](int status, const QByteArray &reason) {
        return transportError(status, reason, maxBody);
    });
    server->setHandler([this](const HttpRequest &request, const HttpResponder &responder) {
        if (TerminalService::handles(request)) {
            m_terminals->upgrade(request, responder); // takes the socket over
            return;
        }
        route(toWebRequest(request), responder, [responder](const WebResponse &response) {
            if (!responder.isOpen()) {
                qCInfo(lcApi) << "an answer is ready after the client left";
                return;
            }
            responder.respond(toHttpResponse(response));
        });
    });
    if (!server->listen(QHostAddress::LocalHost, port)) {
        *error = tr("Cannot listen on 127.0.0.1:%1: %2").arg(port).arg(server->errorString());
        delete server;
        return 0;
    }
    m_http = server;
    m_baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(server->serverPort());
    return server->serverPort();
}

void ApiRouter::setMaxSessions(int maxSessions)
{
    m_actions->setMaxSessions(maxSessions);
}

int ApiRouter::maxSessions() const
{
    return m_actions->maxSessions();
}

void ApiRouter::route(const WebRequest &request, const HttpResponder &responder, const Reply &reply)
{
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() >= 2 && parts.at(0) == u"sessions") {
        const QString sessionId = parts.at(1);
        if (!SessionStore::isValidId(sessionId)) {
            reply(WebResponse::page(tr("Not found"), tr("This is not a session id."), 404));
            return;
        }
        if (parts.size() >= 4 && parts.at(2) == u"ports") {
            m_portLinks->answer(request, sessionId, parts.at(3), responder, reply);
            return;
        }
        if (parts.size() == 2 && (request.method == "GET" || request.method == "HEAD")) {
            reply(m_sessionPage->answer(request, sessionId));
            return;
        }
    }
    if (request.method == "POST") {
        handleApi(request, reply);
        return;
    }
    if (request.path == u"/" && request.method == "GET") {
        reply(WebResponse::page(QStringLiteral("agentbay-local"),
            tr("An AgentBay-compatible server. Send API requests as POST /?Action=<name>.")));
        return;
    }
    reply(nothingServedAt(request.path));
}

void ApiRouter::handleApi(const WebRequest &request, const Reply &reply)
{
    const QByteArray contentType = request.header("content-type").toLower();
    const bool formBody = contentType.isEmpty() || contentType.contains("x-www-form-urlencoded");
    const RequestParameters params(request.rawQuery.toUtf8(), formBody ? request.body : QByteArray());

    ApiReply refusal;
    if (!authorized(params, request, &refusal)) {
        reply(WebResponse::json(refusal));
        return;
    }
    const QString notUtf8 = params.invalidUtf8Name();
    if (!notUtf8.isEmpty()) {
        // Refused rather than stored with replacement characters.
        reply(WebResponse::json(ApiReply::invalidParameter(
            notUtf8, tr("The value of %1 is not valid UTF-8").arg(ReplyText::shorten(notUtf8)))));
        return;
    }
    // Action from the query (protocol.md 1.2), else x-acs-action, else the body as a last resort.
    QString action = params.queryValue(QStringLiteral("Action"));
    if (action.isEmpty()) {
        action = QString::fromUtf8(request.header("x-acs-action")).trimmed();
    }
    if (action.isEmpty()) {
        action = params.value(QStringLiteral("Action"));
    }
    m_actions->dispatch(action, params, request.baseUrl, [reply, action](const ApiReply &answer) {
        if (!answer.isSuccess()) {
            qCDebug(lcApi) << action << answer.httpStatus() << answer.code();
        }
        reply(WebResponse::json(answer));
    });
}

bool ApiRouter::authorized(const RequestParameters &params, const WebRequest &request, ApiReply *refusal) const
{
    QString given = params.value(QStringLiteral("Authorization"));
    if (given.isEmpty()) {
        given = QString::fromUtf8(request.header("authorization"));
    }
    if (given.trimmed().isEmpty()) {
        *refusal = ApiReply::failure(401,
            QStringLiteral("MissingApiKey"),
            tr("The Authorization parameter is missing; send Authorization=Bearer <api key>"));
        return false;
    }
    const QString expected = QStringLiteral("Bearer ") + m_token;
    if (!ConstantTime::equals(given.trimmed().toUtf8(), expected.toUtf8())) {
        *refusal = ApiReply::failure(401, QStringLiteral("InvalidApiKey"), tr("The API key is not valid"));
        return false;
    }
    return true;
}

// The API key, when the query or a header carries it, is checked before the body is read:
// a wrong one never gets its (perhaps large) body read. A key sent only in the body is
// checked once the body, bounded by the size cap, is in.
std::optional<HttpResponse> ApiRouter::checkHead(const HttpRequest &head) const
{
    if (head.method != "POST" || head.path().startsWith("/sessions/")) {
        return std::nullopt;
    }
    // Decoded as the API's parameters are (RequestParameters), so both checks read the same key.
    QString given = RequestParameters(head.query(), QByteArray()).queryValue(QStringLiteral("Authorization"));
    if (given.isEmpty()) {
        given = QString::fromUtf8(head.header("authorization"));
    }
    if (given.trimmed().isEmpty()) {
        return std::nullopt;
    }
    const QString expected = QStringLiteral("Bearer ") + m_token;
    if (ConstantTime::equals(given.trimmed().toUtf8(), expected.toUtf8())) {
        return std::nullopt;
    }
    return toHttpResponse(
        WebResponse::json(ApiReply::failure(401, QStringLiteral("InvalidApiKey"), tr("The API key is not valid"))));
}

// What the HTTP server itself refuses (broken framing, too large, too slow), in the API's
// error envelope so that every SDK reads it like any other error.
HttpResponse ApiRouter::transportError(int status, const QByteArray &reason, qint64 maxBodyBytes)
{
    QString code;
    QString message;
    switch (status) {
    case 413:
        code = QStringLiteral("RequestBodyTooLarge");
        message = tr("The request body is larger than %1 bytes").arg(maxBodyBytes);
        break;
    case 431:
        code = QStringLiteral("RequestHeaderTooLarge");
        message = tr("The request headers are too large");
        break;
    case 408:
        code = QStringLiteral("RequestTimeout");
        message = tr("The request did not arrive in time");
        break;
    default:
        code = QStringLiteral("MalformedRequest");
        message = tr("The request cannot be read: %1").arg(QString::fromLatin1(reason));
        break;
    }
    return toHttpResponse(WebResponse::json(ApiReply::failure(status, code, message)));
}

WebRequest ApiRouter::toWebRequest(const HttpRequest &request) const
{
    WebRequest web;
    web.secure = request.secure;
    web.baseUrl = RequestOrigin::baseUrl(request.secure, request.target, request.header("host"), m_http->serverPort());
    web.method = request.method.toUpper();
    web.path = QUrl::fromEncoded(request.path(), QUrl::TolerantMode).path();
    web.rawQuery = QString::fromLatin1(request.query());
    web.headers = request.headers;
    web.body = request.body;
    return web;
}

HttpResponse ApiRouter::toHttpResponse(const WebResponse &response)
{
    HttpResponse http;
    http.status = response.status;
    if (!response.contentType.isEmpty()) {
        http.headers.append({"Content-Type", response.contentType});
    }
    http.headers.append(response.headers);
    http.body = response.body;
    return http;
}

} // namespace AgentBay::Server
