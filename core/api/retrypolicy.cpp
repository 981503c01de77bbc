// SPDX-License-Identifier: MIT
#include "retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace AgentBay::Core {

bool RetryPolicy::isReadAction(const QString &action)
{
    return action.startsWith(u"Get") || action.startsWith(u"List") || action.startsWith(u"Describe");
}

bool RetryPolicy::shouldRetry(const QString &action, const ApiError &error, int attempt) const
{
    if (attempt >= maxAttempts || !isReadAction(action) || error.retryAfter > maxRetryAfter) {
        return false;
    }
    switch (error.kind) {
    case ApiError::Kind::Network:
        return true;
    case ApiError::Kind::Http:
    case ApiError::Kind::Api:
        return error.httpStatus >= 500 || error.isThrottling();
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::Parse:
    case ApiError::Kind::InvalidArgument:
        return false;
    }
    return false;
}

std::chrono::milliseconds RetryPolicy::delayFor(int attempt, std::chrono::milliseconds retryAfter) const
{
    if (retryAfter.count() > 0) {
        return std::min(retryAfter, maxRetryAfter);
    }
    const auto exponential = baseDelay * (1 << std::clamp(attempt - 1, 0, 10));
    // Up to 25% jitter so many clients do not retry in step.
    const qint64 upTo = exponential.count() / 4;
    const qint64 drawn =
        jitter ? std::clamp<qint64>(jitter(upTo), 0, upTo) : QRandomGenerator::global()->bounded(upTo + 1);
    return std::min(exponential + std::chrono::milliseconds(drawn), maxDelay);
}

} // namespace AgentBay::Core
