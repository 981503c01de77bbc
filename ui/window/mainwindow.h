// SPDX-License-Identifier: MIT
#pragma once

#include <ui/services/connectioncontroller.h>
#include <ui/services/profilestore.h>
#include <ui/sessions/sessionactions.h>
#include <ui/sessions/sessioncommands.h>
#include <ui/sessions/sessiontableview.h>
#include <ui/window/statusindicators.h>

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QSettings;
class QSplitter;

namespace AgentBay::Core {
class ApiClient;
struct ApiError;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

class ActivityLogModel;
class Banner;
class CredentialStore;
class FilterBar;
class LocalServerLauncher;
class LocalServerStatus;
class ProfileSwitcher;
class SessionController;
class SessionDetailPane;
class SessionFilterProxyModel;
class SessionListModel;
class StatusMessageLabel;
class UrlOpener;

// The session manager: assembles and wires the toolbar and menus with the lifecycle actions,
// the filter bar, the live session table, the detail pane, the activity log and a status bar.
// The work is done by the services it owns (SessionController, ConnectionController); everything
// from outside (client, opener, credentials, settings) is injected.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    using DeleteChoice = SessionCommands::DeleteChoice;
    using DeleteConfirmer = SessionCommands::DeleteConfirmer;

    MainWindow(Core::ApiClient *client,
        UrlOpener *opener,
        CredentialStore *credentials,
        QSettings *settings,
        QWidget *parent = nullptr);
    ~MainWindow() override;

    // Switches to a saved profile (starting agentbay-local for Local if need be).
    void activateProfile(const QString &name) { m_connection->activateProfile(name); }

    // Connects to an endpoint given on the command line (not saved as a profile).
    void connectTo(const QString &endpoint, const QString &apiKey, const QString &label = {})
    {
        m_connection->connectTo(endpoint, apiKey, label);
    }

    void setDeleteConfirmer(DeleteConfirmer confirmer) { m_commands->setDeleteConfirmer(std::move(confirmer)); }

    SessionController *controller() const { return m_controller; }

    ConnectionController *connection() const { return m_connection; }

    SessionListModel *model() const { return m_model; }

    SessionFilterProxyModel *proxy() const { return m_proxy; }

    SessionTableView *table() const { return m_table; }

    FilterBar *filterBar() const { return m_filterBar; }

    SessionDetailPane *detailPane() const { return m_detail; }

    StatusMessageLabel *statusMessage() const { return m_message; }

    ActivityLogModel *activityLog() const { return m_log; }

    LocalServerLauncher *launcher() const { return m_launcher; }

    QLabel *errorLabel() const { return m_status->errorLabel(); }

    LocalServerStatus *localServerStatus() const { return m_localServer; }

    Banner *sandboxBanner() const { return m_sandboxBanner; }

    QString currentProfileName() const { return m_connection->profile().name; }

    QAction *createAction() const { return m_actions->create(); }

    QAction *pauseAction() const { return m_actions->pause(); }

    QAction *resumeAction() const { return m_actions->resume(); }

    QAction *deleteAction() const { return m_actions->remove(); }

    QAction *refreshAction() const { return m_actions->refresh(); }

    QAction *openDesktopAction() const { return m_actions->openDesktop(); }

    QAction *copyIdAction() const { return m_actions->copyId(); }

    QStringList selectedIds() const { return m_table->selectedIds(); }

    QString currentId() const { return m_table->currentId(); }

    void selectSession(const QString &id);

public Q_SLOTS:
    void newSession();
    void editSettings();

Q_SIGNALS:
    // The Settings dialog saved its choices (the tray's and the notifications' among them).
    void settingsChanged();
    // The client points somewhere and the poller runs.
    void connected(const QString &endpoint);
    void connectionFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildCentral();
    void buildActivityDock();
    void wireServices();
    void updateActions();
    void updateCounts();
    void updateStatusBar();
    void restoreLayout();
    void saveLayout();
    void reselectAfterFilter();

    Core::ApiClient *m_client;
    QSettings *m_settings;
    ProfileStore m_profiles;
    SessionController *m_controller;
    SessionListModel *m_model;
    SessionFilterProxyModel *m_proxy;
    LocalServerLauncher *m_launcher;
    ConnectionController *m_connection;
    ActivityLogModel *m_log;
    LocalServerStatus *m_localServer = nullptr;
    ProfileSwitcher *m_profileSwitcher;
    SessionActions *m_actions;

    SessionTableView *m_table = nullptr;
    SessionCommands *m_commands = nullptr; // what the actions do to the selection
    FilterBar *m_filterBar = nullptr;
    SessionDetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QDockWidget *m_logDock = nullptr;
    Banner *m_banner = nullptr;
    Banner *m_sandboxBanner = nullptr; // the local server runs sessions without a sandbox
    StatusIndicators *m_status = nullptr;
    StatusMessageLabel *m_message = nullptr;
    QString m_reselectId; // selected before a reconnect
    // The session the user last selected: a filter being typed may hide it for a moment; it is
    // selected again as soon as it shows.
    QString m_lastSelectedId;

    QAction *m_settingsAction = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_focusFilter = nullptr;
};

} // namespace AgentBay::Ui
