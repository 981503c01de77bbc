// SPDX-License-Identifier: MIT
// SessionController alone (no window): the store follows the real agentbay-local, the lifecycle
// actions move the rows, and a refused action lands on the row and in actionFailed().
#include <core/api/apiclient.h>
#include <support/fakehttpserver.h>
#include <support/localserver.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include <memory>
#include <optional>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Core::SessionStatus;

namespace {

class RecordingUrlOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &url) override
    {
        opened.append(url);
        return true;
    }

    QList<QUrl> opened;
};

} // namespace

class tst_SessionController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void start_fillsTheStoreFromTheServer();
    void pauseThenResume_rowFollowsTheStatus();
    void resume_skipsSessionsThatAreNotPaused();
    void remove_deletesTheRow();
    void openDesktop_handsTheResourceUrlToTheOpener();
    void browserUrl_loopbackHttpsOfAPinnedServer_opensOverHttp_data();
    void browserUrl_loopbackHttpsOfAPinnedServer_opensOverHttp();
    void refusedAction_landsOnTheRowAndInActionFailed();

private:
    QString createSession();
    SessionStatus statusOf(const QString &id) const;

    std::unique_ptr<Test::LocalServer> m_server;
    std::unique_ptr<Core::ApiClient> m_client;
    RecordingUrlOpener m_opener;
    std::unique_ptr<Ui::SessionController> m_controller;
};

void tst_SessionController::initTestCase()
{
    m_server = std::make_unique<Test::LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
}

void tst_SessionController::init()
{
    Core::Config config;
    config.endpoint = m_server->url();
    config.apiKey = m_server->apiKey();
    m_client = std::make_unique<Core::ApiClient>(config);
    m_opener.opened.clear();
    m_controller = std::make_unique<Ui::SessionController>(m_client.get(), &m_opener);
    m_controller->setWaitPollInterval(100ms);
    m_controller->setRefreshInterval(300ms);
    QSignalSpy refreshed(m_controller.get(), &Ui::SessionController::refreshed);
    m_controller->start();
    QVERIFY(refreshed.wait(10000));
}

void tst_SessionController::cleanup()
{
    m_controller.reset();
    m_client.reset();
}

QString tst_SessionController::createSession()
{
    std::optional<Core::Result<Core::SessionData>> result;
    Core::CreateSessionParams params;
    params.imageId = u"linux_latest"_s;
    m_controller->create(params, this, [&result](const Core::Result<Core::SessionData> &r) {
        result = r;
    });
    // Creating starts a sandbox: generous, as on a loaded machine.
    if (!QTest::qWaitFor(
            [&result] {
                return result.has_value();
            },
            15000)
        || !result->ok()) {
        qWarning() << "create failed" << (result ? result->error().details() : u"timeout"_s);
        return {};
    }
    return result->value().sessionId;
}

SessionStatus tst_SessionController::statusOf(const QString &id) const
{
    const Ui::SessionRow *row = m_controller->store()->find(id);
    return row ? row->status : SessionStatus::Unknown;
}

void tst_SessionController::start_fillsTheStoreFromTheServer()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    QCOMPARE(statusOf(id), SessionStatus::Running); // at once, from the create answer
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(id) && m_controller->store()->find(id)->confirmed, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->store()->find(id)->detailsLoaded, 10000);
    QCOMPARE(m_controller->store()->find(id)->imageId, u"linux_latest"_s);
    QVERIFY(m_controller->hasRefreshed());
    QVERIFY(!m_controller->lastRefreshFailed());
}

void tst_SessionController::pauseThenResume_rowFollowsTheStatus()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    m_controller->pause({id});
    QCOMPARE(statusOf(id), SessionStatus::Pausing); // before any answer
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), SessionStatus::Paused, 15000);
    m_controller->resume({id});
    QCOMPARE(statusOf(id), SessionStatus::Resuming);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), SessionStatus::Running, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->runningActions(), 0, 5000);
}

void tst_SessionController::resume_skipsSessionsThatAreNotPaused()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    const int requestsBefore = m_client->inFlightCount();
    m_controller->resume({id, u"session-unknown"_s}); // running: nothing to resume
    QCOMPARE(statusOf(id), SessionStatus::Running);
    QCOMPARE(m_controller->runningActions(), 0);
    QCOMPARE(m_client->inFlightCount(), requestsBefore);
}

