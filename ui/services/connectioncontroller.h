// SPDX-License-Identifier: MIT
#pragma once

#include "firstseenstore.h"
#include "profilestore.h"

#include <core/api/apierror.h>

#include <QObject>
#include <QTimer>

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {

class CredentialStore;
class LocalServerLauncher;
class SessionController;

// Where the window's sessions come from, without the window: activates a profile (reading its
// API key, or starting and finding agentbay-local), follows agentbay-local when it moves to
// another port, applies the endpoint, key, timeout and region to the client and restarts the
// session controller. It also keeps the first-seen times of each endpoint's sessions.
class ConnectionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionController)

public:
    ConnectionController(Core::ApiClient *client,
        SessionController *sessions,
        CredentialStore *credentials,
        ProfileStore *profiles,
        LocalServerLauncher *launcher,
        const FirstSeenStore &firstSeen = FirstSeenStore(),
        QObject *parent = nullptr);
    ~ConnectionController() override;

    // Switches to a saved profile (an unknown name falls back to the current one).
    void activateProfile(const QString &name);
    // Connects to an endpoint given on the command line (not saved as a profile).
    void connectTo(const QString &endpoint, const QString &apiKey, const QString &label = {});
    // Refresh interval of the current profile (0 = its kind's default) and the request timeout.
    void applySettings(int refreshIntervalMs, int timeoutMs);
    // Forgets the current profile and its key, then goes back to Local. Local itself stays.
    void removeCurrentProfile();

    const Profile &profile() const { return m_profile; }

    ProfileStore *profiles() const { return m_profiles; }

    // Writes the first-seen times now (the app is closing, or the endpoint changes).
    void saveFirstSeen();

Q_SIGNALS:
    void profileChanged();
    // The client is about to point elsewhere: the rows go.
    void aboutToConnect();
    // The client points at endpoint and the session list is being fetched.
    void connected(const QString &endpoint);
    // agentbay-local could not be started or found.
    void localServerFailed(const QString &message);
    // A cloud profile has no readable API key.
    void apiKeyMissing(const QString &profileName, const QString &error);
    // A refresh failed and following agentbay-local did not help. localServerDown: the Local
    // profile's server does not answer (starting it may help; retrying cannot).
    void refreshFailed(const AgentBay::Core::ApiError &error, bool localServerDown);
    // Something the user should read in passing (status bar).
    void message(const QString &text, int timeoutMs);

private:
    void apply(const QString &endpoint, const QString &apiKey);
    void loadFirstSeen();
    void onRefreshFailed(const Core::ApiError &error);

    Core::ApiClient *m_client;
    SessionController *m_sessions;
    CredentialStore *m_credentials;
    ProfileStore *m_profiles;
    LocalServerLauncher *m_launcher;
    FirstSeenStore m_firstSeen;
    Profile m_profile;
    QString m_firstSeenKey; // the endpoint the current rows were loaded under
    QTimer m_saveFirstSeen;
};

} // namespace AgentBay::Ui
