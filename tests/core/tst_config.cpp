// SPDX-License-Identifier: MIT
#include <core/config/config.h>

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using AgentBay::Core::Config;
using Vars = QMap<QString, QString>;

Q_DECLARE_METATYPE(AgentBay::Core::Config)

namespace {

const QString KeyVar = QStringLiteral("AGENTBAY_API_KEY");
const QString EndpointVar = QStringLiteral("AGENTBAY_ENDPOINT");
const QString TimeoutVar = QStringLiteral("AGENTBAY_TIMEOUT_MS");
const QString RegionVar = QStringLiteral("AGENTBAY_REGION_ID");

QProcessEnvironment environmentOf(const Vars &vars)
{
    QProcessEnvironment env; // empty: the test machine's own AGENTBAY_* never leak in
    for (auto it = vars.cbegin(); it != vars.cend(); ++it) {
        env.insert(it.key(), it.value());
    }
    return env;
}

Config makeConfig(const QString &apiKey, const QString &endpoint, int timeoutMs, const QString &regionId)
{
    Config config;
    config.apiKey = apiKey;
    config.endpoint = endpoint;
    config.timeoutMs = timeoutMs;
    config.regionId = regionId;
    return config;
}

// A self-signed CA made once for these cases (its key was thrown away): nothing trusts it.
const QByteArray TestCaPem = QByteArrayLiteral("-----BEGIN CERTIFICATE-----\n"
                                               "MIIBqzCCAVGgAwIBAgIUEeMEfYJ1zF8aOrwzj18QLpyn7/MwCgYIKoZIzj0EAwIw\n"
                                               "KjEoMCYGA1UEAwwfVGVzdCBDQSBub3QgdHJ1c3RlZCBieSBhbnl0aGluZzAgFw0y\n"
                                               "NjExMzAxNjQ3NDJaGA8yMTI2MTEwNjE2NDc0MlowKjEoMCYGA1UEAwwfVGVzdCBD\n"
                                               "QSBub3QgdHJ1c3RlZCBieSBhbnl0aGluZzBZMBMGByqGSM49AgEGCCqGSM49AwEH\n"
                                               "A0IABMM4tPjYnOO04jzI0DH9wvNeMfg48VcExQYmKdNBn0KWPy2501wNnDN0Hyl9\n"
                                               "qIIhy9drJricFT9vFjR/Uz83JIajUzBRMB0GA1UdDgQWBBRlmJZa95QIGp9Nrovt\n"
                                               "2TqLEQtvkjAfBgNVHSMEGDAWgBRlmJZa95QIGp9Nrovt2TqLEQtvkjAPBgNVHRMB\n"
                                               "Af8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQDwv1Dc6X3d1MC+gUUpCUUKDG0T\n"
                                               "jlafO3Ue6l1mzzK/ZwIgVqg165UyxgEWMypcbVbRtwjuJoacm0uDgwYy0DDc3Qk=\n"
                                               "-----END CERTIFICATE-----\n");

} // namespace

class tst_Config : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void defaults_areTheSdkDefaults();
    void fromEnvironment_noSources_givesDefaults();
    void resolve_sources_highestWins_data();
    void resolve_sources_highestWins();
    void resolve_timeoutText_invalidOrNonPositiveIgnored_data();
    void resolve_timeoutText_invalidOrNonPositiveIgnored();
    void resolve_explicitEnvFile_usedInsteadOfSearch();
    void resolve_noExplicitEnvFile_searchesUpwardFromStartDir();
    void resolve_dotEnvNeverOverridesEnvironment();
    void baseUrl_endpoint_data();
    void baseUrl_endpoint();
    void sslConfiguration_noPinnedCa_isQtDefault();
    void sslConfiguration_pinnedCa_trustsExactlyThoseCertificates();
    void resolve_explicitConfig_keepsPinnedCa();
    void loadCaCertificates_pemFile_givesItsCertificate();
    void loadCaCertificates_missingOrNoCertificate_errorNamesTheFile();

private:
    void writeDotEnv(const QString &path, const QByteArray &text);
    Config::Sources sources(const Vars &env, const QString &envFile = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Config::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QDir current(m_dir->path());
    do {
        if (current.exists(QStringLiteral(".env"))) {
            QSKIP("a .env file above the temporary directory would leak into every case");
        }
    } while (current.cdUp());
}

void tst_Config::writeDotEnv(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(text);
}

