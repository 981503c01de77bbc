// SPDX-License-Identifier: MIT
#include "apirouter.h"

#include <server/api/actiondispatcher.h>
#include <server/api/constanttime.h>
#include <server/api/limitingtcpserver.h>
#include <server/api/replytext.h>
#include <server/api/requestparameters.h>
#include <server/api/webrequest.h>
#include <server/api/webresponse.h>
#include <server/links/portlinkroute.h>
#include <server/links/portproxy.h>
#include <server/links/sessionpageroute.h>
#include <server/sessions/sessionstore.h>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
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
    : QAbstractHttpServer(parent)
    , m_store(store)
    , m_token(token)
    , m_proxy(new PortProxy(this))
    , m_actions(std::make_unique<ActionDispatcher>(store))
    , m_sessionPage(std::make_unique<SessionPageRoute>(store))
    , m_portLinks(std::make_unique<PortLinkRoute>(store, m_proxy))
{
}

ApiRouter::~ApiRouter() = default;

quint16 ApiRouter::listen(quint16 port, QString *error)
{
    auto *server = new LimitingTcpServer(LimitingTcpServer::defaultMaxBodyBytes, this);
    server->setHttpServer(this);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        *error = tr("Cannot listen on 127.0.0.1:%1: %2").arg(port).arg(server->errorString());
        delete server;
        return 0;
    }
    bind(server);
    m_tcpServer = server;
    m_baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(server->serverPort());
    m_actions->setBaseUrl(m_baseUrl);
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

bool ApiRouter::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    const QPointer<QTcpSocket> guard(socket);
    route(toWebRequest(request), [responder, guard](const WebResponse &response) {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
            qCInfo(lcApi) << "an answer is ready after the client left";
            return;
        }
        write(*responder, response);
    });
    return true;
}

void ApiRouter::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: every request is routed, unknown paths included.
    QHttpServerResponder responder = makeResponder(request, socket);
    write(responder, nothingServedAt(request.url().path()));
}

void ApiRouter::route(const WebRequest &request, const Reply &reply)
{
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() >= 2 && parts.at(0) == u"sessions") {
        const QString sessionId = parts.at(1);
        if (!SessionStore::isValidId(sessionId)) {
            reply(WebResponse::page(tr("Not found"), tr("This is not a session id."), 404));
            return;
        }
        if (parts.size() >= 4 && parts.at(2) == u"ports") {
            m_portLinks->answer(request, sessionId, parts.at(3), reply);
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
    m_actions->dispatch(action, params, [reply, action](const ApiReply &answer) {
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

WebRequest ApiRouter::toWebRequest(const QHttpServerRequest &request)
{
    WebRequest web;
    const char *methodName = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()));
    web.method = methodName ? QByteArray(methodName).toUpper() : QByteArray();
    web.path = request.url().path();
    web.rawQuery = request.url().query(QUrl::FullyEncoded);
    web.headers = request.headers();
    web.body = request.body();
    return web;
}

void ApiRouter::write(QHttpServerResponder &responder, const WebResponse &response)
{
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
    if (!response.contentType.isEmpty()) {
        responder.write(response.body, response.contentType, status);
        return;
    }
    responder.writeStatusLine(status);
    for (const auto &[name, value] : response.headers) {
        responder.writeHeader(name, value);
    }
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
}

} // namespace AgentBay::Server
