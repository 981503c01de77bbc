// SPDX-License-Identifier: MIT
// Operations made of several requests: waiting pause/resume/delete and the list page walks.
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

Q_DECLARE_METATYPE(AgentBay::Test::CannedResponse)

namespace {

// One ListSession answer of running sessions, as listAll walks them.
QJsonObject listPage(const QStringList &ids, const QString &next, int totalCount)
{
    QJsonArray data;
    for (const QString &id : ids) {
        data.append(QJsonObject{
            {QStringLiteral("SessionId"), id}, {QStringLiteral("SessionStatus"), QStringLiteral("RUNNING")}});
    }
    QJsonObject answer = envelope(data);
    answer.insert(QStringLiteral("NextToken"), next);
    answer.insert(QStringLiteral("TotalCount"), totalCount);
    return answer;
}

} // namespace

class tst_ApiClientComposite
    : public QObject
    , public ApiClientFixture
{
    Q_OBJECT

private Q_SLOTS:

    void init() { setUpClient(); }

    void cleanup() { tearDownClient(); }

    void pause_transitionalStatus_reportsPausingThenPaused();
    void resume_transitionalStatus_reportsResumingThenRunning();
    void waitingForms_settledBeforeFirstPoll_stillReportTransitionalStatusFirst_data();
    void waitingForms_settledBeforeFirstPoll_stillReportTransitionalStatusFirst();
    void pause_neverSettles_timesOut();
    void pause_initiatingCallRefused_failsWithoutPolling();
    void pause_errorStatus_fails();
    void waitingForms_unexpectedStatus_failAtOnceWithClearError_data();
    void waitingForms_unexpectedStatus_failAtOnceWithClearError();
    void pause_failedPoll_keepsWaiting();
    void pauseAsync_onlyTheInitiatingCall();
    void delete_pollsDetailUntilNotFound();
    void delete_finishStatus_endsTheWait();
    void delete_refused_failsWithoutPolling();
    void delete_neverGone_timesOut();
    void delete_syncContext_syncsFirstWithKeyInQuery();
    void delete_detailActionMissing_isNotTakenForDeleted();
    void delete_syncFails_stillDeletes_data();
    void delete_syncFails_stillDeletes();
    void delete_syncSucceeds_waitsForUploadsThenDeletes_data();
    void delete_syncSucceeds_waitsForUploadsThenDeletes();
    void delete_uploadsNeverSettle_waitIsBoundedThenDeletes();
    void delete_cancelledWhileWaitingForUploads_reportsCancelledAndDeletesNothing();
    void list_page3_walksTwoTokensThenTheRealRequest();
    void list_skipPageWithoutNextToken_failsClearly();
    void listAll_severalPages_oneRequestPerPage();
    void listAll_emptyPageWithNextToken_followsTheToken();
    void listAll_repeatedEmptyPageToken_endsTheWalk();
};

void tst_ApiClientComposite::pause_transitionalStatus_reportsPausingThenPaused()
{
    QStringList statuses{QStringLiteral("PAUSING"), QStringLiteral("PAUSING"), QStringLiteral("PAUSED")};
    m_server->setHandler([&statuses](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"PauseSessionAsync") {
            return CannedResponse::json(envelope(QJsonValue(QJsonValue::Undefined), QStringLiteral("rid-pause")));
        }
        const QString status = statuses.size() > 1 ? statuses.takeFirst() : statuses.first();
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), status}}));
    });
    QList<SessionStatus> seen;
    Probe<SessionStatus> probe;
    m_client->pause(SessionA, WaitOptions{5000, 20}, &probe.context, probe.callback(), [&seen](SessionStatus status) {
        seen.append(status);
    });
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value(), SessionStatus::Paused);
    QCOMPARE(seen, (QList<SessionStatus>{SessionStatus::Pausing, SessionStatus::Paused}));
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 4);
    QCOMPARE(requests.first().action(), QStringLiteral("PauseSessionAsync"));
    for (qsizetype i = 1; i < requests.size(); ++i) {
        QCOMPARE(requests.at(i).action(), QStringLiteral("GetSession"));
        QCOMPARE(requests.at(i).formValue(QStringLiteral("SessionId")), SessionA);
    }
    QCOMPARE(probe.calls, 1);
}

