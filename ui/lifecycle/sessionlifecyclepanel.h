// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;

namespace AgentBay::Ui {

class KeepAliveWhileShown;
class LifecycleTracker;
class MetricsGraph;
class MetricsPoller;

// The detail pane's view of one session's lifecycle and usage: the time left before the
// service releases it, "Keep alive" once or while the session is shown here (a toggle), and
// the CPU and memory graph of the last 10 minutes from the metrics poller's samples.
class SessionLifecyclePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionLifecyclePanel)

public:
    SessionLifecyclePanel(MetricsPoller *metrics, LifecycleTracker *tracker, QWidget *parent = nullptr);
    ~SessionLifecyclePanel() override;

    // The session shown (empty = none) and whether it runs (keep-alive needs a running one).
    // Another session turns "while shown" off.
    void setSession(const QString &id, bool running);

    QString session() const { return m_id; }

    QLabel *remainingLabel() const { return m_remaining; }

    QPushButton *keepAliveButton() const { return m_keepAlive; }

    QCheckBox *keepAliveWhileShownBox() const { return m_whileShown; }

    MetricsGraph *graph() const { return m_graph; }

    KeepAliveWhileShown *keeper() const { return m_keeper; }

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void updateRemaining();

    QPointer<LifecycleTracker> m_tracker;
    QString m_id;
    bool m_running = false;
    QLabel *m_remaining;
    QPushButton *m_keepAlive;
    QCheckBox *m_whileShown;
    MetricsGraph *m_graph;
    KeepAliveWhileShown *m_keeper;
    QTimer m_tick;
};

} // namespace AgentBay::Ui
