// SPDX-License-Identifier: MIT
#include "operation.h"

namespace AgentBay::Core {

Operation::Operation(QObject *parent)
    : QObject(parent)
{
}

Operation::~Operation()
{
    // Destroyed with its client: stop the request rather than leave it running unowned.
    if (m_reply && m_reply->isRunning()) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void Operation::setReply(QNetworkReply *reply)
{
    m_reply = reply;
}

void Operation::setInner(const OperationHandle &inner)
{
    m_inner = inner;
}

void Operation::setCancelHandler(std::function<void()> handler)
{
    m_cancelHandler = std::move(handler);
}

void Operation::cancel()
{
    if (m_finished || m_cancelled) {
        return;
    }
    m_cancelled = true;
    if (m_reply && m_reply->isRunning()) {
        m_reply->abort(); // finished() follows at once and reports Cancelled
        return;
    }
    if (m_inner.isRunning()) {
        m_inner.cancel(); // its Cancelled result flows up through our callback
        return;
    }
    if (m_cancelHandler) {
        m_cancelHandler();
    }
}

void Operation::abandon()
{
    m_finished = true;
    m_cancelHandler = {};
    if (m_reply && m_reply->isRunning()) {
        // Only our own handlers: a bare disconnect() would also cut the reply's wiring to its
        // HTTP thread (abort, read buffer), leaving that request running after the reply, and
        // its manager, are gone.
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

bool Operation::finish()
{
    if (m_finished) {
        return false;
    }
    m_finished = true;
    deleteLater();
    return true;
}

} // namespace AgentBay::Core
