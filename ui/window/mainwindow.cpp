// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "activitylogmodel.h"
#include "settingsdialog.h"

#include <core/apiclient.h>
#include <core/config.h>
#include <core/sessionpoller.h>
#include <ui/profiles/profiledialog.h>
#include <ui/services/credentialstore.h>
#include <ui/services/localserverlauncher.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessiondetailloader.h>
#include <ui/sessions/createsessiondialog.h>
#include <ui/sessions/filterbar.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/sessions/sessionfilterproxymodel.h>
#include <ui/sessions/sessionitemdelegate.h>
#include <ui/sessions/sessionlistmodel.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTime>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace AgentBay::Ui {

Q_LOGGING_CATEGORY(lcMainWindow, "agentbay.ui.mainwindow")

namespace {

QIcon icon(const QString &name)
{
    return QIcon(u":/icons/"_s + name + u".svg"_s);
}

MainWindow::DeleteChoice askDelete(QWidget *parent, const QStringList &ids, bool anyPaused, bool allPaused)
{
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(MainWindow::tr("Delete Sessions"));
    box.setText(ids.size() == 1
            ? MainWindow::tr("Delete session %1? Its processes and workspace are removed for good.").arg(ids.first())
            : MainWindow::tr("Delete %1 sessions? Their processes and workspaces are removed for good.")
                  .arg(ids.size()));
    constexpr int MaxListed = 12;
    QStringList listed = ids.mid(0, MaxListed);
    if (ids.size() > MaxListed) {
        listed.append(MainWindow::tr("… and %1 more").arg(ids.size() - MaxListed));
    }
    // One session is named in the question already; several are listed.
    QString info = ids.size() == 1 ? QString() : listed.join(u'\n');
    if (anyPaused) {
        info += (info.isEmpty() ? QString() : u"\n\n"_s)
            + (allPaused ? MainWindow::tr("Paused sessions cannot be deleted as they are: they are resumed first.")
                         : MainWindow::tr("Paused sessions cannot be deleted as they are. \"Resume, then Delete "
                                          "All\" resumes them first; \"Delete Others\" leaves them alone."));
    }
    box.setInformativeText(info);
    QPushButton *resumeThenDelete = nullptr;
    QPushButton *deleteButton = nullptr;
    // Never offer a plain Delete that can only fail: paused sessions are resumed first, or skipped.
    if (allPaused) {
        resumeThenDelete = box.addButton(MainWindow::tr("Resume, then Delete"), QMessageBox::DestructiveRole);
    } else if (anyPaused) {
        resumeThenDelete = box.addButton(MainWindow::tr("Resume, then Delete All"), QMessageBox::DestructiveRole);
        deleteButton = box.addButton(MainWindow::tr("Delete Others"), QMessageBox::DestructiveRole);
    } else {
        deleteButton = box.addButton(MainWindow::tr("Delete"), QMessageBox::DestructiveRole);
    }
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    if (box.clickedButton() == resumeThenDelete && resumeThenDelete) {
        return MainWindow::DeleteChoice::ResumeThenDelete;
    }
    if (deleteButton && box.clickedButton() == deleteButton) {
        return MainWindow::DeleteChoice::Delete;
    }
    return MainWindow::DeleteChoice::Cancel;
}

} // namespace