void tst_ApiClientComposite::resume_transitionalStatus_reportsResumingThenRunning()
{
    QStringList statuses{QStringLiteral("RESUMING"), QStringLiteral("RUNNING")};
    m_server->setHandler([&statuses](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"ResumeSessionAsync") {
            return CannedResponse::json(envelope());
        }
        const QString status = statuses.size() > 1 ? statuses.takeFirst() : statuses.first();
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), status}}));
    });
    QList<SessionStatus> seen;
    Probe<SessionStatus> probe;
    m_client->resume(SessionA, WaitOptions{5000, 20}, &probe.context, probe.callback(), [&seen](SessionStatus status) {
        seen.append(status);
    });
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value(), SessionStatus::Running);
    QCOMPARE(seen, (QList<SessionStatus>{SessionStatus::Resuming, SessionStatus::Running}));
    QCOMPARE(m_server->requests().first().action(), QStringLiteral("ResumeSessionAsync"));
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 2);
}

void tst_ApiClientComposite::waitingForms_settledBeforeFirstPoll_stillReportTransitionalStatusFirst_data()
{
    QTest::addColumn<Op>("op");
    QTest::addColumn<QString>("settled");
    QTest::addColumn<QList<SessionStatus>>("expected");
    QTest::newRow("pause") << Op::Pause << QStringLiteral("PAUSED")
                           << QList<SessionStatus>{SessionStatus::Pausing, SessionStatus::Paused};
    QTest::newRow("resume") << Op::Resume << QStringLiteral("RUNNING")
                            << QList<SessionStatus>{SessionStatus::Resuming, SessionStatus::Running};
}

void tst_ApiClientComposite::waitingForms_settledBeforeFirstPoll_stillReportTransitionalStatusFirst()
{
    // A fast server (agentbay-local freezes in milliseconds) answers the first poll with the
    // settled status. The initiating call's success already means PAUSING/RESUMING (the server
    // shows it before answering), so the status callback reports it, as delete reports DELETING.
    QFETCH(Op, op);
    QFETCH(QString, settled);
    QFETCH(QList<SessionStatus>, expected);
    m_server->setHandler([settled](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() != u"GetSession") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), settled}}));
    });
    QList<SessionStatus> seen;
    Probe<SessionStatus> probe;
    auto onStatus = [&seen](SessionStatus status) {
        seen.append(status);
    };
    if (op == Op::Pause) {
        m_client->pause(SessionA, FastWait, &probe.context, probe.callback(), onStatus);
    } else {
        m_client->resume(SessionA, FastWait, &probe.context, probe.callback(), onStatus);
    }
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value(), expected.last());
    QCOMPARE(seen, expected);
}

void tst_ApiClientComposite::pause_neverSettles_timesOut()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"PauseSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(QJsonObject{
            {QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), QStringLiteral("PAUSING")}}));
    });
    Probe<SessionStatus> probe;
    QElapsedTimer clock;
    clock.start();
    m_client->pause(SessionA, WaitOptions{300, 30}, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 10000);
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Timeout);
    QVERIFY(!probe.error().message.isEmpty());
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    const int polls = m_server->requestCount(QStringLiteral("GetSession"));
    QVERIFY2(polls >= 2 && polls <= 20, qPrintable(QString::number(polls))); // ~300/30, bounded
}

void tst_ApiClientComposite::pause_initiatingCallRefused_failsWithoutPolling()
{
    m_server->enqueueJson(failure(QStringLiteral("SessionNotFound"),
        QStringLiteral("Session does not exist"),
        404,
        QStringLiteral("test-request-id")));
    Probe<SessionStatus> probe;
    m_client->pause(SessionA, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Api);
    QCOMPARE(probe.error().code, QStringLiteral("SessionNotFound"));
    QCOMPARE(probe.error().requestId, QStringLiteral("test-request-id"));
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClientComposite::pause_errorStatus_fails()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"PauseSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(
            QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), QStringLiteral("ERROR")}}));
    });
    Probe<SessionStatus> probe;
    m_client->pause(SessionA, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), 1); // no waiting after ERROR
}

