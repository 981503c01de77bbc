// SPDX-License-Identifier: MIT
#include <core/api/operation.h>
#include <core/api/statuswaiter.h>

#include <QPointer>
#include <QTest>

#include <memory>

using namespace AgentBay::Core;
using Verdict = StatusWaiter::Verdict;

namespace {

// A probe whose answers the test gives by hand: each poll leaves a pending request that the
// test answers (or that a cancel ends with Cancelled, as ApiClient's requests do).
struct ScriptedProbe
{
    struct Pending
    {
        QPointer<Operation> operation;
        StatusWaiter::Done done;
    };

    QList<Pending> pending;
    int polls = 0;
    int cancels = 0;
    QObject owner;

    StatusWaiter::Probe probe()
    {
        return [this](QObject *, StatusWaiter::Done done) {
            ++polls;
            auto *operation = new Operation(&owner);
            operation->setCancelHandler([this, operation, done] {
                ++cancels;
                if (operation->finish()) {
                    done(ApiError::cancelled());
                }
            });
            pending.append({operation, done});
            return OperationHandle(operation);
        };
    }

    // Answers the oldest open poll.
    void answer(const Result<SessionStatus> &result)
    {
        QVERIFY(!pending.isEmpty());
        const Pending next = pending.takeFirst();
        QVERIFY(next.operation);
        QVERIFY(next.operation->finish());
        next.done(result);
    }

    void answer(SessionStatus status) { answer(Result<SessionStatus>(status, QStringLiteral("rid"))); }
};

// PAUSED succeeds, ERROR fails, everything else (failed polls too) keeps waiting.
Verdict pauseJudge(const Result<SessionStatus> &result)
{
    if (!result.ok()) {
        return result.error().isNotFound() ? Verdict::Failed : Verdict::KeepWaiting;
    }
    if (result.value() == SessionStatus::Paused) {
        return Verdict::Succeeded;
    }
    return result.value() == SessionStatus::Error ? Verdict::Failed : Verdict::KeepWaiting;
}

ApiError errorOf(ApiError::Kind kind, const QString &code = {})
{
    ApiError error;
    error.kind = kind;
    error.code = code;
    error.message = QStringLiteral("failed poll");
    return error;
}

struct Outcome
{
    std::optional<Result<SessionStatus>> result;
    int calls = 0;
    QList<SessionStatus> statuses;

    StatusWaiter::Done done()
    {
        return [this](const Result<SessionStatus> &r) {
            result = r;
            ++calls;
        };
    }

    std::function<void(SessionStatus)> onStatus()
    {
        return [this](SessionStatus status) {
            statuses.append(status);
        };
    }
};

// A clock the test moves; the waiter's timeout is measured with it only.
struct ManualClock
{
    std::shared_ptr<qint64> now = std::make_shared<qint64>(1000);

    StatusWaiter::Clock clock() const
    {
        return [now = now] {
            return *now;
        };
    }

    void advance(qint64 ms) { *now += ms; }
};

// Polls 1 ms apart: the waits below are for the waiter's own timer only.
const WaitOptions Quick{10000, 1};

} // namespace

class tst_StatusWaiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void start_pollsAtOnceWithoutWaitingAnInterval();
    void keepWaiting_pollsAgainUntilSucceeded();
    void succeeded_reportsTheResultOnceAndStopsPolling();
    void failedVerdict_reportsThatResult();
    void failedPoll_judgedKeepWaiting_pollsAgain();
    void onStatus_reportsChangesOnly_notTheAlreadyReportedStatus();
    void timeout_measuredOnTheClock_endsWithTimeoutAndMessage();
    void timeout_checkedAfterEachAnswer_notBeforeTheFirst();
    void cancel_betweenPolls_reportsCancelledOnceAndPollsNoMore();
    void cancel_duringAPoll_cancelsThatPollAndReportsCancelled();
    void probeCancelledElsewhere_endsTheWaitAsCancelled();
    void destroyed_whilePolling_cancelsTheOpenPoll();
};

void tst_StatusWaiter::start_pollsAtOnceWithoutWaitingAnInterval()
{
    ScriptedProbe probe;
    StatusWaiter waiter(probe.probe(), pauseJudge, WaitOptions{60000, 60000});
    Outcome outcome;
    waiter.start(outcome.done(), {}, QStringLiteral("late"));
    QCOMPARE(probe.polls, 1); // no event loop turn needed
    QVERIFY(waiter.isPolling());
    probe.answer(SessionStatus::Paused);
    QVERIFY(outcome.result);
    QVERIFY(outcome.result->ok());
    QCOMPARE(outcome.result->value(), SessionStatus::Paused);
}

