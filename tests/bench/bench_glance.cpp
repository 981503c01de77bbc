// SPDX-License-Identifier: MIT
// The session window's background cost (not a ctest test), with 500 sessions, 30 of them
// visible and running, against a fake server that answers at once:
// 1. Requests per minute of status polling (SessionController) plus metrics polling
//    (MetricsPoller) at their default intervals, in the steady state (after each session's
//    details and labels were loaded once), against the stated bound: per status interval one
//    ListSession per page, per metrics interval one get_metrics per visible running row, and
//    nothing else. Exit status 1 when over it.
// 2. The UI's time per refresh: the store takes a list refresh (every row's deadlines moved,
//    some statuses changed) and a round of metrics, the model, the glance columns and the
//    sorting proxy follow, and the table (sorted by time left) paints its viewport, offscreen.
//    Median, 90th percentile and worst of the refreshes against the 16 ms frame budget.
//   bench_glance [--seconds S] [--sessions N] [--visible V] [--refreshes R] [--screenshots DIR]
// With --screenshots: the table's Remaining/CPU/Memory/Disk columns, the metrics graph and
// the tray menu as PNG files in DIR (run with QT_QPA_PLATFORM=offscreen or under Xvfb).
#include <core/api/apiclient.h>
#include <core/sessions/sessionpoller.h>
#include <support/fakehttpserver.h>
#include <ui/lifecycle/metricsgraph.h>
#include <ui/services/lifecycletracker.h>
#include <ui/services/metricspoller.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>
#include <ui/sessions/glancecolumnsproxy.h>
#include <ui/sessions/sessionfilterproxymodel.h>
#include <ui/sessions/sessionlistmodel.h>
#include <ui/tray/traycontroller.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace AgentBay;

namespace {

class NoOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &) override { return true; }
};

QJsonObject envelope(const QJsonValue &data)
{
    return {{QStringLiteral("Success"), true},
        {QStringLiteral("Code"), QStringLiteral("ok")},
        {QStringLiteral("RequestId"), QStringLiteral("bench")},
        {QStringLiteral("Data"), data}};
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The columns, the graph and the tray menu with made-up but plausible figures.
void writeScreenshots(
    const QString &dir, Core::ApiClient *client, Ui::SessionController &controller, Ui::MetricsPoller &poller)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Ui::LifecycleTracker tracker(nullptr, nullptr, controller.store(), nullptr);
    const QList<Ui::SessionRow> &rows = controller.store()->rows();
    for (int i = 0; i < 12 && i < rows.size(); ++i) {
        Core::SessionTimes times;
        times.idleReleaseDeadline = now.addSecs(i == 0 ? 45 : i == 1 ? 200 : 600 + 137 * i);
        tracker.setTimes(rows.at(i).id, times);
        Core::SessionMetrics m;
        m.cpuCount = 2;
        m.cpuUsedPct = i == 2 ? 97 : 3 + (i * 7) % 20;
        m.memTotal = qint64(4) << 30;
        m.memUsed = (qint64(200) + 45 * i) << 20;
        m.diskTotal = qint64(10) << 30;
        m.diskUsed = (qint64(900) + 30 * i) << 20;
        poller.record(rows.at(i).id, m);
    }
    Ui::SessionListModel model(controller.store());
    Ui::GlanceColumnsProxy columns(&tracker, &poller);
    columns.setSourceModel(&model);
    Ui::SessionFilterProxyModel sorted;
    sorted.setSourceModel(&columns);
    QTableView table;
    table.setModel(&sorted);
    table.setSortingEnabled(true);
    table.sortByColumn(columns.firstExtraColumn(), Qt::AscendingOrder);
    table.verticalHeader()->hide();
    table.resize(980, 330);
    table.resizeColumnsToContents();
    table.grab().save(dir + QStringLiteral("/glance-table.png"));

    QDateTime at = now.addSecs(-600);
    Ui::MetricsPoller history(nullptr);
    history.setClock([&at] {
        return at;
    });
    for (int step = 0; step <= 60; ++step, at = at.addSecs(10)) {
        Core::SessionMetrics m;
        m.cpuUsedPct = step > 25 && step < 45 ? 85 + (step % 3) * 4 : 4 + (step % 5);
        m.memTotal = qint64(4) << 30;
        m.memUsed = (qint64(800) + step * 9) << 20;
        history.record(QStringLiteral("s"), m);
    }
    Ui::MetricsGraph graph(&history);
    graph.setSession(QStringLiteral("s"));
    graph.resize(420, 120);
    graph.grab().save(dir + QStringLiteral("/glance-graph.png"));

    // The tray menu of a handful of sessions (one paused), with the first one's submenu open
    // beside it as the desktop shows it.
    NoOpener opener;
    Ui::SessionController few(client, &opener);
    QList<Core::SessionSummary> listed;
    for (const char *id :
        {"session-7k2m9qz4xw1c", "session-b81vn0r5ht6e", "session-q4e6ty8ui2op", "session-3xz5lk9jv0ws"}) {
        listed.append({QString::fromLatin1(id), Core::SessionStatus::Running, {}, {}, {}});
    }
    listed.append({QStringLiteral("session-m2n4b6v8c0xz"), Core::SessionStatus::Paused, {}, {}, {}});
    few.store()->applyRefresh(listed);
    Ui::TrayController tray(&few);
    QMenu *menu = tray.menu();
    menu->adjustSize();
    QMenu *sub = menu->findChild<QMenu *>(listed.first().sessionId);
    sub->adjustSize();
    const QPixmap main = menu->grab();
    const QPixmap side = sub->grab();
    const int subTop = menu->actionGeometry(sub->menuAction()).top();
    QPixmap both(main.width() + side.width() - 2, qMax(main.height(), subTop + side.height()));
    both.fill(Qt::transparent);
    QPainter painter(&both);
    painter.drawPixmap(0, 0, main);
    painter.drawPixmap(main.width() - 2, subTop, side);
    painter.end();
    both.save(dir + QStringLiteral("/glance-tray.png"));
}

