// SPDX-License-Identifier: MIT
// The API key never reaches logs, errors or request log entries, whatever goes wrong.
#include "apiclientfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace AgentBay::Core;
using namespace AgentBay::Test;

namespace {

// Captures every log line of the process while a test runs.
QStringList g_logLines;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_logLines.append(
        QString::fromLatin1(context.category ? context.category : "default") + QLatin1Char(' ') + message);
}

} // namespace

class tst_ApiClientSecrets
    : public QObject
    , public ApiClientFixture
{
    Q_OBJECT

private Q_SLOTS:

    void init() { setUpClient(); }

    void cleanup() { tearDownClient(); }

    void apiKey_neverInLogsErrorsOrLogEntries_data();
    void apiKey_neverInLogsErrorsOrLogEntries();
};

void tst_ApiClientSecrets::apiKey_neverInLogsErrorsOrLogEntries_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("success") << QStringLiteral("success");
    QTest::newRow("API error echoing the key") << QStringLiteral("api-echo");
    QTest::newRow("HTTP 500 page echoing the key") << QStringLiteral("http-echo");
    QTest::newRow("Success:false echoing the key") << QStringLiteral("success-false-echo");
    QTest::newRow("garbage body echoing the key") << QStringLiteral("parse-echo");
    QTest::newRow("timeout") << QStringLiteral("timeout");
    QTest::newRow("connection reset") << QStringLiteral("reset");
    QTest::newRow("cancelled") << QStringLiteral("cancel");
    QTest::newRow("invalid argument") << QStringLiteral("invalid");
    QTest::newRow("delete with SyncContext (key in the query)") << QStringLiteral("sync-delete");
    QTest::newRow("unreachable server") << QStringLiteral("refused");
    QTest::newRow("SyncContext refused with HTTP 400 (key in the query)") << QStringLiteral("sync-refused");
    QTest::newRow("SyncContext unreachable (key in the query)") << QStringLiteral("sync-unreachable");
    QTest::newRow("API error echoing the key form-encoded") << QStringLiteral("api-echo-encoded");
    QTest::newRow("API error echoing it in Code and RequestId") << QStringLiteral("api-echo-fields");
    QTest::newRow("endpoint with user:password, HTTP 500") << QStringLiteral("userinfo-http");
    QTest::newRow("endpoint with user:password, unreachable") << QStringLiteral("userinfo-refused");
}

