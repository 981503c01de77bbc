// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QAbstractItemView;

namespace AgentBay::Ui {

class MetricsPoller;

// Tells the metrics poller which sessions the view shows as RUNNING right now: the rows in
// the viewport (after scrolling, sorting, filtering, resizing or a status change), read
// through SessionListModel's SessionIdRole and StatusRole, plus the current row (the detail
// pane shows its graph) wherever it is. Paused and scrolled-away rows drop out, so they cost no
// request.
class VisibleSessionsFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VisibleSessionsFeed)

public:
    VisibleSessionsFeed(QAbstractItemView *view, MetricsPoller *poller, QObject *parent = nullptr);
    ~VisibleSessionsFeed() override;

    // The visible running sessions, top to bottom (what the poller was last given).
    QStringList visibleRunning() const { return m_last; }

    // Recomputes now (normally coalesced, 100 ms after the last change).
    void update();

private:
    void schedule();
    void follow();

    QPointer<QAbstractItemView> m_view;
    QPointer<MetricsPoller> m_poller;
    QTimer m_debounce;
    QStringList m_last;
};

} // namespace AgentBay::Ui
