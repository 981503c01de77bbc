// SPDX-License-Identifier: MIT
// Request rate of the session window's background polling (not a ctest test): 500 sessions,
// 30 of them visible and running, status polling (SessionController) plus metrics polling
// (MetricsPoller) at their default intervals, against a fake server that answers at once.
//   bench_glance [--seconds S] [--sessions N] [--visible V] [--screenshots DIR]
// With --screenshots: the table's Remaining/CPU/Memory/Disk columns, the metrics graph and
// the tray menu as PNG files in DIR (run with QT_QPA_PLATFORM=offscreen or under Xvfb).
#include <core/apiclient.h>
#include <core/sessionpoller.h>
#include <support/fakehttpserver.h>
#include <ui/sessions/glancecolumnsproxy.h>
#include <ui/lifecycle/metricsgraph.h>
#include <ui/services/lifecycletracker.h>
#include <ui/services/metricspoller.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>
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
#include <QTableView>
#include <QTimer>

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
void writeScreenshots(const QString &dir, Ui::SessionController &controller, Ui::MetricsPoller &poller)
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
        m.memTotal = 100;
        m.memUsed = 20 + step / 4;
        history.record(QStringLiteral("s"), m);
    }
    Ui::MetricsGraph graph(&history);
    graph.setSession(QStringLiteral("s"));
    graph.resize(420, 120);
    graph.grab().save(dir + QStringLiteral("/glance-graph.png"));

    Ui::TrayController tray(&controller);
    tray.menu()->adjustSize();
    tray.menu()->grab().save(dir + QStringLiteral("/glance-tray.png"));
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
    parser.addOption(
        {QStringLiteral("screenshots"), QStringLiteral("Write PNG screenshots to DIR."), QStringLiteral("DIR")});
    parser.process(app);
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const int sessions = parser.value(QStringLiteral("sessions")).toInt();
    const int visible = parser.value(QStringLiteral("visible")).toInt();

    QStringList ids;
    for (int i = 0; i < sessions; ++i) {
        ids.append(QStringLiteral("session-%1").arg(i, 4, 10, QLatin1Char('0')));
    }
    const QString metrics = QStringLiteral(
        R"({"cpu_count":2,"cpu_used_pct":12.5,"mem_total":4294967296,"mem_used":536870912,"disk_total":10737418240,)"
        R"("disk_used":1073741824,"rx_rate_kbyte_per_s":0,"tx_rate_kbyte_per_s":0,"rx_used_kbyte":0,"tx_used_kbyte":0,)"
        R"("timestamp":"2026-11-30T12:00:00Z"})");
    Test::FakeHttpServer server;
    server.setHandler([&](const Test::RecordedRequest &request) -> std::optional<Test::CannedResponse> {
        if (request.action() == u"ListSession") {
            // Pages as the client asks for them: NextToken is the index of the next item.
            const int limit = qMax(1, request.formValue(QStringLiteral("MaxResults")).toInt());
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

    qint64 refreshes = 0;
    QObject::connect(&controller, &Ui::SessionController::refreshed, &app, [&] {
        ++refreshes;
    });
    QElapsedTimer clock;
    controller.start();
    poller.start();
    clock.start();
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    app.exec();
    const double minutes = double(clock.elapsed()) / 60000.0;
    const int list = server.requestCount(QStringLiteral("ListSession"));
    const int tools = server.requestCount(QStringLiteral("CallMcpTool"));
    const int all = server.requestCount();
    std::printf("sessions %d, visible running %d, status every %lld ms, metrics every %lld ms, %.2f min\n",
        sessions,
        visible,
        qlonglong(controller.poller()->interval().count()),
        qlonglong(poller.interval().count()),
        minutes);
    std::printf("ListSession %.0f/min, get_metrics %.0f/min, other %.0f/min, total %.0f/min (%lld refreshes)\n",
        list / minutes,
        tools / minutes,
        (all - list - tools) / minutes,
        all / minutes,
        refreshes);
    std::printf("metrics requests per interval: at most %d (visible running rows), max in flight %d\n",
        visible,
        server.maxOpenRequests(QStringLiteral("CallMcpTool")));
    if (parser.isSet(QStringLiteral("screenshots"))) {
        writeScreenshots(parser.value(QStringLiteral("screenshots")), controller, poller);
    }
    return 0;
}
