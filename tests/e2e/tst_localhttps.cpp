// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <core/terminal/terminalchannel.h>
#include <support/callbackprobe.h>
#include <support/localserver.h>

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace AgentBay::Core;
using AgentBay::Test::LocalServer;

namespace {

template <typename T>
using Probe = AgentBay::Test::CallbackProbe<T>;

constexpr int CallTimeoutMs = 30000; // a session start under a loaded CI machine

// agentbay-local keeps its CA in DATA/tls/ca.pem (see agentbay-local --help).
QList<QSslCertificate> caOf(const LocalServer &server)
{
    QString error;
    const QList<QSslCertificate> certificates =
        Config::loadCaCertificates(server.dataDir() + QStringLiteral("/tls/ca.pem"), &error);
    if (certificates.isEmpty()) {
        qWarning("%s", qPrintable(error));
    }
    return certificates;
}

} // namespace

// The desktop app's Local profile: https to agentbay-local with exactly its CA pinned.
class tst_LocalHttps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void pinnedCa_createAndList_overHttps();
    void otherServersCa_refusedWithTlsErrorWithoutSecret();
    void noPinnedCa_localCaIsNotInTheSystemStore();
    void setConfig_fromWrongToRightCa_nextCallSucceeds();
    void terminalChannel_wssWithPinnedCa_opens();

private:
    Config httpsConfig(const QList<QSslCertificate> &ca) const;

    std::unique_ptr<LocalServer> m_server;
    QList<QSslCertificate> m_ca;
    QList<QSslCertificate> m_otherCa; // made by another agentbay-local in its own data dir
};

void tst_LocalHttps::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    LocalServer other;
    QVERIFY2(other.start(), qPrintable(other.lastError()));
    other.stop();
    m_otherCa = caOf(other);
    QCOMPARE(m_otherCa.size(), 1);

    m_server = std::make_unique<LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    m_ca = caOf(*m_server);
    QCOMPARE(m_ca.size(), 1);
    QVERIFY(m_ca != m_otherCa);
}

void tst_LocalHttps::cleanupTestCase()
{
    m_server.reset();
}

Config tst_LocalHttps::httpsConfig(const QList<QSslCertificate> &ca) const
{
    Config config;
    config.apiKey = m_server->apiKey();
    // host:port without a scheme, as the SDKs' AGENTBAY_ENDPOINT: https.
    config.endpoint = QStringLiteral("127.0.0.1:%1").arg(QUrl(m_server->url()).port());
    config.timeoutMs = CallTimeoutMs;
    config.caCertificates = ca;
    return config;
}

void tst_LocalHttps::pinnedCa_createAndList_overHttps()
{
    ApiClient client(httpsConfig(m_ca));
    QCOMPARE(client.config().baseUrl().scheme(), QStringLiteral("https"));

    CreateSessionParams params;
    params.labels = {{QStringLiteral("suite"), QStringLiteral("https")}};
    Probe<SessionData> created;
    client.create(params, &created.context, created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.done(), CallTimeoutMs);
    QVERIFY2(created.ok(), qPrintable(created.why()));
    // Asked over https, the URLs it hands out are https too, on the address the client used.
    const QString origin = QStringLiteral("https://127.0.0.1:%1").arg(QUrl(m_server->url()).port());
    QVERIFY2(created.value().resourceUrl.startsWith(origin + QStringLiteral("/sessions/")),
        qPrintable(created.value().resourceUrl));
    LinkParams linkParams;
    linkParams.protocolType = QStringLiteral("https");
    linkParams.port = 30150;
    Probe<QString> link;
    client.getLink(created.value().sessionId, linkParams, &link.context, link.callback());
    QTRY_VERIFY_WITH_TIMEOUT(link.done(), CallTimeoutMs);
    QVERIFY2(link.ok(), qPrintable(link.why()));
    QVERIFY2(link.value().startsWith(origin + QStringLiteral("/sessions/")), qPrintable(link.value()));

    ListSessionParams filter;
    filter.labels = params.labels;
    Probe<SessionListPage> listed;
    client.list(filter, &listed.context, listed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(listed.done(), CallTimeoutMs);
    QVERIFY2(listed.ok(), qPrintable(listed.why()));
    QCOMPARE(listed.value().sessions.size(), 1);
    QCOMPARE(listed.value().sessions.first().sessionId, created.value().sessionId);

    // Pinned to this client only: the process-wide default learnt nothing.
    QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(m_ca.first()));
}

