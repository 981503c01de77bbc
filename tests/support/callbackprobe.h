// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apiclient.h>

#include <QObject>

#include <optional>

namespace AgentBay::Test {

// Collects the result of one ApiClient callback. The context is the last member, so it dies
// first: a test that fails early never leaves a callback pointing at a dead probe.
template <typename T>
struct CallbackProbe
{
    std::optional<Core::Result<T>> result;
    int calls = 0;
    QObject context;

    Core::ApiClient::Callback<T> callback()
    {
        return [this](const Core::Result<T> &r) {
            result = r;
            ++calls;
        };
    }

    bool done() const { return result.has_value(); }

    bool ok() const { return result && result->ok(); }

    // For QVERIFY2 messages, which Qt evaluates even when the check passes.
    QString why() const { return result && !result->ok() ? result->error().details() : QString(); }

    const T &value() const { return result->value(); }

    const Core::ApiError &error() const { return result->error(); }
};

} // namespace AgentBay::Test
