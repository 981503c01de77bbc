// SPDX-License-Identifier: MIT
#pragma once

#include <server/http/httprequestparser.h>
#include <server/http/httpresponder.h>
#include <server/http/httpresponse.h>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QSslSocket;

namespace AgentBay::Server {

class HttpServer;

// One client connection of HttpServer: sniffs TLS, reads requests one at a time (pipelined
// ones wait in the parser and the socket, which stops being read while an answer is
// pending), keeps the deadlines and writes the answers. Deletes itself when the client goes.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(QSslSocket *socket, HttpServer *server);
    ~HttpConnection() override;

    // A request is being answered, or the socket was taken over.
    bool isBusy() const;

    // When the connection last started or finished an answer (monotonic ms).
    qint64 lastProgressMs() const { return m_lastProgressMs; }

    void abort();

    // For HttpResponder.
    bool isAnswering(quint64 serial) const;
    void respond(const HttpResponse &response);
    void beginStream(const HttpResponse &head);
    void writeStream(const QByteArray &data);
    void endStream();
    HttpTakeover takeOver(QObject *newParent);

private:
    enum class State {
        Sniffing, // before the first byte: TLS or plain?
        Handshaking,
        Reading,
        Answering,
        Streaming,
        Closing, // answer written or being written, then close
        Gone,
    };
    enum class Wait {
        None,
        Head,
        Idle,
        Body,
        Linger
    };

    void onReadyRead();
    void pump();
    bool runParser();
    void finishAnswer(bool keepAlive);
    void refuse(const HttpResponse &response);
    void closeAfterWrite();
    void shutdownWrite();
    void arm(Wait wait);
    void armForParser();
    void onTimeout();
    void noteProgress();

    QSslSocket *m_socket;
    HttpServer *m_server;
    HttpRequestParser m_parser;
    QTimer m_timer;
    State m_state = State::Sniffing;
    Wait m_wait = Wait::None;
    quint64 m_serial = 0;
    qint64 m_lastProgressMs = 0;
    qint64 m_discarded = 0; // of a refused request, after its answer
    qint64 m_bodyLeft = -1; // of a refused request's body still to drain; -1 = none or unknown
    int m_versionMinor = 1;
    bool m_keepAlive = true;
    bool m_headOnly = false;
    bool m_chunkedStream = false;
    bool m_secure = false;
    bool m_servedAny = false;
    bool m_writeShut = false;
};

} // namespace AgentBay::Server