MainWindow::MainWindow(
    Core::ApiClient *client, UrlOpener *opener, CredentialStore *credentials, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_opener(opener)
    , m_credentials(credentials)
    , m_settings(settings)
    , m_profiles(settings)
    , m_controller(new SessionController(client, opener, this))
    , m_proxy(new SessionFilterProxyModel(this))
    , m_launcher(new LocalServerLauncher(this))
    , m_log(new ActivityLogModel(this))
{
    setWindowTitle(tr("AgentBay Desktop"));
    setWindowIcon(icon(u"io.agentbay.Desktop"_s));
    m_confirmDelete = [this](const QStringList &ids, bool anyPaused) {
        const bool allPaused = anyPaused && std::all_of(ids.cbegin(), ids.cend(), [this](const QString &id) {
            const SessionRow *row = m_controller->model()->find(id);
            return row && row->status == Core::SessionStatus::Paused;
        });
        return askDelete(this, ids, anyPaused, allPaused);
    };
    m_proxy->setSourceModel(m_controller->model());

    buildActions();
    buildCentral();
    buildActivityDock();
    buildMenus();
    buildStatusBar();
    restoreLayout();

    connect(m_client, &Core::ApiClient::requestStarted, m_log, &ActivityLogModel::addStarted);
    connect(m_client, &Core::ApiClient::requestFinished, m_log, &ActivityLogModel::addFinished);
    connect(m_client, &Core::ApiClient::inFlightCountChanged, this, &MainWindow::updateStatusBar);

    connect(m_controller, &SessionController::refreshed, this, [this] {
        if (m_errorFromRefresh) {
            // Connected again: a red "Refresh failed" would now be wrong.
            m_errorFromRefresh = false;
            m_errorLabel->clear();
            m_errorLabel->setToolTip({});
        }
        if (!m_reselectId.isEmpty()) {
            // After reconnecting, the session the user was looking at is selected again.
            if (currentId().isEmpty()) {
                selectSession(m_reselectId);
            }
            m_reselectId.clear();
        }
        hideBanner();
        updateStatusBar();
        updateCounts();
    });
    connect(m_controller, &SessionController::refreshFailed, this, [this](const Core::ApiError &error) {
        if (m_profile.isLocal() && error.kind == Core::ApiError::Kind::Network && !m_launcher->isBusy()) {
            // agentbay-local may be back on another port (its discovery file says where): follow it.
            const auto discovery = LocalServerLauncher::readDiscovery(m_launcher->dataDir());
            if (discovery
                && (discovery->url != m_client->config().endpoint || discovery->token != m_client->config().apiKey)) {
                statusBar()->showMessage(tr("agentbay-local is now at %1").arg(discovery->url), 5000);
                applyConnection(discovery->url, discovery->token);
                return;
            }
        }
        showError(tr("Refresh failed"), error);
        m_errorFromRefresh = true;
        if (m_profile.isLocal() && error.kind == Core::ApiError::Kind::Network) {
            // Retrying cannot help while nothing listens: offer to start the server instead.
            showBanner(tr("agentbay-local is not answering: %1. Its sessions are kept.").arg(error.message),
                tr("Start agentbay-local"),
                [this] {
                    activateProfile(m_profile.name);
                });
            return;
        }
        showBanner(tr("Cannot reach %1: %2").arg(m_client->config().baseUrl().toDisplayString(), error.message),
            tr("Retry now"),
            [this] {
                m_controller->refreshNow();
            });
    });
    connect(m_controller,
        &SessionController::actionFailed,
        this,
        [this](const QString &action, const QString &id, const Core::ApiError &error) {
            showError(id.isEmpty() ? tr("%1 failed").arg(action) : tr("%1 failed for %2").arg(action, id), error);
            updateActions();
        });
    connect(m_controller, &SessionController::actionSucceeded, this, [this](const QString &message) {
        statusBar()->showMessage(message, 5000);
    });

    connect(m_launcher, &LocalServerLauncher::progress, this, [this](const QString &message) {
        statusBar()->showMessage(message);
    });
    connect(
        m_launcher, &LocalServerLauncher::ready, this, [this](const QString &url, const QString &token, bool started) {
            if (!m_profile.isLocal()) {
                return;
            }
            statusBar()->showMessage(started ? tr("Started agentbay-local at %1").arg(url)
                                             : tr("Connected to agentbay-local at %1").arg(url),
                5000);
            applyConnection(url, token);
        });
    connect(m_launcher, &LocalServerLauncher::failed, this, [this](const QString &message) {
        if (!m_profile.isLocal()) {
            return;
        }
        Core::ApiError error;
        error.message = message;
        showError(tr("Local server unavailable"), error);
        showBanner(message, tr("Try again"), [this] {
            activateProfile(m_profile.name);
        });
        Q_EMIT connectionFailed(message);
    });
    if (m_credentials) {
        connect(m_credentials, &CredentialStore::persistenceChanged, this, [this](bool persistent) {
            if (!persistent) {
                statusBar()->showMessage(m_credentials->description(), 10000);
            }
        });
    }

    auto *model = m_controller->model();
    // New sessions: remember when they were first seen, even if the app is killed later.
    m_saveFirstSeen.setSingleShot(true);
    m_saveFirstSeen.setInterval(2s);
    connect(&m_saveFirstSeen, &QTimer::timeout, this, &MainWindow::saveFirstSeen);
    connect(model, &SessionListModel::sessionsAdded, &m_saveFirstSeen, qOverload<>(&QTimer::start));
    // Ages count in seconds at first: repaint just the visible Age cells every second (a paint,
    // not a model change, so selection, sorting and listeners are untouched).
    m_ageRepaint.setInterval(1s);
    connect(&m_ageRepaint, &QTimer::timeout, this, [this] {
        const int column = SessionListModel::AgeColumn;
        if (m_table->isColumnHidden(column)) {
            return;
        }
        QWidget *viewport = m_table->viewport();
        viewport->update(
            QRect(m_table->columnViewportPosition(column), 0, m_table->columnWidth(column), viewport->height()));
    });
    m_ageRepaint.start();
    connect(model, &SessionListModel::dataChanged, this, &MainWindow::updateActions);
    connect(model, &SessionListModel::rowsRemoved, this, &MainWindow::updateActions);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, &MainWindow::updateCounts);
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_selectAfterDelete < 0 || !selectedIds().isEmpty()) {
            return;
        }
        const int rowCount = m_proxy->rowCount();
        if (rowCount == 0) {
            m_selectAfterDelete = -1;
            return;
        }
        const QModelIndex next = m_proxy->index(std::min(m_selectAfterDelete, rowCount - 1), 0);
        m_selectAfterDelete = -1;
        m_table->selectionModel()->setCurrentIndex(
            next, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCounts);
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

