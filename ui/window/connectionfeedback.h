// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <functional>

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

public Q_SLOTS:
    // Does what the last connection problem calls for (retry, or start agentbay-local again).
    void retry();

Q_SIGNALS:
    void localServerFailed(const QString &message);
    // The sessions cannot be listed, said once (empty: they can again). With no session to
    // show, the table says it in place of the banner.
    void connectionProblem(const QString &problem);

private:
    std::function<void()> m_retry;
};

} // namespace AgentBay::Ui
