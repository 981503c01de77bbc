// SPDX-License-Identifier: MIT
#include "statuswaiter.h"

#include <QElapsedTimer>

#include <memory>

namespace AgentBay::Core {

StatusWaiter::StatusWaiter(Probe probe, Judge judge, const WaitOptions &wait, QObject *parent)
    : QObject(parent)
    , m_probe(std::move(probe))
    , m_judge(std::move(judge))
    , m_wait(wait)
{
    m_timer.setSingleShot(true);
    m_clock = [steady = std::make_shared<QElapsedTimer>()] {
        if (!steady->isValid()) {
            steady->start();
        }
        return steady->elapsed();
    };
    connect(&m_timer, &QTimer::timeout, this, &StatusWaiter::poll);
}

StatusWaiter::~StatusWaiter()
{
    m_current.cancel();
}

void StatusWaiter::start(Done done,
    std::function<void(SessionStatus)> onStatus,
    QString timeoutMessage,
    std::optional<SessionStatus> alreadyReported)
{
    if (alreadyReported) {
        m_reportedAny = true;
        m_lastReported = *alreadyReported;
    }
    m_done = std::move(done);
    m_onStatus = std::move(onStatus);
    m_timeoutMessage = std::move(timeoutMessage);
    m_startedAt = m_clock();
    poll();
}

void StatusWaiter::cancel()
{
    m_timer.stop();
    if (m_current.isRunning()) {
        m_current.cancel(); // reports Cancelled through the probe's callback
        return;
    }
    conclude(ApiError::cancelled());
}

void StatusWaiter::poll()
{
    m_current = m_probe(this, [this](const Result<SessionStatus> &result) {
        if (m_concluded) {
            return;
        }
        if (!result.ok() && result.error().kind == ApiError::Kind::Cancelled) {
            conclude(result);
            return;
        }
        if (result.ok() && m_onStatus && (!m_reportedAny || result.value() != m_lastReported)) {
            m_reportedAny = true;
            m_lastReported = result.value();
            m_onStatus(result.value());
        }
        switch (m_judge(result)) {
        case Verdict::Succeeded:
        case Verdict::Failed:
            conclude(result);
            return;
        case Verdict::KeepWaiting:
            break;
        }
        const qint64 left = m_wait.timeoutMs - (m_clock() - m_startedAt);
        if (left <= 0) {
            ApiError error;
            error.kind = ApiError::Kind::Timeout;
            error.message = m_timeoutMessage;
            conclude(error);
            return;
        }
        m_timer.start(int(qMin<qint64>(qMax(m_wait.pollIntervalMs, 1), left)));
    });
}

void StatusWaiter::conclude(const Result<SessionStatus> &result)
{
    if (m_concluded) {
        return;
    }
    m_concluded = true;
    m_timer.stop();
    if (m_done) {
        m_done(result);
    }
}

} // namespace AgentBay::Core
