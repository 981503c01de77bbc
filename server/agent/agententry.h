// SPDX-License-Identifier: MIT
#pragma once

#include <server/agent/agentprotocol.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace AgentBay::Server {

// One Entry field of an agent reply (agentprotocol.h EntryRecord), decoded.
struct AgentEntry
{
    AgentProtocol::EntryType type = AgentProtocol::EntryType::Other; // the entry itself
    AgentProtocol::EntryType targetType = AgentProtocol::EntryType::Other; // what it points to
    uint32_t mode = 0;
    int64_t size = 0;
    int64_t modifiedMs = 0;
    std::string_view name;

    bool isDirectory() const { return targetType == AgentProtocol::EntryType::Directory; }

    bool isFile() const { return targetType == AgentProtocol::EntryType::File; }

    bool isSymlink() const { return type == AgentProtocol::EntryType::Symlink; }

    // A directory that a walk enters (not a symlink to one).
    bool isRealDirectory() const { return type == AgentProtocol::EntryType::Directory; }

    static std::optional<AgentEntry> decode(std::string_view value)
    {
        if (value.size() < AgentProtocol::kEntryHeadBytes) {
            return std::nullopt;
        }
        const auto le = [&value](size_t at, int bytes) {
            uint64_t result = 0;
            for (int i = bytes - 1; i >= 0; --i) {
                result = result << 8 | uint64_t(static_cast<unsigned char>(value[at + size_t(i)]));
            }
            return result;
        };
        AgentEntry entry;
        entry.type = AgentProtocol::EntryType(static_cast<unsigned char>(value[0]));
        entry.targetType = AgentProtocol::EntryType(static_cast<unsigned char>(value[1]));
        entry.mode = uint32_t(le(4, 4));
        entry.size = int64_t(le(8, 8));
        entry.modifiedMs = int64_t(le(16, 8));
        entry.name = value.substr(AgentProtocol::kEntryHeadBytes);
        return entry;
    }
};

} // namespace AgentBay::Server
