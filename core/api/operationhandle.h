// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>

namespace AgentBay::Core {

class Operation;

// Lets the caller cancel an operation (one request, or a waiting sequence of them).
// Cheap to copy; safe to use after the operation finished (then it does nothing).
class OperationHandle
{
public:
    OperationHandle() = default;
    explicit OperationHandle(Operation *operation);

    // The callback runs once more with ApiError::Kind::Cancelled (unless its context is gone).
    void cancel();
    bool isRunning() const;

private:
    QPointer<Operation> m_operation;
};

} // namespace AgentBay::Core
