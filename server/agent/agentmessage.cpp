// SPDX-License-Identifier: MIT
#include "agentmessage.h"

#include <cstring>

namespace AgentBay::Server {

namespace {

constexpr size_t kFieldHead = 5; // u8 tag + u32 length

void putU32(std::string &out, uint32_t value)
{
    for (int i = 0; i < 4; ++i) {
        out.push_back(char((value >> (8 * i)) & 0xff));
    }
}

uint32_t getU32(const unsigned char *p)
{
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

} // namespace

AgentMessage::AgentMessage(AgentProtocol::Op op, uint64_t id)
{
    addInt(Tag::Op, int64_t(op));
    addInt(Tag::Id, int64_t(id));
}

bool AgentMessage::parse(const char *data, size_t size)
{
    m_fields.clear();
    m_bodySize = 0;
    if (size > AgentProtocol::kMaxFrameBytes) {
        return false;
    }
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    size_t at = 0;
    while (at < size) {
        if (size - at < kFieldHead) {
            m_fields.clear();
            return false;
        }
        const auto tag = Tag(p[at]);
        const uint32_t length = getU32(p + at + 1);
        at += kFieldHead;
        if (length > size - at) {
            m_fields.clear();
            return false;
        }
        m_fields.emplace_back(tag, std::string(data + at, length));
        at += length;
    }
    // Op and Id are in every message and are integers.
    for (const Tag required : {Tag::Op, Tag::Id}) {
        if (text(required).size() != 8) {
            m_fields.clear();
            return false;
        }
    }
    m_bodySize = size;
    return true;
}

std::string AgentMessage::frame() const
{
    std::string out;
    out.reserve(4 + m_bodySize);
    putU32(out, uint32_t(m_bodySize));
    for (const auto &[tag, value] : m_fields) {
        out.push_back(char(tag));
        putU32(out, uint32_t(value.size()));
        out.append(value);
    }
    return out;
}

void AgentMessage::add(Tag tag, std::string_view value)
{
    m_fields.emplace_back(tag, std::string(value));
    m_bodySize += kFieldHead + value.size();
}

void AgentMessage::addInt(Tag tag, int64_t value)
{
    std::string bytes(8, '\0');
    const auto bits = uint64_t(value);
    for (int i = 0; i < 8; ++i) {
        bytes[size_t(i)] = char((bits >> (8 * i)) & 0xff);
    }
    add(tag, bytes);
}

bool AgentMessage::has(Tag tag) const
{
    for (const auto &field : m_fields) {
        if (field.first == tag) {
            return true;
        }
    }
    return false;
}

std::string_view AgentMessage::text(Tag tag) const
{
    for (const auto &field : m_fields) {
        if (field.first == tag) {
            return field.second;
        }
    }
    return {};
}

int64_t AgentMessage::integer(Tag tag, int64_t fallback) const
{
    const std::string_view value = text(tag);
    if (value.size() != 8) {
        return fallback;
    }
    uint64_t bits = 0;
    for (int i = 7; i >= 0; --i) {
        bits = bits << 8 | uint64_t(static_cast<unsigned char>(value[size_t(i)]));
    }
    return int64_t(bits);
}

std::vector<std::string_view> AgentMessage::all(Tag tag) const
{
    std::vector<std::string_view> values;
    for (const auto &field : m_fields) {
        if (field.first == tag) {
            values.emplace_back(field.second);
        }
    }
    return values;
}

} // namespace AgentBay::Server
