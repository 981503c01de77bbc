// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <optional>

class QTcpSocket;

namespace AgentBay::Test {

using FormFields = QList<QPair<QString, QString>>;

// Standard application/x-www-form-urlencoded decoding: '&' separates pairs, the first '='
// separates key and value, '+' is a space, %XX is a byte, the bytes are UTF-8.
FormFields decodeForm(const QByteArray &encoded);

// One HTTP request as the fake server received it.
struct RecordedRequest
{
    QByteArray method;
    QUrl url; // path and query exactly as sent (relative URL)
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, in arrival order
    QByteArray body; // raw
    FormFields form; // decoded body (only when it is a form)
    FormFields query; // decoded query string

    QByteArray header(const QByteArray &name) const; // first value, case-insensitive; empty if absent
    bool hasHeader(const QByteArray &name) const;
    bool hasQuery(const QString &name) const;
    QString queryValue(const QString &name) const;
    bool hasForm(const QString &name) const;
    QString formValue(const QString &name) const; // first value; empty if absent
    int formCount(const QString &name) const;

    QString action() const { return queryValue(QStringLiteral("Action")); }
};

// A canned answer, or a fault.
struct CannedResponse
{
    enum class Fault {
        None, // answer status/headers/body
        Hang, // read the request, never answer, keep the connection open
        Reset, // read the request, then drop the connection without a byte (RST)
        Garbage, // answer bytes that are not HTTP at all, then close
        Truncated, // status line, headers and half the announced body, then drop the connection
        Endless, // status line, headers, the body, then chunks of filler for as long as the client reads
    };

    Fault fault = Fault::None;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0; // wait this long before answering (or before the fault)

    static CannedResponse json(const QJsonObject &object, int status = 200);
    static CannedResponse raw(int status, const QByteArray &body, const QByteArray &contentType = "application/json");
    static CannedResponse hang();
    static CannedResponse reset();
    static CannedResponse garbage();
    static CannedResponse truncated(int status, const QByteArray &body); // body: what is announced
    static CannedResponse endless(int status, const QByteArray &bodyStart); // chunked, no length
    CannedResponse delayed(int ms) const;
    CannedResponse withHeader(const QByteArray &name, const QByteArray &value) const; // empty value: unchanged
};

// A loopback HTTP/1.1 server for fault tests (Qt's MiniHttpServer pattern): it answers each
// request with the next queued response (or what the handler returns), records every request
// and counts how many are open at once. Behaviour is tested against the real agentbay-local.
class FakeHttpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeHttpServer)

public:
    // Returning std::nullopt falls back to the queue.
    using Handler = std::function<std::optional<CannedResponse>(const RecordedRequest &request)>;

    explicit FakeHttpServer(QObject *parent = nullptr); // listens on 127.0.0.1:0
    ~FakeHttpServer() override;

    QUrl url() const; // "http://127.0.0.1:PORT"
    QString endpoint() const; // url() as text, for Config::endpoint

    void enqueue(const CannedResponse &response);
    void enqueueJson(const QJsonObject &object, int status = 200);
    // Answer used when the queue is empty (default: HTTP 404 Code "FakeHttpServer.NothingQueued").
    void setFallback(const CannedResponse &response);
    void setHandler(Handler handler);

    int queuedCount() const { return int(m_queue.size()); }

    QList<RecordedRequest> requests() const { return m_requests; }

    QList<RecordedRequest> requests(const QString &action) const;
    RecordedRequest lastRequest() const;

    int requestCount() const { return int(m_requests.size()); }

    int requestCount(const QString &action) const;

    int openRequestCount() const { return m_open; } // received and not answered yet

    int openRequestCount(const QString &action) const { return m_openByAction.value(action); }

    int maxOpenRequests() const { return m_maxOpen; } // highest openRequestCount() so far

    int maxOpenRequests(const QString &action) const { return m_maxOpenByAction.value(action); }

    int answeredCount() const { return m_answered; } // answers written (and faults done)

    qint64 endlessBytesWritten() const { return m_endlessBytes; } // filler handed to sockets so far

    int connectionCount() const { return int(m_connections.size()); } // sockets neither end has closed

    void clearRecords(); // forgets requests and counters, keeps queue and handler

Q_SIGNALS:
    void requestReceived(const AgentBay::Test::RecordedRequest &request);
    void responseSent(int status); // after an answer or a Reset/Garbage fault (status 0 then)

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    struct Connection
    {
        QByteArray buffer;
        bool busy = false; // a request is being answered; later bytes wait
        QString action; // of the request being answered
    };

    void readFrom(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const RecordedRequest &request);
    void deliver(QTcpSocket *socket, const CannedResponse &response);
    void deliverEndless(QTcpSocket *socket, const CannedResponse &response);
    void markAnswered(QTcpSocket *socket, int status);
    void closeRequest(Connection &connection);

    QList<CannedResponse> m_queue;
    CannedResponse m_fallback;
    Handler m_handler;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, Connection> m_connections;
    QHash<QString, int> m_openByAction;
    QHash<QString, int> m_maxOpenByAction;
    int m_open = 0;
    int m_maxOpen = 0;
    int m_answered = 0;
    qint64 m_endlessBytes = 0;
};

} // namespace AgentBay::Test
