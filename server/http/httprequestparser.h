// SPDX-License-Identifier: MIT
#pragma once

#include <server/http/httprequest.h>

#include <QByteArray>
#include <QByteArrayView>

namespace AgentBay::Server {

// Reads HTTP/1.x requests (RFC 9112) from bytes as they arrive, with no I/O of its own:
// feed() what came off the socket, then call next() until it answers NeedMore or Error.
//
// Framing is strict where leniency lets a request be read two ways (request smuggling): a
// repeated or list-valued Content-Length, Content-Length with Transfer-Encoding, a coding
// after chunked, obs-fold and bare CR are all 400. Sizes are bounded as bytes arrive: the
// request line (414), the header block and header count (431), the body (413, also while
// the chunks of a chunked body arrive, before their data is read).
class HttpRequestParser
{
public:
    struct Limits
    {
        qsizetype maxRequestLineBytes = 64 * 1024; // the API's parameters may all come in the query
        qsizetype maxHeaderBytes = 64 * 1024; // the whole head; the trailers again
        int maxHeaderCount = 100;
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        qsizetype maxChunkLineBytes = 4 * 1024; // chunk size plus extensions
    };

    enum class Event {
        NeedMore, // feed more bytes
        HeadReady, // request() has the request line and headers, no body yet
        MessageComplete, // request() is whole; takeRequest() and call next() for a pipelined one
        Error, // errorStatus()/errorReason(); the connection cannot be read further
    };

    HttpRequestParser();
    explicit HttpRequestParser(const Limits &limits);

    void feed(QByteArrayView bytes);
    Event next();

    const HttpRequest &request() const { return m_request; }

    // The complete request; the parser then starts on the next one.
    HttpRequest takeRequest();

    int errorStatus() const { return m_errorStatus; }

    QByteArray errorReason() const { return m_errorReason; }

    // Bytes fed but not parsed yet (what follows a request whose connection changes protocol).
    QByteArray takeUnparsed();

    qsizetype unparsedBytes() const { return m_buffer.size() - m_pos; }

    // True from the first byte of a request until its head is read.
    bool isReadingHead() const;
    // True between two requests with nothing buffered.
    bool isIdle() const;

private:
    enum class State {
        RequestLine,
        Headers,
        HeadDelivered,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Complete,
        Failed,
    };

    enum class LineResult {
        Line,
        NeedMore,
        Failed
    };

    LineResult takeLine(qsizetype limit, int tooLongStatus, QByteArray *line);
    Event fail(int status, const QByteArray &reason);
    Event parseRequestLine(const QByteArray &line);
    Event parseHeaderLine(const QByteArray &line, QList<QPair<QByteArray, QByteArray>> *into);
    Event finishHead();
    Event parseChunkSize(const QByteArray &line);
    void compact();

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    State m_state = State::RequestLine;
    HttpRequest m_request;
    qsizetype m_headBytes = 0; // of the head (or the trailers) read so far
    qint64 m_remaining = 0; // of the fixed body or the current chunk
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};

} // namespace AgentBay::Server
