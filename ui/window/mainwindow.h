// SPDX-License-Identifier: MIT
#pragma once

#include <core/apierror.h>
#include <ui/services/profilestore.h>

#include <QMainWindow>
#include <QTimer>

#include <functional>

class QAction;
class QComboBox;
class QDockWidget;
class QFrame;
class QLabel;
class QPushButton;
class QSettings;
class QSplitter;
class QTableView;

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {

class ActivityLogModel;
class CredentialStore;
class FilterBar;
class LocalServerLauncher;
class SessionController;
class SessionDetailPane;
class SessionFilterProxyModel;
class UrlOpener;

// The session manager: toolbar and menus with the lifecycle actions, the filter bar, the live
// session table, the detail pane, the activity log and a status bar. Everything it talks to is
// injected (R4); it owns only widgets, the controller and the local server launcher.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class DeleteChoice {
        Cancel,
        Delete,
        ResumeThenDelete,
    };
    // Asks the user; tests replace it. anyPaused: offer "resume, then delete".
    using DeleteConfirmer = std::function<DeleteChoice(const QStringList &ids, bool anyPaused)>;

    MainWindow(Core::ApiClient *client,
        UrlOpener *opener,
        CredentialStore *credentials,
        QSettings *settings,
        QWidget *parent = nullptr);
    ~MainWindow() override;

    // Switches to a saved profile (starting agentbay-local for Local if need be).
    void activateProfile(const QString &name);
    // Connects to an endpoint given on the command line (not saved as a profile).
    void connectTo(const QString &endpoint, const QString &apiKey, const QString &label = {});

    void setDeleteConfirmer(DeleteConfirmer confirmer) { m_confirmDelete = std::move(confirmer); }

    SessionController *controller() const { return m_controller; }

    SessionFilterProxyModel *proxy() const { return m_proxy; }

    QTableView *table() const { return m_table; }

    FilterBar *filterBar() const { return m_filterBar; }

    SessionDetailPane *detailPane() const { return m_detail; }

    ActivityLogModel *activityLog() const { return m_log; }

    LocalServerLauncher *launcher() const { return m_launcher; }

    QLabel *errorLabel() const { return m_errorLabel; }

    QString currentProfileName() const { return m_profile.name; }

    QAction *createAction() const { return m_create; }

    QAction *pauseAction() const { return m_pause; }

    QAction *resumeAction() const { return m_resume; }

    QAction *deleteAction() const { return m_delete; }

    QAction *refreshAction() const { return m_refresh; }

    QAction *openDesktopAction() const { return m_openDesktop; }

    QAction *copyIdAction() const { return m_copyId; }

    QStringList selectedIds() const;
    QString currentId() const;
    void selectSession(const QString &id);

public Q_SLOTS:
    void newSession();
    void pauseSelected();
    void resumeSelected();
    void deleteSelected();
    void openDesktopSelected();
    void copySelectedIds();
    void editSettings();
    void newProfile();
    void editProfile();

Q_SIGNALS:
    // The client points somewhere and the poller runs.
    void connected(const QString &endpoint);
    void connectionFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildCentral();
    void buildStatusBar();
    void buildActivityDock();
    void rebuildProfileMenu();
    void updateActions();
    void updateCounts();
    void updateStatusBar();
    void showBanner(const QString &text, const QString &buttonText, std::function<void()> action);
    void hideBanner();
    void applyConnection(const QString &endpoint, const QString &apiKey);
    void showError(const QString &summary, const Core::ApiError &error);
    void saveFirstSeen();
    void loadFirstSeen();
    void restoreLayout();
    void saveLayout();
    void showTableContextMenu(const QPoint &pos);

    Core::ApiClient *m_client;
    UrlOpener *m_opener;
    CredentialStore *m_credentials;
    QSettings *m_settings;
    ProfileStore m_profiles;
    Profile m_profile;
    SessionController *m_controller;
    SessionFilterProxyModel *m_proxy;
    LocalServerLauncher *m_launcher;
    ActivityLogModel *m_log;
    DeleteConfirmer m_confirmDelete;

    QTableView *m_table = nullptr;
    FilterBar *m_filterBar = nullptr;
    SessionDetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QDockWidget *m_logDock = nullptr;
    QLabel *m_emptyHint = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerButton = nullptr;
    std::function<void()> m_bannerAction;
    QComboBox *m_profileCombo = nullptr;
    QMenu *m_profileMenu = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_refreshLabel = nullptr;
    QLabel *m_inFlightLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QString m_lastErrorDetails;
    QString m_firstSeenKey;
    QString m_reselectId; // selected before a reconnect
    bool m_errorFromRefresh = false;
    int m_selectAfterDelete = -1; // proxy row to select once deleted rows are gone
    QTimer m_saveFirstSeen;
    QTimer m_ageRepaint;

    QAction *m_create = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_openDesktop = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_focusFilter = nullptr;
};

} // namespace AgentBay::Ui
