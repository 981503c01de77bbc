// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace AgentBay::Ui {

class LifecycleTracker;

// Keeps the session the detail pane shows alive while its toggle is on: a keep-alive at once,
// then the next when a third of the idle time last known to the tracker has passed (so two can
// fail before a release), between 1 s and 1 minute; every 30 s when no deadline is known.
// Another session shown, or the toggle off, stops it.
class KeepAliveWhileShown final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeepAliveWhileShown)

public:
    static constexpr std::chrono::milliseconds MinInterval{1000};
    static constexpr std::chrono::milliseconds MaxInterval{60000};
    static constexpr std::chrono::milliseconds UnknownInterval{30000};

    explicit KeepAliveWhileShown(LifecycleTracker *tracker, QObject *parent = nullptr);
    ~KeepAliveWhileShown() override;

    // The session shown; a different one turns the keeping off.
    void setSession(const QString &id);

    QString session() const { return m_id; }

    void setActive(bool on);

    bool isActive() const { return m_active; }

    // When the next keep-alive goes out (while active and none is out).
    std::chrono::milliseconds nextInterval() const { return m_timer.intervalAsDuration(); }

    int sentCount() const { return m_sent; }

Q_SIGNALS:
    void activeChanged(bool active);

private:
    void send();
    void scheduleNext(bool failed);

    QPointer<LifecycleTracker> m_tracker;
    QString m_id;
    bool m_active = false;
    bool m_waiting = false; // a keep-alive is out
    int m_sent = 0;
    QTimer m_timer;
};

} // namespace AgentBay::Ui