void tst_ApiClientComposite::waitingForms_unexpectedStatus_failAtOnceWithClearError_data()
{
    QTest::addColumn<Op>("op");
    QTest::addColumn<QStringList>("statuses"); // GetSession answers in order
    QTest::addColumn<QString>("message"); // part of the error text
    QTest::newRow("pause: RUNNING again")
        << Op::Pause << QStringList{QStringLiteral("PAUSING"), QStringLiteral("RUNNING")}
        << QStringLiteral("is running again; the pause did not take effect");
    QTest::newRow("pause: RUNNING at once")
        << Op::Pause << QStringList{QStringLiteral("RUNNING")} << QStringLiteral("is running again");
    QTest::newRow("pause: RESUMING") << Op::Pause << QStringList{QStringLiteral("RESUMING")}
                                     << QStringLiteral("is RESUMING while pausing (expected PAUSING, then PAUSED)");
    QTest::newRow("pause: DELETING") << Op::Pause << QStringList{QStringLiteral("PAUSING"), QStringLiteral("DELETING")}
                                     << QStringLiteral("is DELETING while pausing");
    QTest::newRow("pause: no status") << Op::Pause << QStringList{QString()} << QStringLiteral("while pausing");
    QTest::newRow("resume: PAUSED again")
        << Op::Resume << QStringList{QStringLiteral("RESUMING"), QStringLiteral("PAUSED")}
        << QStringLiteral("is paused again; the resume did not take effect");
    QTest::newRow("resume: PAUSING") << Op::Resume << QStringList{QStringLiteral("PAUSING")}
                                     << QStringLiteral("is PAUSING while resuming (expected RESUMING, then RUNNING)");
    QTest::newRow("resume: FINISH") << Op::Resume << QStringList{QStringLiteral("RESUMING"), QStringLiteral("FINISH")}
                                    << QStringLiteral("is FINISH while resuming");
}

void tst_ApiClientComposite::waitingForms_unexpectedStatus_failAtOnceWithClearError()
{
    // The newest SDKs end the wait on any status but the transitional and the target one; a
    // RUNNING session during a pause must not cost the whole (here: one minute) timeout.
    QFETCH(Op, op);
    QFETCH(QStringList, statuses);
    QFETCH(QString, message);
    m_server->setHandler([&statuses](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() != u"GetSession") {
            return CannedResponse::json(envelope());
        }
        const QString status = statuses.size() > 1 ? statuses.takeFirst() : statuses.first();
        return CannedResponse::json(
            envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), status}},
                QStringLiteral("rid-poll")));
    });
    const int polls = int(statuses.size());
    Probe<SessionStatus> probe;
    const WaitOptions minute{60000, 20};
    if (op == Op::Pause) {
        m_client->pause(SessionA, minute, &probe.context, probe.callback());
    } else {
        m_client->resume(SessionA, minute, &probe.context, probe.callback());
    }
    QTRY_VERIFY(probe.done()); // 5 s at most, far below the minute
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Api);
    QVERIFY2(probe.error().message.contains(message), qPrintable(probe.error().message));
    QVERIFY2(probe.error().message.contains(SessionA), qPrintable(probe.error().message));
    QCOMPARE(probe.error().requestId, QStringLiteral("rid-poll"));
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSession")), polls);
    QCOMPARE(probe.calls, 1);
}

void tst_ApiClientComposite::pause_failedPoll_keepsWaiting()
{
    // A poll that fails (here a refused parameter, not retried by the transport) says nothing
    // about the session: the wait goes on to the next poll.
    int polls = 0;
    m_server->setHandler([&polls](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() != u"GetSession") {
            return CannedResponse::json(envelope());
        }
        if (++polls == 1) {
            return CannedResponse::json(
                failure(QStringLiteral("InvalidParameter"), QStringLiteral("try later"), 400, QStringLiteral("r")),
                400);
        }
        return CannedResponse::json(envelope(QJsonObject{
            {QStringLiteral("SessionId"), SessionA}, {QStringLiteral("Status"), QStringLiteral("PAUSED")}}));
    });
    Probe<SessionStatus> probe;
    m_client->pause(SessionA, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value(), SessionStatus::Paused);
    QCOMPARE(polls, 2);
}

void tst_ApiClientComposite::pauseAsync_onlyTheInitiatingCall()
{
    m_server->setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    Probe<Empty> probe;
    m_client->pauseAsync(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(probe.result->ok());
    QTRY_COMPARE(m_client->inFlightCount(), 0);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->lastRequest().action(), QStringLiteral("PauseSessionAsync"));
}

