// SPDX-License-Identifier: MIT
#include <core/api/retrypolicy.h>

#include <QSet>
#include <QTest>

using namespace AgentBay::Core;
using namespace std::chrono_literals;

namespace {

ApiError errorOf(ApiError::Kind kind, int httpStatus = 0, const QString &code = {})
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = httpStatus;
    error.code = code;
    return error;
}

RetryPolicy withJitter(qint64 fixed)
{
    RetryPolicy policy;
    policy.jitter = [fixed](qint64 upTo) {
        return fixed < 0 ? upTo : fixed;
    };
    return policy;
}

} // namespace

Q_DECLARE_METATYPE(AgentBay::Core::ApiError)

class tst_RetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isReadAction_byActionName_data();
    void isReadAction_byActionName();
    void shouldRetry_read_byErrorKind_data();
    void shouldRetry_read_byErrorKind();
    void shouldRetry_write_never_data();
    void shouldRetry_write_never();
    void shouldRetry_attempts_boundedByMaxAttempts();
    void shouldRetry_statedWaitLongerThanBound_leftToCaller();
    void delayFor_noJitter_doublesUpToMaxDelay_data();
    void delayFor_noJitter_doublesUpToMaxDelay();
    void delayFor_fullJitter_addsAQuarterAtMost();
    void delayFor_jitterOutOfRange_clamped();
    void delayFor_defaultJitter_staysWithinAQuarter();
    void delayFor_statedWait_honouredExactlyAndCapped_data();
    void delayFor_statedWait_honouredExactlyAndCapped();
};

void tst_RetryPolicy::isReadAction_byActionName_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("read");
    QTest::newRow("GetSession") << QStringLiteral("GetSession") << true;
    QTest::newRow("GetSessionDetail") << QStringLiteral("GetSessionDetail") << true;
    QTest::newRow("ListSession") << QStringLiteral("ListSession") << true;
    QTest::newRow("ListMcpTools") << QStringLiteral("ListMcpTools") << true;
    QTest::newRow("DescribeImages") << QStringLiteral("DescribeImages") << true;
    QTest::newRow("CreateMcpSession") << QStringLiteral("CreateMcpSession") << false;
    QTest::newRow("DeleteSessionAsync") << QStringLiteral("DeleteSessionAsync") << false;
    QTest::newRow("PauseSessionAsync") << QStringLiteral("PauseSessionAsync") << false;
    QTest::newRow("SetLabel") << QStringLiteral("SetLabel") << false;
    QTest::newRow("CallMcpTool") << QStringLiteral("CallMcpTool") << false;
    QTest::newRow("SyncContext") << QStringLiteral("SyncContext") << false;
    QTest::newRow("RefreshSessionIdleTime") << QStringLiteral("RefreshSessionIdleTime") << false;
    QTest::newRow("lower-case get is not the API's spelling") << QStringLiteral("getSession") << false;
}

void tst_RetryPolicy::isReadAction_byActionName()
{
    QFETCH(QString, action);
    QFETCH(bool, read);
    QCOMPARE(RetryPolicy::isReadAction(action), read);
}

void tst_RetryPolicy::shouldRetry_read_byErrorKind_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("retry");
    QTest::newRow("network") << errorOf(ApiError::Kind::Network) << true;
    QTest::newRow("HTTP 500") << errorOf(ApiError::Kind::Http, 500) << true;
    QTest::newRow("HTTP 503") << errorOf(ApiError::Kind::Http, 503) << true;
    QTest::newRow("API error with 502") << errorOf(ApiError::Kind::Api, 502, QStringLiteral("BadGateway")) << true;
    QTest::newRow("HTTP 429") << errorOf(ApiError::Kind::Http, 429) << true;
    QTest::newRow("Throttling code on 400")
        << errorOf(ApiError::Kind::Api, 400, QStringLiteral("Throttling.User")) << true;
    QTest::newRow("HTTP 404") << errorOf(ApiError::Kind::Http, 404) << false;
    QTest::newRow("API not found") << errorOf(ApiError::Kind::Api, 400, QStringLiteral("InvalidMcpSession.NotFound"))
                                   << false;
    QTest::newRow("bad key") << errorOf(ApiError::Kind::Api, 401, QStringLiteral("InvalidApiKey")) << false;
    QTest::newRow("timeout") << errorOf(ApiError::Kind::Timeout) << false;
    QTest::newRow("cancelled") << errorOf(ApiError::Kind::Cancelled) << false;
    QTest::newRow("parse") << errorOf(ApiError::Kind::Parse, 200) << false;
    QTest::newRow("invalid argument") << errorOf(ApiError::Kind::InvalidArgument) << false;
}

void tst_RetryPolicy::shouldRetry_read_byErrorKind()
{
    QFETCH(ApiError, error);
    QFETCH(bool, retry);
    const RetryPolicy policy;
    QCOMPARE(policy.shouldRetry(QStringLiteral("GetSession"), error, 1), retry);
}