struct RefreshTimes
{
    double medianMs = 0;
    double p90Ms = 0;
    double worstMs = 0;
    // Median of each step: the store and model take the list, the deadlines (one re-sort), a
    // round of metrics, the viewport's paint.
    double storeMs = 0;
    double deadlinesMs = 0;
    double metricsMs = 0;
    double paintMs = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// The table of the window at 1280x800 (about 30 rows visible) over every session, sorted by the
// time left, and `count` refreshes through it; each timed from the store's update to the end of
// the viewport's paint.
RefreshTimes timeRefreshes(Ui::SessionStore *store, const QStringList &ids, int visible, int count)
{
    Ui::MetricsPoller poller(nullptr);
    Ui::LifecycleTracker tracker(nullptr, nullptr, store, nullptr);
    Ui::SessionListModel model(store);
    Ui::GlanceColumnsProxy columns(&tracker, &poller);
    columns.setSourceModel(&model);
    Ui::SessionFilterProxyModel sorted;
    sorted.setSourceModel(&columns);
    QTableView table;
    table.setModel(&sorted);
    table.setSortingEnabled(true);
    table.sortByColumn(columns.firstExtraColumn() + Ui::GlanceColumnsProxy::RemainingExtra, Qt::AscendingOrder);
    table.resize(1280, 800);
    table.show();
    QCoreApplication::processEvents();

    QList<double> times;
    QList<double> storeTimes;
    QList<double> deadlineTimes;
    QList<double> metricsTimes;
    QList<double> paintTimes;
    const QDateTime start = QDateTime::currentDateTimeUtc();
    for (int round = 0; round < count; ++round) {
        QList<Core::SessionSummary> refresh;
        for (int i = 0; i < ids.size(); ++i) {
            Core::SessionSummary summary;
            summary.sessionId = ids.at(i);
            // A few statuses change per refresh; the visible ones stay running.
            summary.status =
                i >= visible && (i + round) % 50 == 0 ? Core::SessionStatus::Paused : Core::SessionStatus::Running;
            summary.times.idleReleaseDeadline = start.addSecs(300 + (i * 7 + round * 13) % 900);
            refresh.append(summary);
        }
        QElapsedTimer clock;
        clock.start();
        store->applyRefresh(refresh);
        const qint64 stored = clock.nsecsElapsed();
        tracker.setTimes(refresh); // as the session poller's sessionsRefreshed does
        const qint64 deadlines = clock.nsecsElapsed();
        for (int i = 0; i < visible; ++i) {
            Core::SessionMetrics m;
            m.cpuCount = 2;
            m.cpuUsedPct = (i * 11 + round * 3) % 100;
            m.memTotal = qint64(4) << 30;
            m.memUsed = (qint64(200) + (i + round) % 300) << 20;
            m.diskTotal = qint64(10) << 30;
            m.diskUsed = (qint64(900) + i) << 20;
            poller.record(ids.at(i), m);
        }
        QCoreApplication::sendPostedEvents(); // queued model signals, layout of the header
        const qint64 metrics = clock.nsecsElapsed();
        table.viewport()->repaint();
        const qint64 painted = clock.nsecsElapsed();
        times.append(double(painted) / 1e6);
        storeTimes.append(double(stored) / 1e6);
        deadlineTimes.append(double(deadlines - stored) / 1e6);
        metricsTimes.append(double(metrics - deadlines) / 1e6);
        paintTimes.append(double(painted - metrics) / 1e6);
    }
    std::sort(times.begin(), times.end());
    RefreshTimes result;
    result.medianMs = times.at(times.size() / 2);
    result.p90Ms = times.at(qMin(times.size() - 1, times.size() * 9 / 10));
    result.worstMs = times.last();
    result.storeMs = median(storeTimes);
    result.deadlinesMs = median(deadlineTimes);
    result.metricsMs = median(metricsTimes);
    result.paintMs = median(paintTimes);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("agentbay.*=false")); // one line per request otherwise
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("seconds"),
        QStringLiteral("Measured time (default 60)."),
        QStringLiteral("S"),
        QStringLiteral("60")});
    parser.addOption({QStringLiteral("sessions"),
        QStringLiteral("Sessions listed (default 500)."),
        QStringLiteral("N"),
        QStringLiteral("500")});
    parser.addOption({QStringLiteral("visible"),
        QStringLiteral("Visible running rows (default 30)."),
        QStringLiteral("V"),
        QStringLiteral("30")});
    parser.addOption({QStringLiteral("refreshes"),
        QStringLiteral("UI refreshes timed (default 100)."),
        QStringLiteral("R"),
        QStringLiteral("100")});
    parser.addOption({QStringLiteral("ui-only"), QStringLiteral("Time the UI refreshes only (no request rate).")});
    parser.addOption(
        {QStringLiteral("screenshots"), QStringLiteral("Write PNG screenshots to DIR."), QStringLiteral("DIR")});
    parser.process(app);
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const int sessions = parser.value(QStringLiteral("sessions")).toInt();
    const int visible = parser.value(QStringLiteral("visible")).toInt();
    const int refreshCount = qMax(1, parser.value(QStringLiteral("refreshes")).toInt());

    QStringList ids;
    for (int i = 0; i < sessions; ++i) {
        ids.append(QStringLiteral("session-%1").arg(i, 4, 10, QLatin1Char('0')));
    }
    const QString metrics = QStringLiteral(
        R"({"cpu_count":2,"cpu_used_pct":12.5,"mem_total":4294967296,"mem_used":536870912,"disk_total":10737418240,)"
        R"("disk_used":1073741824,"rx_rate_kbyte_per_s":0,"tx_rate_kbyte_per_s":0,"rx_used_kbyte":0,"tx_used_kbyte":0,)"
        R"("timestamp":"2026-11-30T12:00:00Z"})");
    Test::FakeHttpServer server;
    int pageSize = 0;
    server.setHandler([&](const Test::RecordedRequest &request) -> std::optional<Test::CannedResponse> {
        if (request.action() == u"ListSession") {
            // Pages as the client asks for them: NextToken is the index of the next item.
            const int limit = qMax(1, request.formValue(QStringLiteral("MaxResults")).toInt());
            pageSize = limit;
            const int from = request.formValue(QStringLiteral("NextToken")).toInt();
            QJsonArray items;
            for (int i = from; i < qMin(sessions, from + limit); ++i) {
                items.append(QJsonObject{{QStringLiteral("SessionId"), ids.at(i)},
                    {QStringLiteral("SessionStatus"), QStringLiteral("RUNNING")}});
            }
            QJsonObject answer = envelope(items);
            answer.insert(
                QStringLiteral("NextToken"), from + limit < sessions ? QString::number(from + limit) : QString());
            answer.insert(QStringLiteral("MaxResults"), limit);
            answer.insert(QStringLiteral("TotalCount"), sessions);
            return Test::CannedResponse::json(answer);
        }
        if (request.action() == u"CallMcpTool") {
            const QJsonObject result{{QStringLiteral("isError"), false},
                {QStringLiteral("content"),
                    QJsonArray{QJsonObject{
                        {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), metrics}}}}};
            return Test::CannedResponse::json(envelope(compact(result)));
        }
        // Details and labels of the rows (the window loads them lazily).
        return Test::CannedResponse::json(envelope(QJsonObject{}));
    });

    Core::Config config;
    config.endpoint = server.endpoint();
    config.apiKey = QStringLiteral("bench");
    Core::ApiClient client(config);
    NoOpener opener;
    Ui::SessionController controller(&client, &opener);
    Ui::MetricsPoller poller(&client);
    poller.setSessions(ids.mid(0, visible));

    bool requestsWithinBound = true;
    if (parser.isSet(QStringLiteral("ui-only"))) {
        QList<Core::SessionSummary> rows;
        for (const QString &id : std::as_const(ids)) {
            rows.append({id, Core::SessionStatus::Running, {}, {}, {}});
        }
        controller.store()->applyRefresh(rows);
    } else {
        qint64 refreshes = 0;
        QObject::connect(&controller, &Ui::SessionController::refreshed, &app, [&] {
            ++refreshes;
        });
        controller.start();
        poller.start();

        // Warm-up: every session's details and labels are loaded once (lazily, a one-off cost per
        // session); the steady state starts when no such request came for two seconds.
        QElapsedTimer warmUp;
        warmUp.start();
        const auto others = [&server] {
            return server.requestCount() - server.requestCount(QStringLiteral("ListSession"))
                - server.requestCount(QStringLiteral("CallMcpTool"));
        };
        int lastOthers = -1;
        while (warmUp.elapsed() < 120000) {
            lastOthers = others();
            QTimer::singleShot(2000, &app, &QCoreApplication::quit);
            app.exec();
            if (others() == lastOthers && refreshes > 0) {
                break;
            }
        }
        const int oneOff = others();
        const int list0 = server.requestCount(QStringLiteral("ListSession"));
        const int tools0 = server.requestCount(QStringLiteral("CallMcpTool"));
        const int all0 = server.requestCount();

        QElapsedTimer clock;
        clock.start();
        QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
        app.exec();
        const qint64 elapsedMs = clock.elapsed();
        const double minutes = double(elapsedMs) / 60000.0;
        const int list = server.requestCount(QStringLiteral("ListSession")) - list0;
        const int tools = server.requestCount(QStringLiteral("CallMcpTool")) - tools0;
        const int all = server.requestCount() - all0;
        const qint64 statusMs = controller.poller()->interval().count();
        const qint64 metricsMs = poller.interval().count();
        const int pages = (sessions + qMax(1, pageSize) - 1) / qMax(1, pageSize);
        // The stated bound, per minute: a whole-list refresh (one ListSession per page) per status
        // interval, one get_metrics per visible running row per metrics interval, nothing else. A
        // window of S seconds holds at most floor(S / interval) + 1 rounds of each.
        const double boundPerMinute = 60000.0 / double(statusMs) * pages + 60000.0 / double(metricsMs) * visible;
        const qint64 boundInWindow = (elapsedMs / statusMs + 1) * pages + (elapsedMs / metricsMs + 1) * visible;
        std::printf("sessions %d, visible running %d, status every %lld ms (%d pages of %d), metrics every %lld ms\n",
            sessions,
            visible,
            qlonglong(statusMs),
            pages,
            pageSize,
            qlonglong(metricsMs));
        std::printf("warm-up: %d detail/label requests once (%.1f per session), %.1f s\n",
            oneOff,
            double(oneOff) / sessions,
            double(warmUp.elapsed()) / 1000.0);
        std::printf("steady state over %.2f min: ListSession %.0f/min, get_metrics %.0f/min, other %.0f/min, total "
                    "%.0f/min\n",
            minutes,
            list / minutes,
            tools / minutes,
            (all - list - tools) / minutes,
            all / minutes);
        std::printf("bound: %.0f/min (%d pages x %.0f refreshes + %d rows x %.0f rounds); in this window %d of at most "
                    "%lld: %s\n",
            boundPerMinute,
            pages,
            60000.0 / double(statusMs),
            visible,
            60000.0 / double(metricsMs),
            all,
            qlonglong(boundInWindow),
            all <= boundInWindow ? "within" : "OVER");
        std::printf("metrics requests per interval: at most %d (visible running rows), max in flight %d\n",
            visible,
            server.maxOpenRequests(QStringLiteral("CallMcpTool")));
        controller.stop();
        poller.stop();
        requestsWithinBound = all <= boundInWindow;
    }

    const RefreshTimes ui = timeRefreshes(controller.store(), ids, visible, refreshCount);
    std::printf("UI refresh (%d rows, store + model + glance columns + sort + viewport paint, %d refreshes): median "
                "%.2f ms, p90 %.2f ms, worst %.2f ms; budget 16 ms: %s\n",
        sessions,
        refreshCount,
        ui.medianMs,
        ui.p90Ms,
        ui.worstMs,
        ui.medianMs < 16.0 ? "within" : "OVER");
    std::printf("  medians of its steps: store and model %.2f ms, deadlines (one re-sort) %.2f ms, %d metrics %.2f ms, "
                "paint %.2f ms\n",
        ui.storeMs,
        ui.deadlinesMs,
        visible,
        ui.metricsMs,
        ui.paintMs);
    if (parser.isSet(QStringLiteral("screenshots"))) {
        writeScreenshots(parser.value(QStringLiteral("screenshots")), &client, controller, poller);
    }
    return requestsWithinBound && ui.medianMs < 16.0 ? 0 : 1;
}
