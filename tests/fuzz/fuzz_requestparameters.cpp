// SPDX-License-Identifier: MIT
// Request parameters: the query string and the form body of every API request, as sent by
// anyone who can reach agentbay-local. Input: "<query>\n<body>".
#include "fuzzcheck.h"

#include <server/api/requestparameters.h>

using AgentBay::Server::RequestParameters;
using namespace AgentBay::Fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [query, body] = splitOnce(bytes(data, size), "\n");
    const RequestParameters parameters(query, body);

    QSet<QString> invalid;
    const auto queryPairs = RequestParameters::decodeForm(query, &invalid);
    for (const auto &[key, value] : queryPairs) {
        require(!key.isEmpty(), "a decoded key is never empty");
        require(parameters.inQuery(key), "every query key is in the query");
        require(parameters.contains(key), "every query key is a parameter");
    }
    for (const auto &[key, value] : RequestParameters::decodeForm(body, &invalid)) {
        require(parameters.contains(key), "every body key is a parameter");
    }
    // The body wins: the last body pair of a key is its value.
    const auto bodyPairs = RequestParameters::decodeForm(body);
    if (!bodyPairs.isEmpty()) {
        const auto &[key, value] = bodyPairs.constLast();
        require(parameters.value(key) == value, "the last body value of a key wins");
    }
    const QString bad = parameters.invalidUtf8Name();
    require(bad.isEmpty() || invalid.contains(bad), "an invalid name is one of the decoded keys");
    (void)RequestParameters::parseBool(QString::fromUtf8(query));
    return 0;
}
