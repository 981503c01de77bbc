// SPDX-License-Identifier: MIT
// What the client refuses from a server: redirects (never followed, the form carries the key)
// and answers larger than the size cap (cut off while they arrive).
#include "apiclientfixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace AgentBay::Core;
using namespace AgentBay::Test;

namespace {

QByteArray bodyOfSize(qint64 size)
{
    // A valid envelope padded with JSON whitespace to exactly `size` bytes.
    QByteArray body = QJsonDocument(envelope(QJsonObject{{QStringLiteral("SessionId"), SessionA},
                                        {QStringLiteral("Status"), QStringLiteral("RUNNING")}}))
                          .toJson(QJsonDocument::Compact);
    body.chop(1); // the closing brace goes last
    body += QByteArray(size - body.size() - 1, ' ');
    body += '}';
    return body;
}

} // namespace

class tst_ApiClientLimits
    : public QObject
    , public ApiClientFixture
{
    Q_OBJECT

private Q_SLOTS:

    void init() { setUpClient(); }

    void cleanup() { tearDownClient(); }

    void redirect_anyStatus_notFollowedAndReported_data();
    void redirect_anyStatus_notFollowedAndReported();
    void redirect_locationWithSecrets_onlyHostAndPathShown();
    void oversizedAnswer_announcedLength_failsForEveryOperation_data();
    void oversizedAnswer_announcedLength_failsForEveryOperation();
    void oversizedAnswer_withoutLength_cutOffWhileDownloading();
    void answerAtTheCap_isRead();
    void sizeCap_default_is32MiB();
};

void tst_ApiClientLimits::redirect_anyStatus_notFollowedAndReported_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Op>("op");
    for (int status : {301, 302, 303, 307, 308}) {
        QTest::addRow("%d read", status) << status << Op::GetSession;
        QTest::addRow("%d write", status) << status << Op::Create;
    }
}

void tst_ApiClientLimits::redirect_anyStatus_notFollowedAndReported()
{
    QFETCH(int, status);
    QFETCH(Op, op);
    FakeHttpServer elsewhere;
    elsewhere.setHandler([this](const RecordedRequest &request) {
        return serveOk(request);
    });
    const QByteArray location = elsewhere.url().toEncoded() + "/next";
    m_server->setFallback(CannedResponse::raw(status, QByteArrayLiteral("{}")).withHeader("Location", location));
    AnyProbe probe;
    startOp(op, *m_client, probe);
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.outcome->ok);
    QCOMPARE(probe.outcome->error.kind, ApiError::Kind::Http);
    QCOMPARE(probe.outcome->error.httpStatus, status);
    QVERIFY2(
        probe.outcome->error.message.contains(QStringLiteral("redirect")), qPrintable(probe.outcome->error.message));
    QVERIFY2(
        probe.outcome->error.message.contains(QString::fromLatin1(location)), qPrintable(probe.outcome->error.message));
    QCOMPARE(m_server->requestCount(), 1); // a redirect is no passing fault: not retried
    QCOMPARE(elsewhere.requestCount(), 0);
}

void tst_ApiClientLimits::redirect_locationWithSecrets_onlyHostAndPathShown()
{
    FakeHttpServer elsewhere;
    QUrl location = elsewhere.url();
    location.setUserName(QStringLiteral("alice"));
    location.setPassword(QStringLiteral("Pa55word"));
    location.setPath(QStringLiteral("/api"));
    location.setQuery(QStringLiteral("token=tok-Secret"));
    m_server->setFallback(
        CannedResponse::raw(302, QByteArrayLiteral("{}")).withHeader("Location", location.toEncoded()));
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    const QString message = probe.error().message;
    QVERIFY2(message.contains(elsewhere.url().toString() + QStringLiteral("/api")), qPrintable(message));
    for (const QString &secret : {QStringLiteral("alice"), QStringLiteral("Pa55word"), QStringLiteral("tok-Secret")}) {
        QVERIFY2(!message.contains(secret), qPrintable(message));
    }
    QCOMPARE(elsewhere.requestCount(), 0);
}

