// SPDX-License-Identifier: MIT
// The lifecycle tracker, the notifier and the metrics poller against a real agentbay-local.
#include "../server/rawapi.h"

#include <core/apiclient.h>
#include <core/sessionpoller.h>
#include <support/callbackprobe.h>
#include <support/localserver.h>
#include <ui/services/lifecycletracker.h>
#include <ui/services/metricspoller.h>
#include <ui/services/notifier.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace AgentBay;
using namespace std::chrono_literals;

namespace {

class NoOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &) override { return true; }
};

// A tool call or a create on a loaded machine (2 cores shared with builds) may take seconds.
constexpr int CallTimeoutMs = 30000;

double machineLoad()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly)
        ? QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 0).toDouble()
        : 0.0;
}

} // namespace

class tst_LifecycleAndMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void shortIdleTimeout_remainingDecreases_releaseSoonThenVanishedNotified();
    void keepAlive_pushesTheDeadlineBack();
    void disabledKind_isNotNotified();
    void busyLoop_showsOnItsSessionOnly();
    void poller_neverMoreRequestsThanRows_hiddenSessionsNotPolled();

private:
    // A session with an idle release timeout in seconds (the legacy Timeout alone is seconds,
    // protocol-2026.md 1.3; the app's own policy is in minutes, too long for a test).
    QString createWithIdleSeconds(int seconds);
    QString createPlain();
    void runShell(const QString &id, const QString &command);

    std::unique_ptr<Test::LocalServer> m_server;
    std::unique_ptr<Core::ApiClient> m_client;
    NoOpener m_opener;
    std::unique_ptr<Ui::SessionController> m_controller;
    std::unique_ptr<Ui::SilentNotifier> m_notifier;
    std::unique_ptr<Ui::LifecycleTracker> m_tracker;
};

void tst_LifecycleAndMetrics::initTestCase()
{
    m_server = std::make_unique<Test::LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
}

void tst_LifecycleAndMetrics::init()
{
    Core::Config config;
    config.endpoint = m_server->url();
    config.apiKey = m_server->apiKey();
    config.timeoutMs = CallTimeoutMs;
    m_client = std::make_unique<Core::ApiClient>(config);
    m_controller = std::make_unique<Ui::SessionController>(m_client.get(), &m_opener);
    m_controller->setRefreshInterval(300ms);
    m_notifier = std::make_unique<Ui::SilentNotifier>();
    m_tracker = std::make_unique<Ui::LifecycleTracker>(
        m_client.get(), m_controller->poller(), m_controller->store(), m_notifier.get());
    QSignalSpy refreshed(m_controller.get(), &Ui::SessionController::refreshed);
    m_controller->start();
    QVERIFY(refreshed.wait(10000));
}

void tst_LifecycleAndMetrics::cleanup()
{
    m_tracker.reset();
    m_controller.reset();
    m_notifier.reset();
    m_client.reset();
}

void tst_LifecycleAndMetrics::cleanupTestCase()
{
    m_server.reset();
}

QString tst_LifecycleAndMetrics::createWithIdleSeconds(int seconds)
{
    Test::RawApi raw(m_server->url(), m_server->apiKey());
    return raw.createSession({{QStringLiteral("Timeout"), QString::number(seconds)}});
}

QString tst_LifecycleAndMetrics::createPlain()
{
    Test::CallbackProbe<Core::SessionData> probe;
    m_client->create({}, &probe.context, probe.callback());
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
        QVERIFY2(probe.ok(), qPrintable(probe.why()));
    }();
    return probe.ok() ? probe.value().sessionId : QString();
}

