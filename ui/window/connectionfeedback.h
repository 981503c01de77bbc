// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {

class Banner;
class ConnectionController;
class ProfileSwitcher;
class SessionController;
class StatusIndicators;

// What the window says when the sessions cannot be reached: the error in the status bar and a
// banner with the one thing that may help (start agentbay-local, retry, set the API key).
class ConnectionFeedback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionFeedback)

public:
    ConnectionFeedback(ConnectionController *connection,
        SessionController *sessions,
        Core::ApiClient *client,
        ProfileSwitcher *profiles,
        Banner *banner,
        StatusIndicators *status,
        QObject *parent = nullptr);
    ~ConnectionFeedback() override;

Q_SIGNALS:
    void localServerFailed(const QString &message);
};

} // namespace AgentBay::Ui
