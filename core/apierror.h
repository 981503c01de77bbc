// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace AgentBay::Core {

// Every failure leaves core as one of these, classified once (see responseparser.cpp).
struct ApiError
{
    enum class Kind {
        Network, // connection refused, reset, DNS, TLS ...
        Timeout, // no answer within the configured timeout
        Cancelled, // the caller cancelled the request
        Http, // HTTP >= 400 without an API error body we could read
        Api, // the service answered with Code/Message (HTTP 4xx/5xx or 200 + Success:false)
        Parse, // the answer was not what the protocol says (garbage, wrong types)
        InvalidArgument, // refused before sending (e.g. a port outside 30100..30199)
    };

    Kind kind = Kind::Network;
    int httpStatus = 0; // 0 = no HTTP response
    QString code; // API Code, e.g. "InvalidMcpSession.NotFound"
    QString message; // translated, fit to show as is; never contains the API key
    QString requestId; // server RequestId when there was one

    // "message [code] (request id ...)" for details panes and logs.
    QString details() const;
    // The SDKs' "session is gone" heuristic (protocol.md 1.7).
    bool isNotFound() const;
    bool isThrottling() const;
    static QString kindName(Kind kind);
};

} // namespace AgentBay::Core
