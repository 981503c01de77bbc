// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace AgentBay::Core {

// GetMcpResource data, flattened as the SDK's SessionInfo.
struct SessionInfo
{
    QString sessionId;
    QString resourceUrl;
    QString appId;
    QString authCode; // secret-ish: show masked
    QString connectionProperties;
    QString resourceId;
    QString resourceType;
    QString ticket; // secret-ish: show masked
    bool operator==(const SessionInfo &) const = default;
};

} // namespace AgentBay::Core
