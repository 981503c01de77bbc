// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
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
// notifications (each kind switched by its settings key, on unless set false) and the
// lifecycle tracker that warns before releases and notices vanished sessions. One object for
// the composition root to create beside the main window.
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
    // visible running rows only) and a "Keep alive" action (Ctrl+K) on the selected sessions.
    void attachTable(MainWindow *window);

    TrayController *tray() const { return m_tray; }

    MetricsPoller *metrics() const { return m_metrics; }

    GlanceColumnsProxy *columns() const { return m_columns; }

    QAction *keepAliveAction() const { return m_keepAlive; }

    Notifier *notifier() const { return m_notifier; }

    LifecycleTracker *tracker() const { return m_tracker; }

    // Reads the notification switches again (after the settings changed).
    void applySettings();

private:
    void showWindow();

    QPointer<QWidget> m_window;
    QSettings *m_settings;
    TrayController *m_tray;
    Notifier *m_notifier;
    LifecycleTracker *m_tracker;
    MetricsPoller *m_metrics;
    GlanceColumnsProxy *m_columns = nullptr;
    QAction *m_keepAlive = nullptr;
};

} // namespace AgentBay::Ui
