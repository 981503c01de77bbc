// SPDX-License-Identifier: MIT
#include "connectionfeedback.h"

#include "statusindicators.h"

#include <core/apiclient.h>
#include <core/config.h>
#include <ui/common/banner.h>
#include <ui/profiles/profileswitcher.h>
#include <ui/services/connectioncontroller.h>
#include <ui/services/sessioncontroller.h>

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
    connect(sessions, &SessionController::refreshed, this, [banner, status] {
        status->clearRefreshError();
        banner->dismiss();
    });
    connect(connection, &ConnectionController::profileChanged, banner, &Banner::dismiss);
    connect(connection,
        &ConnectionController::refreshFailed,
        this,
        [sessions, client, banner, status, restartProfile](const Core::ApiError &error, bool localDown) {
            status->showError(tr("Refresh failed"), error, true);
            if (localDown) {
                // Retrying cannot help while nothing listens: offer to start the server instead.
                banner->showMessage(
                    tr("agentbay-local is not answering: %1. Its sessions are kept.").arg(error.message),
                    tr("Start agentbay-local"),
                    restartProfile);
                return;
            }
            banner->showMessage(
                tr("Cannot reach %1: %2").arg(client->config().baseUrl().toDisplayString(), error.message),
                tr("Retry now"),
                [sessions] {
                    sessions->refreshNow();
                });
        });
    connect(connection,
        &ConnectionController::localServerFailed,
        this,
        [this, banner, status, restartProfile](const QString &message) {
            Core::ApiError error;
            error.message = message;
            status->showError(tr("Local server unavailable"), error);
            banner->showMessage(message, tr("Try again"), restartProfile);
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

} // namespace AgentBay::Ui
