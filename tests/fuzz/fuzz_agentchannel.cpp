// SPDX-License-Identifier: MIT
// The agent channel: frames from the in-sandbox agent, which runs next to whatever code the
// session runs, so agentbay-local reads them as untrusted. Byte 0 picks the piece size; the
// same bytes fed whole and in pieces must give the same messages, and a message framed again
// must parse to itself.
#include "fuzzcheck.h"

#include <server/agent/agentframereader.h>

#include <vector>

using AgentBay::Server::AgentFrameReader;
using AgentBay::Server::AgentMessage;
using namespace AgentBay::Fuzz;

namespace {

struct Reading
{
    std::vector<std::string> frames; // each message framed again
    bool failed = false;
};

Reading read(const uint8_t *data, size_t size, size_t piece)
{
    AgentFrameReader reader;
    Reading reading;
    for (size_t at = 0; at < size && !reading.failed; at += piece) {
        reader.append(reinterpret_cast<const char *>(data) + at, std::min(piece, size - at));
        AgentMessage message;
        for (;;) {
            const auto result = reader.next(&message);
            if (result == AgentFrameReader::Result::NeedMore) {
                break;
            }
            if (result == AgentFrameReader::Result::Failed) {
                reading.failed = true;
                require(reader.next(&message) == AgentFrameReader::Result::Failed, "a failed reader stays failed");
                break;
            }
            const std::string frame = message.frame();
            // The frame is a length prefix and the body: parse the body again.
            const size_t prefix = frame.size() - message.bodySize();
            AgentMessage again;
            require(again.parse(frame.data() + prefix, message.bodySize()), "a framed message parses");
            require(again.fields() == message.fields(), "a framed message parses to itself");
            reading.frames.push_back(frame);
        }
    }
    return reading;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const size_t piece = 1 + data[0] % 32;
    const Reading whole = read(data + 1, size - 1, size);
    const Reading pieces = read(data + 1, size - 1, piece);
    require(whole.failed == pieces.failed, "pieces fail where the whole fails");
    require(whole.frames == pieces.frames, "pieces give the same messages as the whole");
    // Anything a message can hold survives a frame and a parse.
    AgentMessage built(AgentBay::Server::AgentProtocol::Op(data[0] % 8), size);
    built.add(AgentMessage::Tag(data[0] % 16), std::string_view(reinterpret_cast<const char *>(data), size));
    const std::string frame = built.frame();
    AgentFrameReader reader;
    reader.append(frame.data(), frame.size());
    AgentMessage parsed;
    if (reader.next(&parsed) == AgentFrameReader::Result::Message) {
        require(parsed.fields() == built.fields(), "a built message survives the channel");
    }
    return 0;
}
