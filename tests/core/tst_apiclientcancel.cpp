// SPDX-License-Identifier: MIT
// Cancel, and a context or client that dies, in every phase of the composite operations.
#include "apiclientfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace AgentBay::Core;
using namespace AgentBay::Test;

class tst_ApiClientCancel
    : public QObject
    , public ApiClientFixture
{
    Q_OBJECT

private Q_SLOTS:

    void init() { setUpClient(); }

    void cleanup() { tearDownClient(); }

    void cancel_requestInFlight_reportsCancelledNotTimeout();
    void cancel_waitingOperationBetweenPolls_reportsCancelled();
    void cancel_afterFinish_doesNothing();
    void cancel_eachPhase_reportsCancelledOnceAndStopsRequests_data();
    void cancel_eachPhase_reportsCancelledOnceAndStopsRequests();
    void contextDestroyed_eachPhase_silentAndStopsRequests_data();
    void contextDestroyed_eachPhase_silentAndStopsRequests();
    void clientDestroyed_eachPhase_silentNoCrash_data();
    void clientDestroyed_eachPhase_silentNoCrash();
    void contextDestroyed_beforeReply_callbackNeverRuns();
    void clientDestroyed_beforeReply_callbackNeverRuns();

private:
    // The composite phases of phaseRows(): serves so that `phase` is reached, starts the
    // operation and waits until it is there.
    OperationHandle startInPhase(const QString &phase, AnyProbe &probe, QObject *context = nullptr);
    static void phaseRows();
};

void tst_ApiClientCancel::cancel_requestInFlight_reportsCancelledNotTimeout()
{
    makeClient(60000);
    m_server->setFallback(CannedResponse::hang());
    Probe<SessionData> probe;
    OperationHandle handle = m_client->getSession(SessionA, &probe.context, probe.callback());
    QVERIFY(handle.isRunning());
    QTRY_COMPARE(m_server->requestCount(), 1);
    handle.cancel();
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(probe.calls, 1);
    QTRY_VERIFY(!handle.isRunning());
    QTRY_COMPARE(m_client->inFlightCount(), 0);
    QCOMPARE(m_server->requestCount(), 1); // a cancel is not retried
}

void tst_ApiClientCancel::cancel_waitingOperationBetweenPolls_reportsCancelled()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"PauseSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(QJsonObject{
            {QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), QStringLiteral("PAUSING")}}));
    });
    Probe<SessionStatus> probe;
    OperationHandle handle = m_client->pause(SessionA, WaitOptions{60000, 200}, &probe.context, probe.callback());
    QTRY_VERIFY(m_server->requestCount(QStringLiteral("GetSession")) >= 1);
    handle.cancel();
    QTRY_VERIFY(probe.done());
    QCOMPARE(probe.error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(probe.calls, 1);
    const int polls = m_server->requestCount(QStringLiteral("GetSession"));
    // No more polls after the cancel: one more poll interval passes with the count unchanged.
    QTest::qWait(400);
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), polls);
    QVERIFY(!handle.isRunning());
}

void tst_ApiClientCancel::cancel_afterFinish_doesNothing()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    Probe<SessionData> probe;
    OperationHandle handle = m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(probe.result->ok());
    QTRY_VERIFY(!handle.isRunning());
    handle.cancel();
    QCoreApplication::processEvents();
    QCOMPARE(probe.calls, 1);
    QVERIFY(probe.result->ok());
    OperationHandle empty;
    empty.cancel(); // a default handle is harmless
    QVERIFY(!empty.isRunning());
}

void tst_ApiClientCancel::phaseRows()
{
    QTest::addColumn<QString>("phase");
    for (const char *phase : {"read in flight",
             "read in retry backoff",
             "list skip request",
             "listAll second page",
             "pause initiating call",
             "pause between polls",
             "pause during a poll",
             "delete SyncContext",
             "delete initiating call",
             "delete between polls",
             "delete during a poll",
             "delete poll in retry backoff"}) {
        QTest::newRow(phase) << QString::fromLatin1(phase);
    }
}

