// SPDX-License-Identifier: MIT
#include "httpapi.h"

#include <server/api/limitingtcpserver.h>
#include <server/api/pagetoken.h>
#include <server/api/requestparameters.h>
#include <server/links/portproxy.h>
#include <server/links/sessionpage.h>
#include <server/sandbox/sessionsandbox.h>
#include <server/sessions/localsession.h>
#include <server/sessions/sessionstore.h>
#include <server/tools/toolcatalog.h>
#include <server/tools/toolrunner.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <utility>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcApi, "agentbay.server.httpapi")

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

constexpr int defaultPageSize = 10;
constexpr int maxPageSize = 100;
constexpr int minLinkPort = 30100;
constexpr int maxLinkPort = 30199;
constexpr int maxLabels = 50;
constexpr int maxLabelKey = 128;
constexpr int maxLabelValue = 256;
constexpr qsizetype shortTextLength = 400;

const QString defaultImage = QStringLiteral("linux_latest");

QString tr(const char *text)
{
    return QCoreApplication::translate("HttpApi", text);
}

ApiReply badRequest(const QString &code, const QString &message)
{
    return ApiReply::failure(400, code, message);
}

// InvalidParameter.<name> when the name is a plain identifier, else InvalidParameter.
ApiReply invalidParameter(const QString &name, const QString &message)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z][A-Za-z0-9_.]{0,63}$"));
    return badRequest(
        plain.match(name).hasMatch() ? QStringLiteral("InvalidParameter.") + name : QStringLiteral("InvalidParameter"),
        message);
}

ApiReply notFound()
{
    return ApiReply::failure(400, QStringLiteral("InvalidMcpSession.NotFound"), QStringLiteral("Session not found"));
}

ApiReply wrongStatus(const LocalSession *session, const QString &what)
{
    QString status = session->statusName().toLower();
    status[0] = status[0].toUpper();
    return badRequest(
        QStringLiteral("InvalidSessionStatus.") + status, tr("The session is %1: %2").arg(session->statusName(), what));
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return diff == 0;
}

QString shorten(const QString &text)
{
    return text.size() > shortTextLength ? text.left(shortTextLength) + QStringLiteral("…") : text;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString labelsJson(const QMap<QString, QString> &labels)
{
    QJsonObject object;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        object.insert(it.key(), it.value());
    }
    return compact(object);
}

QString suffixOf(const QString &sessionId)
{
    return sessionId.mid(sessionId.indexOf(QLatin1Char('-')) + 1);
}

void writeJson(QHttpServerResponder &responder, const ApiReply &reply)
{
    responder.write(
        reply.toJson(ApiReply::newRequestId()), "application/json", static_cast<StatusCode>(reply.httpStatus()));
}

void writePage(
    QHttpServerResponder &responder, const QString &title, const QString &text, StatusCode status = StatusCode::Ok)
{
    responder.write(SessionPage::message(title, text), "text/html; charset=utf-8", status);
}

// Pause and resume: the transitional status shows before the reply, the sandbox does the
// work on the next turn of the event loop, and a failure returns the session where it was.
void beginTransition(LocalSession *session,
    LocalSession::Status through,
    LocalSession::Status to,
    bool (SessionSandbox::*step)(QString *),
    const char *failure)
{
    const LocalSession::Status from = session->status();
    session->setStatus(through);
    QTimer::singleShot(0, session, [session, from, through, to, step, failure] {
        if (session->status() != through) {
            return;
        }
        QString error;
        if (session->sandbox() && !(session->sandbox()->*step)(&error)) {
            qCWarning(lcApi).noquote() << failure << session->id() << error;
            session->setStatus(from);
            return;
        }
        session->setStatus(to);
    });
}

QString appInstanceId(const LocalSession *session)
{
    return QStringLiteral("ai-") + suffixOf(session->id());
}

QString resourceId(const LocalSession *session)
{
    return QStringLiteral("p-") + suffixOf(session->id());
}

QByteArray cookieName(const QString &sessionId)
{
    return "agentbay_auth_" + sessionId.toLatin1().replace('-', '_');
}

QString cookieValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const QByteArray &part : request.value("cookie").split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith(QByteArray(name + "="))) {
            return QString::fromLatin1(trimmed.mid(name.size() + 1));
        }
    }
    return {};
}

} // namespace

