// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <core/sessions/sessionpoller.h>
#include <support/fakehttpserver.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <limits>
#include <memory>

using namespace AgentBay::Core;
using namespace std::chrono_literals;
using AgentBay::Test::CannedResponse;
using AgentBay::Test::FakeHttpServer;
using AgentBay::Test::RecordedRequest;

namespace {

QJsonObject envelope(const QJsonValue &data = QJsonValue(QJsonValue::Undefined))
{
    QJsonObject object{{QStringLiteral("RequestId"), QStringLiteral("rid")},
        {QStringLiteral("Success"), true},
        {QStringLiteral("Code"), QStringLiteral("ok")},
        {QStringLiteral("HttpStatusCode"), 200}};
    if (!data.isUndefined()) {
        object.insert(QStringLiteral("Data"), data);
    }
    return object;
}

CannedResponse notFound()
{
    return CannedResponse::json({{QStringLiteral("RequestId"), QStringLiteral("rid-nf")},
                                    {QStringLiteral("Success"), false},
                                    {QStringLiteral("Code"), QStringLiteral("InvalidMcpSession.NotFound")},
                                    {QStringLiteral("Message"), QStringLiteral("Session not found")},
                                    {QStringLiteral("HttpStatusCode"), 400}},
        400);
}

// A tiny scripted service: ListSession pages over `sessions` (in insertion order), GetSession
// walks each session's script of statuses ("GONE" = not found), every answer after `delayMs`.
struct Service
{
    QList<QPair<QString, QString>> sessions; // id, status in the list
    QHash<QString, QStringList> scripts; // GetSession answers per id, last one repeats
    int delayMs = 0;
    bool failList = false;
    bool failGet = false; // GetSession answers 401 InvalidApiKey (not retried by the client)
    QByteArray retryAfterMs; // x-acs-retry-after on failed lists

    std::optional<CannedResponse> answer(const RecordedRequest &request)
    {
        if (request.action() == u"ListSession") {
            if (failList) {
                return CannedResponse::json({{QStringLiteral("RequestId"), QStringLiteral("rid-fail")},
                                                {QStringLiteral("Success"), false},
                                                {QStringLiteral("Code"), QStringLiteral("InvalidApiKey")},
                                                {QStringLiteral("Message"), QStringLiteral("bad key")},
                                                {QStringLiteral("HttpStatusCode"), 401}},
                    401)
                    .withHeader("x-acs-retry-after", retryAfterMs)
                    .delayed(delayMs);
            }
            const int pageSize = qMax(1, request.formValue(QStringLiteral("MaxResults")).toInt());
            const int start = request.formValue(QStringLiteral("NextToken")).mid(1).toInt(); // "p<index>"
            QJsonArray data;
            for (int i = start; i < qMin(start + pageSize, int(sessions.size())); ++i) {
                data.append(QJsonObject{{QStringLiteral("SessionId"), sessions.at(i).first},
                    {QStringLiteral("SessionStatus"), sessions.at(i).second}});
            }
            QJsonObject page = envelope(data);
            const int next = start + pageSize;
            page.insert(
                QStringLiteral("NextToken"), next < sessions.size() ? QStringLiteral("p%1").arg(next) : QString());
            page.insert(QStringLiteral("MaxResults"), pageSize);
            page.insert(QStringLiteral("TotalCount"), int(sessions.size()));
            return CannedResponse::json(page).delayed(delayMs);
        }
        if (request.action() == u"GetSession" && failGet) {
            return CannedResponse::json({{QStringLiteral("RequestId"), QStringLiteral("rid-fail")},
                                            {QStringLiteral("Success"), false},
                                            {QStringLiteral("Code"), QStringLiteral("InvalidApiKey")},
                                            {QStringLiteral("Message"), QStringLiteral("bad key")},
                                            {QStringLiteral("HttpStatusCode"), 401}},
                401)
                .delayed(delayMs);
        }
        if (request.action() == u"GetSession") {
            const QString id = request.formValue(QStringLiteral("SessionId"));
            QStringList &script = scripts[id];
            const QString status = script.isEmpty() ? QStringLiteral("GONE")
                : script.size() > 1                 ? script.takeFirst()
                                                    : script.first();
            if (status == u"GONE") {
                return notFound().delayed(delayMs);
            }
            return CannedResponse::json(
                envelope(QJsonObject{{QStringLiteral("SessionId"), id}, {QStringLiteral("Status"), status}}))
                .delayed(delayMs);
        }
        return CannedResponse::json(envelope()).delayed(delayMs);
    }
};

} // namespace

