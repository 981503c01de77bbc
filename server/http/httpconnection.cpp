// SPDX-License-Identifier: MIT
#include "httpconnection.h"

#include "httpserver.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSslSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcConnection, "agentbay.server.httpconnection")

namespace {

constexpr qint64 readChunkBytes = 64 * 1024;
// What the socket may hold unread while an answer is pending; beyond it TCP pushes back.
constexpr qint64 socketBufferBytes = 256 * 1024;
// After a refusal: how long and how much of the rest of the request is read and dropped
// (never kept) so that a client still sending its body sees the answer rather than a reset.
constexpr int lingerMs = 10000;
constexpr qint64 lingerMaxBytes = 64 * 1024 * 1024;

// Clients such as QNetworkAccessManager write a request's head and body in two sends; with
// Nagle on their side the body waits for our ACK of the head, which delayed ACK holds back
// ~40 ms. Asking for a quick ACK after every read (the kernel clears it again) removes that
// stall from every upload chunk.
void acknowledgeQuickly(qintptr descriptor)
{
    const int on = 1;
    ::setsockopt(static_cast<int>(descriptor), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
}

qint64 now()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock.elapsed();
}

} // namespace

HttpConnection::HttpConnection(QSslSocket *socket, HttpServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_parser(server->settings().limits)
    , m_lastProgressMs(now())
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(socketBufferBytes);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QSslSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        m_state = State::Gone;
        deleteLater();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError) {
            qCDebug(lcConnection) << "socket error" << error;
        }
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            m_state = State::Gone;
            deleteLater();
        }
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_secure = true;
        m_state = State::Reading;
        pump();
    });
    connect(m_socket, &QSslSocket::bytesWritten, this, [this] {
        if (m_state == State::Closing && m_socket->bytesToWrite() == 0 && m_discarded >= m_bodyLeft) {
            shutdownWrite();
        }
    });
    arm(Wait::Head); // a TLS handshake and the first head must come within the deadline
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isBusy() const
{
    return m_state == State::Answering || m_state == State::Streaming;
}

void HttpConnection::abort()
{
    m_state = State::Gone;
    m_timer.stop();
    m_socket->abort();
    deleteLater();
}

