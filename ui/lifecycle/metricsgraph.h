// SPDX-License-Identifier: MIT
#pragma once

#include <ui/services/metricspoller.h>

#include <QColor>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QPainter;
class QRectF;

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
    // The line under the graph: the newest CPU and memory figures (memory against the
    // session's limit, in binary units), and the span shown.
    QString caption() const;

    QSize sizeHint() const override { return {320, 90}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // The caption's parts: CPU, memory, span (or one "no metrics yet"); drawn with a swatch of
    // the area (CPU) and of the line (memory) before the first two.
    QStringList captionParts() const;
    void paintCaption(QPainter &painter, const QRectF &line) const;
    QColor cpuColor() const;
    static QColor memoryColor();
    static QString dataSize(qint64 bytes);

    QPointer<MetricsPoller> m_poller;
    QString m_id;
};

} // namespace AgentBay::Ui
