// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apierror.h>

#include <chrono>
#include <functional>

namespace AgentBay::Core {

// When a request is tried again: reads only, on network errors, 5xx and throttling, a bounded
// number of times with exponential backoff. Writes never retry on their own.
class RetryPolicy
{
public:
    int maxAttempts = 3;
    std::chrono::milliseconds baseDelay{200};
    std::chrono::milliseconds maxDelay{3000};

    // The longest wait the server may ask for (ApiError::retryAfter) that a retry still honours;
    // a longer one ends the attempts and leaves the wait to the caller.
    std::chrono::milliseconds maxRetryAfter{12000};

    // Draws the jitter added to a backoff: a value in [0, upTo]. Empty = the global random
    // generator; tests set a fixed one to check exact delays.
    std::function<qint64(qint64 upTo)> jitter;

    static bool isReadAction(const QString &action);
    bool shouldRetry(const QString &action, const ApiError &error, int attempt) const;
    // retryAfter: the server's stated wait, honoured exactly when given (> 0).
    std::chrono::milliseconds delayFor(int attempt, std::chrono::milliseconds retryAfter = {}) const;
};

} // namespace AgentBay::Core