bool HttpConnection::isAnswering(quint64 serial) const
{
    return (m_state == State::Answering || m_state == State::Streaming) && serial == m_serial
        && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::noteProgress()
{
    m_lastProgressMs = now();
}

void HttpConnection::onReadyRead()
{
    acknowledgeQuickly(m_socket->socketDescriptor());
    switch (m_state) {
    case State::Sniffing: {
        char first = 0;
        if (m_socket->peek(&first, 1) != 1) {
            return;
        }
        if (first == 0x16 && m_server->offersTls()) {
            m_state = State::Handshaking;
            m_socket->setSslConfiguration(m_server->tlsConfiguration());
            m_socket->startServerEncryption();
            return;
        }
        m_state = State::Reading;
        pump();
        return;
    }
    case State::Reading:
        pump();
        return;
    case State::Closing:
        // The rest of a refused request: dropped, up to a bound.
        m_discarded += m_socket->skip(m_socket->bytesAvailable());
        if (m_discarded > lingerMaxBytes) {
            abort();
        } else if (m_bodyLeft >= 0 && m_discarded >= m_bodyLeft && m_socket->bytesToWrite() == 0) {
            shutdownWrite();
        }
        return;
    default:
        return; // the socket is not read while an answer is pending (backpressure)
    }
}

void HttpConnection::pump()
{
    while (m_state == State::Reading) {
        if (!runParser()) {
            return;
        }
        if (m_socket->bytesAvailable() <= 0) {
            break;
        }
        m_parser.feed(m_socket->read(readChunkBytes));
    }
    if (m_state == State::Reading) {
        armForParser();
    }
}

// false once the connection stopped reading (a request went to its route, or was refused).
bool HttpConnection::runParser()
{
    for (;;) {
        switch (m_parser.next()) {
        case HttpRequestParser::Event::NeedMore:
            return true;
        case HttpRequestParser::Event::Error:
            qCDebug(lcConnection) << "refusing request:" << m_parser.errorStatus() << m_parser.errorReason();
            refuse(m_server->errorResponse(m_parser.errorStatus(), m_parser.errorReason()));
            return false;
        case HttpRequestParser::Event::HeadReady: {
            HttpRequest head = m_parser.request();
            head.secure = m_secure;
            if (const auto refusal = m_server->checkHead(head)) {
                refuse(*refusal);
                return false;
            }
            if (head.expectsContinue) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            continue;
        }
        case HttpRequestParser::Event::MessageComplete: {
            HttpRequest request = m_parser.takeRequest();
            request.secure = m_secure;
            m_keepAlive = request.keepAlive;
            m_headOnly = request.method == "HEAD";
            m_versionMinor = request.versionMinor;
            m_state = State::Answering;
            m_servedAny = true;
            ++m_serial;
            arm(Wait::None);
            noteProgress();
            m_server->handle(std::move(request), HttpResponder(this, m_serial));
            return false;
        }
        }
    }
}

void HttpConnection::respond(const HttpResponse &response)
{
    const bool keepAlive = m_keepAlive && response.header("connection").compare("close", Qt::CaseInsensitive) != 0;
    QByteArray bytes = response.serializeHead(response.body.size(), keepAlive);
    if (!m_headOnly) {
        bytes += response.body;
    }
    m_socket->write(bytes);
    finishAnswer(keepAlive);
}

void HttpConnection::beginStream(const HttpResponse &head)
{
    // HTTP/1.0 knows no chunks: the end of the connection ends the body.
    m_chunkedStream = m_versionMinor >= 1 && !m_headOnly;
    if (!m_chunkedStream) {
        m_keepAlive = false;
    }
    m_socket->write(head.serializeHead(m_chunkedStream ? -1 : -2, m_keepAlive));
    m_state = State::Streaming;
}

void HttpConnection::writeStream(const QByteArray &data)
{
    if (m_state != State::Streaming || data.isEmpty() || m_headOnly) {
        return;
    }
    if (m_chunkedStream) {
        m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    } else {
        m_socket->write(data);
    }
}

void HttpConnection::endStream()
{
    if (m_state != State::Streaming) {
        return;
    }
    if (m_chunkedStream) {
        m_socket->write("0\r\n\r\n");
    }
    finishAnswer(m_keepAlive);
}

HttpTakeover HttpConnection::takeOver(QObject *newParent)
{
    HttpTakeover takeover{m_socket, m_parser.takeUnparsed()};
    m_timer.stop();
    m_socket->disconnect(this);
    m_socket->setParent(newParent);
    m_socket = nullptr;
    m_state = State::Gone;
    deleteLater();
    return takeover;
}

void HttpConnection::finishAnswer(bool keepAlive)
{
    noteProgress();
    if (!keepAlive) {
        closeAfterWrite();
        return;
    }
    m_state = State::Reading;
    arm(Wait::None);
    // Pipelined requests (already in the parser or the socket) are read on the next turn,
    // not inside the route that answered.
    QMetaObject::invokeMethod(this, &HttpConnection::pump, Qt::QueuedConnection);
}

void HttpConnection::refuse(const HttpResponse &response)
{
    // A body of known length still on its way is drained before the connection is closed:
    // clients that read no answer until they have sent everything would otherwise see a reset.
    bool lengthOk = false;
    const qint64 declared = m_parser.request().header("content-length").toLongLong(&lengthOk);
    m_bodyLeft = -1;
    if (lengthOk && declared > 0 && declared <= lingerMaxBytes) {
        m_bodyLeft = declared - m_parser.request().body.size();
    }
    m_discarded = m_parser.takeUnparsed().size();
    QByteArray bytes = response.serializeHead(response.body.size(), false);
    if (m_parser.request().method != "HEAD") {
        bytes += response.body;
    }
    m_socket->write(bytes);
    closeAfterWrite();
}

void HttpConnection::closeAfterWrite()
{
    m_state = State::Closing;
    arm(Wait::Linger);
    if (m_socket->bytesToWrite() == 0 && m_discarded >= m_bodyLeft) {
        shutdownWrite();
    }
}

// Ends the sending side only, then reads on until the client closes (bounded by the linger
// timer): closing with unread bytes would reset the connection and could lose the answer.
void HttpConnection::shutdownWrite()
{
    if (m_writeShut) {
        return;
    }
    m_writeShut = true;
    if (m_secure) {
        m_socket->disconnectFromHost();
        return;
    }
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    onReadyRead();
}

void HttpConnection::arm(Wait wait)
{
    m_wait = wait;
    switch (wait) {
    case Wait::None:
        m_timer.stop();
        return;
    case Wait::Head:
        m_timer.start(m_server->settings().headerTimeoutMs);
        return;
    case Wait::Idle:
    case Wait::Body:
        m_timer.start(m_server->settings().idleTimeoutMs);
        return;
    case Wait::Linger:
        m_timer.start(lingerMs);
        return;
    }
}

void HttpConnection::armForParser()
{
    if (m_parser.isIdle()) {
        // Before the first request the head deadline armed at the start still runs.
        if (m_servedAny && m_wait != Wait::Idle) {
            arm(Wait::Idle);
        }
    } else if (m_parser.isReadingHead()) {
        // Armed once per head and never extended by bytes trickling in (slowloris).
        if (m_wait != Wait::Head) {
            arm(Wait::Head);
        }
    } else {
        arm(Wait::Body); // restarted by every piece of the body
    }
}

void HttpConnection::onTimeout()
{
    switch (m_wait) {
    case Wait::Head:
    case Wait::Body:
        if (m_state == State::Reading && !m_parser.isIdle()) {
            qCInfo(lcConnection) << "request too slow, closing";
            refuse(m_server->errorResponse(408, "the request did not arrive in time"));
            return;
        }
        abort();
        return;
    case Wait::Idle:
    case Wait::Linger:
    case Wait::None:
        abort();
        return;
    }
}

} // namespace AgentBay::Server