Q_DECLARE_METATYPE(AgentBay::Core::SessionStatus)

class tst_SessionPoller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void defaults_intervalIsFiveSeconds();
    void start_severalPages_oneListSessionPerPage();
    void start_filterAndPageSize_sentWithEveryPage();
    void setFilter_whileRunning_refreshesWithNewFilter();
    void slowServer_shortInterval_listRequestsNeverOverlap();
    void slowServer_transitionalSessions_requestsNeverOverlap();
    void refreshNow_whileInFlight_runsOneMoreAfterwards();
    void transitional_session_polledIndividuallyUntilSettled();
    void deleting_session_notFound_emitsSessionGone();
    void deleting_session_finish_emitsSessionGone();
    void watch_session_polledUntilSettled();
    void listError_emitsRefreshFailedAndKeepsPolling();
    void stop_running_noMoreRequests();
    void stop_replyInFlight_dropsItAndEmitsNothing_data();
    void stop_replyInFlight_dropsItAndEmitsNothing();
    void setInterval_whileRunning_takesEffectAtOnce();
    void setFilter_duringRefresh_staleAnswerDroppedOneRefreshWithNewFilter();
    void listError_repeated_backsOffThenRecovers();
    void listError_retryAfterStated_honoured();
    void statusPollError_repeated_backsOffCappedThenRecovers();

private:
    void serve(Service *service);
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SessionPoller> m_poller;
    std::unique_ptr<Service> m_service;
};

void tst_SessionPoller::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->isListening());
    Config config;
    config.apiKey = QStringLiteral("akm-poller");
    config.endpoint = m_server->endpoint();
    config.timeoutMs = 5000;
    m_client = std::make_unique<ApiClient>(config);
    m_poller = std::make_unique<SessionPoller>(m_client.get());
    m_service = std::make_unique<Service>();
    Service *service = m_service.get();
    m_server->setHandler([service](const RecordedRequest &request) {
        return service->answer(request);
    });
}

void tst_SessionPoller::cleanup()
{
    m_poller.reset();
    m_client.reset();
    m_server.reset();
    m_service.reset();
}

void tst_SessionPoller::defaults_intervalIsFiveSeconds()
{
    QCOMPARE(m_poller->interval(), std::chrono::milliseconds(5s));
    QVERIFY(!m_poller->isRunning());
    m_poller->setInterval(250ms);
    QCOMPARE(m_poller->interval(), std::chrono::milliseconds(250ms));
    QCOMPARE(m_server->requestCount(), 0); // nothing happens before start()
}

void tst_SessionPoller::start_severalPages_oneListSessionPerPage()
{
    for (int i = 1; i <= 5; ++i) {
        m_service->sessions.append({QStringLiteral("session-%1").arg(i), QStringLiteral("RUNNING")});
    }
    m_poller->setPageSize(2);
    m_poller->setInterval(60s);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QVERIFY(m_poller->isRunning());
    QTRY_COMPARE(refreshed.size(), 1);
    const auto sessions = refreshed.at(0).at(0).value<QList<SessionSummary>>();
    QCOMPARE(sessions.size(), 5);
    QCOMPARE(sessions.first().sessionId, QStringLiteral("session-1"));
    QCOMPARE(sessions.last().sessionId, QStringLiteral("session-5"));
    QCOMPARE(sessions.last().status, SessionStatus::Running);
    QVERIFY(refreshed.at(0).at(1).toDateTime().isValid());
    QCOMPARE(m_server->requestCount(QStringLiteral("ListSession")), 3);
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 0); // nobody is transitional
}

void tst_SessionPoller::start_filterAndPageSize_sentWithEveryPage()
{
    for (int i = 1; i <= 3; ++i) {
        m_service->sessions.append({QStringLiteral("session-%1").arg(i), QStringLiteral("PAUSED")});
    }
    m_poller->setPageSize(2);
    m_poller->setInterval(60s);
    m_poller->setFilter({{QStringLiteral("project"), QStringLiteral("demo")}}, QStringLiteral("PAUSED"));
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QTRY_COMPARE(refreshed.size(), 1);
    const QList<RecordedRequest> requests = m_server->requests(QStringLiteral("ListSession"));
    QCOMPARE(requests.size(), 2);
    for (const RecordedRequest &request : requests) {
        QCOMPARE(request.formValue(QStringLiteral("MaxResults")), QStringLiteral("2"));
        QCOMPARE(request.formValue(QStringLiteral("Status")), QStringLiteral("PAUSED"));
        const QJsonObject labels =
            QJsonDocument::fromJson(request.formValue(QStringLiteral("Labels")).toUtf8()).object();
        QCOMPARE(labels, (QJsonObject{{QStringLiteral("project"), QStringLiteral("demo")}}));
    }
    QCOMPARE(requests.at(1).formValue(QStringLiteral("NextToken")), QStringLiteral("p2"));
}

