// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace AgentBay::Server {

// Comparison of secrets (API key, auth codes) whose time does not depend on where they differ.
class ConstantTime
{
public:
    static bool equals(const QByteArray &a, const QByteArray &b);
};

} // namespace AgentBay::Server