void tst_LifecycleAndMetrics::runShell(const QString &id, const QString &command)
{
    Test::CallbackProbe<Core::McpToolResult> probe;
    m_client->callMcpTool(
        id, QStringLiteral("shell"), {{QStringLiteral("command"), command}}, {}, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QVERIFY2(!probe.value().isError, qPrintable(probe.value().firstText()));
}

void tst_LifecycleAndMetrics::shortIdleTimeout_remainingDecreases_releaseSoonThenVanishedNotified()
{
    QSignalSpy notified(m_notifier.get(), &Ui::Notifier::notified);
    m_tracker->setWarnAhead(3);
    const QString id = createWithIdleSeconds(5);
    QVERIFY(!id.isEmpty());
    // The next list refresh (every 300 ms) brings the deadline.
    QTRY_VERIFY_WITH_TIMEOUT(m_tracker->remaining(id).isKnown(), 10000);
    const Core::RemainingTime first = m_tracker->remaining(id);
    QCOMPARE(first.source(), Core::RemainingTime::Source::Server);
    QCOMPARE(first.reason(), Core::RemainingTime::Reason::Idle);
    const qint64 left = *first.secondsLeft(m_tracker->now());
    QVERIFY2(left > 0 && left <= 5, qPrintable(QString::number(left)));
    // Decreasing: the deadline stays while the clock runs (no activity), within the 5 s.
    QTRY_VERIFY_WITH_TIMEOUT(*m_tracker->remaining(id).secondsLeft(m_tracker->now()) < left, 5000);
    QCOMPARE(m_tracker->remaining(id).deadline(), first.deadline());
    // 3 s before the release: one warning of that kind.
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), 6000);
    QCOMPARE(notified.first().at(0).value<Ui::Notifier::Kind>(), Ui::Notifier::Kind::ReleaseSoon);
    QVERIFY(notified.first().at(1).toString().contains(id));
    // Released by the server (its reaper wakes at the deadline), gone at the next refresh.
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(id) == nullptr, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 2, 5000);
    QCOMPARE(notified.last().at(0).value<Ui::Notifier::Kind>(), Ui::Notifier::Kind::SessionVanished);
    QVERIFY(!m_tracker->remaining(id).isKnown());
}

void tst_LifecycleAndMetrics::keepAlive_pushesTheDeadlineBack()
{
    const QString id = createWithIdleSeconds(8);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_tracker->remaining(id).isKnown(), 10000);
    const QDateTime before = m_tracker->remaining(id).deadline();
    // Deadlines are whole seconds: let more than one pass since the last activity.
    QTRY_VERIFY_WITH_TIMEOUT(m_tracker->now() > before.addSecs(-8).addMSecs(1500), 5000);
    QSignalSpy kept(m_tracker.get(), &Ui::LifecycleTracker::keptAlive);
    m_tracker->keepAlive({id});
    QVERIFY(kept.wait(CallTimeoutMs));
    QCOMPARE(kept.first().at(0).toString(), id);
    QTRY_VERIFY_WITH_TIMEOUT(m_tracker->remaining(id).deadline() > before, 5000);
    QVERIFY(m_controller->store()->find(id));
    QSignalSpy gone(m_controller->store(), &Ui::SessionStore::sessionsRemoved);
    m_tracker->noteDeleting({id});
    m_controller->remove({id}, false);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(id) == nullptr, CallTimeoutMs);
}

void tst_LifecycleAndMetrics::disabledKind_isNotNotified()
{
    QSignalSpy notified(m_notifier.get(), &Ui::Notifier::notified);
    m_notifier->setEnabled(Ui::Notifier::Kind::SessionVanished, false);
    const QString id = createPlain();
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(id) != nullptr, 10000);
    // Deleted behind the app's back: the kind is off, so nothing is shown.
    Test::RawApi raw(m_server->url(), m_server->apiKey());
    QCOMPARE(raw.call(QStringLiteral("DeleteSessionAsync"), {{QStringLiteral("SessionId"), id}}).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(id) == nullptr, CallTimeoutMs);
    QVERIFY(!m_notifier->notify(Ui::Notifier::Kind::SessionVanished, QStringLiteral("x"), QString()));
    QCOMPARE(notified.size(), 0);
    QVERIFY(m_notifier->notify(Ui::Notifier::Kind::OperationFinished, QStringLiteral("x"), QString()));
    QCOMPARE(notified.size(), 1);
}