void tst_ApiClientComposite::delete_pollsDetailUntilNotFound()
{
    int details = 0;
    m_server->setHandler([&details](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"DeleteSessionAsync") {
            return CannedResponse::json(envelope(QJsonValue(QJsonValue::Undefined), QStringLiteral("rid-delete")));
        }
        if (++details < 3) {
            return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("Status"), QStringLiteral("DELETING")}}));
        }
        return notFound();
    });
    QList<SessionStatus> seen;
    Probe<Empty> probe;
    m_client->deleteSession(
        SessionA, false, WaitOptions{5000, 20}, &probe.context, probe.callback(), [&seen](SessionStatus s) {
            seen.append(s);
        });
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.result->requestId(), QStringLiteral("rid-delete"));
    QVERIFY(seen.contains(SessionStatus::Deleting));
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 4);
    QCOMPARE(requests.first().action(), QStringLiteral("DeleteSessionAsync"));
    QCOMPARE(requests.first().formValue(QStringLiteral("SessionId")), SessionA);
    for (qsizetype i = 1; i < requests.size(); ++i) {
        QCOMPARE(requests.at(i).action(), QStringLiteral("GetSessionDetail"));
        QCOMPARE(requests.at(i).queryValue(QStringLiteral("SessionId")), SessionA);
    }
    QVERIFY(m_server->requests(QStringLiteral("SyncContext")).isEmpty());
}

void tst_ApiClientComposite::delete_finishStatus_endsTheWait()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"DeleteSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("Status"), QStringLiteral("FINISH")}}));
    });
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, false, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(m_server->requestCount(QStringLiteral("GetSessionDetail")), 1);
}

void tst_ApiClientComposite::delete_refused_failsWithoutPolling()
{
    m_server->enqueueJson(
        failure(QStringLiteral("ErrorCode"), QStringLiteral("Error message"), 200, QStringLiteral("request-123")));
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, false, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().code, QStringLiteral("ErrorCode"));
    QCOMPARE(probe.error().requestId, QStringLiteral("request-123"));
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClientComposite::delete_neverGone_timesOut()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"DeleteSessionAsync") {
            return CannedResponse::json(envelope());
        }
        return CannedResponse::json(envelope(QJsonObject{{QStringLiteral("Status"), QStringLiteral("DELETING")}}));
    });
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, false, WaitOptions{300, 30}, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 10000);
    QVERIFY(!probe.result->ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::Timeout);
    QVERIFY(m_server->requestCount(QStringLiteral("GetSessionDetail")) >= 2);
}

void tst_ApiClientComposite::delete_syncContext_syncsFirstWithKeyInQuery()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"GetSessionDetail") {
            return notFound();
        }
        return CannedResponse::json(envelope());
    });
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, true, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    const QList<RecordedRequest> requests = m_server->requests();
    QVERIFY(requests.size() >= 3);
    QCOMPARE(requests.at(0).action(), QStringLiteral("SyncContext"));
    QCOMPARE(requests.at(0).queryValue(QStringLiteral("Authorization")), QStringLiteral("Bearer ") + ApiKey);
    // Appendix A: Authorization in the query only; the body holds SessionId and nothing else.
    QCOMPARE(requests.at(0).form.size(), 1);
    QCOMPARE(requests.at(0).formValue(QStringLiteral("SessionId")), SessionA);
    QVERIFY(!requests.at(0).hasQuery(QStringLiteral("SessionId")));
    // The deletion itself (after the wait for the sync's uploads) is an ordinary request.
    const RecordedRequest release = m_server->requests(QStringLiteral("DeleteSessionAsync")).value(0);
    QCOMPARE(release.action(), QStringLiteral("DeleteSessionAsync"));
    QCOMPARE(release.queryValue(QStringLiteral("Authorization")), QString());
    QCOMPARE(release.formValue(QStringLiteral("Authorization")), QStringLiteral("Bearer ") + ApiKey);
}

void tst_ApiClientComposite::delete_detailActionMissing_isNotTakenForDeleted()
{
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.action() == u"GetSessionDetail") {
            return CannedResponse::json(
                failure(QStringLiteral("InvalidAction.NotFound"),
                    QStringLiteral("Specified api is not found, please check your url and method."),
                    404,
                    QStringLiteral("r-ia")),
                404);
        }
        return CannedResponse::json(envelope());
    });
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, false, WaitOptions{400, 20}, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok()); // an action the server lacks says nothing about the session
    QCOMPARE(probe.error().kind, ApiError::Kind::Timeout);
}

