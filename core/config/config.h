// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

namespace AgentBay::Core {

// Where Config::resolve looks for values besides the explicit ones.
struct ConfigSources
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString envFile; // explicit .env path; empty = search upward from startDir
    QString startDir; // empty = current working directory
    QString homeDir; // the search never climbs past it; empty = the user's home
};

// Client settings. Resolution, highest first: explicit values (a saved profile),
// AGENTBAY_* environment, a .env file (never overriding the environment), defaults.
struct Config
{
    static constexpr int DefaultTimeoutMs = 60000;
    static QString defaultEndpoint();

    QString apiKey;
    QString endpoint = defaultEndpoint(); // "host[:port]" means https; a full http(s):// URL is used as is
    int timeoutMs = DefaultTimeoutMs;
    QString regionId; // sent as LoginRegionId on create
    // Pinned CAs (e.g. agentbay-local's own): when set, an https server is trusted only if one
    // of these signed its certificate; the system store is not consulted and nothing is added
    // to it or to Qt's default configuration. Empty = the system store, as usual.
    QList<QSslCertificate> caCertificates;

    // Base URL every request goes to, e.g. "https://wuyingai.cn-shanghai.aliyuncs.com/".
    QUrl baseUrl() const;
    bool operator==(const Config &) const = default;

    bool hasPinnedCa() const { return !caCertificates.isEmpty(); }

    // The TLS settings for this endpoint's requests and WebSockets: Qt's default with the CA
    // list replaced by caCertificates when pinned, Qt's default otherwise.
    QSslConfiguration sslConfiguration() const;

    // The certificates of a PEM file, or none and *error (fit to show) when it is missing,
    // unreadable or holds no certificate.
    static QList<QSslCertificate> loadCaCertificates(const QString &pemPath, QString *error = nullptr);

    // Values the user did not set are taken from env, then from the .env file, then defaults.
    using Sources = ConfigSources;
    static Config resolve(const Config &explicitValues, bool hasExplicitConfig, const Sources &sources);
    static Config fromEnvironment(const ConfigSources &sources = ConfigSources());
};

} // namespace AgentBay::Core