OperationHandle tst_ApiClientCancel::startInPhase(const QString &phase, AnyProbe &probe, QObject *context)
{
    // Which action stops the operation where the phase is, and how.
    const QString stopAt = phase.startsWith(u"read") ? QStringLiteral("GetSession")
        : phase.startsWith(u"list")                  ? QStringLiteral("ListSession")
        : phase == u"pause initiating call"          ? QStringLiteral("PauseSessionAsync")
        : phase.startsWith(u"pause")                 ? QStringLiteral("GetSession")
        : phase == u"delete SyncContext"             ? QStringLiteral("SyncContext")
        : phase == u"delete initiating call"         ? QStringLiteral("DeleteSessionAsync")
                                                     : QStringLiteral("GetSessionDetail");
    const bool hangs = phase.contains(u"in flight") || phase.contains(u"during") || phase.contains(u"initiating")
        || phase.contains(u"SyncContext") || phase.contains(u"skip") || phase.contains(u"second page");
    const bool backoff = phase.contains(u"backoff");
    m_server->setHandler([=, this](const RecordedRequest &request) -> std::optional<CannedResponse> {
        const QString action = request.action();
        if (action == u"ListSession") {
            if (m_server->requestCount(action) >= 2) {
                return CannedResponse::hang();
            }
            QJsonObject page = envelope(QJsonArray{QJsonObject{{QStringLiteral("SessionId"), SessionA}}});
            page.insert(QStringLiteral("NextToken"), QStringLiteral("token-2"));
            return CannedResponse::json(page);
        }
        if (action != stopAt) {
            return CannedResponse::json(envelope());
        }
        if (hangs) {
            return CannedResponse::hang();
        }
        if (backoff) {
            CannedResponse busy = CannedResponse::raw(503, R"({"Code":"Unavailable","Message":"later"})");
            busy.headers.append({QByteArrayLiteral("x-acs-retry-after"), QByteArrayLiteral("10000")});
            return busy;
        }
        const QString status = action == u"GetSession" ? QStringLiteral("PAUSING") : QStringLiteral("DELETING");
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), status}}));
    });

    const WaitOptions slowPolls{60000, 30000}; // the second poll is far away
    QObject *ctx = context ? context : &probe.context;
    OperationHandle handle;
    if (phase.startsWith(u"read")) {
        handle = m_client->getSession(SessionA, ctx, probe.callback<SessionData>());
    } else if (phase == u"list skip request") {
        ListSessionParams params;
        params.page = 3;
        handle = m_client->list(params, ctx, probe.callback<SessionListPage>());
    } else if (phase.startsWith(u"listAll")) {
        handle = m_client->listAll(Labels(), QString(), 1, ctx, probe.callback<QList<SessionSummary>>());
    } else if (phase.startsWith(u"pause")) {
        handle = m_client->pause(SessionA, slowPolls, ctx, probe.callback<SessionStatus>());
    } else {
        handle =
            m_client->deleteSession(SessionA, phase == u"delete SyncContext", slowPolls, ctx, probe.callback<Empty>());
    }
    const int stopCount = stopAt == u"ListSession" ? 2 : 1;
    [&] {
        QTRY_COMPARE(m_server->requestCount(stopAt), stopCount);
        // Hanging: the request is open; otherwise its answer has been taken in.
        QTRY_COMPARE(m_client->inFlightCount(), hangs ? 1 : 0);
    }();
    return handle;
}

void tst_ApiClientCancel::cancel_eachPhase_reportsCancelledOnceAndStopsRequests_data()
{
    phaseRows();
}