void tst_SessionPoller::setFilter_whileRunning_refreshesWithNewFilter()
{
    m_service->sessions.append({QStringLiteral("session-1"), QStringLiteral("RUNNING")});
    m_poller->setInterval(60s);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QTRY_COMPARE(refreshed.size(), 1);
    m_poller->setFilter({{QStringLiteral("team"), QStringLiteral("core")}}, QString());
    QTRY_COMPARE(refreshed.size(), 2);
    const RecordedRequest last = m_server->requests(QStringLiteral("ListSession")).last();
    QCOMPARE(QJsonDocument::fromJson(last.formValue(QStringLiteral("Labels")).toUtf8()).object(),
        (QJsonObject{{QStringLiteral("team"), QStringLiteral("core")}}));
    // The same filter again is no change: no extra refresh.
    m_poller->setFilter({{QStringLiteral("team"), QStringLiteral("core")}}, QString());
    QCoreApplication::processEvents();
    QCOMPARE(m_server->requestCount(QStringLiteral("ListSession")), 2);
}

void tst_SessionPoller::slowServer_shortInterval_listRequestsNeverOverlap()
{
    for (int i = 1; i <= 3; ++i) {
        m_service->sessions.append({QStringLiteral("session-%1").arg(i), QStringLiteral("RUNNING")});
    }
    m_service->delayMs = 80; // slower than the interval
    m_poller->setPageSize(2);
    m_poller->setInterval(10ms);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    m_poller->refreshNow();
    m_poller->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 4, 10000);
    m_poller->stop();
    QCOMPARE(m_server->maxOpenRequests(), 1);
    // Each refresh walks both pages: two ListSession requests per refresh, never more.
    QTRY_COMPARE(m_server->openRequestCount(), 0);
    QVERIFY(m_server->requestCount(QStringLiteral("ListSession")) <= 2 * (int(refreshed.size()) + 1));
}

void tst_SessionPoller::slowServer_transitionalSessions_requestsNeverOverlap()
{
    m_service->sessions = {{QStringLiteral("session-1"), QStringLiteral("PAUSING")},
        {QStringLiteral("session-2"), QStringLiteral("RESUMING")},
        {QStringLiteral("session-3"), QStringLiteral("DELETING")}};
    m_service->scripts.insert(QStringLiteral("session-1"), {QStringLiteral("PAUSING")});
    m_service->scripts.insert(QStringLiteral("session-2"), {QStringLiteral("RESUMING")});
    m_service->scripts.insert(QStringLiteral("session-3"), {QStringLiteral("DELETING")});
    m_service->delayMs = 60;
    m_poller->setInterval(10ms);
    m_poller->setFastInterval(10ms);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 3 && m_server->requestCount(QStringLiteral("GetSession")) >= 6, 15000);
    m_poller->stop();
    QCOMPARE(m_server->maxOpenRequests(QStringLiteral("ListSession")), 1);
    QCOMPARE(m_server->maxOpenRequests(QStringLiteral("GetSession")), 1);
    // The class promises "never overlaps requests": not even a list refresh and a fast poll.
    QCOMPARE(m_server->maxOpenRequests(), 1);
}

void tst_SessionPoller::refreshNow_whileInFlight_runsOneMoreAfterwards()
{
    m_service->sessions.append({QStringLiteral("session-1"), QStringLiteral("RUNNING")});
    m_service->delayMs = 150;
    m_poller->setInterval(60s);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QTRY_COMPARE(m_server->requestCount(QStringLiteral("ListSession")), 1);
    for (int i = 0; i < 5; ++i) {
        m_poller->refreshNow();
    }
    QTRY_COMPARE(refreshed.size(), 2);
    QTRY_COMPARE(m_server->openRequestCount(), 0);
    QCOMPARE(m_server->requestCount(QStringLiteral("ListSession")), 2); // five asks, one extra refresh
    QCOMPARE(m_server->maxOpenRequests(), 1);
}

