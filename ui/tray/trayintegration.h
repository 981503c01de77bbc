// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QCloseEvent;
class QSettings;
class QWidget;

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {

class GlanceColumnsProxy;
class LifecycleTracker;
class MainWindow;
class MetricsPoller;
class Notifier;
class SessionController;
class TrayController;

// What keeps the app useful while nobody looks at its window: the tray icon and menu, desktop
// notifications (each kind switched in Settings, TraySettings), the lifecycle tracker that
// warns before releases and notices vanished sessions, and closing the window to the tray
// (where a tray exists and the setting is on). One object for the composition root to create
// beside the main window.
class TrayIntegration final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIntegration)

public:
    TrayIntegration(Core::ApiClient *client,
        SessionController *sessions,
        QWidget *window,
        QSettings *settings,
        QObject *parent = nullptr);
    ~TrayIntegration() override;

    // The session table of the window: Remaining, CPU, Memory and Disk columns (metrics for the
    // visible running rows only) and a "Keep alive" action (Ctrl+K) on the selected sessions;
    // the detail pane's remaining time, keep-alive and metrics graph; the window's settings.
    void attachTable(MainWindow *window);

    TrayController *tray() const { return m_tray; }

    MetricsPoller *metrics() const { return m_metrics; }

    GlanceColumnsProxy *columns() const { return m_columns; }

    QAction *keepAliveAction() const { return m_keepAlive; }

    Notifier *notifier() const { return m_notifier; }

    LifecycleTracker *tracker() const { return m_tracker; }

    // Reads the notification switches and the close-to-tray choice again.
    void applySettings();

    // Closing the window hides it to the tray (the setting is on and a tray exists).
    bool closesToTray() const { return m_closeToTray; }

    // Whether the desktop has a tray; tests replace QSystemTrayIcon::isSystemTrayAvailable.
    void setTrayAvailability(std::function<bool()> available);

    // The window system asked to close the window (title bar, Alt+F4): hides it to the tray
    // and returns true when closesToTray(), else returns false and lets it close.
    bool closeToTray(QCloseEvent *event);

    // Shows the window again (the tray icon's click, "Show window").
    void showWindow();
    // Closes the window for good (saving its state) and ends the app: the tray's Quit.
    void quit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_window;
    QSettings *m_settings;
    TrayController *m_tray;
    Notifier *m_notifier;
    LifecycleTracker *m_tracker;
    MetricsPoller *m_metrics;
    GlanceColumnsProxy *m_columns = nullptr;
    QAction *m_keepAlive = nullptr;
    std::function<bool()> m_trayAvailable;
    bool m_closeToTray = false;
};

} // namespace AgentBay::Ui
