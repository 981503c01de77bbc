// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agentprotocol.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace AgentBay::Server {

// One frame body of the agent channel (agentprotocol.h): an ordered list of tagged fields.
// Plain C++ on bytes, shared by the agent and the server, so one parser is fuzzed for both.
class AgentMessage
{
public:
    using Tag = AgentProtocol::Tag;

    AgentMessage() = default;
    AgentMessage(AgentProtocol::Op op, uint64_t id);

    // Parses one body; false (and an empty message) for anything malformed.
    bool parse(const char *data, size_t size);

    // The whole frame: length prefix and body.
    std::string frame() const;

    size_t bodySize() const { return m_bodySize; }

    void add(Tag tag, std::string_view value);
    void addInt(Tag tag, int64_t value);

    bool has(Tag tag) const;
    // The first value of tag, or fallback / an empty view.
    std::string_view text(Tag tag) const;
    int64_t integer(Tag tag, int64_t fallback = 0) const;
    std::vector<std::string_view> all(Tag tag) const;

    AgentProtocol::Op op() const { return AgentProtocol::Op(integer(Tag::Op)); }

    uint64_t id() const { return uint64_t(integer(Tag::Id)); }

    const std::vector<std::pair<Tag, std::string>> &fields() const { return m_fields; }

private:
    std::vector<std::pair<Tag, std::string>> m_fields;
    size_t m_bodySize = 0;
};

} // namespace AgentBay::Server
