// SPDX-License-Identifier: MIT
#include "config.h"

#include <core/config/dotenv.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace AgentBay::Core {

namespace {

// The environment first, then the .env file (which never overrides the environment).
class Lookup
{
public:
    Lookup(const QProcessEnvironment &env, QMap<QString, QString> dotEnv)
        : m_env(env)
        , m_dotEnv(std::move(dotEnv))
    {
    }

    QString value(const QString &name) const
    {
        if (m_env.contains(name)) {
            return m_env.value(name);
        }
        return m_dotEnv.value(name);
    }

private:
    const QProcessEnvironment &m_env;
    QMap<QString, QString> m_dotEnv;
};

int parseTimeout(const QString &text, int fallback)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

QString Config::defaultEndpoint()
{
    return QStringLiteral("wuyingai.cn-shanghai.aliyuncs.com");
}

QUrl Config::baseUrl() const
{
    const QString text = endpoint.trimmed();
    QUrl url;
    if (text.startsWith(u"http://", Qt::CaseInsensitive) || text.startsWith(u"https://", Qt::CaseInsensitive)) {
        url = QUrl(text);
    } else {
        url = QUrl(QStringLiteral("https://") + text);
    }
    if (url.path().isEmpty()) {
        url.setPath(QStringLiteral("/"));
    }
    return url;
}

QSslConfiguration Config::sslConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (hasPinnedCa()) {
        // Replaces the list and turns off loading system roots on demand: exactly these CAs.
        configuration.setCaCertificates(caCertificates);
    }
    return configuration;
}

QList<QSslCertificate> Config::loadCaCertificates(const QString &pemPath, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error) {
            *error = message;
        }
        return QList<QSslCertificate>();
    };
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(QCoreApplication::translate("Config", "Cannot read the CA certificate %1: %2")
                        .arg(QDir::toNativeSeparators(pemPath), file.errorString()));
    }
    QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    certificates.removeIf([](const QSslCertificate &certificate) {
        return certificate.isNull();
    });
    if (certificates.isEmpty()) {
        return fail(QCoreApplication::translate("Config", "%1 holds no PEM certificate")
                        .arg(QDir::toNativeSeparators(pemPath)));
    }
    return certificates;
}

Config Config::resolve(const Config &explicitValues, bool hasExplicitConfig, const Sources &sources)
{
    const Lookup lookup(
        sources.environment, DotEnv::load(DotEnv::locate(sources.envFile, sources.startDir, sources.homeDir)));
    Config config = explicitValues;
    if (config.apiKey.isEmpty()) {
        config.apiKey = lookup.value(QStringLiteral("AGENTBAY_API_KEY")).trimmed();
    }
    // As in the SDKs: an explicit config decides endpoint, timeout and region on its own.
    if (hasExplicitConfig) {
        if (config.endpoint.trimmed().isEmpty()) {
            config.endpoint = defaultEndpoint();
        }
        if (config.timeoutMs <= 0) {
            config.timeoutMs = DefaultTimeoutMs;
        }
        return config;
    }
    // Otherwise each field the caller left at its default comes from env, then .env.
    if (config.endpoint.trimmed().isEmpty() || config.endpoint == defaultEndpoint()) {
        const QString endpoint = lookup.value(QStringLiteral("AGENTBAY_ENDPOINT")).trimmed();
        config.endpoint = endpoint.isEmpty() ? defaultEndpoint() : endpoint;
    }
    if (config.timeoutMs <= 0 || config.timeoutMs == DefaultTimeoutMs) {
        config.timeoutMs = parseTimeout(lookup.value(QStringLiteral("AGENTBAY_TIMEOUT_MS")), DefaultTimeoutMs);
    }
    if (config.regionId.isEmpty()) {
        config.regionId = lookup.value(QStringLiteral("AGENTBAY_REGION_ID")).trimmed();
    }
    return config;
}

Config Config::fromEnvironment(const Sources &sources)
{
    return resolve(Config(), false, sources);
}

} // namespace AgentBay::Core