void tst_LocalHttps::otherServersCa_refusedWithTlsErrorWithoutSecret()
{
    ApiClient client(httpsConfig(m_otherCa));
    Probe<SessionListPage> listed;
    client.list({}, &listed.context, listed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(listed.done(), CallTimeoutMs);
    QVERIFY(!listed.ok());
    QCOMPARE(listed.error().kind, ApiError::Kind::Network);
    const QString message = listed.error().details();
    QVERIFY2(message.contains(QStringLiteral("TLS certificate is not signed by the CA")), qPrintable(message));
    QVERIFY2(!message.contains(m_server->apiKey()), "the key must not show");
}

void tst_LocalHttps::noPinnedCa_localCaIsNotInTheSystemStore()
{
    ApiClient client(httpsConfig({}));
    Probe<SessionListPage> listed;
    client.list({}, &listed.context, listed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(listed.done(), CallTimeoutMs);
    QVERIFY(!listed.ok());
    QVERIFY2(listed.error().message.contains(QStringLiteral("TLS certificate is not trusted")),
        qPrintable(listed.error().details()));
}

void tst_LocalHttps::setConfig_fromWrongToRightCa_nextCallSucceeds()
{
    ApiClient client(httpsConfig(m_otherCa));
    Probe<SessionListPage> refused;
    client.list({}, &refused.context, refused.callback());
    QTRY_VERIFY_WITH_TIMEOUT(refused.done(), CallTimeoutMs);
    QVERIFY(!refused.ok());

    client.setConfig(httpsConfig(m_ca));
    Probe<SessionListPage> listed;
    client.list({}, &listed.context, listed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(listed.done(), CallTimeoutMs);
    QVERIFY2(listed.ok(), qPrintable(listed.why()));
}

void tst_LocalHttps::terminalChannel_wssWithPinnedCa_opens()
{
    const Config config = httpsConfig(m_ca);
    ApiClient client(config);
    Probe<SessionData> created;
    client.create({}, &created.context, created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.done(), CallTimeoutMs);
    QVERIFY2(created.ok(), qPrintable(created.why()));
    // Asked over https, agentbay-local names its terminal channel with wss: used as given.
    const QUrl wsUrl(created.value().wsUrl);
    QCOMPARE(wsUrl.scheme(), QStringLiteral("wss"));
    QCOMPARE(wsUrl.port(), QUrl(m_server->url()).port());
    QVERIFY(QUrl(created.value().resourceUrl).toString().startsWith(QStringLiteral("https://127.0.0.1:")));

    const auto openWith = [&](const QList<QSslCertificate> &ca) {
        Config pinned = config;
        pinned.caCertificates = ca;
        TerminalChannel channel;
        channel.setSslConfiguration(pinned.sslConfiguration());
        QSignalSpy opened(&channel, &TerminalChannel::opened);
        QSignalSpy closed(&channel, &TerminalChannel::closed);
        channel.open(wsUrl, created.value().token);
        if (!QTest::qWaitFor(
                [&] {
                    return !opened.isEmpty() || !closed.isEmpty();
                },
                CallTimeoutMs)) {
            return QStringLiteral("neither opened nor closed");
        }
        return closed.isEmpty() ? QString() : closed.first().first().toString();
    };
    const QString withItsCa = openWith(m_ca);
    QVERIFY2(withItsCa.isEmpty(), qPrintable(withItsCa));
    QVERIFY(!openWith(m_otherCa).isEmpty());
}

QTEST_MAIN(tst_LocalHttps)
#include "tst_localhttps.moc"
