// SPDX-License-Identifier: MIT
#include "metricsgraph.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace AgentBay::Ui {

namespace {

QList<QPointF> points(const QList<MetricsPoller::Sample> &samples, bool cpu)
{
    QList<QPointF> out;
    if (samples.isEmpty()) {
        return out;
    }
    const QDateTime newest = samples.last().at;
    for (const MetricsPoller::Sample &s : samples) {
        out.append({double(s.at.msecsTo(newest)) / 1000.0, cpu ? s.metrics.cpuUsedPct : s.metrics.memUsedPct()});
    }
    return out;
}

} // namespace

MetricsGraph::MetricsGraph(MetricsPoller *poller, QWidget *parent)
    : QWidget(parent)
    , m_poller(poller)
{
    setMinimumHeight(60);
    setAccessibleName(tr("CPU and memory of the last 10 minutes"));
    connect(poller, &MetricsPoller::metricsUpdated, this, [this](const QString &id) {
        if (id == m_id) {
            update();
        }
    });
}

MetricsGraph::~MetricsGraph() = default;

void MetricsGraph::setSession(const QString &id)
{
    m_id = id;
    update();
}

QList<QPointF> MetricsGraph::cpuPoints() const
{
    return m_poller ? points(m_poller->history(m_id), true) : QList<QPointF>();
}

QList<QPointF> MetricsGraph::memoryPoints() const
{
    return m_poller ? points(m_poller->history(m_id), false) : QList<QPointF>();
}

QString MetricsGraph::caption() const
{
    const QList<QPointF> cpu = cpuPoints();
    if (cpu.isEmpty()) {
        return tr("No metrics yet (polled while the session is visible and running)");
    }
    // The memory in bytes too: a share of a large machine reads 0-1% whatever the session does.
    const Core::SessionMetrics latest = m_poller->latest(m_id);
    return tr("CPU %1% · memory %2 (%3%) · last 10 min")
        .arg(cpu.last().y(), 0, 'f', 0)
        .arg(QLocale().formattedDataSize(
            latest.memUsed, latest.memUsed >= (qint64(1) << 30) ? 1 : 0, QLocale::DataSizeTraditionalFormat))
        .arg(latest.memUsedPct(), 0, 'f', 0);
}

void MetricsGraph::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -16);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(area);
    const double span = double(MetricsPoller::HistorySpan.count());
    // Newest at the right edge, 10 minutes ago at the left.
    const auto map = [&](const QPointF &p) {
        return QPointF(area.right() - p.x() / span * area.width(), area.bottom() - p.y() / 100.0 * area.height());
    };
    const QList<QPointF> cpu = cpuPoints();
    if (!cpu.isEmpty()) {
        QPainterPath path(QPointF(map(cpu.first()).x(), area.bottom()));
        for (const QPointF &p : cpu) {
            path.lineTo(map(p));
        }
        path.lineTo(QPointF(area.right(), area.bottom()));
        path.closeSubpath();
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(90);
        painter.fillPath(path, fill);
    }
    const QList<QPointF> memory = memoryPoints();
    if (memory.size() > 1) {
        QPainterPath line(map(memory.first()));
        for (const QPointF &p : memory) {
            line.lineTo(map(p));
        }
        painter.setPen(QPen(QColor(0x8e, 0x24, 0xaa), 1.5));
        painter.drawPath(line);
    }
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QString caption = this->caption();
    painter.drawText(QRectF(4, height() - 15, width() - 8, 14), Qt::AlignLeft | Qt::AlignVCenter, caption);
}

} // namespace AgentBay::Ui
