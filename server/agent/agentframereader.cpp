// SPDX-License-Identifier: MIT
#include "agentframereader.h"

namespace AgentBay::Server {

void AgentFrameReader::append(const char *data, size_t size)
{
    if (m_failed) {
        return;
    }
    // Drop what was consumed before growing, so the buffer holds at most one frame and a bit.
    if (m_consumed > 0 && (m_consumed == m_buffer.size() || m_consumed > 64 * 1024)) {
        m_buffer.erase(0, m_consumed);
        m_consumed = 0;
    }
    m_buffer.append(data, size);
}

AgentFrameReader::Result AgentFrameReader::next(AgentMessage *message)
{
    if (m_failed) {
        return Result::Failed;
    }
    const size_t available = m_buffer.size() - m_consumed;
    if (available < 4) {
        return Result::NeedMore;
    }
    const auto *p = reinterpret_cast<const unsigned char *>(m_buffer.data() + m_consumed);
    const uint32_t length = uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
    if (length > AgentProtocol::kMaxFrameBytes) {
        m_failed = true;
        return Result::Failed;
    }
    if (available - 4 < length) {
        return Result::NeedMore;
    }
    if (!message->parse(m_buffer.data() + m_consumed + 4, length)) {
        m_failed = true;
        return Result::Failed;
    }
    m_consumed += 4 + size_t(length);
    return Result::Message;
}

} // namespace AgentBay::Server