void MainWindow::buildActions()
{
    m_create = new QAction(icon(u"create"_s), tr("&New Session…"), this);
    m_create->setShortcut(QKeySequence::New);
    m_create->setToolTip(tr("Create a session (Ctrl+N)"));
    m_create->setIconText(tr("New"));
    connect(m_create, &QAction::triggered, this, &MainWindow::newSession);

    m_pause = new QAction(icon(u"pause"_s), tr("&Pause"), this);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pause->setToolTip(tr("Pause the selected running sessions (Ctrl+Shift+P)"));
    connect(m_pause, &QAction::triggered, this, &MainWindow::pauseSelected);

    m_resume = new QAction(icon(u"resume"_s), tr("&Resume"), this);
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resume->setToolTip(tr("Resume the selected paused sessions (Ctrl+Shift+R)"));
    connect(m_resume, &QAction::triggered, this, &MainWindow::resumeSelected);

    m_delete = new QAction(icon(u"delete"_s), tr("&Delete…"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setIconText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected sessions (Del)"));
    connect(m_delete, &QAction::triggered, this, &MainWindow::deleteSelected);

    m_refresh = new QAction(icon(u"refresh"_s), tr("Re&fresh"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Refresh the session list now (F5)"));
    connect(m_refresh, &QAction::triggered, m_controller, &SessionController::refreshNow);

    m_openDesktop = new QAction(icon(u"open-desktop"_s), tr("&Open Desktop"), this);
    m_openDesktop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_openDesktop->setIconText(tr("Desktop"));
    m_openDesktop->setToolTip(tr("Open the desktop of the selected sessions in the browser (Ctrl+O)"));
    connect(m_openDesktop, &QAction::triggered, this, &MainWindow::openDesktopSelected);

    m_copyId = new QAction(icon(u"copy"_s), tr("&Copy Id"), this);
    m_copyId->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyId->setToolTip(tr("Copy the selected session ids (Ctrl+Shift+C)"));
    connect(m_copyId, &QAction::triggered, this, &MainWindow::copySelectedIds);

    m_settingsAction = new QAction(icon(u"settings"_s), tr("&Settings…"), this);
    // QKeySequence::Preferences is empty on most Linux desktops: fall back to the common Ctrl+,.
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
    toolbar->addAction(m_create);
    toolbar->addSeparator();
    toolbar->addAction(m_pause);
    toolbar->addAction(m_resume);
    toolbar->addAction(m_delete);
    toolbar->addSeparator();
    toolbar->addAction(m_openDesktop);
    toolbar->addAction(m_copyId);
    toolbar->addSeparator();
    toolbar->addAction(m_refresh);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    auto *profileLabel = new QLabel(tr("Profile:"), toolbar);
    profileLabel->setContentsMargins(0, 0, 6, 0);
    toolbar->addWidget(profileLabel);
    m_profileCombo = new QComboBox(toolbar);
    m_profileCombo->setMinimumContentsLength(14);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileCombo->setToolTip(tr("Which AgentBay service this window manages"));
    toolbar->addWidget(m_profileCombo);
    connect(m_profileCombo, &QComboBox::activated, this, [this](int index) {
        const QString name = m_profileCombo->itemData(index).toString();
        if (name == u"+new"_s) {
            newProfile();
        } else if (!name.isEmpty() && name != m_profile.name) {
            activateProfile(name);
        }
        rebuildProfileMenu();
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_create);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *session = menuBar()->addMenu(tr("&Session"));
    session->addAction(m_pause);
    session->addAction(m_resume);
    session->addAction(m_delete);
    session->addSeparator();
    session->addAction(m_openDesktop);
    session->addAction(m_copyId);
    session->addSeparator();
    session->addAction(m_refresh);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_focusFilter);
    view->addAction(m_logDock->toggleViewAction());

    m_profileMenu = menuBar()->addMenu(tr("&Profile"));
    rebuildProfileMenu();

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

    m_banner = new QFrame(this);
    m_banner->setObjectName(u"banner"_s);
    m_banner->setStyleSheet(u"QFrame#banner { background: #fff4e5; border: 1px solid #f3c98b; border-radius: 4px; }"_s);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerButton = new QPushButton(m_banner);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 6, 6);
    auto *bannerIcon = new QLabel(m_banner);
    bannerIcon->setPixmap(icon(u"error"_s).pixmap(16, 16));
    bannerLayout->addWidget(bannerIcon);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerButton);
    m_banner->hide();
    connect(m_bannerButton, &QPushButton::clicked, this, [this] {
        if (m_bannerAction) {
            m_bannerAction();
        }
    });

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new SessionItemDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SessionListModel::AgeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setAccessibleName(tr("Sessions"));
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(SessionListModel::LabelsColumn, QHeaderView::Stretch);
    const int charWidth = fontMetrics().averageCharWidth();
    const QFontMetrics fixedMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int idWidth = fixedMetrics.horizontalAdvance(u"session-0123456789abcdefghij"_s) + 24;
    m_table->setColumnWidth(SessionListModel::IdColumn, idWidth);
    m_table->setColumnWidth(SessionListModel::StatusColumn, charWidth * 16);
    m_table->setColumnWidth(SessionListModel::ImageColumn, charWidth * 14);
    m_table->setColumnWidth(SessionListModel::AgeColumn, charWidth * 7);
    m_table->setColumnWidth(SessionListModel::RegionColumn, charWidth * 11);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showTableContextMenu);
    // Right-click on the header: choose the columns (the session id always stays).
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu(this);
        QAbstractItemModel *model = m_table->model();
        for (int column = SessionListModel::IdColumn + 1; column < model->columnCount(); ++column) {
            QAction *action = menu.addAction(model->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!m_table->isColumnHidden(column));
            connect(action, &QAction::toggled, m_table, [this, column](bool shown) {
                m_table->setColumnHidden(column, !shown);
            });
        }
        menu.exec(header->mapToGlobal(pos));
    });

    // Shown over the empty table: what to do next, or why nothing is listed.
    m_emptyHint = new QLabel(m_table->viewport());
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setEnabled(false);
    auto *hintLayout = new QVBoxLayout(m_table->viewport());
    hintLayout->addWidget(m_emptyHint);
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this] {
        if (m_openDesktop->isEnabled()) {
            openDesktopSelected();
        }
    });
    // A click moves the current row before it selects it: follow both.
    const auto followSelection = [this] {
        m_detail->setSession(currentId());
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
    leftLayout->addWidget(m_table, 1);

    m_detail = new SessionDetailPane(m_controller, this);
    m_detail->setMinimumWidth(340);
    connect(m_detail, &SessionDetailPane::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 4000);
    });

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
    m_logDock = new QDockWidget(tr("Activity"), this);
    m_logDock->setObjectName(u"activityDock"_s);
    m_logDock->setFeatures(
        QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_logDock->toggleViewAction()->setIcon(icon(u"activity"_s));
    m_logDock->toggleViewAction()->setText(tr("&Activity Log"));
    m_logDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    auto *view = new QTableView(m_logDock);
    view->setModel(m_log);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(ActivityLogModel::OutcomeColumn, QHeaderView::Stretch);
    const int charWidth = fontMetrics().averageCharWidth();
    const QFontMetrics fixedMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setColumnWidth(ActivityLogModel::TimeColumn, fontMetrics().horizontalAdvance(u"00:00:00.000"_s) + 16);
    view->setColumnWidth(ActivityLogModel::ActionColumn, charWidth * 24);
    view->setColumnWidth(
        ActivityLogModel::SessionColumn, fixedMetrics.horizontalAdvance(u"session-0123456789abcdefghij"_s) + 16);
    view->setColumnWidth(ActivityLogModel::DurationColumn, charWidth * 10);
    view->setColumnWidth(ActivityLogModel::RequestIdColumn,
        fixedMetrics.horizontalAdvance(u"00000000-0000-0000-0000-000000000000"_s) + 16);
    view->setAccessibleName(tr("Activity log"));
    // Follow new requests only while the user is looking at the newest ones.
    connect(m_log, &QAbstractItemModel::rowsInserted, view, [view] {
        QScrollBar *bar = view->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2) {
            QMetaObject::invokeMethod(view, &QTableView::scrollToBottom, Qt::QueuedConnection);
        }
    });
    m_logDock->setWidget(view);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({m_logDock}, {150}, Qt::Vertical);
}

