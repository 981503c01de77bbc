// SPDX-License-Identifier: MIT
#include "fakehttpserver.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace AgentBay::Test {

namespace {

QString decodeComponent(QByteArray bytes)
{
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QString firstValue(const FormFields &fields, const QString &name)
{
    for (const auto &field : fields) {
        if (field.first == name) {
            return field.second;
        }
    }
    return {};
}

} // namespace

FormFields decodeForm(const QByteArray &encoded)
{
    FormFields fields;
    if (encoded.isEmpty()) {
        return fields;
    }
    const QList<QByteArray> pairs = encoded.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0) {
            fields.append({decodeComponent(pair), QString()});
        } else {
            fields.append({decodeComponent(pair.left(eq)), decodeComponent(pair.mid(eq + 1))});
        }
    }
    return fields;
}

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers) {
        if (h.first == lower) {
            return h.second;
        }
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    return std::any_of(headers.cbegin(), headers.cend(), [&lower](const auto &h) {
        return h.first == lower;
    });
}

bool RecordedRequest::hasQuery(const QString &name) const
{
    return std::any_of(query.cbegin(), query.cend(), [&name](const auto &f) {
        return f.first == name;
    });
}

QString RecordedRequest::queryValue(const QString &name) const
{
    return firstValue(query, name);
}

bool RecordedRequest::hasForm(const QString &name) const
{
    return formCount(name) > 0;
}

QString RecordedRequest::formValue(const QString &name) const
{
    return firstValue(form, name);
}

int RecordedRequest::formCount(const QString &name) const
{
    return int(std::count_if(form.cbegin(), form.cend(), [&name](const auto &f) {
        return f.first == name;
    }));
}

CannedResponse CannedResponse::json(const QJsonObject &object, int status)
{
    return raw(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

CannedResponse CannedResponse::raw(int status, const QByteArray &body, const QByteArray &contentType)
{
    CannedResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return response;
}

CannedResponse CannedResponse::hang()
{
    CannedResponse response;
    response.fault = Fault::Hang;
    return response;
}

CannedResponse CannedResponse::reset()
{
    CannedResponse response;
    response.fault = Fault::Reset;
    return response;
}

CannedResponse CannedResponse::truncated(int status, const QByteArray &body)
{
    CannedResponse response = raw(status, body);
    response.fault = Fault::Truncated;
    return response;
}

CannedResponse CannedResponse::withHeader(const QByteArray &name, const QByteArray &value) const
{
    CannedResponse response = *this;
    if (!value.isEmpty()) {
        response.headers.append({name, value});
    }
    return response;
}

CannedResponse CannedResponse::garbage()
{
    CannedResponse response;
    response.fault = Fault::Garbage;
    return response;
}

CannedResponse CannedResponse::endless(int status, const QByteArray &bodyStart)
{
    CannedResponse response;
    response.fault = Fault::Endless;
    response.status = status;
    response.body = bodyStart;
    return response;
}

CannedResponse CannedResponse::delayed(int ms) const
{
    CannedResponse response = *this;
    response.delayMs = ms;
    return response;
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QTcpServer(parent)
{
    m_fallback = CannedResponse::json({{QStringLiteral("RequestId"), QStringLiteral("fake-nothing-queued")},
                                          {QStringLiteral("Success"), false},
                                          {QStringLiteral("Code"), QStringLiteral("FakeHttpServer.NothingQueued")},
                                          {QStringLiteral("Message"), QStringLiteral("no canned response queued")},
                                          {QStringLiteral("HttpStatusCode"), 404}},
        404);
    if (!listen(QHostAddress::LocalHost, 0)) {
        qWarning("FakeHttpServer: cannot listen on 127.0.0.1: %s", qPrintable(errorString()));
    }
}

FakeHttpServer::~FakeHttpServer()
{
    // Sockets are children; drop them without emitting into a half-destroyed object.
    const auto sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
}

QUrl FakeHttpServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(serverPort());
    return url;
}

QString FakeHttpServer::endpoint() const
{
    return url().toString();
}

void FakeHttpServer::enqueue(const CannedResponse &response)
{
    m_queue.append(response);
}

void FakeHttpServer::enqueueJson(const QJsonObject &object, int status)
{
    enqueue(CannedResponse::json(object, status));
}

void FakeHttpServer::setFallback(const CannedResponse &response)
{
    m_fallback = response;
}

void FakeHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

QList<RecordedRequest> FakeHttpServer::requests(const QString &action) const
{
    QList<RecordedRequest> matching;
    for (const RecordedRequest &request : m_requests) {
        if (request.action() == action) {
            matching.append(request);
        }
    }
    return matching;
}

RecordedRequest FakeHttpServer::lastRequest() const
{
    return m_requests.isEmpty() ? RecordedRequest() : m_requests.last();
}

int FakeHttpServer::requestCount(const QString &action) const
{
    return int(requests(action).size());
}

void FakeHttpServer::clearRecords()
{
    m_requests.clear();
    m_maxOpen = m_open;
    m_maxOpenByAction = m_openByAction;
    m_answered = 0;
}

void FakeHttpServer::closeRequest(Connection &connection)
{
    connection.busy = false;
    --m_open;
    --m_openByAction[connection.action];
}

void FakeHttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    m_connections.insert(socket, Connection());
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        readFrom(socket);
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        const auto it = m_connections.find(socket);
        if (it != m_connections.end() && it->busy) {
            closeRequest(*it); // the client gave up (timeout, cancel) before the answer
        }
        m_connections.remove(socket);
        socket->deleteLater();
    });
}