HttpApi::HttpApi(SessionStore *store, const QString &token, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_store(store)
    , m_token(token)
    , m_runner(new ToolRunner(this))
    , m_proxy(new PortProxy(this))
{
}

HttpApi::~HttpApi() = default;

quint16 HttpApi::listen(quint16 port, QString *error)
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
    return server->serverPort();
}

bool HttpApi::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() >= 2 && parts.at(0) == u"sessions") {
        const QString sessionId = parts.at(1);
        if (!SessionStore::isValidId(sessionId)) {
            QHttpServerResponder responder = makeResponder(request, socket);
            writePage(responder, tr("Not found"), tr("This is not a session id."), StatusCode::NotFound);
            return true;
        }
        if (parts.size() >= 4 && parts.at(2) == u"ports") {
            LocalSession *session = m_store->find(sessionId);
            auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
            if (!session) {
                writePage(
                    *responder, tr("Not found"), tr("There is no session %1.").arg(sessionId), StatusCode::NotFound);
                return true;
            }
            const QString fromQuery = request.query().queryItemValue(QStringLiteral("authcode"), QUrl::FullyDecoded);
            const QString fromCookie = cookieValue(request, cookieName(sessionId));
            const QByteArray expected = session->authCode().toUtf8();
            const bool queryOk = constantTimeEquals(fromQuery.toUtf8(), expected);
            if (!queryOk && !constantTimeEquals(fromCookie.toUtf8(), expected)) {
                writePage(
                    *responder, tr("Forbidden"), tr("This link needs the session's auth code."), StatusCode::Forbidden);
                return true;
            }
            bool portOk = false;
            const int port = parts.at(3).toInt(&portOk);
            if (!portOk || port < minLinkPort || port > maxLinkPort) {
                writePage(
                    *responder, tr("Bad port"), tr("Port links cover 30100 to 30199 only."), StatusCode::BadRequest);
                return true;
            }
            if (session->status() != LocalSession::Status::Running) {
                writePage(*responder,
                    tr("Unavailable"),
                    tr("The session is %1.").arg(session->statusName()),
                    StatusCode::ServiceUnavailable);
                return true;
            }
            // As written in the path (the port may be spelled "030150"), so that the rest is found.
            const QString prefix = QStringLiteral("/sessions/%1/ports/%2").arg(sessionId, parts.at(3));
            QString rest = path.mid(path.indexOf(prefix) + prefix.size());
            if (rest.isEmpty()) {
                rest = QStringLiteral("/");
            }
            QUrlQuery query = request.query();
            query.removeAllQueryItems(QStringLiteral("authcode"));
            PortProxy::Request forward;
            const char *methodName =
                QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()));
            forward.method = methodName ? QByteArray(methodName).toUpper() : QByteArray("GET");
            forward.headers = request.headers();
            forward.body = request.body();
            forward.port = quint16(port);
            forward.pathAndQuery = QString::fromUtf8(QUrl::toPercentEncoding(rest, "/!$&'()*+,;=:@-._~"))
                + (query.isEmpty() ? QString() : QLatin1Char('?') + query.toString(QUrl::FullyEncoded));
            forward.publicPrefix = prefix;
            if (queryOk) {
                forward.setCookie = cookieName(sessionId) + '=' + expected + "; Path=/sessions/" + sessionId.toLatin1()
                    + "/; HttpOnly; SameSite=Strict";
            }
            m_proxy->forward(forward, responder, QPointer<QTcpSocket>(socket));
            return true;
        }
        if (parts.size() == 2
            && (request.method() == QHttpServerRequest::Method::Get
                || request.method() == QHttpServerRequest::Method::Head)) {
            handleSessionPage(request, socket, sessionId);
            return true;
        }
    }
    if (request.method() == QHttpServerRequest::Method::Post) {
        handleApi(request, socket);
        return true;
    }
    if (path == u"/" && request.method() == QHttpServerRequest::Method::Get) {
        QHttpServerResponder responder = makeResponder(request, socket);
        writePage(responder,
            QStringLiteral("agentbay-local"),
            tr("An AgentBay-compatible server. Send API requests as POST /?Action=<name>."));
        return true;
    }
    return false;
}

void HttpApi::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    writeJson(responder,
        ApiReply::failure(404,
            QStringLiteral("InvalidPath.NotFound"),
            tr("Nothing is served at %1 for this method").arg(shorten(request.url().path()))));
}

