// SPDX-License-Identifier: MIT
#include "glancecolumnsproxy.h"

#include "sessionlistmodel.h"

#include <ui/services/lifecycletracker.h>
#include <ui/services/metricspoller.h>

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <limits>

namespace AgentBay::Ui {

GlanceColumnsProxy::GlanceColumnsProxy(LifecycleTracker *tracker, MetricsPoller *metrics, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_tracker(tracker)
    , m_metrics(metrics)
{
    m_tick.setInterval(1000);
    // The clock moves the texts and colours, never the order (the sort key is the deadline): a
    // sorted table need not sort 500 rows again every second.
    connect(&m_tick, &QTimer::timeout, this, [this] {
        extraChanged(RemainingExtra, 0, rowCount() - 1, {Qt::DisplayRole, Qt::ForegroundRole, Qt::ToolTipRole});
    });
    m_tick.start();
    if (tracker) {
        connect(tracker, &LifecycleTracker::timesChanged, this, [this] {
            extraChanged(RemainingExtra, 0, rowCount() - 1);
        });
    }
    if (metrics) {
        connect(metrics, &MetricsPoller::metricsUpdated, this, [this](const QString &id) {
            sessionChanged(id, CpuExtra, DiskExtra);
        });
    }
}

GlanceColumnsProxy::~GlanceColumnsProxy() = default;

void GlanceColumnsProxy::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    QIdentityProxyModel::setSourceModel(source);
    endResetModel();
}

int GlanceColumnsProxy::firstExtraColumn() const
{
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

int GlanceColumnsProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : firstExtraColumn() + ExtraCount;
}

QModelIndex GlanceColumnsProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount()) {
        return {};
    }
    return createIndex(row, column);
}

QModelIndex GlanceColumnsProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex GlanceColumnsProxy::mapToSource(const QModelIndex &proxy) const
{
    if (!proxy.isValid() || !sourceModel() || proxy.column() >= firstExtraColumn()) {
        return {};
    }
    return sourceModel()->index(proxy.row(), proxy.column());
}

QModelIndex GlanceColumnsProxy::mapFromSource(const QModelIndex &source) const
{
    return source.isValid() ? createIndex(source.row(), source.column()) : QModelIndex();
}

Qt::ItemFlags GlanceColumnsProxy::flags(const QModelIndex &index) const
{
    if (index.isValid() && index.column() >= firstExtraColumn()) {
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    }
    return QIdentityProxyModel::flags(index);
}

QString GlanceColumnsProxy::sessionAt(int row) const
{
    return sourceModel() ? sourceModel()->index(row, 0).data(SessionListModel::SessionIdRole).toString() : QString();
}

