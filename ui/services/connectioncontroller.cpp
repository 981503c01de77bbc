// SPDX-License-Identifier: MIT
#include "connectioncontroller.h"

#include "credentialstore.h"
#include "localserverlauncher.h"
#include "sessioncontroller.h"
#include "sessionstore.h"

#include <core/api/apiclient.h>
#include <core/config/config.h>

#include <QDir>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace AgentBay::Ui {

ConnectionController::ConnectionController(Core::ApiClient *client,
    SessionController *sessions,
    CredentialStore *credentials,
    ProfileStore *profiles,
    LocalServerLauncher *launcher,
    const FirstSeenStore &firstSeen,
    QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_sessions(sessions)
    , m_credentials(credentials)
    , m_profiles(profiles)
    , m_launcher(launcher)
    , m_firstSeen(firstSeen)
{
    connect(m_sessions, &SessionController::refreshFailed, this, &ConnectionController::onRefreshFailed);
    connect(
        m_launcher, &LocalServerLauncher::ready, this, [this](const QString &url, const QString &token, bool started) {
            if (!m_profile.isLocal()) {
                return;
            }
            Q_EMIT message(started ? tr("Started agentbay-local at %1").arg(url)
                                   : tr("Connected to agentbay-local at %1").arg(url),
                5000);
            apply(url, token);
        });
    connect(m_launcher, &LocalServerLauncher::failed, this, [this](const QString &text) {
        if (m_profile.isLocal()) {
            Q_EMIT localServerFailed(text);
        }
    });
    connect(m_launcher, &LocalServerLauncher::progress, this, [this](const QString &text) {
        Q_EMIT message(text, 0);
    });
    if (m_credentials) {
        connect(m_credentials, &CredentialStore::persistenceChanged, this, [this](bool persistent) {
            if (!persistent) {
                Q_EMIT message(m_credentials->description(), 10000);
            }
        });
    }
    // New sessions: remember when they were first seen, even if the app is killed later.
    m_saveFirstSeen.setSingleShot(true);
    m_saveFirstSeen.setInterval(2s);
    connect(&m_saveFirstSeen, &QTimer::timeout, this, &ConnectionController::saveFirstSeen);
    connect(m_sessions->store(), &SessionStore::sessionsAdded, &m_saveFirstSeen, qOverload<>(&QTimer::start));
}

ConnectionController::~ConnectionController() = default;

void ConnectionController::activateProfile(const QString &name)
{
    m_profile = m_profiles->find(name).value_or(m_profiles->current());
    m_profiles->setCurrentName(m_profile.name);
    m_sessions->stop();
    m_sessions->setRefreshInterval(std::chrono::milliseconds(m_profile.effectiveRefreshMs()));
    Q_EMIT profileChanged();

    if (m_profile.isLocal()) {
        m_launcher->ensureRunning();
        return;
    }
    const QString endpoint = m_profile.effectiveEndpoint();
    if (!m_credentials) {
        apply(endpoint, {});
        return;
    }
    const QString profileName = m_profile.name;
    m_credentials->read(m_profile.credentialKey(),
        this,
        [this, endpoint, profileName](const std::optional<QString> &key, const QString &error) {
            if (profileName != m_profile.name) {
                return; // switched again meanwhile
            }
            if (!key || key->isEmpty()) {
                m_sessions->store()->clear();
                Q_EMIT apiKeyMissing(profileName, error);
                return;
            }
            apply(endpoint, *key);
        });
}

void ConnectionController::connectTo(const QString &endpoint, const QString &apiKey, const QString &label)
{
    m_profile = Profile();
    m_profile.kind = Profile::Kind::Custom;
    m_profile.name = label.isEmpty() ? endpoint : label;
    m_profile.endpoint = endpoint;
    const bool loopback = endpoint.contains(u"127.0.0.1"_s) || endpoint.contains(u"localhost"_s);
    m_profile.refreshIntervalMs = loopback ? Profile::LocalRefreshMs : Profile::CloudRefreshMs;
    m_sessions->setRefreshInterval(std::chrono::milliseconds(m_profile.effectiveRefreshMs()));
    Q_EMIT profileChanged();
    apply(endpoint, apiKey);
}

void ConnectionController::applySettings(int refreshIntervalMs, int timeoutMs)
{
    m_profiles->setRequestTimeoutMs(timeoutMs);
    m_profile.refreshIntervalMs = refreshIntervalMs;
    QList<Profile> list = m_profiles->profiles();
    for (Profile &profile : list) {
        if (profile.name == m_profile.name) {
            profile.refreshIntervalMs = m_profile.refreshIntervalMs;
        }
    }
    m_profiles->setProfiles(list);
    m_sessions->setRefreshInterval(std::chrono::milliseconds(m_profile.effectiveRefreshMs()));
    Core::Config config = m_client->config();
    config.timeoutMs = timeoutMs;
    m_client->setConfig(config);
}

void ConnectionController::removeCurrentProfile()
{
    if (m_profile.isLocal()) {
        return;
    }
    QList<Profile> list = m_profiles->profiles();
    list.removeIf([this](const Profile &p) {
        return p.name == m_profile.name;
    });
    m_profiles->setProfiles(list);
    if (m_credentials) {
        m_credentials->remove(m_profile.credentialKey(), this, {});
    }
    activateProfile(Profile::localName());
}

void ConnectionController::apply(const QString &endpoint, const QString &apiKey)
{
    m_saveFirstSeen.stop();
    saveFirstSeen();
    Q_EMIT aboutToConnect();
    Core::Config config = m_client->config();
    config.endpoint = endpoint;
    config.apiKey = apiKey;
    config.timeoutMs = m_profiles->requestTimeoutMs();
    config.regionId = m_profile.regionId;
    // Local: agentbay-local's own CA, pinned to this profile only (never the system store).
    config.caCertificates = m_profile.isLocal()
        ? Core::Config::loadCaCertificates(LocalServerLauncher::caCertificatePath(m_launcher->dataDir()))
        : QList<QSslCertificate>();
    m_client->setConfig(config);
    loadFirstSeen();
    m_sessions->restart();
    Q_EMIT connected(endpoint);
}

void ConnectionController::onRefreshFailed(const Core::ApiError &error)
{
    const bool localDown = m_profile.isLocal() && error.kind == Core::ApiError::Kind::Network;
    if (localDown && !m_launcher->isBusy()) {
        // agentbay-local may be back on another port (its discovery file says where): follow it.
        const auto discovery = LocalServerLauncher::readDiscovery(m_launcher->dataDir());
        if (discovery
            && (discovery->url != m_client->config().endpoint || discovery->token != m_client->config().apiKey)) {
            Q_EMIT message(tr("agentbay-local is now at %1").arg(discovery->url), 5000);
            apply(discovery->url, discovery->token);
            return;
        }
    }
    Q_EMIT refreshFailed(error, localDown);
}

void ConnectionController::loadFirstSeen()
{
    // agentbay-local picks a new port on each start; its data directory is what stays the same.
    m_firstSeenKey = m_profile.isLocal() ? u"local:"_s + QDir::cleanPath(m_launcher->dataDir())
                                         : m_client->config().baseUrl().toString();
    m_sessions->store()->setKnownFirstSeen(m_firstSeen.load(m_firstSeenKey));
}

void ConnectionController::saveFirstSeen()
{
    const SessionStore *store = m_sessions->store();
    if (m_firstSeenKey.isEmpty() || store->count() == 0) {
        return;
    }
    m_firstSeen.save(m_firstSeenKey, store->firstSeenTimes());
}

} // namespace AgentBay::Ui