void tst_SessionPoller::transitional_session_polledIndividuallyUntilSettled()
{
    m_service->sessions = {{QStringLiteral("session-1"), QStringLiteral("PAUSING")},
        {QStringLiteral("session-2"), QStringLiteral("RUNNING")}};
    m_service->scripts.insert(
        QStringLiteral("session-1"), {QStringLiteral("PAUSING"), QStringLiteral("PAUSING"), QStringLiteral("PAUSED")});
    m_poller->setInterval(60s);
    m_poller->setFastInterval(20ms);
    QSignalSpy changed(m_poller.get(), &SessionPoller::sessionStatusChanged);
    QSignalSpy gone(m_poller.get(), &SessionPoller::sessionGone);
    m_poller->start();
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("session-1"));
    QCOMPARE(changed.at(0).at(1).value<SessionStatus>(), SessionStatus::Paused);
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 3);
    for (const RecordedRequest &request : m_server->requests(QStringLiteral("GetSession"))) {
        QCOMPARE(request.formValue(QStringLiteral("SessionId")), QStringLiteral("session-1")); // never the settled one
    }
    // Settled: a few fast intervals later there are still no more polls.
    QTest::qWait(150);
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 3);
    QCOMPARE(m_server->requestCount(QStringLiteral("ListSession")), 1);
    QCOMPARE(gone.size(), 0);
}

void tst_SessionPoller::deleting_session_notFound_emitsSessionGone()
{
    m_service->sessions = {{QStringLiteral("session-1"), QStringLiteral("DELETING")}};
    m_service->scripts.insert(QStringLiteral("session-1"), {QStringLiteral("DELETING"), QStringLiteral("GONE")});
    m_poller->setInterval(60s);
    m_poller->setFastInterval(20ms);
    QSignalSpy gone(m_poller.get(), &SessionPoller::sessionGone);
    QSignalSpy failed(m_poller.get(), &SessionPoller::refreshFailed);
    m_poller->start();
    QTRY_COMPARE(gone.size(), 1);
    QCOMPARE(gone.at(0).at(0).toString(), QStringLiteral("session-1"));
    QCOMPARE(failed.size(), 0); // not found is the expected end, not a failure
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 2);
}

void tst_SessionPoller::deleting_session_finish_emitsSessionGone()
{
    m_service->sessions = {{QStringLiteral("session-1"), QStringLiteral("DELETING")}};
    m_service->scripts.insert(QStringLiteral("session-1"), {QStringLiteral("FINISH")});
    m_poller->setInterval(60s);
    m_poller->setFastInterval(20ms);
    QSignalSpy gone(m_poller.get(), &SessionPoller::sessionGone);
    m_poller->start();
    QTRY_COMPARE(gone.size(), 1);
    QCOMPARE(gone.at(0).at(0).toString(), QStringLiteral("session-1"));
}

void tst_SessionPoller::watch_session_polledUntilSettled()
{
    m_service->sessions = {{QStringLiteral("session-9"), QStringLiteral("PAUSED")}};
    m_service->scripts.insert(QStringLiteral("session-9"), {QStringLiteral("RESUMING"), QStringLiteral("RUNNING")});
    m_poller->setInterval(60s);
    m_poller->setFastInterval(20ms);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    QSignalSpy changed(m_poller.get(), &SessionPoller::sessionStatusChanged);
    m_poller->start();
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 0);
    m_poller->watch(QStringLiteral("session-9")); // e.g. the UI just resumed it
    QTRY_VERIFY(!changed.isEmpty() && changed.last().at(1).value<SessionStatus>() == SessionStatus::Running);
    QList<SessionStatus> statuses;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        QCOMPARE(args.at(0).toString(), QStringLiteral("session-9"));
        statuses.append(args.at(1).value<SessionStatus>());
    }
    QCOMPARE(statuses, (QList<SessionStatus>{SessionStatus::Resuming, SessionStatus::Running}));
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 2);
}

void tst_SessionPoller::listError_emitsRefreshFailedAndKeepsPolling()
{
    m_service->sessions = {{QStringLiteral("session-1"), QStringLiteral("RUNNING")}};
    m_service->failList = true;
    m_poller->setInterval(30ms);
    QSignalSpy failed(m_poller.get(), &SessionPoller::refreshFailed);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QTRY_VERIFY(!failed.isEmpty());
    const auto error = failed.first().at(0).value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Api);
    QCOMPARE(error.code, QStringLiteral("InvalidApiKey"));
    QCOMPARE(refreshed.size(), 0);
    m_service->failList = false; // the server recovers: the poller did not give up
    QTRY_VERIFY(!refreshed.isEmpty());
    QVERIFY(m_poller->isRunning());
}