void tst_LifecycleAndMetrics::busyLoop_showsOnItsSessionOnly()
{
    const QString busy = createPlain();
    const QString quiet = createPlain();
    QVERIFY(!busy.isEmpty() && !quiet.isEmpty());
    // One busy loop per core of the session: get_metrics reports the share of all its cores.
    runShell(busy, QStringLiteral("for i in $(seq $(nproc)); do yes > /dev/null 2>&1 & done"));
    Ui::MetricsPoller poller(m_client.get());
    poller.setInterval(500ms);
    poller.setSessions({busy, quiet});
    poller.start();
    // Each answer needs two samples 200 ms apart on the server. The loops get the cores' share
    // the machine leaves them: >= 50% on an idle machine; on one already busier than its cores
    // (load average above the core count) the bar is 5 times the quiet session's share.
    const bool machineFree = machineLoad() < QThread::idealThreadCount();
    double busiest = 0;
    connect(&poller, &Ui::MetricsPoller::metricsUpdated, this, [&](const QString &id) {
        if (id == busy) {
            busiest = std::max(busiest, poller.latest(busy).cpuUsedPct);
        }
    });
    QTRY_VERIFY2_WITH_TIMEOUT(busiest >= (machineFree ? 50.0 : 5.0),
        qPrintable(QStringLiteral("at most %1% of %2 cores").arg(busiest).arg(poller.latest(busy).cpuCount)),
        CallTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(poller.hasMetrics(quiet), CallTimeoutMs);
    const double quietPct = poller.latest(quiet).cpuUsedPct;
    QVERIFY2(
        quietPct < 50.0 && quietPct * 5 < busiest, qPrintable(QStringLiteral("%1% vs %2%").arg(quietPct).arg(busiest)));
    if (!machineFree) {
        qInfo("machine load %.1f on %d cores: busy session at most %.1f%%, quiet one %.1f%%",
            machineLoad(),
            QThread::idealThreadCount(),
            busiest,
            quietPct);
    }
    QVERIFY(poller.latest(busy).memTotal > 0);
    QVERIFY(poller.latest(busy).diskTotal > 0);
    QVERIFY(!poller.history(busy).isEmpty());
    poller.stop();
    runShell(busy, QStringLiteral("pkill yes; true"));
    m_controller->remove({busy, quiet}, false);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(busy) == nullptr, CallTimeoutMs);
}

void tst_LifecycleAndMetrics::poller_neverMoreRequestsThanRows_hiddenSessionsNotPolled()
{
    const QString shown = createPlain();
    const QString hidden = createPlain();
    QVERIFY(!shown.isEmpty() && !hidden.isEmpty());
    Ui::MetricsPoller poller(m_client.get());
    poller.setInterval(200ms);
    poller.setSessions({shown});
    QSignalSpy updated(&poller, &Ui::MetricsPoller::metricsUpdated);
    int ticks = 0;
    QTimer counter;
    counter.setInterval(200ms);
    connect(&counter, &QTimer::timeout, this, [&] {
        ++ticks;
    });
    poller.start();
    counter.start();
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 3, CallTimeoutMs);
    // One row: at most one request per tick (plus the one start() sends), never overlapping.
    QVERIFY2(poller.requestsSent() <= ticks + 2,
        qPrintable(QStringLiteral("%1 > %2").arg(poller.requestsSent()).arg(ticks)));
    QVERIFY(poller.inFlightCount() <= 1);
    QVERIFY(!poller.hasMetrics(hidden));
    for (const QList<QVariant> &args : std::as_const(updated)) {
        QCOMPARE(args.at(0).toString(), shown);
    }
    // Hidden (or paused) rows drop out: nothing is in flight or sent for them any more.
    poller.setSessions({});
    QCOMPARE(poller.inFlightCount(), 0);
    const qint64 sent = poller.requestsSent();
    poller.pollNow();
    QCOMPARE(poller.requestsSent(), sent);
    m_controller->remove({shown, hidden}, false);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(shown) == nullptr, CallTimeoutMs);
}

QTEST_GUILESS_MAIN(tst_LifecycleAndMetrics)
#include "tst_lifecycleandmetrics.moc"
