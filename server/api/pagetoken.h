// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace AgentBay::Server {

// The opaque ListSession NextToken: where the next page starts, as the creation sequence
// number of the last session returned. Keyed on that stable sort key rather than an
// offset, a page boundary stays right when sessions before it are deleted.
class PageToken
{
public:
    static QString encode(qint64 afterSequence);
    // nullopt for anything encode() did not produce.
    static std::optional<qint64> decode(const QString &token);
};

} // namespace AgentBay::Server