void tst_StatusWaiter::keepWaiting_pollsAgainUntilSucceeded()
{
    ScriptedProbe probe;
    StatusWaiter waiter(probe.probe(), pauseJudge, Quick);
    Outcome outcome;
    waiter.start(outcome.done(), {}, QStringLiteral("late"));
    probe.answer(SessionStatus::Pausing);
    QVERIFY(!outcome.result);
    QVERIFY(!waiter.isPolling()); // waiting for the next interval
    QTRY_COMPARE(probe.polls, 2);
    probe.answer(SessionStatus::Pausing);
    QTRY_COMPARE(probe.polls, 3);
    probe.answer(SessionStatus::Paused);
    QVERIFY(outcome.result && outcome.result->ok());
    QCOMPARE(outcome.result->value(), SessionStatus::Paused);
    QCOMPARE(outcome.calls, 1);
}

void tst_StatusWaiter::succeeded_reportsTheResultOnceAndStopsPolling()
{
    ScriptedProbe probe;
    StatusWaiter waiter(probe.probe(), pauseJudge, Quick);
    Outcome outcome;
    waiter.start(outcome.done(), {}, QStringLiteral("late"));
    probe.answer(SessionStatus::Paused);
    QCOMPARE(outcome.calls, 1);
    QCOMPARE(outcome.result->requestId(), QStringLiteral("rid"));
    // A later cancel, or many poll intervals, change nothing.
    waiter.cancel();
    QTest::qWait(50); // 50 intervals of 1 ms: a poll would show in that time
    QCOMPARE(probe.polls, 1);
    QCOMPARE(outcome.calls, 1);
    QVERIFY(outcome.result->ok());
}

void tst_StatusWaiter::failedVerdict_reportsThatResult()
{
    ScriptedProbe probe;
    StatusWaiter waiter(probe.probe(), pauseJudge, Quick);
    Outcome outcome;
    waiter.start(outcome.done(), {}, QStringLiteral("late"));
    probe.answer(SessionStatus::Error);
    QCOMPARE(outcome.calls, 1);
    QVERIFY(outcome.result->ok()); // the judge decides; the caller words the failure
    QCOMPARE(outcome.result->value(), SessionStatus::Error);

    ScriptedProbe gone;
    StatusWaiter goneWaiter(gone.probe(), pauseJudge, Quick);
    Outcome goneOutcome;
    goneWaiter.start(goneOutcome.done(), {}, QStringLiteral("late"));
    gone.answer(errorOf(ApiError::Kind::Api, QStringLiteral("InvalidMcpSession.NotFound")));
    QCOMPARE(goneOutcome.calls, 1);
    QVERIFY(!goneOutcome.result->ok());
    QCOMPARE(goneOutcome.result->error().code, QStringLiteral("InvalidMcpSession.NotFound"));
}

void tst_StatusWaiter::failedPoll_judgedKeepWaiting_pollsAgain()
{
    ScriptedProbe probe;
    StatusWaiter waiter(probe.probe(), pauseJudge, Quick);
    Outcome outcome;
    waiter.start(outcome.done(), outcome.onStatus(), QStringLiteral("late"));
    probe.answer(errorOf(ApiError::Kind::Network));
    QVERIFY(!outcome.result);
    QTRY_COMPARE(probe.polls, 2);
    probe.answer(SessionStatus::Paused);
    QVERIFY(outcome.result && outcome.result->ok());
    QCOMPARE(outcome.statuses, QList<SessionStatus>{SessionStatus::Paused}); // a failed poll shows no status
}

void tst_StatusWaiter::onStatus_reportsChangesOnly_notTheAlreadyReportedStatus()
{
    ScriptedProbe probe;
    StatusWaiter waiter(probe.probe(), pauseJudge, Quick);
    Outcome outcome;
    waiter.start(outcome.done(), outcome.onStatus(), QStringLiteral("late"), SessionStatus::Pausing);
    for (SessionStatus status : {SessionStatus::Pausing,
             SessionStatus::Pausing,
             SessionStatus::Running,
             SessionStatus::Running,
             SessionStatus::Pausing}) {
        probe.answer(status);
        QTRY_COMPARE(probe.pending.size(), 1);
    }
    probe.answer(SessionStatus::Paused);
    QCOMPARE(outcome.statuses,
        (QList<SessionStatus>{SessionStatus::Running, SessionStatus::Pausing, SessionStatus::Paused}));
}