void tst_RetryPolicy::shouldRetry_write_never_data()
{
    QTest::addColumn<QString>("action");
    for (const char *action : {"CreateMcpSession", "DeleteSessionAsync", "CallMcpTool", "SetLabel", "SyncContext"}) {
        QTest::newRow(action) << QString::fromLatin1(action);
    }
}

void tst_RetryPolicy::shouldRetry_write_never()
{
    QFETCH(QString, action);
    const RetryPolicy policy;
    for (const ApiError &error :
        {errorOf(ApiError::Kind::Network), errorOf(ApiError::Kind::Http, 503), errorOf(ApiError::Kind::Http, 429)}) {
        QVERIFY2(!policy.shouldRetry(action, error, 1), qPrintable(ApiError::kindName(error.kind)));
    }
}

void tst_RetryPolicy::shouldRetry_attempts_boundedByMaxAttempts()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    const ApiError network = errorOf(ApiError::Kind::Network);
    QVERIFY(policy.shouldRetry(QStringLiteral("GetSession"), network, 1));
    QVERIFY(policy.shouldRetry(QStringLiteral("GetSession"), network, 2));
    QVERIFY(!policy.shouldRetry(QStringLiteral("GetSession"), network, 3));
    QVERIFY(!policy.shouldRetry(QStringLiteral("GetSession"), network, 4));
    policy.maxAttempts = 1;
    QVERIFY(!policy.shouldRetry(QStringLiteral("GetSession"), network, 1));
}

void tst_RetryPolicy::shouldRetry_statedWaitLongerThanBound_leftToCaller()
{
    RetryPolicy policy;
    policy.maxRetryAfter = 12000ms;
    ApiError throttled = errorOf(ApiError::Kind::Api, 429, QStringLiteral("Throttling"));
    throttled.retryAfter = 12000ms;
    QVERIFY(policy.shouldRetry(QStringLiteral("ListSession"), throttled, 1));
    throttled.retryAfter = 12001ms;
    QVERIFY(!policy.shouldRetry(QStringLiteral("ListSession"), throttled, 1));
}

void tst_RetryPolicy::delayFor_noJitter_doublesUpToMaxDelay_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("attempt 0 counts as the first") << 0 << 200;
    QTest::newRow("1") << 1 << 200;
    QTest::newRow("2") << 2 << 400;
    QTest::newRow("3") << 3 << 800;
    QTest::newRow("4") << 4 << 1600;
    QTest::newRow("5 (capped)") << 5 << 3000;
    QTest::newRow("40 (shift bounded, capped)") << 40 << 3000;
}

void tst_RetryPolicy::delayFor_noJitter_doublesUpToMaxDelay()
{
    QFETCH(int, attempt);
    QFETCH(int, expectedMs);
    const RetryPolicy policy = withJitter(0);
    QCOMPARE(policy.delayFor(attempt).count(), expectedMs);
}

void tst_RetryPolicy::delayFor_fullJitter_addsAQuarterAtMost()
{
    const RetryPolicy policy = withJitter(-1); // always the largest jitter allowed
    QCOMPARE(policy.delayFor(1).count(), 250);
    QCOMPARE(policy.delayFor(2).count(), 500);
    QCOMPARE(policy.delayFor(3).count(), 1000);
    QCOMPARE(policy.delayFor(4).count(), 2000);
    QCOMPARE(policy.delayFor(5).count(), 3000); // 3200 + 800 capped
}

void tst_RetryPolicy::delayFor_jitterOutOfRange_clamped()
{
    QCOMPARE(withJitter(100000).delayFor(1).count(), 250);
    RetryPolicy negative;
    negative.jitter = [](qint64) {
        return qint64(-100);
    };
    QCOMPARE(negative.delayFor(1).count(), 200);
}

void tst_RetryPolicy::delayFor_defaultJitter_staysWithinAQuarter()
{
    const RetryPolicy policy;
    QSet<qint64> seen;
    for (int i = 0; i < 500; ++i) {
        const qint64 delay = policy.delayFor(2).count();
        QVERIFY2(delay >= 400 && delay <= 500, qPrintable(QString::number(delay)));
        seen.insert(delay);
    }
    // 101 possible values, 500 draws: a constant would mean the jitter is gone.
    QVERIFY2(seen.size() > 10, qPrintable(QString::number(seen.size())));
}

void tst_RetryPolicy::delayFor_statedWait_honouredExactlyAndCapped_data()
{
    QTest::addColumn<int>("retryAfterMs");
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("short, longer than the backoff") << 1500 << 1500;
    QTest::newRow("shorter than the backoff") << 10 << 10;
    QTest::newRow("at the bound") << 12000 << 12000;
    QTest::newRow("past the bound") << 60000 << 12000;
}

void tst_RetryPolicy::delayFor_statedWait_honouredExactlyAndCapped()
{
    QFETCH(int, retryAfterMs);
    QFETCH(int, expectedMs);
    const RetryPolicy policy = withJitter(-1); // no jitter on a stated wait
    QCOMPARE(policy.delayFor(3, std::chrono::milliseconds(retryAfterMs)).count(), expectedMs);
}

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
