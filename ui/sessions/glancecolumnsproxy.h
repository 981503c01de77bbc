// SPDX-License-Identifier: MIT
#pragma once

#include <QIdentityProxyModel>
#include <QPointer>
#include <QTimer>

namespace AgentBay::Ui {

class LifecycleTracker;
class MetricsPoller;

// Adds the at-a-glance columns after the session list model's own: remaining time (warning
// colours near the end) and the session's CPU, memory and disk (from the metrics poller, so
// only for rows it polls). Sortable through SessionListModel::SortRole like the rest. Sits
// directly on the session list model, below the filter and sort proxies.
class GlanceColumnsProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GlanceColumnsProxy)

public:
    enum Extra {
        RemainingExtra,
        CpuExtra,
        MemoryExtra,
        DiskExtra,
        ExtraCount,
    };

    static constexpr qint64 WarnSeconds = 5 * 60; // amber below this
    static constexpr qint64 UrgentSeconds = 60; // red below this

    GlanceColumnsProxy(LifecycleTracker *tracker, MetricsPoller *metrics, QObject *parent = nullptr);
    ~GlanceColumnsProxy() override;

    void setSourceModel(QAbstractItemModel *source) override;

    // The first added column (= the source's column count).
    int firstExtraColumn() const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex mapToSource(const QModelIndex &proxy) const override;
    QModelIndex mapFromSource(const QModelIndex &source) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void extraChanged(int extra, int firstRow, int lastRow, const QList<int> &roles = {}); // {} = all
    void sessionChanged(const QString &id, int firstExtra, int lastExtra);
    QString sessionAt(int row) const;

    QPointer<LifecycleTracker> m_tracker;
    QPointer<MetricsPoller> m_metrics;
    QTimer m_tick; // remaining time counts down between refreshes
};

} // namespace AgentBay::Ui
