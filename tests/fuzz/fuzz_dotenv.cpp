// SPDX-License-Identifier: MIT
// .env files: read from the working directory upward, so their content is not ours.
#include "fuzzcheck.h"

#include <core/config/dotenv.h>

using AgentBay::Core::DotEnv;
using namespace AgentBay::Fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = bytes(data, size);
    const auto values = DotEnv::parse(text);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        require(!it.key().isEmpty(), "a key is never empty");
        require(!it.key().contains(u'\n') && !it.key().contains(u'='), "a key is one line without '='");
    }
    // Parsing is a function of the text alone.
    require(DotEnv::parse(text) == values, "parsing is deterministic");
    return 0;
}
