// SPDX-License-Identifier: MIT
#include <core/api/apierror.h>

#include <QSet>
#include <QTest>

using AgentBay::Core::ApiError;

namespace {

ApiError makeError(ApiError::Kind kind, int httpStatus, const QString &code, const QString &message)
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = httpStatus;
    error.code = code;
    error.message = message;
    return error;
}

} // namespace

class tst_ApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isNotFound_error_followsSdkHeuristic_data();
    void isNotFound_error_followsSdkHeuristic();
    void isThrottling_error_detectsThrottling_data();
    void isThrottling_error_detectsThrottling();
    void details_apiError_carriesMessageCodeAndRequestId();
    void kindName_everyKind_isDistinctAndNonEmpty();
};

void tst_ApiError::isNotFound_error_followsSdkHeuristic_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("expected");

    const int api = int(ApiError::Kind::Api);
    QTest::newRow("code InvalidMcpSession.NotFound, HTTP 400")
        << api << 400 << QStringLiteral("InvalidMcpSession.NotFound") << QStringLiteral("Session not found") << true;
    QTest::newRow("code InvalidMcpSession.NotFound, HTTP 200 Success:false")
        << api << 200 << QStringLiteral("InvalidMcpSession.NotFound") << QStringLiteral("whatever") << true;
    QTest::newRow("400 and message says not found")
        << api << 400 << QStringLiteral("Other") << QStringLiteral("The session was Not Found") << true;
    QTest::newRow("400 and message says NotFound")
        << api << 400 << QStringLiteral("Other") << QStringLiteral("Session.NotFound happened") << true;
    QTest::newRow("message says not found without 400")
        << api << 200 << QStringLiteral("Other") << QStringLiteral("session not found") << true;
    QTest::newRow("unrelated api error") << api << 400 << QStringLiteral("InvalidParameter.Labels")
                                         << QStringLiteral("Labels is not a JSON object") << false;
    QTest::newRow("missing action is not a gone session")
        << api << 404 << QStringLiteral("InvalidAction.NotFound")
        << QStringLiteral("Specified api is not found, please check your url and method.") << false;
    QTest::newRow("server error") << api << 500 << QStringLiteral("InternalError") << QStringLiteral("boom") << false;
    QTest::newRow("network error naming an unknown host is not a gone session")
        << int(ApiError::Kind::Network) << 0 << QString() << QStringLiteral("Host example.invalid not found") << false;
    QTest::newRow("timeout") << int(ApiError::Kind::Timeout) << 0 << QString() << QStringLiteral("timed out") << false;
}

void tst_ApiError::isNotFound_error_followsSdkHeuristic()
{
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(bool, expected);
    QCOMPARE(makeError(ApiError::Kind(kind), httpStatus, code, message).isNotFound(), expected);
}

void tst_ApiError::isThrottling_error_detectsThrottling_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("expected");

    QTest::newRow("code Throttling") << 400 << QStringLiteral("Throttling") << true;
    QTest::newRow("code Throttling.User") << 400 << QStringLiteral("Throttling.User") << true;
    QTest::newRow("code with Throttling inside") << 503 << QStringLiteral("ServiceUnavailable.Throttling") << true;
    QTest::newRow("not throttling") << 400 << QStringLiteral("InvalidMcpSession.NotFound") << false;
    QTest::newRow("plain 500") << 500 << QStringLiteral("InternalError") << false;
}

void tst_ApiError::isThrottling_error_detectsThrottling()
{
    QFETCH(int, httpStatus);
    QFETCH(QString, code);
    QFETCH(bool, expected);
    QCOMPARE(makeError(ApiError::Kind::Api, httpStatus, code, QStringLiteral("msg")).isThrottling(), expected);
}

void tst_ApiError::details_apiError_carriesMessageCodeAndRequestId()
{
    ApiError error = makeError(
        ApiError::Kind::Api, 400, QStringLiteral("InvalidMcpSession.NotFound"), QStringLiteral("Session not found"));
    error.requestId = QStringLiteral("8A7B6C5D-4E3F");
    const QString details = error.details();
    QVERIFY2(details.contains(error.message), qPrintable(details));
    QVERIFY2(details.contains(error.code), qPrintable(details));
    QVERIFY2(details.contains(error.requestId), qPrintable(details));
}

void tst_ApiError::kindName_everyKind_isDistinctAndNonEmpty()
{
    const QList<ApiError::Kind> kinds{ApiError::Kind::Network,
        ApiError::Kind::Timeout,
        ApiError::Kind::Cancelled,
        ApiError::Kind::Http,
        ApiError::Kind::Api,
        ApiError::Kind::Parse,
        ApiError::Kind::InvalidArgument};
    QSet<QString> names;
    for (const ApiError::Kind kind : kinds) {
        const QString name = ApiError::kindName(kind);
        QVERIFY(!name.isEmpty());
        names.insert(name);
    }
    QCOMPARE(names.size(), kinds.size());
}

QTEST_APPLESS_MAIN(tst_ApiError)
#include "tst_apierror.moc"
