// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QMenu;
class QSystemTrayIcon;

namespace AgentBay::Ui {

class SessionController;

// The system tray icon: the count of running sessions in its tooltip and badge, a menu that
// lists the running and paused sessions with Pause / Resume / Open / Keep alive, "Pause all
// running", "Show window" and "Quit". The menu is rebuilt from the session store whenever it changes, so it is
// always current when opened. Works (menu and all) where no tray exists; then just invisible.
class TrayController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayController)

public:
    static constexpr int MaxListed = 20; // sessions listed in the menu

    explicit TrayController(SessionController *sessions, QObject *parent = nullptr);
    ~TrayController() override;

    QSystemTrayIcon *icon() const { return m_icon; }

    QMenu *menu() const { return m_menu; }

    int runningCount() const { return m_running; }

    // Shows the icon if the desktop has a tray; false if it has none.
    bool show();

Q_SIGNALS:
    void showWindowRequested();
    void quitRequested();
    // Keep alive was picked for these sessions (the lifecycle tracker does it).
    void keepAliveRequested(const QStringList &sessionIds);
    void runningCountChanged(int count);

private:
    void rebuild();
    void updateIcon();

    QPointer<SessionController> m_sessions;
    QSystemTrayIcon *m_icon;
    QMenu *m_menu;
    int m_running = -1;
};

} // namespace AgentBay::Ui
