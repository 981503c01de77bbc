// SPDX-License-Identifier: MIT
// The Disk column shows a session's workspace against its quota, as the server reports them.
#include <ui/services/lifecycletracker.h>
#include <ui/services/metricspoller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/glancecolumnsproxy.h>
#include <ui/sessions/sessionlistmodel.h>

#include <QTest>

using namespace AgentBay;

class tst_GlanceDiskColumn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void disk_usageAgainstTheQuota();
};

void tst_GlanceDiskColumn::disk_usageAgainstTheQuota()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Ui::SessionStore store;
    store.applyRefresh({Core::SessionSummary{QStringLiteral("s-quota"), Core::SessionStatus::Running, {}, {}, {}},
        Core::SessionSummary{QStringLiteral("s-none"), Core::SessionStatus::Running, {}, {}, {}}});
    Ui::SessionListModel model(&store);
    Ui::LifecycleTracker tracker(nullptr, nullptr, &store, nullptr);
    Ui::MetricsPoller metrics(nullptr);
    Ui::GlanceColumnsProxy proxy(&tracker, &metrics);
    proxy.setSourceModel(&model);
    const int disk = proxy.firstExtraColumn() + Ui::GlanceColumnsProxy::DiskExtra;
    QCOMPARE(proxy.headerData(disk, Qt::Horizontal).toString(), QStringLiteral("Disk"));

    Core::SessionMetrics withQuota;
    withQuota.diskUsed = 300LL * 1024 * 1024;
    withQuota.diskTotal = 2LL * 1024 * 1024 * 1024; // the workspace quota, not the host's disk
    metrics.record(QStringLiteral("s-quota"), withQuota);
    Core::SessionMetrics withoutQuota;
    withoutQuota.diskUsed = 150LL * 1024 * 1024;
    metrics.record(QStringLiteral("s-none"), withoutQuota);

    const auto rowOf = [&](const QString &id) {
        for (int row = 0; row < proxy.rowCount(); ++row) {
            if (proxy.index(row, 0).data(Ui::SessionListModel::SessionIdRole).toString() == id) {
                return row;
            }
        }
        return -1;
    };
    const QModelIndex quota = proxy.index(rowOf(QStringLiteral("s-quota")), disk);
    QCOMPARE(quota.data().toString(), QStringLiteral("300 MiB / 2 GiB"));
    QCOMPARE(quota.data(Qt::ToolTipRole).toString(), QStringLiteral("300.00 MiB of 2.00 GiB"));
    QCOMPARE(quota.data(Ui::SessionListModel::SortRole).toDouble(), double(withQuota.diskUsed));
    // A server that reports no quota: the use alone, no "/ 0 bytes".
    QCOMPARE(proxy.index(rowOf(QStringLiteral("s-none")), disk).data().toString(), QStringLiteral("150 MiB"));
}

QTEST_MAIN(tst_GlanceDiskColumn)
#include "tst_glancediskcolumn.moc"
