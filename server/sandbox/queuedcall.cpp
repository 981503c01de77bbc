// SPDX-License-Identifier: MIT
#include "queuedcall.h"

#include <QCoreApplication>
#include <QPointer>

namespace AgentBay::Server {

void QueuedCall::post(
    QObject *context, bool hasContext, std::function<void()> call, const std::function<void()> &dropped)
{
    QObject *receiver = hasContext ? context : QCoreApplication::instance();
    if (!receiver) {
        if (dropped) {
            dropped();
        }
        return;
    }
    const QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        receiver,
        [guard, hasContext, call = std::move(call), dropped] {
            if (!hasContext || guard) {
                call();
            } else if (dropped) {
                dropped();
            }
        },
        Qt::QueuedConnection);
}

} // namespace AgentBay::Server
