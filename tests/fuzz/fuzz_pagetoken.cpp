// SPDX-License-Identifier: MIT
// Page tokens: the NextToken a client sends back to ListSession, i.e. any text at all.
#include "fuzzcheck.h"

#include <server/api/pagetoken.h>

#include <cstring>

using AgentBay::Server::PageToken;
using namespace AgentBay::Fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString token = QString::fromUtf8(bytes(data, size));
    if (const auto sequence = PageToken::decode(token)) {
        require(*sequence >= 0, "a decoded sequence is never negative");
        require(PageToken::decode(PageToken::encode(*sequence)) == sequence, "decode(encode(x)) == x");
    }
    // Every sequence the server can hand out survives the round trip.
    qint64 sequence = 0;
    std::memcpy(&sequence, data, std::min(size, sizeof sequence));
    if (sequence >= 0) {
        require(PageToken::decode(PageToken::encode(sequence)) == sequence, "encode round trip");
    }
    return 0;
}
