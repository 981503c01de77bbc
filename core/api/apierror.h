// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <chrono>

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
    // The wait the server asked for before trying again (x-acs-retry-after in ms, Retry-After
    // in s); 0 = none stated.
    std::chrono::milliseconds retryAfter{0};

    // "message [code] (request id ...)" for details panes and logs.
    QString details() const;
    // The SDKs' "session is gone" heuristic (protocol.md 1.7), except that a missing action
    // (InvalidAction.NotFound) says nothing about the session: the SDKs' text match would
    // take the real service's "Specified api is not found" for a deleted session.
    bool isNotFound() const;
    // Throttled: HTTP 429, a Code containing "Throttling", or a stated retryAfter (the newer
    // OpenAPI cores treat a positive x-acs-retry-after as throttling whatever the Code).
    bool isThrottling() const;
    static QString kindName(Kind kind);
    // The one Cancelled error every cancelled operation reports.
    static ApiError cancelled();
    // Refused before any request.
    static ApiError invalidArgument(const QString &message);
};

} // namespace AgentBay::Core
