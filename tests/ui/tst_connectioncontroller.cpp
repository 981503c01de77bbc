// SPDX-License-Identifier: MIT
// ConnectionController alone (no window): profiles, keys, agentbay-local and the Config the
// client gets, against a real agentbay-local.
#include <core/api/apiclient.h>
#include <support/localserver.h>
#include <ui/services/connectioncontroller.h>
#include <ui/services/localserverlauncher.h>
#include <ui/services/memorycredentialstore.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Ui::ConnectionController;
using Ui::Profile;

class tst_ConnectionController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void connectTo_appliesEndpointKeyAndTimeout_thenRefreshes();
    void activateProfile_cloudWithoutKey_saysTheKeyIsMissing();
    void activateProfile_cloudWithStoredKey_connectsWithIt();
    void activateProfile_local_findsTheRunningServer();
    void local_serverMovedToAnotherPort_isFollowed();
    void firstSeen_keptPerEndpointAcrossReconnects();
    void applySettings_savesTheProfileAndAppliesTheTimeout();

private:
    void addProfile(const Profile &profile);

    QTemporaryDir m_dir;
    std::unique_ptr<Test::LocalServer> m_server;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Ui::ProfileStore> m_profiles;
    std::unique_ptr<Core::ApiClient> m_client;
    std::unique_ptr<Ui::MemoryCredentialStore> m_credentials;
    std::unique_ptr<Ui::SessionController> m_sessions;
    std::unique_ptr<Ui::LocalServerLauncher> m_launcher;
    std::unique_ptr<ConnectionController> m_connection;
};

void tst_ConnectionController::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<Test::LocalServer>(m_dir.filePath(u"server"_s));
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
}

void tst_ConnectionController::init()
{
    QFile::remove(m_dir.filePath(u"settings.ini"_s));
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_profiles = std::make_unique<Ui::ProfileStore>(m_settings.get());
    m_client = std::make_unique<Core::ApiClient>(Core::Config{});
    m_credentials = std::make_unique<Ui::MemoryCredentialStore>();
    m_sessions = std::make_unique<Ui::SessionController>(m_client.get(), nullptr);
    m_sessions->setRefreshInterval(300ms);
    m_launcher = std::make_unique<Ui::LocalServerLauncher>();
    m_launcher->setDataDir(m_server->dataDir());
    m_launcher->setProgram({}); // never start one of its own: the test's server is the one to find
    m_connection = std::make_unique<ConnectionController>(m_client.get(),
        m_sessions.get(),
        m_credentials.get(),
        m_profiles.get(),
        m_launcher.get(),
        Ui::FirstSeenStore(m_dir.filePath(u"first-seen.json"_s)));
}

void tst_ConnectionController::cleanup()
{
    m_connection.reset();
    m_launcher.reset();
    m_sessions.reset();
    m_client.reset();
    m_credentials.reset();
    m_profiles.reset();
    m_settings.reset();
}

void tst_ConnectionController::addProfile(const Profile &profile)
{
    QList<Profile> list = m_profiles->profiles();
    list.append(profile);
    m_profiles->setProfiles(list);
}

void tst_ConnectionController::connectTo_appliesEndpointKeyAndTimeout_thenRefreshes()
{
    m_profiles->setRequestTimeoutMs(12345);
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    QSignalSpy refreshed(m_sessions.get(), &Ui::SessionController::refreshed);
    m_connection->connectTo(m_server->url(), m_server->apiKey(), u"from the command line"_s);
    QCOMPARE(connected.count(), 1);
    QCOMPARE(connected.first().first().toString(), m_server->url());
    QCOMPARE(m_client->config().endpoint, m_server->url());
    QCOMPARE(m_client->config().apiKey, m_server->apiKey());
    QCOMPARE(m_client->config().timeoutMs, 12345);
    QCOMPARE(m_connection->profile().name, u"from the command line"_s);
    QCOMPARE(m_connection->profile().refreshIntervalMs, Profile::LocalRefreshMs); // loopback
    QVERIFY(refreshed.wait(10000));
}

void tst_ConnectionController::activateProfile_cloudWithoutKey_saysTheKeyIsMissing()
{
    Profile work;
    work.name = u"Work"_s;
    work.kind = Profile::Kind::Custom;
    work.endpoint = m_server->url();
    addProfile(work);
    QSignalSpy missing(m_connection.get(), &ConnectionController::apiKeyMissing);
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    m_connection->activateProfile(u"Work"_s);
    QVERIFY(missing.count() == 1 || missing.wait(5000));
    QCOMPARE(missing.first().first().toString(), u"Work"_s);
    QCOMPARE(connected.count(), 0);
    QCOMPARE(m_profiles->currentName(), u"Work"_s);
}

