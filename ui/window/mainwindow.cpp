// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "activitydock.h"
#include "activitylogmodel.h"
#include "connectionfeedback.h"
#include "localserverstatus.h"
#include "settingsdialog.h"
#include "statusmessagelabel.h"

#include <core/api/apiclient.h>
#include <core/config/config.h>
#include <core/tools/savedcallstore.h>
#include <ui/common/banner.h>
#include <ui/profiles/profileswitcher.h>
#include <ui/services/localserverlauncher.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/createsessiondialog.h>
#include <ui/sessions/filterbar.h>
#include <ui/sessions/sessioncommands.h>
#include <ui/sessions/sessiondetailemptypage.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/sessions/sessionfilterproxymodel.h>
#include <ui/sessions/sessionlistmodel.h>
#include <ui/tools/toolpanel.h>

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

QIcon icon(const QString &name)
{
    return QIcon(u":/icons/"_s + name + u".svg"_s);
}

// index, of a model somewhere under view's chain of proxies, as an index of view.
QModelIndex mapUpTo(const QAbstractItemModel *view, const QModelIndex &index)
{
    if (!index.isValid() || index.model() == view) {
        return index;
    }
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(view);
    return proxy ? proxy->mapFromSource(mapUpTo(proxy->sourceModel(), index)) : QModelIndex();
}

} // namespace

MainWindow::MainWindow(
    Core::ApiClient *client, UrlOpener *opener, CredentialStore *credentials, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_settings(settings)
    , m_profiles(settings)
    , m_controller(new SessionController(client, opener, this))
    , m_model(new SessionListModel(m_controller->store(), this))
    , m_proxy(new SessionFilterProxyModel(this))
    , m_launcher(new LocalServerLauncher(this))
    , m_connection(
          new ConnectionController(client, m_controller, credentials, &m_profiles, m_launcher, FirstSeenStore(), this))
    , m_log(new ActivityLogModel(this))
    , m_profileSwitcher(new ProfileSwitcher(m_connection, credentials, this))
    , m_actions(new SessionActions(this))
{
    setWindowTitle(tr("AgentBay Desktop"));
    setWindowIcon(icon(u"io.agentbay.Desktop"_s));
    m_proxy->setSourceModel(m_model);

    buildActions();
    buildCentral();
    buildActivityDock();
    buildMenus();
    m_message = new StatusMessageLabel(statusBar());
    statusBar()->addWidget(m_message, 1);
    m_status = new StatusIndicators(statusBar());
    m_localServer = new LocalServerStatus(m_launcher, m_controller->store(), m_settings, statusBar());
    // Quitting without closing the window (the self-test, the tray's Quit) applies the quit
    // policy too; after a close it finds nothing left to stop.
    connect(qApp, &QCoreApplication::aboutToQuit, m_localServer, &LocalServerStatus::quitting);
    connect(m_filterBar,
        &FilterBar::serverFilterChanged,
        m_localServer,
        [this](const Core::Labels &labels, const QString &status) {
            m_localServer->setListFiltered(!labels.isEmpty() || !status.isEmpty());
        });
    connect(m_localServer, &LocalServerStatus::sandboxWarningChanged, this, [this](const QString &warning) {
        if (warning.isEmpty()) {
            m_sandboxBanner->dismiss();
        } else {
            m_sandboxBanner->showMessage(warning, QString(), {});
        }
    });
    restoreLayout();
    wireServices();

    connect(m_model, &SessionListModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_model, &SessionListModel::rowsRemoved, this, &MainWindow::updateActions);
    // A reset (another profile) drops the selection without a selectionChanged.
    connect(m_model, &SessionListModel::modelReset, this, &MainWindow::updateActions);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, &MainWindow::updateCounts);
        connect(m_model, signal, this, &MainWindow::updateCounts); // rows the filter hides count too
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::reselectAfterFilter);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::reselectAfterFilter);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::reselectAfterFilter);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    updateActions();
    updateCounts();
    updateStatusBar();
}

MainWindow::~MainWindow()
{
    // The client outlives the window: from here on, nothing it reports may reach this half-gone
    // window (children cancelling their requests below make it report at once).
    disconnect(m_client, nullptr, this, nullptr);
    // The panes cancel their requests as they go and still use the controller and the models:
    // they go first, before ~QWidget deletes the remaining children in creation order (the
    // controller, created first, would otherwise go before them).
    delete takeCentralWidget();
    delete m_logDock;
}

