// SPDX-License-Identifier: MIT
#include "limitingtcpserver.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcLimits, "agentbay.server.limitingtcpserver")

namespace {

// Follows the request boundaries of one connection from the bytes it has not read yet.
struct ConnectionWatch
{
    enum class Phase {
        Headers,
        Body,
        Refused
    };
    Phase phase = Phase::Headers;
    QByteArray headerBlock;
    qint64 bodyLeft = 0;
    qint64 refusedLeft = -1; // body bytes still to discard after a refusal; -1 = unknown
};

QByteArray statusReply(int status, const QByteArray &reason, const QByteArray &code, const QByteArray &message)
{
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces).toUpper();
    const QByteArray body = R"({"RequestId":")" + requestId + R"(","Success":false,"Code":")" + code
        + R"(","Message":")" + message + R"(","HttpStatusCode":)" + QByteArray::number(status) + "}";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

LimitingTcpServer::LimitingTcpServer(qint64 maxBodyBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
{
}

LimitingTcpServer::~LimitingTcpServer() = default;

void LimitingTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    auto watch = std::make_shared<ConnectionWatch>();
    const qint64 maxBody = m_maxBodyBytes;
    QPointer<QObject> httpServer = m_httpServer;

    // Connected before the HTTP server connects its own reader, so this runs first on every
    // readyRead and sees exactly the bytes the HTTP server is about to read.
    connect(socket, &QTcpSocket::readyRead, this, [socket, watch, maxBody, httpServer] {
        auto refuse = [&](int status,
                          const QByteArray &reason,
                          const QByteArray &code,
                          const QByteArray &message,
                          qint64 discardLeft) {
            qCInfo(lcLimits) << "refusing request:" << status << reason;
            if (httpServer) {
                QObject::disconnect(socket, nullptr, httpServer, nullptr);
            }
            if (socket->isTransactionStarted()) {
                socket->commitTransaction();
            }
            watch->phase = ConnectionWatch::Phase::Refused;
            watch->refusedLeft = discardLeft;
            socket->write(statusReply(status, reason, code, message));
            // Give a slow client time to read the answer, then close regardless.
            QTimer::singleShot(5000, socket, [socket] {
                socket->abort();
            });
        };

        if (watch->phase == ConnectionWatch::Phase::Refused) {
            const QByteArray discarded = socket->readAll();
            if (watch->refusedLeft >= 0) {
                watch->refusedLeft -= discarded.size();
                if (watch->refusedLeft <= 0) {
                    socket->disconnectFromHost();
                }
            }
            return;
        }

        QByteArray pending = socket->peek(socket->bytesAvailable());
        const qsizetype peeked = pending.size();
        while (!pending.isEmpty()) {
            if (watch->phase == ConnectionWatch::Phase::Body) {
                const qint64 take = qMin<qint64>(watch->bodyLeft, pending.size());
                watch->bodyLeft -= take;
                pending.remove(0, take);
                if (watch->bodyLeft == 0) {
                    watch->phase = ConnectionWatch::Phase::Headers;
                }
                continue;
            }
            // Headers.
            const qsizetype before = watch->headerBlock.size();
            watch->headerBlock.append(pending);
            const qsizetype end = watch->headerBlock.indexOf("\r\n\r\n");
            // Also when the whole block came at once: the limit must not depend on how TCP
            // happened to split the bytes.
            if ((end < 0 ? watch->headerBlock.size() : end) > maxHeaderBytes) {
                refuse(431,
                    "Request Header Fields Too Large",
                    "RequestHeaderTooLarge",
                    "The request headers are too large",
                    -1);
                socket->readAll();
                return;
            }
            if (end < 0) {
                return;
            }
            const qsizetype consumed = end + 4 - before;
            const QByteArray headers = watch->headerBlock.left(end);
            watch->headerBlock.clear();
            pending.remove(0, consumed);

            qint64 contentLength = 0;
            bool chunked = false;
            for (const QByteArray &line : headers.split('\n')) {
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length") {
                    bool ok = false;
                    contentLength = value.toLongLong(&ok);
                    if (!ok || contentLength < 0) {
                        contentLength = -1;
                    }
                } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                refuse(411, "Length Required", "MissingContentLength", "Request bodies need a Content-Length", -1);
                socket->readAll();
                return;
            }
            if (contentLength < 0) {
                refuse(400, "Bad Request", "InvalidContentLength", "Invalid Content-Length", -1);
                socket->readAll();
                return;
            }
            if (contentLength > maxBody) {
                refuse(413,
                    "Payload Too Large",
                    "RequestBodyTooLarge",
                    QByteArray("The request body is larger than " + QByteArray::number(maxBody) + " bytes"),
                    contentLength);
                // Everything unread now belongs to the refused request (pipelined data is dropped).
                const QByteArray discarded = socket->readAll();
                watch->refusedLeft -= qMax<qint64>(0, discarded.size() - (peeked - pending.size()));
                if (watch->refusedLeft <= 0) {
                    socket->disconnectFromHost();
                }
                return;
            }
            if (contentLength > 0) {
                watch->phase = ConnectionWatch::Phase::Body;
                watch->bodyLeft = contentLength;
            }
        }
    });
    addPendingConnection(socket);
}

} // namespace AgentBay::Server
