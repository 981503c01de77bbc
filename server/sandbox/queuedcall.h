// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <functional>

namespace AgentBay::Server {

// Runs a callback later, from the event loop, never from inside the call that produced its
// result (the caller may be in the middle of tearing things down). With a context, the
// callback runs only while the context still lives; without one, always (on the
// application). `dropped` runs instead when the context is already gone, so what the result
// owns (a descriptor, say) can be released.
class QueuedCall
{
public:
    static void post(
        QObject *context, bool hasContext, std::function<void()> call, const std::function<void()> &dropped = {});
};

} // namespace AgentBay::Server