void tst_ApiClientCancel::cancel_eachPhase_reportsCancelledOnceAndStopsRequests()
{
    QFETCH(QString, phase);
    AnyProbe probe;
    OperationHandle handle = startInPhase(phase, probe);
    QVERIFY(handle.isRunning());
    QVERIFY(!probe.done());
    const int requests = m_server->requestCount();

    handle.cancel();
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.outcome->ok);
    QCOMPARE(probe.outcome->error.kind, ApiError::Kind::Cancelled);
    QCOMPARE(m_client->inFlightCount(), 0);
    QTRY_VERIFY(!handle.isRunning());
    handle.cancel(); // a second cancel is harmless
    QTRY_COMPARE(m_server->openRequestCount(), 0); // the aborted connection is gone
    QTest::qWait(100); // a window for a late callback or request, which must not come
    QCOMPARE(probe.calls, 1);
    QCOMPARE(m_server->requestCount(), requests);
}

void tst_ApiClientCancel::contextDestroyed_eachPhase_silentAndStopsRequests_data()
{
    phaseRows();
}

void tst_ApiClientCancel::contextDestroyed_eachPhase_silentAndStopsRequests()
{
    QFETCH(QString, phase);
    AnyProbe probe;
    auto context = std::make_unique<QObject>();
    OperationHandle handle = startInPhase(phase, probe, context.get());
    const int requests = m_server->requestCount();
    context.reset();

    QTRY_COMPARE(m_client->inFlightCount(), 0);
    QTRY_VERIFY(!handle.isRunning());
    QTRY_COMPARE(m_server->openRequestCount(), 0);
    QTest::qWait(100); // a window for a late callback or request, which must not come
    QCOMPARE(probe.calls, 0);
    QCOMPARE(m_server->requestCount(), requests);
}

void tst_ApiClientCancel::clientDestroyed_eachPhase_silentNoCrash_data()
{
    phaseRows();
}

void tst_ApiClientCancel::clientDestroyed_eachPhase_silentNoCrash()
{
    QFETCH(QString, phase);
    AnyProbe probe;
    OperationHandle handle = startInPhase(phase, probe);
    const int requests = m_server->requestCount();
    m_client.reset();
    QCOMPARE(probe.calls, 0);
    QVERIFY(!handle.isRunning());
    handle.cancel(); // the operation is gone: harmless
    QTRY_COMPARE(m_server->openRequestCount(), 0);
    QTest::qWait(100); // a window for a late callback or request, which must not come
    QCOMPARE(probe.calls, 0);
    QCOMPARE(m_server->requestCount(), requests);
}

void tst_ApiClientCancel::contextDestroyed_beforeReply_callbackNeverRuns()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request)->delayed(200);
    });
    int calls = 0;
    auto context = std::make_unique<QObject>();
    m_client->getSession(SessionA, context.get(), [&calls](const Result<SessionData> &) {
        ++calls;
    });
    QTRY_COMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_client->inFlightCount(), 1);
    QSignalSpy inFlight(m_client.get(), &ApiClient::inFlightCountChanged);
    context.reset();
    // Nothing is emitted while the context is being destroyed: its owner may be half gone.
    QCOMPARE(inFlight.count(), 0);
    // Nobody waits for the answer any more: the request is dropped on the next turn.
    QTRY_COMPARE(m_client->inFlightCount(), 0);
    // A later request on a live context completes, proving the event loop got past the first one.
    Probe<SessionData> later;
    m_client->getSession(SessionA, &later.context, later.callback());
    QTRY_VERIFY(later.done());
    QCOMPARE(calls, 0);
}

void tst_ApiClientCancel::clientDestroyed_beforeReply_callbackNeverRuns()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request)->delayed(200);
    });
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_COMPARE(m_server->requestCount(), 1);
    m_client.reset();
    // The server's delayed answer goes nowhere; a fresh client works and the old callback stays silent.
    QTRY_COMPARE(m_server->openRequestCount(), 0);
    makeClient();
    Probe<SessionData> later;
    m_client->getSession(SessionA, &later.context, later.callback());
    QTRY_VERIFY(later.done());
    QCOMPARE(probe.calls, 0);
}

QTEST_GUILESS_MAIN(tst_ApiClientCancel)
#include "tst_apiclientcancel.moc"
