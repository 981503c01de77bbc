// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/api/result.h>
#include <core/sessions/session.h>

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace AgentBay::Core {

// Polls a session's status (first poll at once, then every pollInterval) until a judge says it
// settled or failed, or the timeout passes. Used by the waiting pause, resume and delete.
class StatusWaiter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusWaiter)

public:
    enum class Verdict {
        KeepWaiting,
        Succeeded,
        Failed
    };
    using Done = std::function<void(const Result<SessionStatus> &)>;
    // Starts one status request; its callback must run on `context`.
    using Probe = std::function<OperationHandle(QObject *context, Done done)>;
    // Decides on each probe result; for Failed, the result's error (or a status message) is reported.
    using Judge = std::function<Verdict(const Result<SessionStatus> &)>;

    // Milliseconds on a monotonic clock; the timeout is measured with it.
    using Clock = std::function<qint64()>;

    StatusWaiter(Probe probe, Judge judge, const WaitOptions &wait, QObject *parent = nullptr);
    ~StatusWaiter() override;

    // Replaces the steady clock (tests advance time by hand); call before start().
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // timeoutMessage: the error text when the time is up. alreadyReported: a status the
    // caller has shown already (e.g. PAUSING after the initiating call), not reported again.
    void start(Done done,
        std::function<void(SessionStatus)> onStatus,
        QString timeoutMessage,
        std::optional<SessionStatus> alreadyReported = std::nullopt);
    // Stops polling and reports Cancelled.
    void cancel();

    bool isPolling() const { return m_current.isRunning(); }

private:
    void poll();
    void conclude(const Result<SessionStatus> &result);

    Probe m_probe;
    Judge m_judge;
    WaitOptions m_wait;
    Done m_done;
    std::function<void(SessionStatus)> m_onStatus;
    QString m_timeoutMessage;
    QTimer m_timer;
    Clock m_clock;
    qint64 m_startedAt = 0;
    OperationHandle m_current;
    SessionStatus m_lastReported = SessionStatus::Unknown;
    bool m_reportedAny = false;
    bool m_concluded = false;
};

} // namespace AgentBay::Core