void HttpApi::handleSessionPage(const QHttpServerRequest &request, QTcpSocket *socket, const QString &sessionId)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const LocalSession *session = m_store->find(sessionId);
    if (!session) {
        writePage(responder, tr("Not found"), tr("There is no session %1.").arg(sessionId), StatusCode::NotFound);
        return;
    }
    const QString code = request.query().queryItemValue(QStringLiteral("authcode"), QUrl::FullyDecoded);
    if (!constantTimeEquals(code.toUtf8(), session->authCode().toUtf8())) {
        writePage(responder, tr("Forbidden"), tr("This page needs the session's auth code."), StatusCode::Forbidden);
        return;
    }
    responder.write(SessionPage::render(*session), "text/html; charset=utf-8");
}

void HttpApi::handleApi(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QByteArray contentType = request.value("content-type").toLower();
    const bool formBody = contentType.isEmpty() || contentType.contains("x-www-form-urlencoded");
    const RequestParameters params(
        request.url().query(QUrl::FullyEncoded).toUtf8(), formBody ? request.body() : QByteArray());

    ApiReply refusal;
    if (!authorized(params, request, &refusal)) {
        QHttpServerResponder responder = makeResponder(request, socket);
        writeJson(responder, refusal);
        return;
    }
    const QString notUtf8 = params.invalidUtf8Name();
    if (!notUtf8.isEmpty()) {
        // Refused rather than stored with replacement characters.
        QHttpServerResponder responder = makeResponder(request, socket);
        writeJson(responder, invalidParameter(notUtf8, tr("The value of %1 is not valid UTF-8").arg(shorten(notUtf8))));
        return;
    }
    // Action from the query (protocol.md 1.2), else x-acs-action, else the body as a last resort.
    QString action = params.queryValue(QStringLiteral("Action"));
    if (action.isEmpty()) {
        action = QString::fromUtf8(request.value("x-acs-action")).trimmed();
    }
    if (action.isEmpty()) {
        action = params.value(QStringLiteral("Action"));
    }

    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> guard(socket);
    dispatch(action, params, [responder, guard, action](const ApiReply &reply) {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
            qCInfo(lcApi) << action << "finished after the client left";
            return;
        }
        if (!reply.isSuccess()) {
            qCDebug(lcApi) << action << reply.httpStatus() << reply.code();
        }
        writeJson(*responder, reply);
    });
}

bool HttpApi::authorized(const RequestParameters &params, const QHttpServerRequest &request, ApiReply *refusal) const
{
    QString given = params.value(QStringLiteral("Authorization"));
    if (given.isEmpty()) {
        given = QString::fromUtf8(request.value("authorization"));
    }
    if (given.trimmed().isEmpty()) {
        *refusal = ApiReply::failure(401,
            QStringLiteral("MissingApiKey"),
            tr("The Authorization parameter is missing; send Authorization=Bearer <api key>"));
        return false;
    }
    const QString expected = QStringLiteral("Bearer ") + m_token;
    if (!constantTimeEquals(given.trimmed().toUtf8(), expected.toUtf8())) {
        *refusal = ApiReply::failure(401, QStringLiteral("InvalidApiKey"), tr("The API key is not valid"));
        return false;
    }
    return true;
}

void HttpApi::dispatch(const QString &action, const RequestParameters &params, const ReplyCallback &done)
{
    if (action == u"CallMcpTool") {
        callMcpTool(params, done);
        return;
    }
    using Handler = ApiReply (HttpApi::*)(const RequestParameters &);
    static const QHash<QString, Handler> handlers{
        {QStringLiteral("CreateMcpSession"), &HttpApi::createSession},
        {QStringLiteral("GetSession"), &HttpApi::getSession},
        {QStringLiteral("GetSessionDetail"), &HttpApi::getSessionDetail},
        {QStringLiteral("ListSession"), &HttpApi::listSessions},
        {QStringLiteral("GetMcpResource"), &HttpApi::getMcpResource},
        {QStringLiteral("DeleteSessionAsync"), &HttpApi::deleteSession},
        {QStringLiteral("ReleaseMcpSession"), &HttpApi::deleteSession},
        {QStringLiteral("PauseSessionAsync"), &HttpApi::pauseSession},
        {QStringLiteral("ResumeSessionAsync"), &HttpApi::resumeSession},
        {QStringLiteral("SetLabel"), &HttpApi::setLabels},
        {QStringLiteral("GetLabel"), &HttpApi::getLabels},
        {QStringLiteral("GetLink"), &HttpApi::getLink},
        {QStringLiteral("ListMcpTools"), &HttpApi::listMcpTools},
        {QStringLiteral("SyncContext"), &HttpApi::syncContext},
        {QStringLiteral("GetContextInfo"), &HttpApi::getContextInfo},
    };
    // Every other action of the API (contexts: GetContext, ListContexts, ModifyContext, ...;
    // browsers: GetCdpLink, InitBrowser; Android: GetAdbLink; networks: CreateNetwork,
    // DescribeNetwork) answers InvalidAction.NotFound, which the SDKs read as "feature not
    // deployed" (protocol.md 1.7), rather than a fake that would pretend to work.
    const Handler handler = handlers.value(action);
    if (!handler) {
        done(badRequest(QStringLiteral("InvalidAction.NotFound"),
            action.isEmpty() ? tr("No Action was given") : tr("The action %1 is not supported").arg(shorten(action))));
        return;
    }
    done((this->*handler)(params));
}