void tst_SessionController::remove_deletesTheRow()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    QSignalSpy removed(m_controller->store(), &Ui::SessionStore::sessionsRemoved);
    m_controller->remove({id}, false);
    QCOMPARE(statusOf(id), SessionStatus::Deleting);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->store()->find(id), 15000);
    QVERIFY(!removed.isEmpty());
}

void tst_SessionController::openDesktop_handsTheResourceUrlToTheOpener()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    m_controller->openDesktop({id});
    QTRY_COMPARE_WITH_TIMEOUT(m_opener.opened.size(), 1, 10000);
    QVERIFY(m_opener.opened.first().isValid());
}

void tst_SessionController::browserUrl_loopbackHttpsOfAPinnedServer_opensOverHttp_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("pinned");
    QTest::addColumn<QString>("expected");
    const QString page = u"https://127.0.0.1:8443/sessions/s-1/desktop?authcode=abc"_s;
    QTest::newRow("local server, own CA")
        << page << true << u"http://127.0.0.1:8443/sessions/s-1/desktop?authcode=abc"_s;
    QTest::newRow("localhost") << u"https://localhost:9000/x"_s << true << u"http://localhost:9000/x"_s;
    QTest::newRow("ipv6 loopback") << u"https://[::1]:9000/x"_s << true << u"http://[::1]:9000/x"_s;
    QTest::newRow("system-trusted server") << page << false << page;
    QTest::newRow("remote host keeps https")
        << u"https://agentbay.example.com/x"_s << true << u"https://agentbay.example.com/x"_s;
    QTest::newRow("already http") << u"http://127.0.0.1:1/x"_s << true << u"http://127.0.0.1:1/x"_s;
}

// The browser does not trust the local server's own CA (pinned to the app's profile only), so
// it would show a certificate warning for the desktop or a port link.
void tst_SessionController::browserUrl_loopbackHttpsOfAPinnedServer_opensOverHttp()
{
    QFETCH(QString, url);
    QFETCH(bool, pinned);
    QFETCH(QString, expected);
    QCOMPARE(Ui::SessionController::browserUrl(QUrl(url), pinned), QUrl(expected));
}

void tst_SessionController::refusedAction_landsOnTheRowAndInActionFailed()
{
    // A service that lists one running session, says it is running and refuses everything else.
    Test::FakeHttpServer fake;
    fake.setHandler([](const Test::RecordedRequest &request) -> std::optional<Test::CannedResponse> {
        if (request.action() == u"ListSession"_s) {
            return Test::CannedResponse::json(QJsonObject{{u"RequestId"_s, u"r-1"_s},
                {u"Success"_s, true},
                {u"Data"_s, QJsonArray{QJsonObject{{u"SessionId"_s, u"session-x"_s}, {u"Status"_s, u"RUNNING"_s}}}}});
        }
        if (request.action() == u"GetSession"_s) {
            return Test::CannedResponse::json(QJsonObject{{u"RequestId"_s, u"r-3"_s},
                {u"Success"_s, true},
                {u"Data"_s, QJsonObject{{u"SessionId"_s, u"session-x"_s}, {u"Status"_s, u"RUNNING"_s}}}});
        }
        return Test::CannedResponse::json(
            QJsonObject{{u"RequestId"_s, u"r-2"_s}, {u"Code"_s, u"Forbidden"_s}, {u"Message"_s, u"not allowed"_s}},
            403);
    });
    Core::Config config;
    config.endpoint = fake.endpoint();
    config.apiKey = u"akm-test-key"_s;
    m_client->setConfig(config);
    QSignalSpy refreshed(m_controller.get(), &Ui::SessionController::refreshed);
    m_controller->restart();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(statusOf(u"session-x"_s), SessionStatus::Running);

    QSignalSpy failed(m_controller.get(), &Ui::SessionController::actionFailed);
    m_controller->pause({u"session-x"_s});
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(1).toString(), u"session-x"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->store()->find(u"session-x"_s)->error.isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"session-x"_s), SessionStatus::Running, 10000); // back as it was
}

QTEST_MAIN(tst_SessionController)
#include "tst_sessioncontroller.moc"