void MainWindow::buildStatusBar()
{
    m_profileLabel = new QLabel(this);
    m_refreshLabel = new QLabel(this);
    m_inFlightLabel = new QLabel(this);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setTextFormat(Qt::RichText);
    m_errorLabel->setStyleSheet(u"color: #c62828;"_s);
    m_errorLabel->setMaximumWidth(520);
    connect(m_errorLabel, &QLabel::linkActivated, this, [this] {
        // One window on request, never one per failure.
        QMessageBox box(QMessageBox::Warning, tr("Last Error"), m_errorLabel->toolTip(), QMessageBox::Close, this);
        box.setDetailedText(m_lastErrorDetails);
        box.exec();
    });
    for (QLabel *label : {m_errorLabel, m_inFlightLabel, m_refreshLabel, m_profileLabel}) {
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
        if (label != m_profileLabel) {
            auto *separator = new QFrame(this);
            separator->setFrameShape(QFrame::VLine);
            separator->setFrameShadow(QFrame::Sunken);
            statusBar()->addPermanentWidget(separator);
        }
    }
}

void MainWindow::rebuildProfileMenu()
{
    const QList<Profile> profiles = m_profiles.profiles();
    m_profileMenu->clear();
    auto *group = new QActionGroup(m_profileMenu);
    for (const Profile &profile : profiles) {
        QAction *action = m_profileMenu->addAction(profile.name);
        action->setCheckable(true);
        action->setChecked(profile.name == m_profile.name);
        action->setToolTip(Profile::kindName(profile.kind));
        group->addAction(action);
        const QString name = profile.name;
        connect(action, &QAction::triggered, this, [this, name] {
            if (name != m_profile.name) {
                activateProfile(name);
            }
        });
    }
    m_profileMenu->addSeparator();
    m_profileMenu->addAction(icon(u"create"_s), tr("&New Profile…"), this, &MainWindow::newProfile);
    QAction *edit = m_profileMenu->addAction(icon(u"profile"_s), tr("&Edit Profile…"), this, &MainWindow::editProfile);
    edit->setEnabled(!m_profile.name.isEmpty() && m_profiles.find(m_profile.name).has_value());
    QAction *remove = m_profileMenu->addAction(icon(u"delete"_s), tr("&Remove Profile"), this, [this] {
        if (m_profile.isLocal()) {
            return;
        }
        QList<Profile> list = m_profiles.profiles();
        list.removeIf([this](const Profile &p) {
            return p.name == m_profile.name;
        });
        m_profiles.setProfiles(list);
        if (m_credentials) {
            m_credentials->remove(m_profile.credentialKey(), this, {});
        }
        activateProfile(Profile::localName());
    });
    remove->setEnabled(!m_profile.isLocal() && m_profiles.find(m_profile.name).has_value());

    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->clear();
    for (const Profile &profile : profiles) {
        m_profileCombo->addItem(icon(u"profile"_s), profile.name, profile.name);
    }
    if (!m_profile.name.isEmpty() && m_profileCombo->findData(m_profile.name) < 0) {
        m_profileCombo->addItem(icon(u"profile"_s), m_profile.name, m_profile.name); // command-line endpoint
    }
    m_profileCombo->insertSeparator(m_profileCombo->count());
    m_profileCombo->addItem(tr("New profile…"), u"+new"_s);
    m_profileCombo->setCurrentIndex(qMax(0, m_profileCombo->findData(m_profile.name)));
}