LocalSession *HttpApi::sessionFor(const RequestParameters &params, ApiReply *refusal) const
{
    const QString id = params.value(QStringLiteral("SessionId")).trimmed();
    if (id.isEmpty()) {
        *refusal = badRequest(QStringLiteral("MissingParameter.SessionId"), tr("SessionId is required"));
        return nullptr;
    }
    if (!SessionStore::isValidId(id)) {
        *refusal = invalidParameter(QStringLiteral("SessionId"),
            tr("SessionId must be 1 to %1 letters, digits, '-' or '_'").arg(SessionStore::maxIdLength));
        return nullptr;
    }
    LocalSession *session = m_store->find(id);
    if (!session) {
        *refusal = notFound();
    }
    return session;
}

std::optional<QMap<QString, QString>> HttpApi::parseLabels(const QString &json, QString *problem)
{
    if (json.trimmed().isEmpty()) {
        return QMap<QString, QString>();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (!doc.isObject()) {
        *problem = tr("Labels must be a JSON object of strings, e.g. {\"project\": \"demo\"}");
        return std::nullopt;
    }
    const QJsonObject object = doc.object();
    if (object.size() > maxLabels) {
        *problem = tr("At most %1 labels are allowed").arg(maxLabels);
        return std::nullopt;
    }
    QMap<QString, QString> labels;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString()) {
            *problem = tr("The value of label %1 must be a string").arg(shorten(it.key()));
            return std::nullopt;
        }
        if (it.key().trimmed().isEmpty() || it.key().size() > maxLabelKey) {
            *problem = tr("Label keys must be 1 to %1 characters").arg(maxLabelKey);
            return std::nullopt;
        }
        if (it.value().toString().size() > maxLabelValue) {
            *problem = tr("Label values must be at most %1 characters").arg(maxLabelValue);
            return std::nullopt;
        }
        labels.insert(it.key(), it.value().toString());
    }
    return labels;
}