Config::Sources tst_Config::sources(const Vars &env, const QString &envFile) const
{
    Config::Sources sources;
    sources.environment = environmentOf(env);
    sources.envFile = envFile;
    sources.startDir = m_dir->path();
    sources.homeDir = m_dir->path(); // the search's upper bound
    return sources;
}

void tst_Config::defaults_areTheSdkDefaults()
{
    const Config config;
    QCOMPARE(Config::defaultEndpoint(), QStringLiteral("wuyingai.cn-shanghai.aliyuncs.com"));
    QCOMPARE(config.endpoint, Config::defaultEndpoint());
    QCOMPARE(config.timeoutMs, 60000);
    QVERIFY(config.apiKey.isEmpty());
    QVERIFY(config.regionId.isEmpty());
}

void tst_Config::fromEnvironment_noSources_givesDefaults()
{
    const Config config = Config::fromEnvironment(sources({}));
    QCOMPARE(config, Config());
}

void tst_Config::resolve_sources_highestWins_data()
{
    QTest::addColumn<Config>("explicitValues");
    QTest::addColumn<bool>("hasExplicitConfig");
    QTest::addColumn<Vars>("env");
    QTest::addColumn<QByteArray>("dotEnv");
    QTest::addColumn<Config>("expected");

    const Vars allEnv{{KeyVar, QStringLiteral("akm-env")},
        {EndpointVar, QStringLiteral("env.example:8443")},
        {TimeoutVar, QStringLiteral("1500")},
        {RegionVar, QStringLiteral("cn-hangzhou")}};
    const QByteArray allDotEnv = "AGENTBAY_API_KEY=akm-dotenv\n"
                                 "AGENTBAY_ENDPOINT=http://127.0.0.1:9000\n"
                                 "AGENTBAY_TIMEOUT_MS=2500\n"
                                 "AGENTBAY_REGION_ID=ap-southeast-1\n";
    const Config fromEnv =
        makeConfig(QStringLiteral("akm-env"), QStringLiteral("env.example:8443"), 1500, QStringLiteral("cn-hangzhou"));
    const Config fromDotEnv = makeConfig(
        QStringLiteral("akm-dotenv"), QStringLiteral("http://127.0.0.1:9000"), 2500, QStringLiteral("ap-southeast-1"));
    const Config explicitAll = makeConfig(
        QStringLiteral("akm-explicit"), QStringLiteral("explicit.example"), 4000, QStringLiteral("cn-beijing"));

    QTest::newRow("nothing anywhere: defaults") << Config() << false << Vars() << QByteArray() << Config();
    QTest::newRow("environment only") << Config() << false << allEnv << QByteArray() << fromEnv;
    QTest::newRow(".env only") << Config() << false << Vars() << allDotEnv << fromDotEnv;
    QTest::newRow("environment beats .env") << Config() << false << allEnv << allDotEnv << fromEnv;
    QTest::newRow("each field from the highest source that has it")
        << Config() << false << Vars{{KeyVar, QStringLiteral("akm-env")}, {TimeoutVar, QStringLiteral("1500")}}
        << QByteArray("AGENTBAY_API_KEY=akm-dotenv\nAGENTBAY_ENDPOINT=http://127.0.0.1:9000\n")
        << makeConfig(QStringLiteral("akm-env"), QStringLiteral("http://127.0.0.1:9000"), 1500, QString());
    QTest::newRow("explicit values beat environment and .env")
        << explicitAll << false << allEnv << allDotEnv << explicitAll;
    QTest::newRow("explicit config object beats everything")
        << explicitAll << true << allEnv << allDotEnv << explicitAll;
    // protocol.md section 2: with an explicit config object, env and .env are not consulted for
    // endpoint/timeout/region (fields left unset fall back to the defaults) ...
    QTest::newRow("explicit config object: unset endpoint/timeout/region are defaults")
        << makeConfig(QStringLiteral("akm-explicit"), Config::defaultEndpoint(), Config::DefaultTimeoutMs, QString())
        << true << allEnv << allDotEnv
        << makeConfig(QStringLiteral("akm-explicit"), Config::defaultEndpoint(), Config::DefaultTimeoutMs, QString());
    // ... but the API key still comes from the environment when the object has none.
    QTest::newRow("explicit config object without key: key from environment")
        << makeConfig(QString(), QStringLiteral("explicit.example"), 4000, QString()) << true << allEnv << QByteArray()
        << makeConfig(QStringLiteral("akm-env"), QStringLiteral("explicit.example"), 4000, QString());
}