namespace {

// GetContextInfo's Data: ContextStatus as the service nests it (JSON in a string in a string).
QJsonObject contextInfo(const QList<QPair<QString, QString>> &tasks) // status, taskType
{
    QJsonArray items;
    for (const auto &task : tasks) {
        items.append(QJsonObject{{QStringLiteral("contextId"), QStringLiteral("ctx-1")},
            {QStringLiteral("path"), QStringLiteral("/home/wuying/data")},
            {QStringLiteral("status"), task.first},
            {QStringLiteral("errorMessage"), task.first == u"Failed" ? QStringLiteral("quota") : QString()},
            {QStringLiteral("taskType"), task.second}});
    }
    const QJsonArray groups{QJsonObject{{QStringLiteral("type"), QStringLiteral("data")},
        {QStringLiteral("data"), QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact))}}};
    return envelope(QJsonObject{
        {QStringLiteral("ContextStatus"), QString::fromUtf8(QJsonDocument(groups).toJson(QJsonDocument::Compact))}});
}

// Serves a delete with SyncContext: `sync` answers SyncContext, `infos` GetContextInfo in order
// (the last repeats), DeleteSessionAsync succeeds and the session is then gone.
FakeHttpServer::Handler deleteWithSync(CannedResponse sync, QList<CannedResponse> infos)
{
    return [sync, infos](const RecordedRequest &request) mutable -> std::optional<CannedResponse> {
        const QString action = request.action();
        if (action == u"SyncContext") {
            return sync;
        }
        if (action == u"GetContextInfo") {
            return infos.size() > 1 ? infos.takeFirst() : infos.first();
        }
        if (action == u"GetSessionDetail") {
            return notFound();
        }
        return CannedResponse::json(envelope(QJsonValue(QJsonValue::Undefined), QStringLiteral("rid-delete")));
    };
}

QStringList actionsOf(const QList<RecordedRequest> &requests)
{
    QStringList actions;
    for (const RecordedRequest &request : requests) {
        actions.append(request.action());
    }
    return actions;
}

} // namespace

void tst_ApiClientComposite::delete_syncFails_stillDeletes_data()
{
    QTest::addColumn<CannedResponse>("sync");
    QTest::newRow("API error") << CannedResponse::json(
        failure(QStringLiteral("SyncFailed"), QStringLiteral("upload refused"), 400, QStringLiteral("r-s")), 400);
    QTest::newRow("HTTP 500") << CannedResponse::raw(500, "<html>down</html>", "text/html");
    QTest::newRow("Success:false") << CannedResponse::json(
        failure(QStringLiteral("SyncFailed"), QStringLiteral("no"), 200, QStringLiteral("r-s")));
    QTest::newRow("action unknown") << CannedResponse::json(failure(QStringLiteral("InvalidAction.NotFound"),
                                                                QStringLiteral("Specified api is not found"),
                                                                404,
                                                                QStringLiteral("r-s")),
        404);
}

void tst_ApiClientComposite::delete_syncFails_stillDeletes()
{
    // Seed: "Synchronization failures do not prevent session deletion".
    QFETCH(CannedResponse, sync);
    m_server->setHandler(deleteWithSync(sync, {CannedResponse::json(contextInfo({}))}));
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, true, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.result->requestId(), QStringLiteral("rid-delete"));
    const QStringList actions = actionsOf(m_server->requests());
    QCOMPARE(actions.value(0), QStringLiteral("SyncContext"));
    QCOMPARE(actions.value(1), QStringLiteral("DeleteSessionAsync")); // no wait for uploads never started
    QCOMPARE(m_server->requestCount(QStringLiteral("SyncContext")), 1); // a write: not retried
    QCOMPARE(m_server->requestCount(QStringLiteral("GetContextInfo")), 0);
}

