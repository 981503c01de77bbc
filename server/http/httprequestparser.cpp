// SPDX-License-Identifier: MIT
#include "httprequestparser.h"

namespace AgentBay::Server {

namespace {

// RFC 9110 §5.6.2 tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const char c : text) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

// Field values: visible ASCII, space, tab and obs-text; no other control bytes.
bool isFieldValue(const QByteArray &text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f) {
            return false;
        }
    }
    return true;
}

QByteArray trimOws(const QByteArray &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) {
        ++begin;
    }
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        --end;
    }
    return text.mid(begin, end - begin);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

constexpr qsizetype compactThreshold = 64 * 1024;

} // namespace

HttpRequestParser::HttpRequestParser()
    : HttpRequestParser(Limits())
{
}

HttpRequestParser::HttpRequestParser(const Limits &limits)
    : m_limits(limits)
{
}

void HttpRequestParser::feed(QByteArrayView bytes)
{
    compact();
    m_buffer.append(bytes.data(), bytes.size());
}

bool HttpRequestParser::isReadingHead() const
{
    return m_state == State::Headers || (m_state == State::RequestLine && m_pos < m_buffer.size());
}

bool HttpRequestParser::isIdle() const
{
    return m_state == State::RequestLine && m_pos >= m_buffer.size();
}

QByteArray HttpRequestParser::takeUnparsed()
{
    const QByteArray rest = m_buffer.mid(m_pos);
    m_buffer.clear();
    m_pos = 0;
    return rest;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest taken = std::move(m_request);
    m_request = HttpRequest();
    if (m_state == State::Complete) {
        m_state = State::RequestLine;
        m_headBytes = 0;
    }
    return taken;
}

void HttpRequestParser::compact()
{
    if (m_pos > 0 && (m_pos >= m_buffer.size() || m_pos > compactThreshold)) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

HttpRequestParser::Event HttpRequestParser::fail(int status, const QByteArray &reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorReason = reason;
    return Event::Error;
}

// One line ending in LF (a CR before it is dropped; a CR anywhere else is refused). The
// limit applies to the line and, in the head, to the head as a whole.
HttpRequestParser::LineResult HttpRequestParser::takeLine(qsizetype limit, int tooLongStatus, QByteArray *line)
{
    const qsizetype newline = m_buffer.indexOf('\n', m_pos);
    const qsizetype length = (newline < 0 ? m_buffer.size() : newline) - m_pos;
    if (length > limit) {
        fail(tooLongStatus, tooLongStatus == 414 ? "request line too long" : "header block too large");
        return LineResult::Failed;
    }
    if (newline < 0) {
        return LineResult::NeedMore;
    }
    *line = m_buffer.mid(m_pos, length);
    m_pos = newline + 1;
    if (line->endsWith('\r')) {
        line->chop(1);
    }
    if (line->contains('\r')) {
        fail(400, "bare CR in the head");
        return LineResult::Failed;
    }
    return LineResult::Line;
}

HttpRequestParser::Event HttpRequestParser::next()
{
    for (;;) {
        switch (m_state) {
        case State::Failed:
            return Event::Error;
        case State::Complete:
            return Event::MessageComplete;
        case State::RequestLine:
        case State::Headers:
        case State::Trailers: {
            const bool requestLine = m_state == State::RequestLine;
            const qsizetype left = m_limits.maxHeaderBytes - m_headBytes;
            const qsizetype limit = requestLine ? qMin(left, m_limits.maxRequestLineBytes) : left;
            const int status = requestLine && left >= m_limits.maxRequestLineBytes ? 414 : 431;
            QByteArray line;
            switch (takeLine(limit, status, &line)) {
            case LineResult::NeedMore:
                return Event::NeedMore;
            case LineResult::Failed:
                return Event::Error;
            case LineResult::Line:
                break;
            }
            m_headBytes += line.size() + 2;
            Event event = Event::NeedMore;
            if (m_state == State::RequestLine) {
                // RFC 9112 §2.2: empty lines before a request line are ignored.
                if (line.isEmpty()) {
                    continue;
                }
                event = parseRequestLine(line);
            } else if (line.isEmpty()) {
                if (m_state == State::Trailers) {
                    m_state = State::Complete;
                    return Event::MessageComplete;
                }
                return finishHead();
            } else {
                event = parseHeaderLine(line, m_state == State::Headers ? &m_request.headers : &m_request.trailers);
            }
            if (event == Event::Error) {
                return event;
            }
            continue;
        }
        case State::HeadDelivered:
            if (m_request.chunked) {
                m_state = State::ChunkSize;
            } else if (m_request.contentLength > 0) {
                m_remaining = m_request.contentLength;
                m_request.body.reserve(m_request.contentLength);
                m_state = State::FixedBody;
            } else {
                m_state = State::Complete;
            }
            continue;
        case State::FixedBody:
        case State::ChunkData: {
            const qint64 available = m_buffer.size() - m_pos;
            if (available == 0) {
                return Event::NeedMore;
            }
            const qint64 take = qMin(available, m_remaining);
            m_request.body.append(m_buffer.constData() + m_pos, take);
            m_pos += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                m_state = m_state == State::FixedBody ? State::Complete : State::ChunkDataEnd;
            }
            continue;
        }
        case State::ChunkDataEnd: {
            const qsizetype available = m_buffer.size() - m_pos;
            if (available >= 1 && m_buffer[m_pos] == '\n') {
                m_pos += 1;
            } else if (available >= 2 && m_buffer[m_pos] == '\r' && m_buffer[m_pos + 1] == '\n') {
                m_pos += 2;
            } else if (available >= 2 || (available == 1 && m_buffer[m_pos] != '\r')) {
                return fail(400, "chunk data not followed by CRLF");
            } else {
                return Event::NeedMore;
            }
            m_state = State::ChunkSize;
            continue;
        }
        case State::ChunkSize: {
            QByteArray line;
            switch (takeLine(m_limits.maxChunkLineBytes, 400, &line)) {
            case LineResult::NeedMore:
                return Event::NeedMore;
            case LineResult::Failed:
                m_errorReason = "chunk size line too long or broken";
                return Event::Error;
            case LineResult::Line:
                break;
            }
            if (parseChunkSize(line) == Event::Error) {
                return Event::Error;
            }
            continue;
        }
        }
    }
}