void MainWindow::wireServices()
{
    connect(m_client, &Core::ApiClient::requestStarted, m_log, &ActivityLogModel::addStarted);
    connect(m_client, &Core::ApiClient::requestFinished, m_log, &ActivityLogModel::addFinished);
    connect(m_client, &Core::ApiClient::inFlightCountChanged, this, &MainWindow::updateStatusBar);

    connect(m_controller, &SessionController::refreshed, this, [this] {
        if (!m_reselectId.isEmpty()) {
            // After reconnecting, the session the user was looking at is selected again.
            if (currentId().isEmpty()) {
                selectSession(m_reselectId);
            }
            m_reselectId.clear();
        }
        updateStatusBar();
        updateCounts();
    });
    connect(m_controller,
        &SessionController::actionFailed,
        this,
        [this](const QString &action, const QString &id, const Core::ApiError &error) {
            m_status->showError(id.isEmpty() ? tr("%1 failed").arg(action) : tr("%1 failed for %2").arg(action, id),
                error,
                false,
                action);
            updateActions();
        });
    connect(
        m_controller, &SessionController::actionSucceeded, this, [this](const QString &action, const QString &message) {
            m_message->showMessage(message, 5000);
            m_status->clearError(action); // the activity log keeps the old failure
        });

    const auto showMessage = [this](const QString &text, int timeoutMs) {
        m_message->showMessage(text, timeoutMs);
    };
    connect(m_connection, &ConnectionController::message, this, showMessage);
    connect(m_profileSwitcher, &ProfileSwitcher::message, this, showMessage);
    connect(m_connection, &ConnectionController::profileChanged, this, &MainWindow::updateStatusBar);
    connect(m_connection, &ConnectionController::aboutToConnect, this, [this] {
        if (const QString current = currentId(); !current.isEmpty()) {
            m_reselectId = current;
        }
    });
    connect(m_connection, &ConnectionController::connected, this, [this](const QString &endpoint) {
        m_log->setSecrets({m_client->config().apiKey});
        m_detail->setEndpoint(endpoint);
        updateStatusBar();
        Q_EMIT connected(endpoint);
    });
    auto *feedback =
        new ConnectionFeedback(m_connection, m_controller, m_client, m_profileSwitcher, m_banner, m_status, this);
    connect(feedback, &ConnectionFeedback::localServerFailed, this, &MainWindow::connectionFailed);
    // Unreachable: the empty table says why and offers Retry; nothing can be created there.
    connect(feedback, &ConnectionFeedback::connectionProblem, this, [this](const QString &problem) {
        m_table->setConnectionProblem(problem);
        m_actions->create()->setEnabled(problem.isEmpty());
    });
    connect(m_table, &SessionTableView::retryRequested, feedback, &ConnectionFeedback::retry);
}