void tst_SessionPoller::stop_running_noMoreRequests()
{
    m_service->sessions = {{QStringLiteral("session-1"), QStringLiteral("PAUSING")}};
    m_service->scripts.insert(QStringLiteral("session-1"), {QStringLiteral("PAUSING")});
    m_poller->setInterval(20ms);
    m_poller->setFastInterval(20ms);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QTRY_VERIFY(refreshed.size() >= 2 && m_server->requestCount(QStringLiteral("GetSession")) >= 1);
    QSignalSpy started(m_client.get(), &ApiClient::requestStarted);
    m_poller->stop();
    QVERIFY(!m_poller->isRunning());
    QCOMPARE(m_client->inFlightCount(), 0); // a request in flight is dropped at once
    // Several intervals pass: stopped means no request at all. (The server may still read one
    // that was on its way when stop() dropped it, so count what the client starts.)
    QTest::qWait(200);
    QCOMPARE(started.size(), 0);
}

void tst_SessionPoller::stop_replyInFlight_dropsItAndEmitsNothing_data()
{
    QTest::addColumn<QString>("status"); // of the only session: PAUSING keeps a status poll going
    QTest::newRow("list refresh in flight") << QStringLiteral("RUNNING");
    QTest::newRow("status poll in flight") << QStringLiteral("PAUSING");
}

void tst_SessionPoller::stop_replyInFlight_dropsItAndEmitsNothing()
{
    QFETCH(QString, status);
    m_service->sessions = {{QStringLiteral("session-1"), status}};
    m_service->scripts.insert(QStringLiteral("session-1"), {QStringLiteral("RESUMING")});
    m_poller->setInterval(60s);
    m_poller->setFastInterval(10ms);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    QSignalSpy changed(m_poller.get(), &SessionPoller::sessionStatusChanged);
    QSignalSpy failed(m_poller.get(), &SessionPoller::refreshFailed);
    m_service->delayMs = 300; // every answer comes late
    m_poller->start();
    if (status == u"PAUSING") {
        QTRY_COMPARE(refreshed.size(), 1);
        QTRY_COMPARE(m_server->openRequestCount(QStringLiteral("GetSession")), 1); // the status poll is out
    } else {
        QTRY_COMPARE(m_server->openRequestCount(QStringLiteral("ListSession")), 1);
    }
    m_poller->stop();
    QCOMPARE(m_client->inFlightCount(), 0);
    const int requests = m_server->requestCount();
    QTest::qWait(500); // the late answer would have come by now
    QCOMPARE(refreshed.size(), status == u"PAUSING" ? 1 : 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_server->requestCount(), requests);
}

void tst_SessionPoller::setInterval_whileRunning_takesEffectAtOnce()
{
    m_poller->setInterval(1h);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QTRY_COMPARE(refreshed.size(), 1);
    m_poller->setInterval(20ms);
    QCOMPARE(m_poller->interval(), 20ms);
    QTRY_VERIFY(refreshed.size() >= 3); // not an hour from now
    m_poller->setInterval(1h);
    QTRY_VERIFY(m_server->openRequestCount() == 0 && m_client->inFlightCount() == 0);
    const int requests = m_server->requestCount();
    QTest::qWait(200);
    QCOMPARE(m_server->requestCount(), requests);
}

void tst_SessionPoller::setFilter_duringRefresh_staleAnswerDroppedOneRefreshWithNewFilter()
{
    m_service->sessions = {{QStringLiteral("session-1"), QStringLiteral("RUNNING")}};
    m_poller->setInterval(60s);
    m_service->delayMs = 200;
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QTRY_COMPARE(m_server->requestCount(QStringLiteral("ListSession")), 1);
    const Labels team{{QStringLiteral("team"), QStringLiteral("core")}};
    m_poller->setFilter(team, QString());
    m_poller->setFilter(team, QString()); // the same again changes nothing
    QTRY_COMPARE(refreshed.size(), 1);
    QTest::qWait(300);
    QCOMPARE(refreshed.size(), 1); // only the answer for the new filter
    const QList<RecordedRequest> lists = m_server->requests(QStringLiteral("ListSession"));
    QCOMPARE(lists.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(lists.last().formValue(QStringLiteral("Labels")).toUtf8()).object(),
        (QJsonObject{{QStringLiteral("team"), QStringLiteral("core")}}));
}