void tst_StatusWaiter::timeout_measuredOnTheClock_endsWithTimeoutAndMessage()
{
    ScriptedProbe probe;
    ManualClock clock;
    StatusWaiter waiter(probe.probe(), pauseJudge, WaitOptions{3000, 1});
    waiter.setClock(clock.clock());
    Outcome outcome;
    waiter.start(outcome.done(), {}, QStringLiteral("Session s did not pause within 3 s."));
    // Each poll takes a second of the clock's time: polls at 0, 1 and 2 s; after the third
    // answer the 3 s are used up.
    for (int i = 0; i < 3; ++i) {
        QTRY_COMPARE(probe.pending.size(), 1);
        clock.advance(1000);
        probe.answer(SessionStatus::Pausing);
    }
    QVERIFY(outcome.result);
    QCOMPARE(probe.polls, 3);
    QVERIFY(!outcome.result->ok());
    QCOMPARE(outcome.result->error().kind, ApiError::Kind::Timeout);
    QCOMPARE(outcome.result->error().message, QStringLiteral("Session s did not pause within 3 s."));
    QCOMPARE(outcome.calls, 1);
}

void tst_StatusWaiter::timeout_checkedAfterEachAnswer_notBeforeTheFirst()
{
    // Time that passed before start() does not count, and a poll that settles after the
    // deadline still wins over the timeout: the answer is judged first.
    ScriptedProbe probe;
    ManualClock clock;
    clock.advance(1000000);
    StatusWaiter waiter(probe.probe(), pauseJudge, WaitOptions{3000, 1});
    waiter.setClock(clock.clock());
    Outcome outcome;
    waiter.start(outcome.done(), {}, QStringLiteral("late"));
    QCOMPARE(probe.polls, 1);
    clock.advance(5000);
    probe.answer(SessionStatus::Paused);
    QVERIFY(outcome.result && outcome.result->ok());
}

void tst_StatusWaiter::cancel_betweenPolls_reportsCancelledOnceAndPollsNoMore()
{
    ScriptedProbe probe;
    StatusWaiter waiter(probe.probe(), pauseJudge, WaitOptions{60000, 20});
    Outcome outcome;
    waiter.start(outcome.done(), {}, QStringLiteral("late"));
    probe.answer(SessionStatus::Pausing);
    QVERIFY(!waiter.isPolling());
    waiter.cancel();
    QVERIFY(outcome.result);
    QCOMPARE(outcome.result->error().kind, ApiError::Kind::Cancelled);
    QTest::qWait(100); // five poll intervals: the stopped timer must not poll again
    QCOMPARE(probe.polls, 1);
    QCOMPARE(outcome.calls, 1);
}

void tst_StatusWaiter::cancel_duringAPoll_cancelsThatPollAndReportsCancelled()
{
    ScriptedProbe probe;
    StatusWaiter waiter(probe.probe(), pauseJudge, Quick);
    Outcome outcome;
    waiter.start(outcome.done(), {}, QStringLiteral("late"));
    QVERIFY(waiter.isPolling());
    waiter.cancel();
    QCOMPARE(probe.cancels, 1);
    QVERIFY(outcome.result);
    QCOMPARE(outcome.result->error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(outcome.calls, 1);
    waiter.cancel(); // twice is harmless
    QCOMPARE(outcome.calls, 1);
}

void tst_StatusWaiter::probeCancelledElsewhere_endsTheWaitAsCancelled()
{
    // A poll that reports Cancelled (its context died, the client went away) is not a failed
    // poll to try again: the wait ends.
    ScriptedProbe probe;
    StatusWaiter waiter(
        probe.probe(),
        [](const Result<SessionStatus> &) {
            return Verdict::KeepWaiting;
        },
        Quick);
    Outcome outcome;
    waiter.start(outcome.done(), {}, QStringLiteral("late"));
    probe.answer(ApiError::cancelled());
    QVERIFY(outcome.result);
    QCOMPARE(outcome.result->error().kind, ApiError::Kind::Cancelled);
    QTest::qWait(20);
    QCOMPARE(probe.polls, 1);
}

void tst_StatusWaiter::destroyed_whilePolling_cancelsTheOpenPoll()
{
    ScriptedProbe probe;
    Outcome outcome;
    {
        StatusWaiter waiter(probe.probe(), pauseJudge, Quick);
        waiter.start(outcome.done(), {}, QStringLiteral("late"));
        QCOMPARE(probe.pending.size(), 1);
    }
    QCOMPARE(probe.cancels, 1);
    QVERIFY(!probe.pending.first().operation || probe.pending.first().operation->isFinished());
}

QTEST_GUILESS_MAIN(tst_StatusWaiter)
#include "tst_statuswaiter.moc"