void MainWindow::buildActions()
{
    connect(m_actions->create(), &QAction::triggered, this, &MainWindow::newSession);
    connect(m_actions->refresh(), &QAction::triggered, m_controller, &SessionController::refreshNow);

    // QKeySequence::Preferences is empty on most Linux desktops: fall back to the common Ctrl+,.
    m_settingsAction = new QAction(icon(u"settings"_s), tr("&Settings…"), this);
    m_settingsAction->setShortcut(QKeySequence(QKeySequence::Preferences).isEmpty()
            ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
            : QKeySequence(QKeySequence::Preferences));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::editSettings);

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_focusFilter = new QAction(tr("&Filter…"), this);
    m_focusFilter->setShortcuts({QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_L)});
    addAction(m_focusFilter);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
    toolbar->addAction(m_actions->create());
    toolbar->addSeparator();
    m_actions->fillLifecycleGroups(toolbar);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    auto *profileLabel = new QLabel(tr("Profile:"), toolbar);
    profileLabel->setContentsMargins(0, 0, 6, 0);
    toolbar->addWidget(profileLabel);
    toolbar->addWidget(m_profileSwitcher->comboBox());
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions->create());
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quit);

    m_actions->fillLifecycleGroups(menuBar()->addMenu(tr("&Session")));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_focusFilter);
    view->addAction(m_logDock->toggleViewAction());
    view->addMenu(m_table->columnsMenu());

    menuBar()->addMenu(m_profileSwitcher->menu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About AgentBay Desktop"), this, [this] {
        QMessageBox::about(this,
            tr("About AgentBay Desktop"),
            tr("<h3>AgentBay Desktop %1</h3><p>See, create, pause, resume and delete AgentBay sessions, edit "
               "their labels, open their desktops and call their MCP tools.</p><p>The Local profile runs "
               "sessions on this machine with agentbay-local.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildCentral()
{
    m_filterBar = new FilterBar(this);
    connect(m_focusFilter, &QAction::triggered, m_filterBar, &FilterBar::focusSelector);
    connect(m_filterBar, &FilterBar::selectorChanged, m_proxy, &SessionFilterProxyModel::setLabelSelector);
    connect(m_filterBar, &FilterBar::statusChanged, m_proxy, &SessionFilterProxyModel::setStatusFilter);
    connect(m_filterBar, &FilterBar::idTextChanged, m_proxy, &SessionFilterProxyModel::setIdFilter);
    connect(m_filterBar, &FilterBar::serverFilterChanged, m_controller, &SessionController::setServerFilter);
    connect(m_filterBar, &FilterBar::selectorChanged, this, &MainWindow::updateCounts);
    connect(m_filterBar, &FilterBar::statusChanged, this, &MainWindow::updateCounts);
    connect(m_filterBar, &FilterBar::idTextChanged, this, &MainWindow::updateCounts);

    m_banner = new Banner(this);
    m_sandboxBanner = new Banner(this);
    m_sandboxBanner->setObjectName(u"sandboxBanner"_s);
    m_table = new SessionTableView(this);
    m_table->setModel(m_proxy);
    m_table->horizontalHeader()->setAccessibleName(tr("Session columns"));
    m_commands = new SessionCommands(m_controller, m_actions, m_table);
    connect(m_commands, &SessionCommands::issued, this, &MainWindow::updateActions);
    connect(m_commands, &SessionCommands::message, this, [this](const QString &text, int timeoutMs) {
        m_message->showMessage(text, timeoutMs); // made after the table
    });
    // The filters emptied the table: its Clear filters brings every row back, and the focus
    // stays in the table to pick one.
    const auto clearFilters = [this] {
        m_filterBar->clearFilters();
        m_table->setFocus(Qt::OtherFocusReason);
    };
    connect(m_table, &SessionTableView::clearFiltersRequested, this, clearFilters);
    // A click moves the current row before it selects it: follow both.
    const auto followSelection = [this] {
        // Unsaved label edits: ask first, and on Cancel stay on their session.
        if (currentId() != m_detail->sessionId() && !m_detail->confirmLeave()) {
            selectSession(m_detail->sessionId());
            return;
        }
        if (!currentId().isEmpty()) {
            m_lastSelectedId = currentId();
        }
        m_detail->setSession(currentId());
        m_detail->toolPanel()->setSelectedSessions(selectedIds()); // the Tools tab's fan-out targets
        updateActions();
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, followSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, followSelection);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 4, 4);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(m_filterBar);
    leftLayout->addWidget(m_banner);
    leftLayout->addWidget(m_sandboxBanner);
    leftLayout->addWidget(m_table, 1);

    m_detail = new SessionDetailPane(m_controller, m_client, this);
    m_detail->setMinimumWidth(340);
    connect(m_detail, &SessionDetailPane::statusMessage, this, [this](const QString &message) {
        m_message->showMessage(message, 4000);
    });
    // Saved tool calls are kept per profile; the list's label filter is offered as a fan-out target.
    const auto followProfile = [this] {
        m_detail->toolPanel()->setSavedCallsLocation(
            Core::SavedCallStore::defaultDirectory(), m_connection->profile().name);
    };
    connect(m_connection, &ConnectionController::profileChanged, this, followProfile);
    followProfile();
    connect(m_filterBar, &FilterBar::selectorChanged, this, [this](const Core::LabelSelector &selector) {
        m_detail->toolPanel()->setLabelSelector(selector.isValid() ? selector.toString() : QString());
    });

    // Session actions' shortcuts belong to the table; Tab goes from the table to the detail tabs.
    m_actions->scopeShortcutsTo(m_table);
    QWidget::setTabOrder(m_table, m_detail->tabs()->tabBar());
    // The tab bar's scroll arrows are no Tab stops (Left/Right on the tab bar reach every tab).
    const auto scrollers = m_detail->tabs()->tabBar()->findChildren<QToolButton *>();
    for (QToolButton *scroller : scrollers) {
        scroller->setFocusPolicy(Qt::NoFocus);
    }

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(left);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 8, 8, 4);
    rightLayout->addWidget(m_detail);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
}

void MainWindow::buildActivityDock()
{
    m_logDock = new ActivityDock(m_log, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({m_logDock}, {150}, Qt::Vertical);
}

void MainWindow::updateStatusBar()
{
    m_status->setProfile(m_connection->profile().displayName(), m_client->config().baseUrl().toDisplayString());
    m_localServer->setActive(m_connection->profile().isLocal());
    m_status->setLastRefresh(m_controller->lastRefresh());
    m_status->setInFlight(m_client->inFlightCount());
}

void MainWindow::updateCounts()
{
    const int total = m_model->rowCount();
    const bool filtered = m_filterBar->isFiltering();
    // Without a filter every session is shown: never "3 of 4".
    const int shown = filtered ? m_proxy->rowCount() : total;
    m_filterBar->setCounts(shown, total);
    m_table->updateEmptyHint(shown, total > 0 || filtered, m_controller->hasRefreshed());
    m_detail->emptyPage()->setListState(shown, total, total > 0 || filtered, m_controller->hasRefreshed());
}

void MainWindow::selectSession(const QString &id)
{
    const int sourceRow = m_controller->store()->rowOf(id);
    if (sourceRow >= 0) {
        // Other proxies (the glance columns) may sit between the model and the filter.
        m_table->selectIndex(mapUpTo(m_proxy, m_model->index(sourceRow, 0)));
    }
}

void MainWindow::reselectAfterFilter()
{
    if (!m_lastSelectedId.isEmpty() && m_table->selectionModel()->selectedRows().isEmpty()) {
        selectSession(m_lastSelectedId); // nothing happens while the filter still hides it
    }
    // The selection model drops and restores rows the filter hides and shows without saying
    // so (no selectionChanged), so the actions are brought up to date here.
    updateActions();
}

void MainWindow::updateActions()
{
    m_actions->update(m_controller->store(), selectedIds());
}

void MainWindow::newSession()
{
    auto *dialog = new CreateSessionDialog(m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDefaultRegion(m_client->config().regionId);
    dialog->setLocalServer(m_connection->profile().isLocal());
    connect(dialog, &CreateSessionDialog::created, this, [this](const QString &id) {
        m_localServer->noteCreated(id);
        // The filter may hide the new row; show it anyway by selecting it when visible.
        selectSession(id);
        m_table->setFocus();
    });
    dialog->open();
}

void MainWindow::editSettings()
{
    const Profile &profile = m_connection->profile();
    Profile defaults = profile;
    defaults.refreshIntervalMs = 0;
    SettingsDialog dialog(
        profile.refreshIntervalMs, defaults.effectiveRefreshMs(), m_profiles.requestTimeoutMs(), this);
    dialog.setQuitPolicy(int(LocalServerStatus::quitPolicy(m_settings)));
    dialog.editLanguageIn(m_settings);
    dialog.setTraySettings(m_settings, QSystemTrayIcon::isSystemTrayAvailable());
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    LocalServerStatus::setQuitPolicy(m_settings, LocalServerStatus::QuitPolicy(dialog.quitPolicy()));
    m_connection->applySettings(dialog.refreshMs(), dialog.timeoutMs());
    Q_EMIT settingsChanged();
    m_message->showMessage(tr("Settings saved"), 3000);
}

void MainWindow::restoreLayout()
{
    // First start: a comfortable size that still fits on small screens.
    QSize size(1280, 800);
    if (const QScreen *screen = this->screen()) {
        size = size.boundedTo(screen->availableGeometry().size() * 0.95);
    }
    resize(size);
    if (const QScreen *screen = this->screen(); screen && !m_settings->contains(u"window/geometry"_s)) {
        move(screen->availableGeometry().center() - rect().center());
    }
    restoreGeometry(m_settings->value(u"window/geometry"_s).toByteArray());
    if (!restoreState(m_settings->value(u"window/state"_s).toByteArray())) {
        // The request log is for digging into problems (View > Activity Log, Ctrl+J); on first
        // start the sessions get the height.
        m_logDock->hide();
    }
    m_table->restoreColumns(m_settings->value(u"window/sessionHeader"_s).toByteArray(), width());
    if (!m_splitter->restoreState(m_settings->value(u"window/splitter"_s).toByteArray())) {
        // Half and half: the table keeps room for its labels and the Tools tab for its form.
        // Widening the window gives more to the table (stretch 3:2).
        // Below 1200 px the detail pane gets the larger part: the Tools tab needs its width
        // more than the table, whose ids elide in the middle.
        m_splitter->setSizes(width() < 1200 ? QList<int>{450, 550} : QList<int>{500, 500});
    }
    m_detail->restoreToolsLayout(m_settings->value(u"window/toolsSplitter"_s).toByteArray());
}

void MainWindow::saveLayout()
{
    m_settings->setValue(u"window/geometry"_s, saveGeometry());
    m_settings->setValue(u"window/state"_s, saveState());
    m_settings->setValue(u"window/sessionHeader"_s, m_table->saveColumns());
    m_settings->setValue(u"window/splitter"_s, m_splitter->saveState());
    m_settings->setValue(u"window/toolsSplitter"_s, m_detail->saveToolsLayout());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    m_connection->saveFirstSeen();
    m_controller->stop();
    m_localServer->quitting();
    QMainWindow::closeEvent(event);
}

} // namespace AgentBay::Ui
