// SPDX-License-Identifier: MIT
// The response parser: whatever a server (or something pretending to be one) answers.
// Input: byte 0 picks the HTTP status, the rest is the body; every decoder sees the envelope.
#include "fuzzcheck.h"

#include <core/api/responseparser.h>

#include <QJsonDocument>

using AgentBay::Core::RawReply;
using AgentBay::Core::ResponseParser;
using namespace AgentBay::Fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int statuses[] = {200, 200, 200, 204, 301, 400, 401, 403, 404, 429, 500, 502, 503, 0};
    RawReply reply;
    const QByteArray input = bytes(data, size);
    reply.httpStatus = size > 0 ? statuses[data[0] % std::size(statuses)] : 200;
    reply.body = input.mid(1);

    const auto [acs, retryAfter] = splitOnce(reply.body.left(64), "\n");
    const auto delay = RawReply::retryAfterFrom(acs, retryAfter);
    require(delay.count() >= 0 && delay <= std::chrono::hours(24), "a retry delay is never negative nor over a day");

    const auto envelope = ResponseParser::envelope(reply);
    if (!envelope.ok()) {
        return 0;
    }
    const QJsonObject &object = envelope.value();
    (void)ResponseParser::createdSession(object);
    (void)ResponseParser::session(object);
    (void)ResponseParser::sessionList(object);
    (void)ResponseParser::sessionDetail(object);
    (void)ResponseParser::info(object);
    (void)ResponseParser::link(object);
    (void)ResponseParser::tools(object);
    (void)ResponseParser::toolResult(object);
    (void)ResponseParser::toolList(object.value(u"Data"));
    const auto labels = ResponseParser::labels(object);
    if (labels.ok()) {
        const QString json = ResponseParser::labelsToJson(labels.value());
        require(ResponseParser::labelsFromJson(QJsonValue(json)) == labels.value(), "labels survive a round trip");
    }
    return 0;
}