void tst_Config::resolve_sources_highestWins()
{
    QFETCH(Config, explicitValues);
    QFETCH(bool, hasExplicitConfig);
    QFETCH(Vars, env);
    QFETCH(QByteArray, dotEnv);
    QFETCH(Config, expected);

    if (!dotEnv.isEmpty()) {
        writeDotEnv(m_dir->filePath(QStringLiteral(".env")), dotEnv);
    }
    const Config config = Config::resolve(explicitValues, hasExplicitConfig, sources(env));
    QCOMPARE(config.apiKey, expected.apiKey);
    QCOMPARE(config.endpoint, expected.endpoint);
    QCOMPARE(config.timeoutMs, expected.timeoutMs);
    QCOMPARE(config.regionId, expected.regionId);
}

void tst_Config::resolve_timeoutText_invalidOrNonPositiveIgnored_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("inDotEnv");
    QTest::addColumn<int>("expected");

    QTest::newRow("valid") << QStringLiteral("1500") << false << 1500;
    QTest::newRow("valid in .env") << QStringLiteral("2500") << true << 2500;
    QTest::newRow("not a number") << QStringLiteral("abc") << false << 60000;
    QTest::newRow("trailing garbage") << QStringLiteral("100ms") << false << 60000;
    QTest::newRow("fraction") << QStringLiteral("1.5") << false << 60000;
    QTest::newRow("zero") << QStringLiteral("0") << false << 60000;
    QTest::newRow("negative") << QStringLiteral("-5") << false << 60000;
    QTest::newRow("empty") << QString() << false << 60000;
    QTest::newRow("not a number in .env") << QStringLiteral("soon") << true << 60000;
    QTest::newRow("negative in .env") << QStringLiteral("-1") << true << 60000;
}

void tst_Config::resolve_timeoutText_invalidOrNonPositiveIgnored()
{
    QFETCH(QString, text);
    QFETCH(bool, inDotEnv);
    QFETCH(int, expected);

    Vars env;
    if (inDotEnv) {
        writeDotEnv(m_dir->filePath(QStringLiteral(".env")), "AGENTBAY_TIMEOUT_MS=" + text.toUtf8() + '\n');
    } else {
        env.insert(TimeoutVar, text);
    }
    QCOMPARE(Config::fromEnvironment(sources(env)).timeoutMs, expected);
}

void tst_Config::resolve_explicitEnvFile_usedInsteadOfSearch()
{
    const QString explicitFile = m_dir->filePath(QStringLiteral("profiles/staging.env"));
    writeDotEnv(explicitFile, "AGENTBAY_API_KEY=akm-explicit-file\nAGENTBAY_REGION_ID=cn-beijing\n");
    writeDotEnv(
        m_dir->filePath(QStringLiteral(".env")), "AGENTBAY_API_KEY=akm-searched\nAGENTBAY_ENDPOINT=searched.example\n");

    const Config config = Config::fromEnvironment(sources({}, explicitFile));
    QCOMPARE(config.apiKey, QStringLiteral("akm-explicit-file"));
    QCOMPARE(config.regionId, QStringLiteral("cn-beijing"));
    QCOMPARE(config.endpoint, Config::defaultEndpoint()); // the searched file is not merged in
}

void tst_Config::resolve_noExplicitEnvFile_searchesUpwardFromStartDir()
{
    writeDotEnv(m_dir->filePath(QStringLiteral("project/.env")), "AGENTBAY_API_KEY=akm-project\n");
    const QString deep = m_dir->filePath(QStringLiteral("project/src/module/deeper"));
    QVERIFY(QDir().mkpath(deep));

    Config::Sources fromDeep = sources({});
    fromDeep.startDir = deep;
    QCOMPARE(Config::fromEnvironment(fromDeep).apiKey, QStringLiteral("akm-project"));

    Config::Sources fromOutside = sources({});
    fromOutside.startDir = m_dir->path(); // above the project: nothing found
    QVERIFY(Config::fromEnvironment(fromOutside).apiKey.isEmpty());
}

void tst_Config::resolve_dotEnvNeverOverridesEnvironment()
{
    writeDotEnv(m_dir->filePath(QStringLiteral(".env")),
        "AGENTBAY_API_KEY=akm-dotenv\nAGENTBAY_ENDPOINT=dotenv.example\nAGENTBAY_REGION_ID=dotenv-region\n");
    // Present but empty in the environment still counts as set there.
    const Config config = Config::fromEnvironment(
        sources({{KeyVar, QStringLiteral("akm-env")}, {EndpointVar, QStringLiteral("env.example")}}));
    QCOMPARE(config.apiKey, QStringLiteral("akm-env"));
    QCOMPARE(config.endpoint, QStringLiteral("env.example"));
    QCOMPARE(config.regionId, QStringLiteral("dotenv-region")); // not in the environment: .env fills it
}

