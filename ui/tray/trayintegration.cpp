// SPDX-License-Identifier: MIT
#include "trayintegration.h"

#include "traycontroller.h"
#include "traynotifier.h"

#include <ui/lifecycle/traysettings.h>
#include <ui/services/lifecycletracker.h>
#include <ui/services/metricspoller.h>
#include <ui/services/sessioncontroller.h>
#include <ui/sessions/glancecolumnsproxy.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/sessions/sessionfilterproxymodel.h>
#include <ui/sessions/sessionlistmodel.h>
#include <ui/sessions/sessiontableview.h>
#include <ui/sessions/visiblesessionsfeed.h>
#include <ui/window/mainwindow.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

namespace AgentBay::Ui {

TrayIntegration::TrayIntegration(
    Core::ApiClient *client, SessionController *sessions, QWidget *window, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_tray(new TrayController(sessions, this))
    , m_notifier(TrayNotifier::createBest(m_tray->icon(), this))
    , m_tracker(new LifecycleTracker(client, sessions->poller(), sessions->store(), m_notifier, this))
    , m_metrics(new MetricsPoller(client, this))
    , m_trayAvailable(&QSystemTrayIcon::isSystemTrayAvailable)
{
    applySettings();
    m_tray->show();
    if (window) {
        window->installEventFilter(this);
    }
    connect(sessions,
        &SessionController::sessionCreated,
        this,
        [this](const QString &id, const Core::CreateSessionParams &params) {
            if (params.lifecycle) {
                m_tracker->recordCreated(id, *params.lifecycle);
            }
        });
    connect(m_tray, &TrayController::showWindowRequested, this, &TrayIntegration::showWindow);
    connect(m_tray, &TrayController::quitRequested, this, &TrayIntegration::quit);
    connect(m_tray, &TrayController::keepAliveRequested, m_tracker, &LifecycleTracker::keepAlive);
    // Pause, resume and delete can take minutes on the cloud: say when they end, unless the
    // window is in front and says it itself.
    connect(sessions, &SessionController::actionSucceeded, this, [this](const QString &, const QString &message) {
        if (!m_window || !m_window->isActiveWindow()) {
            m_notifier->notify(Notifier::Kind::OperationFinished, tr("AgentBay Desktop"), message);
        }
    });
    connect(sessions,
        &SessionController::actionFailed,
        this,
        [this](const QString &action, const QString &sessionId, const Core::ApiError &error) {
            if (!m_window || !m_window->isActiveWindow()) {
                m_notifier->notify(
                    Notifier::Kind::OperationFailed, tr("%1 failed for %2").arg(action, sessionId), error.message);
            }
        });
}

TrayIntegration::~TrayIntegration() = default;

void TrayIntegration::attachTable(MainWindow *window)
{
    // Between the session list model and the window's filter/sort proxy: sorting and filtering
    // go on working through the roles, and the new columns sort like the others.
    m_columns = new GlanceColumnsProxy(m_tracker, m_metrics, this);
    m_columns->setSourceModel(window->model());
    window->proxy()->setSourceModel(m_columns);
    new VisibleSessionsFeed(window->table(), m_metrics, this);
    m_metrics->start();

    m_keepAlive = new QAction(tr("&Keep Alive"), window);
    m_keepAlive->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_keepAlive->setToolTip(tr("Restart the idle release timer of the selected sessions"));
    connect(m_keepAlive, &QAction::triggered, this, [this, window] {
        m_tracker->keepAlive(window->selectedIds());
    });
    window->addAction(m_keepAlive);
    window->table()->addAction(m_keepAlive);

    window->detailPane()->attachLifecycle(m_metrics, m_tracker);
    connect(window, &MainWindow::settingsChanged, this, &TrayIntegration::applySettings);
}

void TrayIntegration::setTrayAvailability(std::function<bool()> available)
{
    m_trayAvailable = std::move(available);
    applySettings();
}

void TrayIntegration::applySettings()
{
    for (const Notifier::Kind kind : TraySettings::notificationKinds()) {
        m_notifier->setEnabled(kind, TraySettings::notificationEnabled(m_settings, kind));
    }
    m_closeToTray = TraySettings::closeToTray(m_settings, m_trayAvailable && m_trayAvailable());
}

bool TrayIntegration::eventFilter(QObject *watched, QEvent *event)
{
    // Only the window system's close (title bar, Alt+F4) is spontaneous: File > Quit calls
    // close() itself and ends the app as before.
    if (watched == m_window && event->type() == QEvent::Close && event->spontaneous()) {
        return closeToTray(static_cast<QCloseEvent *>(event));
    }
    return QObject::eventFilter(watched, event);
}

bool TrayIntegration::closeToTray(QCloseEvent *event)
{
    if (!m_closeToTray || !m_window) {
        return false;
    }
    event->ignore();
    // A dialog closed while the window is hidden must not end the app.
    QApplication::setQuitOnLastWindowClosed(false);
    m_window->hide();
    return true;
}

void TrayIntegration::quit()
{
    QApplication::setQuitOnLastWindowClosed(true);
    if (m_window) {
        m_window->close(); // saves the layout, stops polling and maybe the local server
    }
    QCoreApplication::quit();
}

void TrayIntegration::showWindow()
{
    if (!m_window) {
        return;
    }
    QApplication::setQuitOnLastWindowClosed(true);
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace AgentBay::Ui