std::optional<QString> HttpApi::imageFor(const RequestParameters &params, ApiReply *refusal)
{
    const QString given = params.value(QStringLiteral("ImageId")).trimmed();
    const QString imageId = given.isEmpty() ? defaultImage : given;
    if (!ToolCatalog::isKnownImage(imageId)) {
        *refusal = badRequest(QStringLiteral("InvalidParameter.ImageId"),
            tr("Unknown image %1; this server offers %2")
                .arg(shorten(imageId), ToolCatalog::images().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return imageId;
}

QString HttpApi::resourceUrl(const LocalSession *session) const
{
    return m_baseUrl + QStringLiteral("/sessions/") + session->id() + QStringLiteral("/?authcode=")
        + session->authCode();
}

QString HttpApi::toolListJson(const QString &imageId)
{
    auto it = m_toolListCache.constFind(imageId);
    if (it == m_toolListCache.cend()) {
        const QJsonArray tools = ToolCatalog::toolsFor(imageId);
        it = m_toolListCache.insert(imageId, QString::fromUtf8(QJsonDocument(tools).toJson(QJsonDocument::Compact)));
    }
    return it.value();
}

ApiReply HttpApi::createSession(const RequestParameters &params)
{
    ApiReply refusal;
    const auto image = imageFor(params, &refusal);
    if (!image) {
        return refusal;
    }
    const QString imageId = *image;
    QString problem;
    const auto labels = parseLabels(params.value(QStringLiteral("Labels")), &problem);
    if (!labels) {
        return badRequest(QStringLiteral("InvalidParameter.Labels"), problem);
    }
    if (m_store->count() >= m_maxSessions) {
        return badRequest(QStringLiteral("ResourceLimit.Sessions"),
            tr("This server runs at most %1 sessions at once; delete one first (agentbay-local --max-sessions)")
                .arg(m_maxSessions));
    }
    QString error;
    LocalSession *session = m_store->create(imageId, *labels, &error);
    if (!session) {
        qCWarning(lcApi).noquote() << "cannot create a session:" << error;
        return ApiReply::success(QJsonObject{
            {QStringLiteral("Success"), false},
            {QStringLiteral("ErrMsg"), tr("The session could not start: %1").arg(error)},
        });
    }
    return ApiReply::success(QJsonObject{
        {QStringLiteral("SessionId"), session->id()},
        {QStringLiteral("ResourceUrl"), resourceUrl(session)},
        {QStringLiteral("Success"), true},
        {QStringLiteral("ErrMsg"), QString()},
        {QStringLiteral("AppInstanceId"), appInstanceId(session)},
        {QStringLiteral("ResourceId"), resourceId(session)},
        {QStringLiteral("ToolList"), toolListJson(imageId)},
        {QStringLiteral("HttpPort"), QString()},
        {QStringLiteral("NetworkInterfaceIp"), QString()},
        {QStringLiteral("VpcResource"), false},
    });
}

ApiReply HttpApi::getSession(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    return ApiReply::success(QJsonObject{
        {QStringLiteral("SessionId"), session->id()},
        {QStringLiteral("Status"), session->statusName()},
        {QStringLiteral("ResourceUrl"), resourceUrl(session)},
        {QStringLiteral("AppInstanceId"), appInstanceId(session)},
        {QStringLiteral("ResourceId"), resourceId(session)},
        {QStringLiteral("ToolList"), toolListJson(session->imageId())},
        // No Token (nor LinkUrl): with them the SDKs would call <LinkUrl>/callTool, which
        // this server does not serve (protocol.md 5 and 7.8).
        {QStringLiteral("HttpPort"), QString()},
        {QStringLiteral("NetworkInterfaceIp"), QString()},
        {QStringLiteral("VpcResource"), false},
        {QStringLiteral("Success"), true},
        {QStringLiteral("contexts"), QJsonArray()},
    });
}

ApiReply HttpApi::getSessionDetail(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    return ApiReply::success(QJsonObject{
        {QStringLiteral("Aliuid"), QString()},
        {QStringLiteral("ApikeyId"), QString()},
        {QStringLiteral("AppInstanceGroupId"), QString()},
        {QStringLiteral("AppInstanceId"), appInstanceId(session)},
        {QStringLiteral("AppUserId"), QString()},
        {QStringLiteral("BizType"), 1},
        {QStringLiteral("EndReason"), QString()},
        {QStringLiteral("Id"), session->sequence()},
        {QStringLiteral("ImageId"), session->imageId()},
        {QStringLiteral("ImageType"), QStringLiteral("System")},
        {QStringLiteral("IsDeleted"), 0},
        {QStringLiteral("PolicyId"), QString()},
        {QStringLiteral("RegionId"), QStringLiteral("local")},
        {QStringLiteral("ResourceConfigId"), QString()},
        {QStringLiteral("Status"), session->statusName()},
        {QStringLiteral("CreateTime"), session->createdAt().toUTC().toString(Qt::ISODate)},
    });
}

ApiReply HttpApi::listSessions(const RequestParameters &params)
{
    QString problem;
    const auto filter = parseLabels(params.value(QStringLiteral("Labels")), &problem);
    if (!filter) {
        return badRequest(QStringLiteral("InvalidParameter.Labels"), problem);
    }
    const QString status = params.value(QStringLiteral("Status")).trimmed().toUpper();
    static const QStringList knownStatuses{QStringLiteral("RUNNING"),
        QStringLiteral("PAUSING"),
        QStringLiteral("PAUSED"),
        QStringLiteral("RESUMING"),
        QStringLiteral("DELETING"),
        QStringLiteral("DELETED"),
        QStringLiteral("UNKNOWN")};
    if (!status.isEmpty() && !knownStatuses.contains(status)) {
        return badRequest(QStringLiteral("InvalidParameter.Status"),
            tr("Status must be one of %1").arg(knownStatuses.join(QStringLiteral(", "))));
    }
    int pageSize = defaultPageSize;
    const QString maxText = params.value(QStringLiteral("MaxResults")).trimmed();
    if (!maxText.isEmpty()) {
        bool ok = false;
        pageSize = maxText.toInt(&ok);
        if (!ok || pageSize < 1) {
            return badRequest(QStringLiteral("InvalidParameter.MaxResults"),
                tr("MaxResults must be a whole number from 1 to %1").arg(maxPageSize));
        }
        pageSize = qMin(pageSize, maxPageSize);
    }
    qint64 after = 0;
    const QString tokenText = params.value(QStringLiteral("NextToken")).trimmed();
    if (!tokenText.isEmpty()) {
        const auto decoded = PageToken::decode(tokenText);
        if (!decoded) {
            return badRequest(
                QStringLiteral("InvalidParameter.NextToken"), tr("NextToken is not a token this server gave out"));
        }
        after = *decoded;
    }

    QJsonArray page;
    int total = 0;
    qint64 lastSequence = 0;
    bool more = false;
    for (const LocalSession *session : m_store->sessions()) {
        if (!status.isEmpty() && session->statusName() != status) {
            continue;
        }
        if (!session->matchesLabels(*filter)) {
            continue;
        }
        ++total;
        if (session->sequence() <= after) {
            continue;
        }
        if (page.size() < pageSize) {
            page.append(QJsonObject{
                {QStringLiteral("SessionId"), session->id()},
                {QStringLiteral("SessionStatus"), session->statusName()},
            });
            lastSequence = session->sequence();
        } else {
            more = true;
        }
    }
    ApiReply reply = ApiReply::success(page);
    reply.withTopLevel(QStringLiteral("NextToken"), more ? PageToken::encode(lastSequence) : QString())
        .withTopLevel(QStringLiteral("MaxResults"), pageSize)
        .withTopLevel(QStringLiteral("TotalCount"), total);
    return reply;
}

ApiReply HttpApi::getMcpResource(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    const SessionSandbox *sandbox = session->sandbox();
    const QJsonObject connection{
        {QStringLiteral("isolation"), sandbox ? sandbox->isolationName() : QStringLiteral("none")},
        {QStringLiteral("pauseMethod"), sandbox ? sandbox->pauseMethod() : QString()},
        {QStringLiteral("workspace"), sandbox ? sandbox->workspaceInside() : session->workspace()},
        {QStringLiteral("hostWorkspace"), session->workspace()},
        {QStringLiteral("processesSurviveRestart"), false},
        {QStringLiteral("note"),
            tr("Processes do not survive a server restart; the workspace, labels and the session itself do.")},
    };
    return ApiReply::success(QJsonObject{
        {QStringLiteral("SessionId"), session->id()},
        {QStringLiteral("ResourceUrl"), resourceUrl(session)},
        {QStringLiteral("DesktopInfo"),
            QJsonObject{
                {QStringLiteral("AppId"), QStringLiteral("agentbay-local")},
                {QStringLiteral("AuthCode"), session->authCode()},
                {QStringLiteral("ConnectionProperties"), compact(connection)},
                {QStringLiteral("ResourceId"), resourceId(session)},
                {QStringLiteral("ResourceType"), QStringLiteral("AIAgent")},
                {QStringLiteral("Ticket"), QString()},
            }},
    });
}

ApiReply HttpApi::deleteSession(const RequestParameters &params)
{
    ApiReply refusal;
    LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    switch (session->status()) {
    case LocalSession::Status::Deleting:
        return ApiReply::success(QJsonValue::Undefined, tr("Session deletion already in progress"));
    case LocalSession::Status::Running:
        break;
    default:
        return wrongStatus(session, tr("resume it before deleting it"));
    }
    // DELETING is visible (and persisted as gone) before the answer; the teardown follows.
    session->setStatus(LocalSession::Status::Deleting);
    m_store->save();
    const QString id = session->id();
    QTimer::singleShot(0, this, [this, id] {
        if (LocalSession *s = m_store->find(id)) {
            m_store->remove(s);
        }
    });
    return ApiReply::success(QJsonValue::Undefined, tr("Session deletion initiated successfully"));
}

ApiReply HttpApi::pauseSession(const RequestParameters &params)
{
    ApiReply refusal;
    LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    switch (session->status()) {
    case LocalSession::Status::Pausing:
    case LocalSession::Status::Paused:
        return ApiReply::success(QJsonValue::Undefined, tr("Session is already paused"));
    case LocalSession::Status::Running:
        break;
    default:
        return wrongStatus(session, tr("it cannot be paused now"));
    }
    beginTransition(
        session, LocalSession::Status::Pausing, LocalSession::Status::Paused, &SessionSandbox::pause, "cannot pause");
    return ApiReply::success(QJsonValue::Undefined, tr("Session pause initiated successfully"));
}

ApiReply HttpApi::resumeSession(const RequestParameters &params)
{
    ApiReply refusal;
    LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    switch (session->status()) {
    case LocalSession::Status::Resuming:
    case LocalSession::Status::Running:
        return ApiReply::success(QJsonValue::Undefined, tr("Session is already running"));
    case LocalSession::Status::Paused:
        break;
    default:
        return wrongStatus(session, tr("it cannot be resumed now"));
    }
    beginTransition(session,
        LocalSession::Status::Resuming,
        LocalSession::Status::Running,
        &SessionSandbox::resume,
        "cannot resume");
    return ApiReply::success(QJsonValue::Undefined, tr("Session resume initiated successfully"));
}

ApiReply HttpApi::setLabels(const RequestParameters &params)
{
    ApiReply refusal;
    LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    if (!params.contains(QStringLiteral("Labels"))) {
        return badRequest(QStringLiteral("MissingParameter.Labels"), tr("Labels is required"));
    }
    QString problem;
    const auto labels = parseLabels(params.value(QStringLiteral("Labels")), &problem);
    if (!labels) {
        return badRequest(QStringLiteral("InvalidParameter.Labels"), problem);
    }
    const auto previous = session->labels();
    session->setLabels(*labels);
    QString error;
    if (!m_store->save(&error)) {
        session->setLabels(previous);
        return ApiReply::failure(500, QStringLiteral("InternalError.Store"), error);
    }
    return ApiReply::success();
}

ApiReply HttpApi::getLabels(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    const int maxResults = params.value(QStringLiteral("MaxResults")).toInt();
    ApiReply reply = ApiReply::success(QJsonObject{{QStringLiteral("Labels"), labelsJson(session->labels())}});
    reply.withTopLevel(QStringLiteral("MaxResults"), maxResults)
        .withTopLevel(QStringLiteral("NextToken"), QString())
        .withTopLevel(QStringLiteral("TotalCount"), int(session->labels().size()));
    return reply;
}

ApiReply HttpApi::getLink(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    const QString protocol = params.value(QStringLiteral("ProtocolType")).trimmed().toLower();
    if (protocol == u"http") {
        return badRequest(QStringLiteral("InvalidParameter.ProtocolType"), QStringLiteral("http not supported"));
    }
    if (!protocol.isEmpty() && protocol != u"https" && protocol != u"wss") {
        return badRequest(QStringLiteral("InvalidParameter.ProtocolType"), tr("ProtocolType must be https or wss"));
    }
    const QString portText = params.value(QStringLiteral("Port")).trimmed();
    if (portText.isEmpty()) {
        return badRequest(QStringLiteral("InvalidParameter.Port"), QStringLiteral("only BrowserUse image support cdp"));
    }
    bool ok = false;
    const int port = portText.toInt(&ok);
    if (!ok || port < minLinkPort || port > maxLinkPort) {
        return badRequest(QStringLiteral("InvalidParameter.Port"),
            tr("Port must be a number from %1 to %2").arg(minLinkPort).arg(maxLinkPort));
    }
    // Sessions share the host's network. WebSocket links go straight to the port (nothing
    // in between to upgrade); HTTP links go through this server, which checks the session
    // and its auth code. Both are plain ws:// and http://: this server is loopback only.
    const QString url = protocol == u"wss" ? QStringLiteral("ws://127.0.0.1:%1/").arg(port)
                                           : m_baseUrl
            + QStringLiteral("/sessions/%1/ports/%2/?authcode=%3")
                  .arg(session->id())
                  .arg(port)
                  .arg(session->authCode());
    return ApiReply::success(QJsonObject{{QStringLiteral("Url"), url}});
}

ApiReply HttpApi::listMcpTools(const RequestParameters &params)
{
    ApiReply refusal;
    const auto imageId = imageFor(params, &refusal);
    if (!imageId) {
        return refusal;
    }
    return ApiReply::success(toolListJson(*imageId));
}

// Contexts (storage synced into sessions) are not offered: no session mounts one, and
// GetSession's contexts is always empty. SyncContext and GetContextInfo still answer
// honestly for a session, because the SDKs call them around other operations:
// delete(sync_context=True) syncs and then waits on GetContextInfo, and create() with
// PersistenceDataList waits on GetContextInfo. There is nothing to sync and no task to report.
ApiReply HttpApi::syncContext(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    const QString contextId = params.value(QStringLiteral("ContextId")).trimmed();
    if (!contextId.isEmpty()) {
        return invalidParameter(QStringLiteral("ContextId"),
            tr("The session mounts no context %1; this server offers no contexts").arg(shorten(contextId)));
    }
    return ApiReply::success(QJsonValue::Undefined, tr("No context is mounted in the session; nothing to sync"));
}

ApiReply HttpApi::getContextInfo(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    // A JSON string, like the service's: an empty list of sync tasks ends the SDKs' wait at once.
    return ApiReply::success(QJsonObject{{QStringLiteral("ContextStatus"), QStringLiteral("[]")}});
}

void HttpApi::callMcpTool(const RequestParameters &params, const ReplyCallback &done)
{
    ApiReply refusal;
    LocalSession *session = sessionFor(params, &refusal);
    if (!session) {
        done(refusal);
        return;
    }
    if (session->status() != LocalSession::Status::Running) {
        done(wrongStatus(session, tr("tools run only in a running session")));
        return;
    }
    const QString name = params.value(QStringLiteral("Name")).trimmed().isEmpty()
        ? params.value(QStringLiteral("Tool")).trimmed()
        : params.value(QStringLiteral("Name")).trimmed();
    if (name.isEmpty()) {
        done(badRequest(QStringLiteral("MissingParameter.Name"), tr("Name (the tool name) is required")));
        return;
    }
    QJsonObject args;
    const QString argsText = params.value(QStringLiteral("Args")).trimmed();
    if (!argsText.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(argsText.toUtf8(), &error);
        if (!doc.isObject()) {
            done(badRequest(QStringLiteral("InvalidParameter.Args"), tr("Args must be a JSON object")));
            return;
        }
        args = doc.object();
    }

    LocalSession::ToolCall call;
    call.at = QDateTime::currentDateTimeUtc();
    call.tool = name;
    call.arguments = shorten(compact(args));

    auto finish = [done, call](LocalSession *s, const QJsonObject &result, qint64 elapsedMs) mutable {
        call.isError = result.value(QStringLiteral("isError")).toBool();
        call.durationMs = elapsedMs;
        const QJsonArray content = result.value(QStringLiteral("content")).toArray();
        call.resultText = shorten(
            content.isEmpty() ? QString() : content.first().toObject().value(QStringLiteral("text")).toString());
        if (s) {
            s->recordToolCall(call);
        }
        done(ApiReply::success(compact(result)));
    };

    if (!ToolCatalog::hasTool(session->imageId(), name)) {
        const QJsonObject result{
            {QStringLiteral("content"),
                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                    {QStringLiteral("text"),
                        tr("Tool %1 not found in image %2").arg(shorten(name), session->imageId())}}}},
            {QStringLiteral("isError"), true},
        };
        finish(session, result, 0);
        return;
    }
    if (!session->sandbox()) {
        done(ApiReply::failure(
            500, QStringLiteral("InternalError.Sandbox"), tr("The session's sandbox is not running")));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    QPointer<LocalSession> guard(session);
    // A session deleted while the call runs takes its sandbox along; answer the call then
    // instead of leaving the client waiting for a result that will not come.
    auto answered = std::make_shared<bool>(false);
    const QMetaObject::Connection gone = connect(session, &QObject::destroyed, this, [done, answered] {
        if (!std::exchange(*answered, true)) {
            done(notFound());
        }
    });
    m_runner->call(session->sandbox(),
        session->imageId(),
        name,
        args,
        this,
        [finish, guard, timer, answered, gone](const QJsonObject &result) mutable {
            QObject::disconnect(gone);
            if (!std::exchange(*answered, true)) {
                finish(guard.data(), result, timer.elapsed());
            }
        });
}

} // namespace AgentBay::Server