void MainWindow::activateProfile(const QString &name)
{
    const std::optional<Profile> found = m_profiles.find(name);
    m_profile = found.value_or(m_profiles.current());
    m_profiles.setCurrentName(m_profile.name);
    rebuildProfileMenu();
    hideBanner();
    m_controller->stop();
    m_controller->setRefreshInterval(std::chrono::milliseconds(m_profile.effectiveRefreshMs()));
    updateStatusBar();

    if (m_profile.isLocal()) {
        m_launcher->ensureRunning();
        return;
    }
    const QString endpoint = m_profile.effectiveEndpoint();
    if (!m_credentials) {
        applyConnection(endpoint, {});
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
                m_controller->model()->clear();
                showBanner(error.isEmpty() ? tr("No API key is set for the profile \"%1\".").arg(profileName)
                                           : tr("Could not read the API key: %1").arg(error),
                    tr("Set API Key…"),
                    [this] {
                        editProfile();
                    });
                return;
            }
            applyConnection(endpoint, *key);
        });
}

void MainWindow::connectTo(const QString &endpoint, const QString &apiKey, const QString &label)
{
    m_profile = Profile();
    m_profile.kind = Profile::Kind::Custom;
    m_profile.name = label.isEmpty() ? endpoint : label;
    m_profile.endpoint = endpoint;
    const bool loopback = endpoint.contains(u"127.0.0.1"_s) || endpoint.contains(u"localhost"_s);
    m_profile.refreshIntervalMs = loopback ? Profile::LocalRefreshMs : Profile::CloudRefreshMs;
    rebuildProfileMenu();
    hideBanner();
    m_controller->setRefreshInterval(std::chrono::milliseconds(m_profile.effectiveRefreshMs()));
    applyConnection(endpoint, apiKey);
}