void tst_ApiClientComposite::delete_syncSucceeds_waitsForUploadsThenDeletes_data()
{
    using Tasks = QList<QPair<QString, QString>>;
    const QString upload = QStringLiteral("upload");
    QTest::addColumn<QList<CannedResponse>>("infos");
    QTest::addColumn<int>("infoPolls");
    QTest::newRow("nothing to upload") << QList<CannedResponse>{CannedResponse::json(contextInfo({}))} << 1;
    QTest::newRow("running, running, done")
        << QList<CannedResponse>{CannedResponse::json(contextInfo(Tasks{{QStringLiteral("Running"), upload}})),
               CannedResponse::json(contextInfo(Tasks{{QStringLiteral("Pending"), upload}})),
               CannedResponse::json(contextInfo(Tasks{{QStringLiteral("Success"), upload}}))}
        << 3;
    QTest::newRow("an upload failed: settled too")
        << QList<CannedResponse>{CannedResponse::json(contextInfo(Tasks{{QStringLiteral("Running"), upload}})),
               CannedResponse::json(
                   contextInfo(Tasks{{QStringLiteral("Failed"), upload}, {QStringLiteral("Success"), upload}}))}
        << 2;
    QTest::newRow("a running download does not hold it up") << QList<CannedResponse>{CannedResponse::json(contextInfo(
        Tasks{{QStringLiteral("Running"), QStringLiteral("download")}, {QStringLiteral("Success"), upload}}))}
                                                            << 1;
    QTest::newRow("the info call fails: delete anyway") << QList<CannedResponse>{CannedResponse::json(
        failure(QStringLiteral("InvalidParameter"), QStringLiteral("bad"), 400, QStringLiteral("r-i")), 400)}
                                                        << 1;
}

void tst_ApiClientComposite::delete_syncSucceeds_waitsForUploadsThenDeletes()
{
    QFETCH(QList<CannedResponse>, infos);
    QFETCH(int, infoPolls);
    m_server->setHandler(deleteWithSync(CannedResponse::json(envelope()), infos));
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, true, FastWait, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QStringList expected{QStringLiteral("SyncContext")};
    for (int i = 0; i < infoPolls; ++i) {
        expected.append(QStringLiteral("GetContextInfo"));
    }
    expected.append(QStringLiteral("DeleteSessionAsync"));
    QCOMPARE(actionsOf(m_server->requests()).mid(0, expected.size()), expected);
    for (const RecordedRequest &info : m_server->requests(QStringLiteral("GetContextInfo"))) {
        QCOMPARE(info.formValue(QStringLiteral("SessionId")), SessionA);
        QVERIFY(info.hasForm(QStringLiteral("Authorization")));
    }
}

void tst_ApiClientComposite::delete_uploadsNeverSettle_waitIsBoundedThenDeletes()
{
    m_server->setHandler(deleteWithSync(CannedResponse::json(envelope()),
        {CannedResponse::json(contextInfo({{QStringLiteral("Running"), QStringLiteral("upload")}}))}));
    Probe<Empty> probe;
    m_client->deleteSession(SessionA, true, WaitOptions{3000, 1}, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 20000); // 50 polls 1 ms apart, each a loopback request
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(m_server->requestCount(QStringLiteral("GetContextInfo")), 50);
    QCOMPARE(m_server->requestCount(QStringLiteral("DeleteSessionAsync")), 1);
}

void tst_ApiClientComposite::delete_cancelledWhileWaitingForUploads_reportsCancelledAndDeletesNothing()
{
    m_server->setHandler(deleteWithSync(CannedResponse::json(envelope()),
        {CannedResponse::json(contextInfo({{QStringLiteral("Running"), QStringLiteral("upload")}}))}));
    Probe<Empty> probe;
    OperationHandle handle =
        m_client->deleteSession(SessionA, true, WaitOptions{60000, 60000}, &probe.context, probe.callback());
    QTRY_COMPARE(m_server->requestCount(QStringLiteral("GetContextInfo")), 1);
    QTRY_COMPARE(m_client->inFlightCount(), 0); // between two polls, a minute apart
    handle.cancel();
    QTRY_VERIFY(probe.done());
    QCOMPARE(probe.error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(probe.calls, 1);
    QCOMPARE(m_server->requestCount(QStringLiteral("DeleteSessionAsync")), 0);
    QVERIFY(!handle.isRunning());
}

void tst_ApiClientComposite::list_page3_walksTwoTokensThenTheRealRequest()
{
    auto page = [](const QString &first, const QString &next) {
        QJsonObject answer = envelope(QJsonArray{QJsonObject{
            {QStringLiteral("SessionId"), first}, {QStringLiteral("SessionStatus"), QStringLiteral("RUNNING")}}});
        answer.insert(QStringLiteral("NextToken"), next);
        answer.insert(QStringLiteral("MaxResults"), 1);
        answer.insert(QStringLiteral("TotalCount"), 3);
        return answer;
    };
    m_server->enqueueJson(page(QStringLiteral("session-1"), QStringLiteral("token-2")));
    m_server->enqueueJson(page(QStringLiteral("session-2"), QStringLiteral("token-3")));
    m_server->enqueueJson(page(QStringLiteral("session-3"), QString()));

    ListSessionParams params;
    params.page = 3;
    params.limit = 1;
    params.status = QStringLiteral("RUNNING");
    params.labels = {{QStringLiteral("project"), QStringLiteral("demo")}};
    Probe<SessionListPage> probe;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().sessions.size(), 1);
    QCOMPARE(probe.value().sessions.first().sessionId, QStringLiteral("session-3"));
    QCOMPARE(probe.value().totalCount, 3);

    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 3);
    QVERIFY(!requests.at(0).hasForm(QStringLiteral("NextToken")));
    QCOMPARE(requests.at(1).formValue(QStringLiteral("NextToken")), QStringLiteral("token-2"));
    QCOMPARE(requests.at(2).formValue(QStringLiteral("NextToken")), QStringLiteral("token-3"));
    for (const RecordedRequest &request : requests) {
        QCOMPARE(request.action(), QStringLiteral("ListSession"));
        QCOMPARE(request.formValue(QStringLiteral("MaxResults")), QStringLiteral("1"));
        QCOMPARE(parseObject(request.formValue(QStringLiteral("Labels"))), labelsJson(params.labels));
        QCOMPARE(request.formValue(QStringLiteral("Status")), QStringLiteral("RUNNING"));
    }
}

