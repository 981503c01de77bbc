// SPDX-License-Identifier: MIT
#pragma once

#include <core/operationhandle.h>

#include <QNetworkReply>
#include <QObject>
#include <QPointer>

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

} // namespace AgentBay::Core