void FakeHttpServer::readFrom(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    it->buffer.append(socket->readAll());
    if (it->busy) {
        return; // one request per connection: every answer closes it
    }
    const qsizetype headerEnd = it->buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        return;
    }
    const QList<QByteArray> lines = it->buffer.left(headerEnd).split('\n');
    RecordedRequest request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name == "content-length") {
            contentLength = value.toLongLong();
        }
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (it->buffer.size() < bodyStart + contentLength) {
        return; // wait for the rest of the body
    }
    request.body = it->buffer.mid(bodyStart, contentLength);
    it->buffer.remove(0, bodyStart + contentLength);
    request.url = QUrl::fromEncoded(target);
    const qsizetype questionMark = target.indexOf('?');
    if (questionMark >= 0) {
        request.query = decodeForm(target.mid(questionMark + 1));
    }
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded")) {
        request.form = decodeForm(request.body);
    }
    it->busy = true;
    it->action = request.action();
    ++m_open;
    m_maxOpen = std::max(m_maxOpen, m_open);
    const int openForAction = ++m_openByAction[it->action];
    m_maxOpenByAction[it->action] = std::max(m_maxOpenByAction.value(it->action), openForAction);
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    answer(socket, request);
}

void FakeHttpServer::answer(QTcpSocket *socket, const RecordedRequest &request)
{
    std::optional<CannedResponse> response;
    if (m_handler) {
        response = m_handler(request);
    }
    if (!response && !m_queue.isEmpty()) {
        response = m_queue.takeFirst();
    }
    if (!response) {
        response = m_fallback;
    }
    if (response->delayMs > 0) {
        const QPointer<QTcpSocket> guard(socket);
        const CannedResponse delayedResponse = *response;
        QTimer::singleShot(response->delayMs, this, [this, guard, delayedResponse] {
            if (guard && m_connections.contains(guard.data())) {
                deliver(guard.data(), delayedResponse);
            }
        });
        return;
    }
    deliver(socket, *response);
}

void FakeHttpServer::deliver(QTcpSocket *socket, const CannedResponse &response)
{
    switch (response.fault) {
    case CannedResponse::Fault::Hang:
        return; // stays open (counted) until the client gives up
    case CannedResponse::Fault::Reset: {
#ifdef Q_OS_UNIX
        // Linger 0: close() sends RST instead of FIN, a real "connection reset by peer".
        const linger noLinger{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger, sizeof(noLinger));
#endif
        markAnswered(socket, 0);
        socket->abort();
        return;
    }
    case CannedResponse::Fault::Garbage:
        socket->write(QByteArrayLiteral("\x01\x02 this is not HTTP at all \xff\xfe\r\n\r\n"));
        markAnswered(socket, 0);
        socket->disconnectFromHost();
        return;
    case CannedResponse::Fault::Endless:
        deliverEndless(socket, response);
        return;
    case CannedResponse::Fault::None:
    case CannedResponse::Fault::Truncated:
        break;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &header : response.headers) {
        out += header.first + ": " + header.second + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (response.fault == CannedResponse::Fault::Truncated) {
        socket->write(out + response.body.left(response.body.size() / 2));
        socket->flush();
        markAnswered(socket, 0);
        socket->abort();
        return;
    }
    out += response.body;
    socket->write(out);
    markAnswered(socket, response.status);
    socket->disconnectFromHost();
}

void FakeHttpServer::deliverEndless(QTcpSocket *socket, const CannedResponse &response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &header : response.headers) {
        head += header.first + ": " + header.second + "\r\n";
    }
    head += "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    if (!response.body.isEmpty()) {
        head += QByteArray::number(response.body.size(), 16) + "\r\n" + response.body + "\r\n";
    }
    socket->write(head);
    markAnswered(socket, response.status);
    // Keep a few chunks queued: the client reads at its own pace and the memory here stays small.
    auto feed = [this, socket] {
        static const QByteArray filler(64 * 1024, 'x');
        static const QByteArray chunk = QByteArray::number(filler.size(), 16) + "\r\n" + filler + "\r\n";
        while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 4 * chunk.size()) {
            socket->write(chunk);
            m_endlessBytes += filler.size();
        }
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, feed);
    feed();
}

void FakeHttpServer::markAnswered(QTcpSocket *socket, int status)
{
    const auto it = m_connections.find(socket);
    if (it != m_connections.end() && it->busy) {
        closeRequest(*it);
    }
    ++m_answered;
    Q_EMIT responseSent(status);
}

} // namespace AgentBay::Test