namespace {

QString firstSeenPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/first-seen.json"_s;
}

} // namespace

// Ages count from when this app first saw a session; keep that across restarts, per endpoint.
void MainWindow::saveFirstSeen()
{
    const QString endpoint = m_firstSeenKey; // the key the current rows were loaded under
    const SessionListModel *model = m_controller->model();
    if (endpoint.isEmpty() || model->rowCount() == 0) {
        return;
    }
    QFile file(firstSeenPath());
    QJsonObject all;
    if (file.open(QIODevice::ReadOnly)) {
        all = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
    }
    QJsonObject times;
    const QHash<QString, QDateTime> seen = model->firstSeenTimes();
    for (auto it = seen.constBegin(); it != seen.constEnd(); ++it) {
        times.insert(it.key(), it.value().toMSecsSinceEpoch());
    }
    all.insert(endpoint, times);
    QDir().mkpath(QFileInfo(file).absolutePath());
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.write(QJsonDocument(all).toJson(QJsonDocument::Compact));
    }
}

void MainWindow::loadFirstSeen()
{
    // agentbay-local picks a new port on each start; its data directory is what stays the same.
    m_firstSeenKey = m_profile.isLocal() ? u"local:"_s + QDir::cleanPath(m_launcher->dataDir())
                                         : m_client->config().baseUrl().toString();
    QFile file(firstSeenPath());
    QHash<QString, QDateTime> seen;
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject times = QJsonDocument::fromJson(file.readAll()).object().value(m_firstSeenKey).toObject();
        for (auto it = times.constBegin(); it != times.constEnd(); ++it) {
            seen.insert(it.key(), QDateTime::fromMSecsSinceEpoch(it.value().toInteger(), Qt::UTC));
        }
    }
    m_controller->model()->setKnownFirstSeen(seen);
}

void MainWindow::applyConnection(const QString &endpoint, const QString &apiKey)
{
    m_saveFirstSeen.stop();
    saveFirstSeen();
    if (const QString current = currentId(); !current.isEmpty()) {
        m_reselectId = current;
    }
    Core::Config config = m_client->config();
    config.endpoint = endpoint;
    config.apiKey = apiKey;
    config.timeoutMs = m_profiles.requestTimeoutMs();
    config.regionId = m_profile.regionId;
    m_client->setConfig(config);
    loadFirstSeen();
    m_log->setSecrets({apiKey});
    m_detail->setEndpoint(endpoint);
    m_controller->restart();
    updateStatusBar();
    Q_EMIT connected(endpoint);
}

void MainWindow::showBanner(const QString &text, const QString &buttonText, std::function<void()> action)
{
    m_bannerText->setText(text);
    m_bannerButton->setText(buttonText);
    m_bannerButton->setVisible(!buttonText.isEmpty());
    m_bannerAction = std::move(action);
    m_banner->show();
}

void MainWindow::hideBanner()
{
    m_banner->hide();
    m_bannerAction = nullptr;
}

void MainWindow::showError(const QString &summary, const Core::ApiError &error)
{
    m_errorFromRefresh = false;
    m_lastErrorDetails = error.details();
    const QString text = tr("%1: %2").arg(summary, error.message);
    // The time tells a stale error (kept as "the last error") from a fresh one.
    const QString shown = tr("%1 %2").arg(QTime::currentTime().toString(u"HH:mm"_s), text);
    const QFontMetrics metrics(m_errorLabel->font());
    m_errorLabel->setText(u"<a href=\"#\" style=\"color:#c62828; text-decoration:none\">%1</a>"_s.arg(
        metrics.elidedText(shown, Qt::ElideRight, 480).toHtmlEscaped()));
    m_errorLabel->setToolTip(text + u"\n"_s + m_lastErrorDetails);
    qCInfo(lcMainWindow).noquote() << summary << error.details();
}

void MainWindow::updateStatusBar()
{
    m_profileLabel->setText(tr("Profile: %1").arg(m_profile.name.isEmpty() ? tr("none") : m_profile.name));
    m_profileLabel->setToolTip(m_client->config().baseUrl().toDisplayString());
    const QDateTime last = m_controller->lastRefresh();
    m_refreshLabel->setText(
        last.isValid() ? tr("Refreshed %1").arg(last.toLocalTime().toString(u"HH:mm:ss"_s)) : tr("Not refreshed yet"));
    const int inFlight = m_client->inFlightCount();
    m_inFlightLabel->setText(inFlight == 0 ? tr("Idle")
            : inFlight == 1                ? tr("1 request in flight")
                                           : tr("%1 requests in flight").arg(inFlight));
}

