// SPDX-License-Identifier: MIT
#include "keepalivewhileshown.h"

#include <ui/services/lifecycletracker.h>

#include <algorithm>

namespace AgentBay::Ui {

KeepAliveWhileShown::KeepAliveWhileShown(LifecycleTracker *tracker, QObject *parent)
    : QObject(parent)
    , m_tracker(tracker)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(UnknownInterval);
    connect(&m_timer, &QTimer::timeout, this, &KeepAliveWhileShown::send);
    connect(tracker, &LifecycleTracker::keptAlive, this, [this](const QString &id) {
        if (id == m_id && m_waiting) {
            scheduleNext(false);
        }
    });
    connect(tracker, &LifecycleTracker::keepAliveFailed, this, [this](const QString &id) {
        if (id == m_id && m_waiting) {
            scheduleNext(true);
        }
    });
}

KeepAliveWhileShown::~KeepAliveWhileShown() = default;

void KeepAliveWhileShown::setSession(const QString &id)
{
    if (id == m_id) {
        return;
    }
    setActive(false);
    m_id = id;
}

void KeepAliveWhileShown::setActive(bool on)
{
    on = on && !m_id.isEmpty() && m_tracker;
    if (on == m_active) {
        return;
    }
    m_active = on;
    m_waiting = false;
    m_timer.stop();
    if (on) {
        send();
    }
    Q_EMIT activeChanged(on);
}

void KeepAliveWhileShown::send()
{
    if (!m_active || !m_tracker) {
        return;
    }
    m_waiting = true;
    ++m_sent;
    m_tracker->keepAlive({m_id});
}

void KeepAliveWhileShown::scheduleNext(bool failed)
{
    m_waiting = false;
    if (!m_active) {
        return;
    }
    std::chrono::milliseconds next = UnknownInterval;
    const Core::RemainingTime left = m_tracker->remaining(m_id);
    if (left.isKnown() && left.reason() == Core::RemainingTime::Reason::Idle) {
        // The deadline may predate this keep-alive (the list refresh brings the new one): then
        // what is left is shorter and the next one comes early, never late.
        next = std::chrono::milliseconds(*left.secondsLeft(m_tracker->now()) * 1000 / 3);
    } else if (left.isKnown() || left.source() == Core::RemainingTime::Source::Never) {
        next = MaxInterval; // the maximum runtime ends first (a keep-alive cannot move it), or never
    }
    if (failed) {
        next = std::min(next, UnknownInterval); // perhaps a passing network error: try again soon
    }
    m_timer.start(std::clamp(next, MinInterval, MaxInterval));
}

} // namespace AgentBay::Ui