void tst_ApiClientSecrets::apiKey_neverInLogsErrorsOrLogEntries()
{
    QFETCH(QString, scenario);
    const QString echo = QStringLiteral("the key Bearer ") + ApiKey + QStringLiteral(" is not valid");
    const QByteArray echoJson =
        QJsonDocument(failure(QStringLiteral("InvalidApiKey"), echo, 401, QStringLiteral("r-k")))
            .toJson(QJsonDocument::Compact);

    g_logLines.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true")); // Qt's own categories too
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
    });

    Config config = configFor(scenario == u"timeout" ? 300 : 5000);
    if (scenario == u"refused" || scenario.endsWith(u"unreachable") || scenario == u"userinfo-refused") {
        FakeHttpServer closed;
        config.endpoint = closed.endpoint();
        closed.close(); // nothing listens there any more
    }
    if (scenario.startsWith(u"userinfo")) {
        QUrl withUser(config.endpoint);
        withUser.setUserName(QStringLiteral("alice"));
        withUser.setPassword(QStringLiteral("Pa55-") + KeyMarker);
        config.endpoint = withUser.toString();
    }
    m_client = std::make_unique<ApiClient>(config);
    QSignalSpy started(m_client.get(), &ApiClient::requestStarted);
    QSignalSpy finished(m_client.get(), &ApiClient::requestFinished);

    if (scenario == u"success") {
        m_server->setHandler([this](const RecordedRequest &request) {
            return serveOk(request);
        });
    } else if (scenario == u"api-echo") {
        m_server->setFallback(CannedResponse::raw(401, echoJson));
    } else if (scenario == u"http-echo") {
        m_server->setFallback(CannedResponse::raw(500, "<html>" + echo.toUtf8() + "</html>", "text/html"));
    } else if (scenario == u"success-false-echo") {
        m_server->setFallback(CannedResponse::raw(200, echoJson));
    } else if (scenario == u"parse-echo") {
        m_server->setFallback(CannedResponse::raw(200, "Authorization=" + echo.toUtf8()));
    } else if (scenario == u"timeout" || scenario == u"cancel") {
        m_server->setFallback(CannedResponse::hang());
    } else if (scenario == u"reset") {
        m_server->setFallback(CannedResponse::reset());
    } else if (scenario == u"sync-refused") {
        m_server->setFallback(CannedResponse::raw(400, "<html>bad request</html>", "text/html"));
    } else if (scenario == u"api-echo-encoded") {
        const QByteArray encoded = "Authorization=Bearer+" + QUrl::toPercentEncoding(ApiKey) + " / Bearer%20"
            + QUrl::toPercentEncoding(ApiKey);
        m_server->setFallback(CannedResponse::raw(400,
            QJsonDocument(
                failure(QStringLiteral("InvalidApiKey"), QString::fromLatin1(encoded), 400, QStringLiteral("r")))
                .toJson(QJsonDocument::Compact)));
    } else if (scenario == u"api-echo-fields") {
        m_server->setFallback(CannedResponse::raw(
            400, QJsonDocument(failure(QStringLiteral("Bad.") + ApiKey, QStringLiteral("bad"), 400, ApiKey)).toJson()));
    } else if (scenario == u"userinfo-http") {
        m_server->setFallback(CannedResponse::raw(500, "<html>down</html>", "text/html"));
    } else if (scenario == u"sync-delete") {
        m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
            if (request.action() == u"GetSessionDetail") {
                return notFound();
            }
            return CannedResponse::json(envelope());
        });
    }

    QList<ApiError> errors;
    AnyProbe create;
    AnyProbe read;
    AnyProbe extra;
    if (scenario == u"invalid") {
        LinkParams params;
        params.port = 1;
        m_client->getLink(SessionA, params, &extra.context, extra.callback<QString>());
    } else if (scenario.startsWith(u"sync")) {
        m_client->deleteSession(SessionA, true, FastWait, &extra.context, extra.callback<Empty>());
    } else if (scenario == u"cancel") {
        OperationHandle handle = m_client->getSession(SessionA, &extra.context, extra.callback<SessionData>());
        QTRY_COMPARE(m_server->requestCount(), 1);
        handle.cancel();
    } else {
        startOp(Op::Create, *m_client, create);
        startOp(Op::GetSession, *m_client, read);
        startOp(Op::CallMcpTool, *m_client, extra);
    }
    if (scenario == u"cancel") {
        QTRY_VERIFY(extra.done());
        QCOMPARE(extra.outcome->error.kind, ApiError::Kind::Cancelled);
    } else if (scenario == u"invalid" || scenario.startsWith(u"sync")) {
        QTRY_VERIFY_WITH_TIMEOUT(extra.done(), 10000);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(create.done() && read.done() && extra.done(), 15000);
    }
    for (const AnyProbe *probe : {&create, &read, &extra}) {
        if (probe->done() && !probe->outcome->ok) {
            errors.append(probe->outcome->error);
        }
    }
    if (scenario != u"success" && scenario != u"sync-delete") {
        QVERIFY2(!errors.isEmpty(), "the scenario should have produced errors");
    }

    // The marker is in the key and in the endpoint's password: any spelling of either shows it.
    auto leaks = [](const QString &text) {
        return text.contains(ApiKey) || text.contains(KeyMarker)
            || text.contains(QString::fromLatin1(QUrl::toPercentEncoding(ApiKey)));
    };
    for (const ApiError &error : errors) {
        QVERIFY2(!leaks(error.message), qPrintable(error.message));
        QVERIFY2(!leaks(error.details()), qPrintable(error.details()));
        QVERIFY2(!leaks(error.code), qPrintable(error.code));
    }
    QVERIFY(!started.isEmpty() || scenario == u"invalid");
    for (const QSignalSpy *spy : {&started, &finished}) {
        for (const QList<QVariant> &args : *spy) {
            const auto entry = args.at(0).value<RequestLogEntry>();
            for (const QString &field : {entry.action, entry.sessionId, entry.requestId, entry.outcome}) {
                QVERIFY2(!leaks(field), qPrintable(field));
            }
        }
    }
    if (scenario != u"invalid") {
        QVERIFY2(!g_logLines.isEmpty(), "the capture should see the client's debug lines");
    }
    for (const QString &line : std::as_const(g_logLines)) {
        QVERIFY2(!leaks(line), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(tst_ApiClientSecrets)
#include "tst_apiclientsecrets.moc"
