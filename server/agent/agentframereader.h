// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agentmessage.h>

#include <cstddef>
#include <string>

namespace AgentBay::Server {

// Cuts a byte stream of the agent channel into messages. Bounded: a length over
// kMaxFrameBytes or a body that does not parse puts it in the failed state for good.
class AgentFrameReader
{
public:
    enum class Result {
        NeedMore,
        Message,
        Failed,
    };

    void append(const char *data, size_t size);
    // The next complete message, if any. After Failed every call fails.
    Result next(AgentMessage *message);

    bool failed() const { return m_failed; }

    size_t buffered() const { return m_buffer.size() - m_consumed; }

private:
    std::string m_buffer;
    size_t m_consumed = 0;
    bool m_failed = false;
};

} // namespace AgentBay::Server
