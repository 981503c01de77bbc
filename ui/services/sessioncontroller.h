// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apierror.h>
#include <core/api/operationhandle.h>
#include <core/api/result.h>
#include <core/sessions/session.h>
#include <core/sessions/sessioninfo.h>

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

namespace AgentBay::Core {
class ApiClient;
class SessionPoller;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

class SessionDetailLoader;
class SessionStore;
class UrlOpener;

// What the window does to sessions, without the window: owns the session store, the poller
// that refreshes it and the loader that fills in details, runs the lifecycle actions on many
// sessions at once and the per-session requests of the detail pane. Failures land on the row
// (SessionRow::error) and in actionFailed(); nothing here opens a dialog.
class SessionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionController)

public:
    SessionController(Core::ApiClient *client, UrlOpener *opener, QObject *parent = nullptr);
    ~SessionController() override;

    SessionStore *store() const { return m_store; }

    SessionDetailLoader *loader() const { return m_loader; }

    Core::SessionPoller *poller() const { return m_poller; }

    void setRefreshInterval(std::chrono::milliseconds interval);
    void setWaitPollInterval(std::chrono::milliseconds interval); // pause/resume/delete waits
    void start();
    void stop();
    void refreshNow();
    // Another endpoint or key: forget every row and start over.
    void restart();
    // The part of the filter ListSession can express.
    void setServerFilter(const Core::Labels &labels, const QString &status);

    QDateTime lastRefresh() const { return m_lastRefresh; }

    bool hasRefreshed() const { return m_lastRefresh.isValid(); }

    const Core::ApiError &lastError() const { return m_lastError; }

    bool lastRefreshFailed() const { return m_lastRefreshFailed; }

    // Lifecycle. Each works on every id given; ids whose status does not allow it are skipped.
    Core::OperationHandle create(const Core::CreateSessionParams &params,
        QObject *context,
        std::function<void(const Core::Result<Core::SessionData> &)> done);
    void pause(const QStringList &ids);
    void resume(const QStringList &ids);
    // resumeFirst: paused sessions are resumed, then deleted (the service refuses to delete them paused).
    void remove(const QStringList &ids, bool resumeFirst);
    // Asks GetMcpResource for each session's ResourceUrl and hands it to the opener.
    void openDesktop(const QStringList &ids);

    // One session, for the detail pane. The callbacks run unless context is gone.
    Core::OperationHandle loadInfo(
        const QString &id, QObject *context, std::function<void(const Core::Result<Core::SessionInfo> &)> done);
    // Replaces all labels of the session.
    Core::OperationHandle setLabels(const QString &id,
        const Core::Labels &labels,
        QObject *context,
        std::function<void(const Core::Result<Core::Empty> &)> done);
    // Reads the labels the service holds and puts them on the row.
    Core::OperationHandle reloadLabels(
        const QString &id, QObject *context, std::function<void(const Core::Result<Core::Labels> &)> done);
    Core::OperationHandle getLink(const QString &id,
        const Core::LinkParams &params,
        QObject *context,
        std::function<void(const Core::Result<QString> &)> done);
    // The session the user looks at: its details are fetched before the others.
    void prioritizeDetails(const QString &id);
    // False when nothing could open it (the caller tells the user).
    bool openUrl(const QUrl &url) const;
    // The form of url a browser can open: a server whose certificate only this app trusts (its
    // CA is pinned to the profile, e.g. agentbay-local's own) would show the browser a
    // certificate warning, so a loopback https URL of such a server opens over http, which the
    // same port serves; loopback traffic never leaves the machine. Anything else is unchanged.
    static QUrl browserUrl(const QUrl &url, bool serverCaPinned);

    int runningActions() const { return m_runningActions; }

Q_SIGNALS:
    void refreshed(const QDateTime &at);
    // A session this app created, with what it asked for (the cloud reports no lifecycle times,
    // so the policy sent is the app's only record of them).
    void sessionCreated(const QString &sessionId, const AgentBay::Core::CreateSessionParams &params);
    void refreshFailed(const AgentBay::Core::ApiError &error);
    // A user action failed; action is translated ("Pause", "Delete", ...).
    void actionFailed(const QString &action, const QString &sessionId, const AgentBay::Core::ApiError &error);
    // action as in actionFailed, so a success can clear the same action's earlier error.
    void actionSucceeded(const QString &action, const QString &message);
    void runningActionsChanged(int count);

private:
    void changePauseState(const QStringList &ids, bool pausing);
    // Moves the row's status as the waiting operation reports it, unless the list was replaced since.
    std::function<void(Core::SessionStatus)> followStatus(const QString &id, quint64 generation);
    void deleteOne(const QString &id);
    void fail(const QString &action, const QString &id, const Core::ApiError &error);
    void actionStarted();
    void actionEnded();
    Core::WaitOptions waitOptions(int timeoutMs) const;

    Core::ApiClient *m_client;
    UrlOpener *m_opener;
    SessionStore *m_store;
    Core::SessionPoller *m_poller;
    SessionDetailLoader *m_loader;
    QDateTime m_lastRefresh;
    Core::ApiError m_lastError;
    bool m_lastRefreshFailed = false;
    int m_runningActions = 0;
    int m_waitPollMs = 1000;
    quint64 m_generation = 0;
};

} // namespace AgentBay::Ui
