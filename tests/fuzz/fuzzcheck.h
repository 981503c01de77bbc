// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Helpers shared by the fuzz targets. A broken property aborts, which libFuzzer (and the
// replay driver under ASan) reports as a crash with the input that caused it.
namespace AgentBay::Fuzz {

inline void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz property broken: %s\n", what);
        std::abort();
    }
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The input up to the first occurrence of separator, and the rest (all of it and empty
// when there is none): how a target takes two inputs from one buffer.
inline std::pair<QByteArray, QByteArray> splitOnce(const QByteArray &input, QByteArrayView separator)
{
    const qsizetype at = input.indexOf(separator);
    if (at < 0) {
        return {input, QByteArray()};
    }
    return {input.left(at), input.mid(at + separator.size())};
}

} // namespace AgentBay::Fuzz
