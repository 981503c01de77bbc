// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <ui/services/localserverlauncher.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;
using AgentBay::Ui::LocalServerLauncher;

namespace {
// The launcher detaches on purpose; each test stops what it started before its folder goes.
struct StopStarted
{
    QList<qint64> pids;

    ~StopStarted()
    {
        for (const qint64 pid : std::as_const(pids)) {
            ::kill(pid_t(pid), SIGTERM);
        }
    }
};
} // namespace

class tst_LocalServerLauncher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ensureRunning_noServer_startsOneDetached_thenReusesIt();
    void ensureRunning_staleDiscoveryFile_startsAFreshServer();
    void ensureRunning_missingProgram_failsWithMessage();
    void readDiscovery_incompleteFile_isIgnored();
    void ensureRunning_freshServer_httpsEndpointWithItsCaPinned();
    void readDiscovery_olderServerWithoutCa_keepsItsHttpUrl();
    void readDiscovery_unsandboxedServer_isReported();

private:
    QString m_program;
};

void tst_LocalServerLauncher::initTestCase()
{
    m_program = qEnvironmentVariable("AGENTBAY_LOCAL_BIN");
    QVERIFY(QFileInfo(m_program).isExecutable());
}

void tst_LocalServerLauncher::ensureRunning_noServer_startsOneDetached_thenReusesIt()
{
    QTemporaryDir dir;
    StopStarted started;
    LocalServerLauncher launcher;
    launcher.setDataDir(dir.path());
    launcher.setProgram(m_program);
    QSignalSpy ready(&launcher, &LocalServerLauncher::ready);
    QSignalSpy failed(&launcher, &LocalServerLauncher::failed);
    launcher.ensureRunning();
    QVERIFY(ready.wait(20000));
    QCOMPARE(failed.count(), 0);
    const auto discovery = LocalServerLauncher::readDiscovery(dir.path());
    QVERIFY(discovery.has_value());
    started.pids.append(discovery->pid);
    QCOMPARE(ready.at(0).at(0).toString(), discovery->url);
    QCOMPARE(ready.at(0).at(1).toString(), discovery->token);
    QVERIFY(ready.at(0).at(2).toBool()); // started

    LocalServerLauncher second;
    second.setDataDir(dir.path());
    second.setProgram(m_program);
    QSignalSpy secondReady(&second, &LocalServerLauncher::ready);
    second.ensureRunning();
    QVERIFY(secondReady.wait(10000));
    QCOMPARE(secondReady.at(0).at(0).toString(), discovery->url);
    QVERIFY(!secondReady.at(0).at(2).toBool()); // found, not started
}

void tst_LocalServerLauncher::ensureRunning_staleDiscoveryFile_startsAFreshServer()
{
    QTemporaryDir dir;
    StopStarted started;
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 deadPort = probe.serverPort();
    probe.close();
    QFile stale(dir.filePath(u"server.json"_s));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write(
        u"{\"url\":\"http://127.0.0.1:%1\",\"port\":%1,\"pid\":999999,\"token\":\"abl-old\"}"_s.arg(deadPort).toUtf8());
    stale.close();

    LocalServerLauncher launcher;
    launcher.setDataDir(dir.path());
    launcher.setProgram(m_program);
    QSignalSpy ready(&launcher, &LocalServerLauncher::ready);
    launcher.ensureRunning();
    QVERIFY(ready.wait(20000));
    const auto discovery = LocalServerLauncher::readDiscovery(dir.path());
    QVERIFY(discovery.has_value());
    started.pids.append(discovery->pid);
    QVERIFY(discovery->token != u"abl-old"_s);
    QCOMPARE(ready.at(0).at(0).toString(), discovery->url);
    QVERIFY(ready.at(0).at(2).toBool());
}

void tst_LocalServerLauncher::ensureRunning_missingProgram_failsWithMessage()
{
    QTemporaryDir dir;
    LocalServerLauncher launcher;
    launcher.setDataDir(dir.path());
    launcher.setProgram({});
    QSignalSpy failed(&launcher, &LocalServerLauncher::failed);
    launcher.ensureRunning();
    QVERIFY(failed.count() == 1 || failed.wait(5000));
    QVERIFY(failed.at(0).at(0).toString().contains(u"agentbay-local"_s));
    QVERIFY(!launcher.isBusy());
}

void tst_LocalServerLauncher::readDiscovery_incompleteFile_isIgnored()
{
    QTemporaryDir dir;
    QVERIFY(!LocalServerLauncher::readDiscovery(dir.path()).has_value());
    QFile file(dir.filePath(u"server.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"url\":\"http://127.0.0.1:1\"}");
    file.close();
    QVERIFY(!LocalServerLauncher::readDiscovery(dir.path()).has_value());
}

void tst_LocalServerLauncher::ensureRunning_freshServer_httpsEndpointWithItsCaPinned()
{
    QTemporaryDir dir;
    StopStarted started;
    LocalServerLauncher launcher;
    launcher.setDataDir(dir.path());
    launcher.setProgram(m_program);
    QSignalSpy ready(&launcher, &LocalServerLauncher::ready);
    launcher.ensureRunning();
    QVERIFY(ready.wait(20000));
    const LocalServerLauncher::Discovery &info = launcher.serverInfo();
    started.pids.append(info.pid);
    const QString url = ready.at(0).at(0).toString();
    QVERIFY2(url.startsWith(u"https://127.0.0.1:"_s), qPrintable(url));
    QCOMPARE(info.url, url);
    const QList<QSslCertificate> ca =
        AgentBay::Core::Config::loadCaCertificates(LocalServerLauncher::caCertificatePath(dir.path()));
    QCOMPARE(ca.size(), 1);
    QCOMPARE(info.caCertificates, ca);

    // The endpoint and CA it hands out are all a client needs.
    AgentBay::Core::Config config;
    config.endpoint = url;
    config.apiKey = info.token;
    config.caCertificates = info.caCertificates;
    AgentBay::Core::ApiClient client(config);
    std::optional<AgentBay::Core::Result<AgentBay::Core::SessionListPage>> listed;
    client.list({}, this, [&listed](const AgentBay::Core::Result<AgentBay::Core::SessionListPage> &result) {
        listed = result;
    });
    QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
    QVERIFY2(listed->ok(), qPrintable(listed->ok() ? QString() : listed->error().details()));
}

void tst_LocalServerLauncher::readDiscovery_olderServerWithoutCa_keepsItsHttpUrl()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"server.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"url":"http://127.0.0.1:4567","port":4567,"pid":1,"token":"abl-x"})");
    file.close();
    const auto discovery = LocalServerLauncher::readDiscovery(dir.path());
    QVERIFY(discovery.has_value());
    QCOMPARE(discovery->url, u"http://127.0.0.1:4567"_s);
    QVERIFY(discovery->caCertificates.isEmpty());
    QVERIFY(discovery->sandboxed); // it said nothing: no warning
}

void tst_LocalServerLauncher::readDiscovery_unsandboxedServer_isReported()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"server.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"url":"http://127.0.0.1:4567","port":4567,"pid":1,"token":"abl-x","sandboxed":false})");
    file.close();
    const auto discovery = LocalServerLauncher::readDiscovery(dir.path());
    QVERIFY(discovery.has_value());
    QVERIFY(!discovery->sandboxed);
}

QTEST_GUILESS_MAIN(tst_LocalServerLauncher)
#include "tst_localserverlauncher.moc"
