// SPDX-License-Identifier: MIT
#include "metricsgraph.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using namespace Qt::StringLiterals;

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

QStringList MetricsGraph::captionParts() const
{
    const QList<QPointF> cpu = cpuPoints();
    if (cpu.isEmpty()) {
        return {tr("No metrics yet (polled while the session is visible and running)")};
    }
    // Binary units as in the table, against the session's memory limit: a share of a large
    // machine reads 0-1% whatever the session does.
    const Core::SessionMetrics latest = m_poller->latest(m_id);
    const QString memory = latest.memTotal > 0
        ? tr("memory %1 of %2").arg(dataSize(latest.memUsed), dataSize(latest.memTotal))
        : tr("memory %1").arg(dataSize(latest.memUsed));
    return {tr("CPU %1%").arg(cpu.last().y(), 0, 'f', 0), memory, tr("last 10 min")};
}

QString MetricsGraph::caption() const
{
    return captionParts().join(u" · ");
}

QColor MetricsGraph::cpuColor() const
{
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(90);
    return fill;
}

QColor MetricsGraph::memoryColor()
{
    return {0x8e, 0x24, 0xaa};
}

QString MetricsGraph::dataSize(qint64 bytes)
{
    // "2 GiB", "1.5 GiB", "206 MiB": a fraction only where a whole number would round it away.
    constexpr qint64 GiB = qint64(1) << 30;
    const int precision = bytes >= GiB && bytes % GiB != 0 ? 1 : 0;
    return QLocale().formattedDataSize(bytes, precision);
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
        painter.fillPath(path, cpuColor());
    }
    const QList<QPointF> memory = memoryPoints();
    if (memory.size() > 1) {
        QPainterPath line(map(memory.first()));
        for (const QPointF &p : memory) {
            line.lineTo(map(p));
        }
        painter.setPen(QPen(memoryColor(), 1.5));
        painter.drawPath(line);
    }
    paintCaption(painter, QRectF(4, height() - 15, width() - 8, 14));
}

void MetricsGraph::paintCaption(QPainter &painter, const QRectF &line) const
{
    // A swatch before CPU (the filled area) and before memory (the line) says which is which.
    const QStringList parts = captionParts();
    const QFontMetricsF metrics(font());
    const QString separator = u"  ·  "_s;
    const double swatch = 12;
    double x = line.left();
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const auto drawText = [&](const QString &text) {
        const QString shown = metrics.elidedText(text, Qt::ElideRight, std::max(0.0, line.right() - x));
        painter.drawText(
            QRectF(x, line.top(), line.right() - x, line.height()), Qt::AlignLeft | Qt::AlignVCenter, shown);
        x += metrics.horizontalAdvance(shown);
    };
    for (int i = 0; i < parts.size() && x < line.right(); ++i) {
        if (i > 0) {
            drawText(separator);
        }
        if (parts.size() > 1 && i < 2 && x + swatch < line.right()) {
            const QRectF box(x, line.center().y() - 4, swatch, 8);
            if (i == 0) {
                painter.fillRect(box, cpuColor());
            } else {
                painter.save();
                painter.setPen(QPen(memoryColor(), 2));
                painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
                painter.restore();
            }
            x += swatch + 4;
        }
        drawText(parts.at(i));
    }
}

} // namespace AgentBay::Ui