void tst_ApiClientLimits::oversizedAnswer_announcedLength_failsForEveryOperation_data()
{
    QTest::addColumn<Op>("op");
    for (Op op : {Op::Create,
             Op::List,
             Op::ListAll,
             Op::GetSession,
             Op::Get,
             Op::GetSessionDetail,
             Op::Delete,
             Op::PauseAsync,
             Op::ResumeAsync,
             Op::Pause,
             Op::Resume,
             Op::SetLabels,
             Op::GetLabels,
             Op::Info,
             Op::GetLink,
             Op::ListMcpTools,
             Op::CallMcpTool,
             Op::KeepAlive}) {
        QTest::newRow(qPrintable(actionOf(op) + QStringLiteral(" via op %1").arg(int(op)))) << op;
    }
}

void tst_ApiClientLimits::oversizedAnswer_announcedLength_failsForEveryOperation()
{
    QFETCH(Op, op);
    const qint64 cap = 64 * 1024;
    m_client->setMaxResponseBytes(cap);
    m_server->setFallback(CannedResponse::raw(200, bodyOfSize(cap + 1)));
    AnyProbe probe;
    startOp(op, *m_client, probe);
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.outcome->ok);
    QCOMPARE(probe.outcome->error.kind, ApiError::Kind::Parse);
    QVERIFY2(probe.outcome->error.message.contains(QStringLiteral("larger than 64 KiB")),
        qPrintable(probe.outcome->error.message));
    QCOMPARE(m_server->requestCount(), 1); // the first request fails; a read is not tried again
    QCOMPARE(probe.calls, 1);
}

void tst_ApiClientLimits::oversizedAnswer_withoutLength_cutOffWhileDownloading()
{
    // No Content-Length and a body that never ends: only a check while the bytes arrive can
    // stop it; without one this test would hit its timeout with the client buffering forever.
    const qint64 cap = 256 * 1024;
    m_client->setMaxResponseBytes(cap);
    m_server->setFallback(CannedResponse::endless(200, QByteArrayLiteral(R"({"RequestId":"r","Data":")")));
    Probe<QList<McpTool>> probe;
    m_client->listMcpTools(QString(), &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), 20000);
    QCOMPARE(probe.error().kind, ApiError::Kind::Parse);
    QVERIFY2(probe.error().message.contains(QStringLiteral("larger than 256 KiB")), qPrintable(probe.error().message));
    QCOMPARE(m_server->requestCount(), 1);
    QTRY_COMPARE(m_client->inFlightCount(), 0);
    // The client hangs up, and the server's feeding ends with the connection: what it wrote
    // stays near the cap (socket buffers of both ends hold a few MiB at most). The request
    // counts as answered as soon as the endless answer starts, so wait for the connection.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 20000);
    const qint64 written = m_server->endlessBytesWritten();
    QVERIFY2(written < 64 * 1024 * 1024, qPrintable(QString::number(written)));
    QTest::qWait(200); // a server still feeding would add megabytes in this time
    QCOMPARE(m_server->endlessBytesWritten(), written);
}

void tst_ApiClientLimits::answerAtTheCap_isRead()
{
    const qint64 cap = 64 * 1024;
    m_client->setMaxResponseBytes(cap);
    m_server->setFallback(CannedResponse::raw(200, bodyOfSize(cap)));
    Probe<SessionData> probe;
    m_client->getSession(SessionA, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().sessionId, SessionA);
}

void tst_ApiClientLimits::sizeCap_default_is32MiB()
{
    QCOMPARE(m_client->maxResponseBytes(), qint64(32) * 1024 * 1024);
    QCOMPARE(RequestSender::DefaultMaxResponseBytes, qint64(32) * 1024 * 1024);
}

QTEST_GUILESS_MAIN(tst_ApiClientLimits)
#include "tst_apiclientlimits.moc"
