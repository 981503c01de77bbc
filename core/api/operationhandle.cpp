// SPDX-License-Identifier: MIT
#include "operationhandle.h"

#include <core/api/operation.h>

namespace AgentBay::Core {

OperationHandle::OperationHandle(Operation *operation)
    : m_operation(operation)
{
}

void OperationHandle::cancel()
{
    if (m_operation) {
        m_operation->cancel();
    }
}

bool OperationHandle::isRunning() const
{
    return m_operation && !m_operation->isFinished();
}

} // namespace AgentBay::Core