QVariant GlanceColumnsProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() < firstExtraColumn()) {
        return QIdentityProxyModel::data(index, role);
    }
    const int extra = index.column() - firstExtraColumn();
    if (role == SessionListModel::SessionIdRole || role == SessionListModel::StatusRole) {
        return sourceModel()->index(index.row(), 0).data(role);
    }
    const QString id = sessionAt(index.row());
    if (extra == RemainingExtra) {
        if (!m_tracker) {
            return {};
        }
        const Core::RemainingTime left = m_tracker->remaining(id);
        const QDateTime now = m_tracker->now();
        switch (role) {
        case Qt::DisplayRole:
            return left.text(now);
        case SessionListModel::SortRole:
            // The deadline, which the clock does not move; unknown and never after every known time.
            return left.isKnown() ? left.deadline().toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        case Qt::ToolTipRole:
            if (!left.isKnown()) {
                return left.source() == Core::RemainingTime::Source::Never
                    ? tr("Released only when deleted.")
                    : tr("This server reports no release time and the app did not create it with a policy.");
            }
            return QString((left.reason() == Core::RemainingTime::Reason::Idle ? tr("Idle release at %1")
                                                                               : tr("Maximum runtime ends at %1"))
                               .arg(QLocale().toString(left.deadline().toLocalTime(), QLocale::ShortFormat))
                + (left.source() == Core::RemainingTime::Source::Estimate
                        ? tr(" (estimated from the policy set at create)")
                        : QString()));
        case Qt::ForegroundRole:
            if (left.isNearEnd(now, UrgentSeconds)) {
                return QBrush(QColor(0xc6, 0x28, 0x28));
            }
            if (left.isNearEnd(now, WarnSeconds)) {
                return QBrush(QColor(0xb2, 0x6a, 0x00));
            }
            return {};
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (!m_metrics || !m_metrics->hasMetrics(id)) {
        return role == SessionListModel::SortRole ? QVariant(-1.0) : QVariant();
    }
    const Core::SessionMetrics m = m_metrics->latest(id);
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        if (extra == CpuExtra) {
            return QStringLiteral("%1%").arg(m.cpuUsedPct, 0, 'f', 0);
        }
        if (extra == MemoryExtra) {
            return locale.formattedDataSize(m.memUsed, 0);
        }
        // The workspace against its quota ("300 MiB / 2 GiB"); a server without one says only the use.
        return m.diskTotal > 0
            ? tr("%1 / %2").arg(locale.formattedDataSize(m.diskUsed, 0), locale.formattedDataSize(m.diskTotal, 0))
            : locale.formattedDataSize(m.diskUsed, 0);
    case SessionListModel::SortRole:
        return extra == CpuExtra ? m.cpuUsedPct : extra == MemoryExtra ? double(m.memUsed) : double(m.diskUsed);
    case Qt::ToolTipRole:
        if (extra == CpuExtra) {
            return tr("%1% of %n core(s)", nullptr, m.cpuCount).arg(m.cpuUsedPct, 0, 'f', 1);
        }
        return tr("%1 of %2")
            .arg(locale.formattedDataSize(extra == MemoryExtra ? m.memUsed : m.diskUsed),
                locale.formattedDataSize(extra == MemoryExtra ? m.memTotal : m.diskTotal));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant GlanceColumnsProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < firstExtraColumn()) {
        return QIdentityProxyModel::headerData(section, orientation, role);
    }
    const int extra = section - firstExtraColumn();
    if (role == SessionListModel::FitOrderRole) {
        // On a narrow table CPU stays longest (a busy session shows at once, as in Docker
        // Desktop's list); the selected session's memory, disk and release time are in Overview.
        static constexpr int order[ExtraCount] = {2, 0, 1, 3}; // Remaining, CPU, Memory, Disk
        return extra >= 0 && extra < ExtraCount ? QVariant(order[extra]) : QVariant();
    }
    if (role == SessionListModel::WidestTextRole) {
        switch (extra) {
        case RemainingExtra:
            return QStringLiteral("~59m 59s");
        case CpuExtra:
            return QStringLiteral("100%");
        case MemoryExtra:
            return QLocale().formattedDataSize(999LL * 1024 * 1024, 0);
        case DiskExtra:
            return tr("%1 / %2").arg(QLocale().formattedDataSize(999LL * 1024 * 1024, 0),
                QLocale().formattedDataSize(20LL * 1024 * 1024 * 1024, 0));
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (extra) {
    case RemainingExtra:
        return tr("Remaining");
    case CpuExtra:
        return tr("CPU");
    case MemoryExtra:
        return tr("Memory");
    case DiskExtra:
        return tr("Disk");
    default:
        return {};
    }
}

void GlanceColumnsProxy::extraChanged(int extra, int firstRow, int lastRow, const QList<int> &roles)
{
    if (lastRow < firstRow) {
        return;
    }
    const int column = firstExtraColumn() + extra;
    Q_EMIT dataChanged(index(firstRow, column), index(lastRow, column), roles);
}

void GlanceColumnsProxy::sessionChanged(const QString &id, int firstExtra, int lastExtra)
{
    for (int row = 0; row < rowCount(); ++row) {
        if (sessionAt(row) == id) {
            Q_EMIT dataChanged(index(row, firstExtraColumn() + firstExtra), index(row, firstExtraColumn() + lastExtra));
            return;
        }
    }
}

} // namespace AgentBay::Ui