void tst_ApiClientComposite::list_skipPageWithoutNextToken_failsClearly()
{
    QJsonObject last = envelope(QJsonArray{QJsonObject{{QStringLiteral("SessionId"), QStringLiteral("session-1")}}});
    last.insert(QStringLiteral("NextToken"), QString());
    last.insert(QStringLiteral("TotalCount"), 1);
    m_server->enqueueJson(last);
    ListSessionParams params;
    params.page = 3;
    Probe<SessionListPage> probe;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.result->ok());
    QVERIFY2(probe.error().message.contains(u'3'), qPrintable(probe.error().message)); // names the page
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_ApiClientComposite::listAll_severalPages_oneRequestPerPage()
{
    m_server->enqueueJson(listPage({QStringLiteral("s-1"), QStringLiteral("s-2")}, QStringLiteral("t-2"), 5));
    m_server->enqueueJson(listPage({QStringLiteral("s-3"), QStringLiteral("s-4")}, QStringLiteral("t-3"), 5));
    m_server->enqueueJson(listPage({QStringLiteral("s-5")}, QString(), 5));
    Probe<QList<SessionSummary>> probe;
    m_client->listAll(Labels(), QString(), 2, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().size(), 5);
    QCOMPARE(probe.value().last().sessionId, QStringLiteral("s-5"));
    QCOMPARE(m_server->requestCount(), 3);
}

void tst_ApiClientComposite::listAll_emptyPageWithNextToken_followsTheToken()
{
    m_server->enqueueJson(listPage({QStringLiteral("s-1")}, QStringLiteral("t-2"), 2));
    m_server->enqueueJson(listPage({}, QStringLiteral("t-3"), 2)); // empty, yet more to come
    m_server->enqueueJson(listPage({QStringLiteral("s-2")}, QString(), 2));
    Probe<QList<SessionSummary>> probe;
    m_client->listAll(Labels(), QString(), 1, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().size(), 2);
    QCOMPARE(probe.value().last().sessionId, QStringLiteral("s-2"));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_server->requests().at(2).formValue(QStringLiteral("NextToken")), QStringLiteral("t-3"));
}

void tst_ApiClientComposite::listAll_repeatedEmptyPageToken_endsTheWalk()
{
    // Empty pages whose token comes back again would otherwise be walked for ever.
    QJsonObject empty = envelope(QJsonArray());
    empty.insert(QStringLiteral("NextToken"), QStringLiteral("t-loop"));
    m_server->setFallback(CannedResponse::json(empty));
    Probe<QList<SessionSummary>> probe;
    m_client->listAll(Labels(), QString(), 1, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.result->ok(), qPrintable(probe.why()));
    QVERIFY(probe.value().isEmpty());
    QCOMPARE(m_server->requestCount(), 2);
}

QTEST_GUILESS_MAIN(tst_ApiClientComposite)
#include "tst_apiclientcomposite.moc"