void tst_SessionPoller::listError_repeated_backsOffThenRecovers()
{
    m_service->sessions = {{QStringLiteral("session-1"), QStringLiteral("RUNNING")}};
    m_service->failList = true;
    m_poller->setInterval(40ms);
    QList<qint64> arrivals;
    QElapsedTimer clock;
    clock.start();
    connect(m_server.get(), &FakeHttpServer::requestReceived, this, [&] {
        arrivals.append(clock.elapsed());
    });
    QSignalSpy failed(m_poller.get(), &SessionPoller::refreshFailed);
    QSignalSpy refreshed(m_poller.get(), &SessionPoller::sessionsRefreshed);
    m_poller->start();
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 4, 5000);
    // 40 ms, then 80, 160, 320 after failures: the third gap is well past the interval.
    QVERIFY2(arrivals.at(3) - arrivals.at(2) >= 250, qPrintable(QString::number(arrivals.at(3) - arrivals.at(2))));
    m_service->failList = false;
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 5000);
    // Recovered: back to the plain interval.
    // Recovered: back to the plain interval. A busy machine can stretch any one gap, so the
    // shortest of three says it (40 ms against the backed-off 320).
    const qsizetype seen = arrivals.size();
    QTRY_VERIFY(arrivals.size() >= seen + 4);
    qint64 shortest = std::numeric_limits<qint64>::max();
    for (qsizetype i = arrivals.size() - 3; i < arrivals.size(); ++i) {
        shortest = qMin(shortest, arrivals.at(i) - arrivals.at(i - 1));
    }
    QVERIFY2(shortest < 250, qPrintable(QString::number(shortest)));
}

void tst_SessionPoller::listError_retryAfterStated_honoured()
{
    m_service->failList = true;
    m_service->retryAfterMs = "30000"; // longer than the client's own retries wait
    m_poller->setInterval(20ms);
    QSignalSpy failed(m_poller.get(), &SessionPoller::refreshFailed);
    m_poller->start();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<ApiError>().retryAfter, 30000ms);
    QTest::qWait(300); // fifteen intervals
    QCOMPARE(m_server->requestCount(QStringLiteral("ListSession")), 1);
    QCOMPARE(failed.size(), 1);
}

void tst_SessionPoller::statusPollError_repeated_backsOffCappedThenRecovers()
{
    m_service->sessions = {{QStringLiteral("session-1"), QStringLiteral("PAUSING")}};
    m_service->scripts.insert(QStringLiteral("session-1"), {QStringLiteral("PAUSING")});
    m_service->failGet = true;
    m_poller->setInterval(60s); // only the status poll runs after the first refresh
    m_poller->setFastInterval(40ms);
    QList<qint64> arrivals;
    QElapsedTimer clock;
    clock.start();
    connect(m_server.get(), &FakeHttpServer::requestReceived, this, [&](const RecordedRequest &request) {
        if (request.action() == u"GetSession") {
            arrivals.append(clock.elapsed());
        }
    });
    QSignalSpy failed(m_poller.get(), &SessionPoller::refreshFailed);
    m_poller->start();
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 7, 10000);
    const auto gap = [&](qsizetype i) {
        return arrivals.at(i) - arrivals.at(i - 1);
    };
    // 40 ms, then 80, 160, 320 after failures: the third gap is well past the fast interval ...
    QVERIFY2(gap(3) >= 250, qPrintable(QString::number(gap(3))));
    // ... and the doubling stops at 8x (320 ms, not 640 then 1280; the shorter of two gaps, as
    // a busy machine can stretch one).
    QVERIFY2(gap(5) >= 250 && qMin(gap(5), gap(6)) < 600, qPrintable(QString::number(qMin(gap(5), gap(6)))));
    m_service->failGet = false;
    const qsizetype seen = arrivals.size();
    QTRY_VERIFY_WITH_TIMEOUT(arrivals.size() >= seen + 4, 5000);
    // Answered: back to the fast interval (the shortest of the last three gaps, as above).
    const qint64 shortest = qMin(gap(arrivals.size() - 1), qMin(gap(arrivals.size() - 2), gap(arrivals.size() - 3)));
    QVERIFY2(shortest < 250, qPrintable(QString::number(shortest)));
}

QTEST_GUILESS_MAIN(tst_SessionPoller)
#include "tst_sessionpoller.moc"