HttpRequestParser::Event HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty()) {
        return fail(400, "malformed request line");
    }
    for (const char c : parts.at(1)) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            return fail(400, "invalid byte in the request target");
        }
    }
    const QByteArray &version = parts.at(2);
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' || version[5] < '0' || version[5] > '9'
        || version[7] < '0' || version[7] > '9') {
        return fail(400, "malformed HTTP version");
    }
    if (version[5] != '1') {
        return fail(505, "only HTTP/1.x is served");
    }
    m_request.method = parts.at(0);
    m_request.target = parts.at(1);
    m_request.versionMinor = version[7] - '0';
    m_state = State::Headers;
    return Event::NeedMore;
}

HttpRequestParser::Event HttpRequestParser::parseHeaderLine(
    const QByteArray &line, QList<QPair<QByteArray, QByteArray>> *into)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        return fail(400, "obsolete line folding");
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
    if (!isToken(name)) {
        return fail(400, "malformed header field name");
    }
    const QByteArray value = trimOws(line.mid(colon + 1));
    if (!isFieldValue(value)) {
        return fail(400, "invalid byte in a header value");
    }
    if (into->size() >= m_limits.maxHeaderCount) {
        return fail(431, "too many header fields");
    }
    into->append({name, value});
    return Event::NeedMore;
}

// RFC 9112 §6.1-6.3: how long the body is, refusing every head that could be read two ways.
HttpRequestParser::Event HttpRequestParser::finishHead()
{
    HttpRequest &r = m_request;
    int hosts = 0;
    int lengths = 0;
    for (const auto &header : r.headers) {
        if (header.first.compare("host", Qt::CaseInsensitive) == 0) {
            ++hosts;
        } else if (header.first.compare("content-length", Qt::CaseInsensitive) == 0) {
            ++lengths;
        }
    }
    if (hosts > 1 || (hosts == 0 && r.versionMinor >= 1)) {
        return fail(400, "an HTTP/1.1 request needs exactly one Host header");
    }
    const bool hasTransferEncoding = r.hasHeader("transfer-encoding");
    if (hasTransferEncoding) {
        if (lengths > 0) {
            return fail(400, "both Content-Length and Transfer-Encoding");
        }
        if (r.versionMinor == 0) {
            return fail(400, "Transfer-Encoding in an HTTP/1.0 request");
        }
        const QList<QByteArray> codings = r.headerTokens("transfer-encoding");
        if (codings.isEmpty() || codings.constLast() != "chunked") {
            return fail(400, "chunked is not the final transfer coding");
        }
        if (codings.count("chunked") > 1) {
            return fail(400, "chunked applied twice");
        }
        if (codings.size() > 1) {
            return fail(501, "transfer codings other than chunked are not supported");
        }
        r.chunked = true;
    } else if (lengths > 1) {
        return fail(400, "more than one Content-Length");
    } else if (lengths == 1) {
        const QByteArray value = r.header("content-length");
        if (value.isEmpty() || value.size() > 18) {
            return fail(400, "invalid Content-Length");
        }
        qint64 length = 0;
        for (const char c : value) {
            if (c < '0' || c > '9') {
                return fail(400, "invalid Content-Length");
            }
            length = length * 10 + (c - '0');
        }
        if (length > m_limits.maxBodyBytes) {
            return fail(413, "request body too large");
        }
        r.contentLength = length;
    }

    const QList<QByteArray> connection = r.headerTokens("connection");
    r.keepAlive = r.versionMinor >= 1 ? !connection.contains("close")
                                      : connection.contains("keep-alive") && !connection.contains("close");
    const QList<QByteArray> expect = r.headerTokens("expect");
    if (!expect.isEmpty()) {
        if (expect.size() != 1 || expect.constFirst() != "100-continue") {
            return fail(417, "unsupported expectation");
        }
        r.expectsContinue = r.versionMinor >= 1 && r.hasBody();
    }
    m_state = State::HeadDelivered;
    return Event::HeadReady;
}

// chunk-size [ chunk-ext ], RFC 9112 §7.1. Extensions are checked for stray bytes and ignored.
HttpRequestParser::Event HttpRequestParser::parseChunkSize(const QByteArray &line)
{
    qsizetype i = 0;
    qint64 size = 0;
    while (i < line.size() && hexValue(line[i]) >= 0) {
        if (i >= 15) {
            return fail(400, "chunk size too long");
        }
        size = size * 16 + hexValue(line[i]);
        ++i;
    }
    if (i == 0) {
        return fail(400, "missing chunk size");
    }
    const QByteArray rest = trimOws(line.mid(i));
    if (!rest.isEmpty() && (!rest.startsWith(';') || !isFieldValue(rest))) {
        return fail(400, "malformed chunk extension");
    }
    if (size > m_limits.maxBodyBytes - m_request.body.size()) {
        return fail(413, "request body too large");
    }
    if (size == 0) {
        m_headBytes = 0;
        m_state = State::Trailers;
        return Event::NeedMore;
    }
    m_remaining = size;
    m_state = State::ChunkData;
    return Event::NeedMore;
}

} // namespace AgentBay::Server