void tst_ConnectionController::activateProfile_cloudWithStoredKey_connectsWithIt()
{
    Profile work;
    work.name = u"Work"_s;
    work.kind = Profile::Kind::Custom;
    work.endpoint = m_server->url();
    work.regionId = u"cn-hangzhou"_s;
    addProfile(work);
    bool written = false;
    m_credentials->write(work.credentialKey(), m_server->apiKey(), this, [&written](const QString &) {
        written = true;
    });
    QTRY_VERIFY(written);
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    QSignalSpy refreshed(m_sessions.get(), &Ui::SessionController::refreshed);
    m_connection->activateProfile(u"Work"_s);
    QVERIFY(connected.count() == 1 || connected.wait(5000));
    QCOMPARE(m_client->config().apiKey, m_server->apiKey());
    QCOMPARE(m_client->config().regionId, u"cn-hangzhou"_s);
    QVERIFY(refreshed.wait(10000));
}

void tst_ConnectionController::activateProfile_local_findsTheRunningServer()
{
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    m_connection->activateProfile(Profile::localName());
    QVERIFY(connected.wait(10000));
    // https on the same port, with exactly the data folder's CA pinned to this profile.
    QCOMPARE(connected.first().first().toString(), m_server->url().replace(u"http://"_s, u"https://"_s));
    QCOMPARE(m_client->config().caCertificates,
        Core::Config::loadCaCertificates(Ui::LocalServerLauncher::caCertificatePath(m_server->dataDir())));
    QVERIFY(!m_client->config().caCertificates.isEmpty());
    QCOMPARE(m_client->config().apiKey, m_server->apiKey());
    QVERIFY(m_connection->profile().isLocal());
}

void tst_ConnectionController::local_serverMovedToAnotherPort_isFollowed()
{
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    m_connection->activateProfile(Profile::localName());
    QVERIFY(connected.wait(10000));
    const QString before = m_server->url();

    // agentbay-local restarts on another port: the next failed refresh reads where it went.
    m_server->stop();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    QVERIFY(m_server->url() != before);
    QSignalSpy failed(m_connection.get(), &ConnectionController::refreshFailed);
    QVERIFY(connected.wait(15000));
    QCOMPARE(connected.last().first().toString(), m_server->url().replace(u"http://"_s, u"https://"_s));
    QCOMPARE(m_client->config().apiKey, m_server->apiKey());
    QCOMPARE(failed.count(), 0); // followed, not reported
}

void tst_ConnectionController::firstSeen_keptPerEndpointAcrossReconnects()
{
    QSignalSpy refreshed(m_sessions.get(), &Ui::SessionController::refreshed);
    m_connection->connectTo(m_server->url(), m_server->apiKey());
    QVERIFY(refreshed.wait(10000));
    // A session this app saw an hour ago, as the store would have recorded it.
    const QDateTime anHourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    m_sessions->store()->setKnownFirstSeen({{u"session-old"_s, anHourAgo}});
    m_sessions->store()->setStatus(u"session-old"_s, Core::SessionStatus::Running);
    m_connection->saveFirstSeen();

    const Ui::FirstSeenStore file(m_dir.filePath(u"first-seen.json"_s));
    const QHash<QString, QDateTime> saved = file.load(m_client->config().baseUrl().toString());
    QCOMPARE(saved.value(u"session-old"_s), anHourAgo);
    QVERIFY(file.load(u"https://elsewhere"_s).isEmpty());
}

void tst_ConnectionController::applySettings_savesTheProfileAndAppliesTheTimeout()
{
    m_connection->activateProfile(Profile::localName());
    m_connection->applySettings(2000, 7000);
    QCOMPARE(m_client->config().timeoutMs, 7000);
    QCOMPARE(m_profiles->requestTimeoutMs(), 7000);
    QCOMPARE(m_profiles->find(Profile::localName())->refreshIntervalMs, 2000);
    QCOMPARE(m_connection->profile().refreshIntervalMs, 2000);
}

QTEST_GUILESS_MAIN(tst_ConnectionController)
#include "tst_connectioncontroller.moc"