void tst_Config::baseUrl_endpoint_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("default host means https") << Config::defaultEndpoint() << QStringLiteral("https")
                                              << QStringLiteral("wuyingai.cn-shanghai.aliyuncs.com") << -1;
    QTest::newRow("host:port means https") << QStringLiteral("gateway.example:8443") << QStringLiteral("https")
                                           << QStringLiteral("gateway.example") << 8443;
    QTest::newRow("full http url used as is")
        << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("http") << QStringLiteral("127.0.0.1") << 8080;
    QTest::newRow("full https url used as is") << QStringLiteral("https://gw.example:9443/") << QStringLiteral("https")
                                               << QStringLiteral("gw.example") << 9443;
    QTest::newRow("ip:port means https") << QStringLiteral("127.0.0.1:9000") << QStringLiteral("https")
                                         << QStringLiteral("127.0.0.1") << 9000;
}

void tst_Config::baseUrl_endpoint()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, scheme);
    QFETCH(QString, host);
    QFETCH(int, port);

    Config config;
    config.endpoint = endpoint;
    const QUrl url = config.baseUrl();
    QVERIFY2(url.isValid(), qPrintable(url.errorString()));
    QCOMPARE(url.scheme(), scheme);
    QCOMPARE(url.host(), host);
    QCOMPARE(url.port(), port);
    QVERIFY2(url.path().isEmpty() || url.path() == u"/", qPrintable(url.path()));
    QVERIFY(!url.hasQuery());
    if (port < 0 && scheme == u"https") {
        QCOMPARE(url.toString(), QStringLiteral("https://") + host + QStringLiteral("/"));
    }
}

void tst_Config::sslConfiguration_noPinnedCa_isQtDefault()
{
    const Config config;
    QVERIFY(!config.hasPinnedCa());
    QCOMPARE(config.sslConfiguration(), QSslConfiguration::defaultConfiguration());
}

void tst_Config::sslConfiguration_pinnedCa_trustsExactlyThoseCertificates()
{
    const QList<QSslCertificate> pinned = QSslCertificate::fromData(TestCaPem, QSsl::Pem);
    QCOMPARE(pinned.size(), 1);
    Config config;
    config.caCertificates = pinned;
    QVERIFY(config.hasPinnedCa());
    // Exactly the pinned CA: no system roots beside it, and the process-wide default untouched.
    QCOMPARE(config.sslConfiguration().caCertificates(), pinned);
    QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(pinned.first()));
    QVERIFY(!QSslConfiguration::systemCaCertificates().contains(pinned.first()));
    QVERIFY(config != Config()); // a new CA is a new configuration (ApiClient::setConfig applies it)
}

void tst_Config::resolve_explicitConfig_keepsPinnedCa()
{
    Config explicitValues;
    explicitValues.endpoint = QStringLiteral("127.0.0.1:9000");
    explicitValues.caCertificates = QSslCertificate::fromData(TestCaPem, QSsl::Pem);
    const Config resolved = Config::resolve(explicitValues, true, sources({}));
    QCOMPARE(resolved.caCertificates, explicitValues.caCertificates);
}

void tst_Config::loadCaCertificates_pemFile_givesItsCertificate()
{
    const QString path = m_dir->filePath(QStringLiteral("ca.pem"));
    writeDotEnv(path, TestCaPem);
    QString error;
    const QList<QSslCertificate> loaded = Config::loadCaCertificates(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(loaded, QSslCertificate::fromData(TestCaPem, QSsl::Pem));
}

void tst_Config::loadCaCertificates_missingOrNoCertificate_errorNamesTheFile()
{
    const QString missing = m_dir->filePath(QStringLiteral("missing.pem"));
    QString error;
    QVERIFY(Config::loadCaCertificates(missing, &error).isEmpty());
    QVERIFY2(error.contains(QDir::toNativeSeparators(missing)), qPrintable(error));

    const QString garbage = m_dir->filePath(QStringLiteral("garbage.pem"));
    writeDotEnv(garbage, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
    error.clear();
    QVERIFY(Config::loadCaCertificates(garbage, &error).isEmpty());
    QVERIFY2(error.contains(QDir::toNativeSeparators(garbage)), qPrintable(error));
}

QTEST_APPLESS_MAIN(tst_Config)
#include "tst_config.moc"
