// SPDX-License-Identifier: MIT
// HTTP/1.x framing: the first bytes any local process can send to agentbay-local.
// Byte 0 picks small limits or the defaults and the size of the pieces the input arrives in;
// the same bytes fed whole and in pieces must be read the same way.
#include "fuzzcheck.h"

#include <server/http/httprequestparser.h>

using AgentBay::Server::HttpRequest;
using AgentBay::Server::HttpRequestParser;
using namespace AgentBay::Fuzz;

namespace {

struct Reading
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
};

bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.versionMinor == b.versionMinor && a.headers == b.headers
        && a.trailers == b.trailers && a.body == b.body && a.contentLength == b.contentLength && a.chunked == b.chunked
        && a.keepAlive == b.keepAlive && a.expectsContinue == b.expectsContinue;
}

Reading read(const HttpRequestParser::Limits &limits, const QByteArray &input, qsizetype piece)
{
    HttpRequestParser parser(limits);
    Reading reading;
    for (qsizetype at = 0; at < input.size() && reading.errorStatus == 0; at += piece) {
        parser.feed(QByteArrayView(input).sliced(at, qMin(piece, input.size() - at)));
        for (;;) {
            const auto event = parser.next();
            if (event == HttpRequestParser::Event::NeedMore) {
                break;
            }
            if (event == HttpRequestParser::Event::Error) {
                reading.errorStatus = parser.errorStatus();
                require(reading.errorStatus >= 400 && reading.errorStatus < 600, "an error is a 4xx/5xx status");
                break;
            }
            if (event == HttpRequestParser::Event::MessageComplete) {
                HttpRequest request = parser.takeRequest();
                require(request.body.size() <= limits.maxBodyBytes, "a body stays within its limit");
                (void)request.path();
                (void)request.query();
                (void)request.headerTokens("connection");
                reading.requests.append(std::move(request));
            }
        }
    }
    return reading;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    HttpRequestParser::Limits limits;
    if (data[0] & 0x80) {
        limits.maxRequestLineBytes = 64;
        limits.maxHeaderBytes = 256;
        limits.maxHeaderCount = 4;
        limits.maxBodyBytes = 100;
        limits.maxChunkLineBytes = 16;
    }
    const qsizetype piece = 1 + (data[0] & 0x7f) % 16;
    const QByteArray input = bytes(data + 1, size - 1);

    const Reading whole = read(limits, input, qMax<qsizetype>(1, input.size()));
    const Reading pieces = read(limits, input, piece);
    require(whole.errorStatus == pieces.errorStatus, "pieces give the same error as the whole");
    require(whole.requests.size() == pieces.requests.size(), "pieces give as many requests as the whole");
    for (qsizetype i = 0; i < whole.requests.size(); ++i) {
        require(sameRequest(whole.requests.at(i), pieces.requests.at(i)), "pieces give the same requests");
    }
    return 0;
}
