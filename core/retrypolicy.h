// SPDX-License-Identifier: MIT
#pragma once

#include <core/apierror.h>

#include <chrono>
#include <optional>

namespace AgentBay::Core {

// When a request is tried again: reads only, on network errors, 5xx and throttling, a bounded
// number of times with exponential backoff. Writes never retry on their own.
class RetryPolicy
{
public:
    int maxAttempts = 3;
    std::chrono::milliseconds baseDelay{200};
    std::chrono::milliseconds maxDelay{3000};

    static bool isReadAction(const QString &action);
    bool shouldRetry(const QString &action, const ApiError &error, int attempt) const;
    // retryAfter: the server's stated wait (x-acs-retry-after / Retry-After), honoured when given.
    std::chrono::milliseconds delayFor(int attempt, std::optional<std::chrono::seconds> retryAfter = {}) const;
};

} // namespace AgentBay::Core
