// SPDX-License-Identifier: MIT
#pragma once

#include <ui/services/metricspoller.h>

#include <QPointer>
#include <QWidget>

namespace AgentBay::Ui {

// A small history graph of one session's CPU and memory use over the poller's history span
// (10 minutes): CPU as a filled area, memory as a line, both in percent. For the detail pane.
class MetricsGraph final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsGraph)

public:
    explicit MetricsGraph(MetricsPoller *poller, QWidget *parent = nullptr);
    ~MetricsGraph() override;

    void setSession(const QString &id);

    QString session() const { return m_id; }

    // The points drawn (x in seconds before the newest sample, y in percent), for tests.
    QList<QPointF> cpuPoints() const;
    QList<QPointF> memoryPoints() const;
    // The line under the graph: the newest CPU and memory figures.
    QString caption() const;

    QSize sizeHint() const override { return {320, 90}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QPointer<MetricsPoller> m_poller;
    QString m_id;
};

} // namespace AgentBay::Ui