void MainWindow::updateCounts()
{
    const int shown = m_proxy->rowCount();
    const int total = m_controller->model()->rowCount();
    m_filterBar->setCounts(shown, total);
    if (shown > 0) {
        m_emptyHint->hide();
        return;
    }
    const bool filtered = !m_filterBar->selector().isEmpty() || m_filterBar->status().has_value()
        || !m_filterBar->idText().trimmed().isEmpty();
    if (total > 0 || filtered) {
        // With a filter, the server may already have left the others out of the list.
        m_emptyHint->setText(tr("No session matches the filter."));
    } else if (!m_controller->hasRefreshed()) {
        m_emptyHint->setText(tr("Loading sessions…"));
    } else {
        m_emptyHint->setText(tr("No sessions yet.\nCreate one with New Session (Ctrl+N)."));
    }
    m_emptyHint->show();
}

QStringList MainWindow::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(SessionListModel::IdColumn);
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows) {
        ids.append(index.data(SessionListModel::SessionIdRole).toString());
    }
    return ids;
}

QString MainWindow::currentId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), current.parent())) {
        return {};
    }
    return current.data(SessionListModel::SessionIdRole).toString();
}

void MainWindow::selectSession(const QString &id)
{
    const int sourceRow = m_controller->model()->rowOf(id);
    if (sourceRow < 0) {
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_controller->model()->index(sourceRow, 0));
    if (!index.isValid()) {
        return;
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void MainWindow::updateActions()
{
    const QStringList ids = selectedIds();
    bool pause = false;
    bool resume = false;
    bool remove = false;
    bool open = false;
    for (const QString &id : ids) {
        const SessionRow *row = m_controller->model()->find(id);
        if (!row) {
            continue;
        }
        pause |= Core::canPause(row->status);
        resume |= Core::canResume(row->status);
        remove |= Core::canDelete(row->status);
        open |= Core::canOpen(row->status);
    }
    m_pause->setEnabled(pause);
    m_resume->setEnabled(resume);
    m_delete->setEnabled(remove);
    m_openDesktop->setEnabled(open);
    m_copyId->setEnabled(!ids.isEmpty());
}

void MainWindow::newSession()
{
    auto *dialog = new CreateSessionDialog(m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDefaultRegion(m_client->config().regionId);
    connect(dialog, &CreateSessionDialog::created, this, [this](const QString &id) {
        // The filter may hide the new row; show it anyway by selecting it when visible.
        selectSession(id);
        m_table->setFocus();
    });
    dialog->open();
}

void MainWindow::pauseSelected()
{
    m_controller->pause(selectedIds());
    updateActions();
}

void MainWindow::resumeSelected()
{
    m_controller->resume(selectedIds());
    updateActions();
}

void MainWindow::deleteSelected()
{
    QStringList ids;
    bool anyPaused = false;
    const QStringList selected = selectedIds();
    for (const QString &id : selected) {
        const SessionRow *row = m_controller->model()->find(id);
        if (row && Core::canDelete(row->status)) {
            ids.append(id);
            anyPaused |= row->status == Core::SessionStatus::Paused;
        }
    }
    if (ids.isEmpty()) {
        return;
    }
    const DeleteChoice choice = m_confirmDelete(ids, anyPaused);
    if (choice == DeleteChoice::Cancel) {
        return;
    }
    if (choice == DeleteChoice::Delete && anyPaused) {
        // "Delete Others": the paused ones would only be refused.
        ids.removeIf([this](const QString &id) {
            const SessionRow *row = m_controller->model()->find(id);
            return row && row->status == Core::SessionStatus::Paused;
        });
        if (ids.isEmpty()) {
            return;
        }
    }
    // When the rows go, the one below takes the selection (Delete, Delete, … works from the keyboard).
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_selectAfterDelete = rows.isEmpty() ? -1 : rows.first().row();
    for (const QModelIndex &row : rows) {
        m_selectAfterDelete = std::min(m_selectAfterDelete, row.row());
    }
    m_controller->remove(ids, choice == DeleteChoice::ResumeThenDelete);
    updateActions();
}

void MainWindow::openDesktopSelected()
{
    QStringList ids;
    const QStringList selected = selectedIds();
    for (const QString &id : selected) {
        const SessionRow *row = m_controller->model()->find(id);
        if (row && Core::canOpen(row->status)) {
            ids.append(id);
        }
    }
    m_controller->openDesktop(ids);
}

void MainWindow::copySelectedIds()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty()) {
        return;
    }
    QApplication::clipboard()->setText(ids.join(u'\n'));
    statusBar()->showMessage(
        ids.size() == 1 ? tr("Copied %1").arg(ids.first()) : tr("Copied %1 session ids").arg(ids.size()), 3000);
}

void MainWindow::showTableContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (index.isValid() && !m_table->selectionModel()->isRowSelected(index.row(), {})) {
        m_table->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    QMenu menu(this);
    menu.addAction(m_openDesktop);
    menu.addAction(m_copyId);
    menu.addSeparator();
    menu.addAction(m_pause);
    menu.addAction(m_resume);
    menu.addAction(m_delete);
    menu.addSeparator();
    menu.addAction(m_create);
    menu.addAction(m_refresh);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void MainWindow::editSettings()
{
    Profile defaults = m_profile;
    defaults.refreshIntervalMs = 0;
    SettingsDialog dialog(
        m_profile.refreshIntervalMs, defaults.effectiveRefreshMs(), m_profiles.requestTimeoutMs(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    m_profiles.setRequestTimeoutMs(dialog.timeoutMs());
    m_profile.refreshIntervalMs = dialog.refreshMs();
    QList<Profile> list = m_profiles.profiles();
    for (Profile &profile : list) {
        if (profile.name == m_profile.name) {
            profile.refreshIntervalMs = m_profile.refreshIntervalMs;
        }
    }
    m_profiles.setProfiles(list);
    m_controller->setRefreshInterval(std::chrono::milliseconds(m_profile.effectiveRefreshMs()));
    Core::Config config = m_client->config();
    config.timeoutMs = dialog.timeoutMs();
    m_client->setConfig(config);
    statusBar()->showMessage(tr("Settings saved"), 3000);
}

void MainWindow::newProfile()
{
    QStringList names;
    for (const Profile &profile : m_profiles.profiles()) {
        names.append(profile.name);
    }
    Profile fresh;
    fresh.kind = Profile::Kind::CloudShanghai;
    ProfileDialog dialog(fresh, m_credentials, names, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const Profile created = dialog.profile();
    QList<Profile> list = m_profiles.profiles();
    list.append(created);
    m_profiles.setProfiles(list);
    const QString key = dialog.apiKey();
    if (m_credentials && !created.isLocal() && !key.isEmpty()) {
        const QString name = created.name;
        m_credentials->write(created.credentialKey(), key, this, [this, name](const QString &error) {
            if (!error.isEmpty()) {
                statusBar()->showMessage(tr("The API key could not be stored: %1").arg(error), 10000);
            }
            activateProfile(name);
        });
        return;
    }
    activateProfile(created.name);
}

void MainWindow::editProfile()
{
    const std::optional<Profile> existing = m_profiles.find(m_profile.name);
    if (!existing) {
        newProfile();
        return;
    }
    QStringList names;
    for (const Profile &profile : m_profiles.profiles()) {
        names.append(profile.name);
    }
    ProfileDialog dialog(*existing, m_credentials, names, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const Profile edited = dialog.profile();
    QList<Profile> list = m_profiles.profiles();
    for (Profile &profile : list) {
        if (profile.name == existing->name) {
            profile = edited;
        }
    }
    m_profiles.setProfiles(list);
    if (m_credentials && !edited.isLocal() && dialog.apiKeyChanged()) {
        const QString name = edited.name;
        m_credentials->write(edited.credentialKey(), dialog.apiKey(), this, [this, name](const QString &error) {
            if (!error.isEmpty()) {
                statusBar()->showMessage(tr("The API key could not be stored: %1").arg(error), 10000);
            }
            activateProfile(name);
        });
        return;
    }
    activateProfile(edited.name);
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
    if (!m_table->horizontalHeader()->restoreState(m_settings->value(u"window/sessionHeader"_s).toByteArray())) {
        // Every local session says "local": leave the room to the labels (the header menu shows it).
        m_table->setColumnHidden(SessionListModel::RegionColumn, true);
        if (width() < 1150) {
            // A small screen: the labels matter more here than the image (shown in Overview).
            m_table->setColumnHidden(SessionListModel::ImageColumn, true);
        }
    }
    if (!m_splitter->restoreState(m_settings->value(u"window/splitter"_s).toByteArray())) {
        // Half and half: the table keeps room for its labels and the Tools tab for its form.
        // Widening the window gives more to the table (stretch 3:2).
        m_splitter->setSizes({500, 500});
    }
    m_detail->restoreToolsLayout(m_settings->value(u"window/toolsSplitter"_s).toByteArray());
}

void MainWindow::saveLayout()
{
    m_settings->setValue(u"window/geometry"_s, saveGeometry());
    m_settings->setValue(u"window/state"_s, saveState());
    m_settings->setValue(u"window/sessionHeader"_s, m_table->horizontalHeader()->saveState());
    m_settings->setValue(u"window/splitter"_s, m_splitter->saveState());
    m_settings->setValue(u"window/toolsSplitter"_s, m_detail->saveToolsLayout());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    saveFirstSeen();
    m_controller->stop();
    QMainWindow::closeEvent(event);
}

} // namespace AgentBay::Ui
