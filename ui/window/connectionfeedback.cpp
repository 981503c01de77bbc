// SPDX-License-Identifier: MIT
#include "connectionfeedback.h"

#include "statusindicators.h"

#include <core/api/apiclient.h>
#include <core/config/config.h>
#include <ui/common/banner.h>
#include <ui/profiles/profileswitcher.h>
#include <ui/services/connectioncontroller.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>

namespace AgentBay::Ui {

ConnectionFeedback::ConnectionFeedback(ConnectionController *connection,
    SessionController *sessions,
    Core::ApiClient *client,
    ProfileSwitcher *profiles,
    Banner *banner,
    StatusIndicators *status,
    QObject *parent)
    : QObject(parent)
{
    const auto restartProfile = [connection] {
        connection->activateProfile(connection->profile().name);
    };
    connect(sessions, &SessionController::refreshed, this, [this, banner, status] {
        status->clearRefreshError();
        banner->dismiss();
        Q_EMIT connectionProblem({});
    });
    connect(connection, &ConnectionController::profileChanged, this, [this, banner] {
        banner->dismiss();
        Q_EMIT connectionProblem({});
    });
    // An empty list has the problem said over it (with Retry): the banner would say it twice.
    const auto tell = [this, sessions, banner](
                          const QString &text, const QString &button, std::function<void()> retry) {
        m_retry = retry;
        if (sessions->store()->count() == 0) {
            banner->dismiss();
        } else {
            banner->showMessage(text, button, std::move(retry));
        }
        Q_EMIT connectionProblem(text);
    };
    connect(connection,
        &ConnectionController::refreshFailed,
        this,
        [sessions, client, status, restartProfile, tell](const Core::ApiError &error, bool localDown) {
            status->showError(tr("Refresh failed"), error, true);
            if (localDown) {
                // Retrying cannot help while nothing listens: offer to start the server instead.
                tell(tr("agentbay-local is not answering: %1. Its sessions are kept.").arg(error.message),
                    tr("Start agentbay-local"),
                    restartProfile);
                return;
            }
            // The error already says "cannot reach": name the server on a line of its own.
            tell(tr("No connection to %1\n%2").arg(client->config().baseUrl().toDisplayString(), error.message),
                tr("Retry now"),
                [sessions] {
                    sessions->refreshNow();
                });
        });
    connect(connection,
        &ConnectionController::localServerFailed,
        this,
        [this, status, restartProfile, tell](const QString &message) {
            Core::ApiError error;
            error.message = message;
            status->showError(tr("Local server unavailable"), error);
            tell(message, tr("Try again"), restartProfile);
            Q_EMIT localServerFailed(message);
        });
    connect(connection,
        &ConnectionController::apiKeyMissing,
        this,
        [banner, profiles](const QString &name, const QString &error) {
            banner->showMessage(error.isEmpty() ? tr("No API key is set for the profile \"%1\".").arg(name)
                                                : tr("Could not read the API key: %1").arg(error),
                tr("Set API Key…"),
                [profiles] {
                    profiles->editProfile();
                });
        });
}

ConnectionFeedback::~ConnectionFeedback() = default;

void ConnectionFeedback::retry()
{
    if (m_retry) {
        m_retry();
    }
}

} // namespace AgentBay::Ui
