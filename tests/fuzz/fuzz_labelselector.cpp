// SPDX-License-Identifier: MIT
// Label selectors as typed into the filter bar. Input: "<selector>\n<labels as key=value lines>".
#include "fuzzcheck.h"

#include <core/sessions/labelselector.h>

using AgentBay::Core::Labels;
using AgentBay::Core::LabelSelector;
using namespace AgentBay::Fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [text, labelLines] = splitOnce(bytes(data, size), "\n");
    Labels labels;
    for (const QByteArray &line : labelLines.split('\n')) {
        const auto [key, value] = splitOnce(line, "=");
        labels.insert(QString::fromUtf8(key), QString::fromUtf8(value));
    }

    const LabelSelector selector = LabelSelector::parse(QString::fromUtf8(text));
    const bool matches = selector.matches(labels);
    if (!selector.isValid()) {
        require(!matches, "an invalid selector matches nothing");
        require(selector.errorPosition() >= 0, "an invalid selector says where");
        require(selector.serverLabels().isEmpty(), "an invalid selector asks the server nothing");
        return 0;
    }
    require(selector.errorPosition() == -1, "a valid selector has no error position");
    if (selector.isEmpty()) {
        require(matches, "an empty selector matches everything");
    }
    // The canonical text means the same selector.
    const LabelSelector again = LabelSelector::parse(selector.toString());
    require(again.isValid(), "the canonical text parses");
    require(again.toString() == selector.toString(), "the canonical text is stable");
    require(again.matches(labels) == matches, "the canonical text matches the same labels");
    // What the server filters on never excludes a session the local check keeps.
    const Labels server = selector.serverLabels();
    if (matches) {
        for (auto it = server.cbegin(); it != server.cend(); ++it) {
            require(labels.value(it.key()) == it.value() && labels.contains(it.key()),
                "server-side labels keep every local match");
        }
    }
    if (selector.isFullyServerSide()) {
        bool all = true;
        for (auto it = server.cbegin(); it != server.cend(); ++it) {
            all = all && labels.contains(it.key()) && labels.value(it.key()) == it.value();
        }
        require(all == matches, "a fully server-side selector is exactly its server labels");
    }
    return 0;
}
