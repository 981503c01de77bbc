// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/api/result.h>

#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace AgentBay::Core {

// One running operation of ApiClient: a single request, or a sequence of them (retries,
// token walks, status waits). It finishes exactly once; its handle can cancel it.
class Operation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Operation)

public:
    explicit Operation(QObject *parent = nullptr);
    ~Operation() override;

    // The request now in flight, aborted by cancel().
    void setReply(QNetworkReply *reply);
    // The inner operation now running (composite operations), cancelled by cancel().
    void setInner(const OperationHandle &inner);
    // What cancel() does when nothing is in flight (e.g. between two polls).
    void setCancelHandler(std::function<void()> handler);

    void cancel();

    bool isCancelled() const { return m_cancelled; }

    bool isFinished() const { return m_finished; }

    // Marks the operation done (later calls of finish() return false) and schedules deletion.
    bool finish();
    // The client is going away: no callback from now on, the request is dropped unreported.
    void abandon();

private:
    QPointer<QNetworkReply> m_reply;
    OperationHandle m_inner;
    std::function<void()> m_cancelHandler;
    bool m_cancelled = false;
    bool m_finished = false;
};

template <typename T>
using OperationCallback = std::function<void(const Result<T> &)>;

// Runs the callback once, unless the caller's context is gone; finishes the operation. A
// context that dies cancels the operation, so nothing keeps polling for a caller that left.
// The cancel is queued: run inside the context's destruction it would emit the client's
// signals into objects that are half destroyed (e.g. the window owning the context).
template <typename T>
OperationCallback<T> guarded(Operation *operation, QObject *context, OperationCallback<T> done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    if (hasContext) {
        QObject::connect(context, &QObject::destroyed, operation, &Operation::cancel, Qt::QueuedConnection);
    }
    return [operation, guard, hasContext, done = std::move(done)](const Result<T> &result) {
        if (!operation->finish()) {
            return;
        }
        if (hasContext && !guard) {
            return;
        }
        if (done) {
            done(result);
        }
    };
}

// An operation (child of owner) that only reports `error`, on the next event loop turn like
// every other outcome.
template <typename T>
OperationHandle refused(QObject *owner, const ApiError &error, QObject *context, OperationCallback<T> done)
{
    auto *operation = new Operation(owner);
    auto deliver = guarded<T>(operation, context, std::move(done));
    operation->setCancelHandler([deliver] {
        deliver(ApiError::cancelled());
    });
    QTimer::singleShot(0, operation, [deliver, error] {
        deliver(error);
    });
    return OperationHandle(operation);
}

} // namespace AgentBay::Core
