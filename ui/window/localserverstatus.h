// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QSet>

class QLabel;
class QSettings;
class QStatusBar;
class QToolButton;

namespace AgentBay::Ui {

class LocalServerLauncher;
class SessionStore;

// agentbay-local in the status bar: whether it runs, where, how many sessions it holds, and a
// Stop button. On quit it is stopped or left running as the setting says. "Auto" (the default)
// stops it only when this app started it and nobody else uses it, which the app knows as: every
// session on the server is one this app created in this run (a session from anywhere else, an
// SDK script or an earlier run, means someone may still need the server).
class LocalServerStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServerStatus)

public:
    enum class QuitPolicy {
        Auto,
        Always,
        Never
    };

    LocalServerStatus(LocalServerLauncher *launcher, SessionStore *store, QSettings *settings, QStatusBar *bar);
    ~LocalServerStatus() override;

    static QuitPolicy quitPolicy(const QSettings *settings);
    static void setQuitPolicy(QSettings *settings, QuitPolicy policy);

    // The window shows a Local profile (the label only shows then).
    void setActive(bool active);
    // A session this app created (it does not keep the server alive on quit).
    void noteCreated(const QString &sessionId);
    // The list it counts comes through the server's label or status filter: the server's
    // sessions are not all known then, so no count is shown and it is not stopped on quit as
    // if nobody else used it.
    void setListFiltered(bool filtered);

    bool isRunning() const { return m_pid > 0; }

    bool startedByThisApp() const { return m_startedHere; }

    // Said in the window while the shown server runs sessions without a sandbox; else empty.
    QString sandboxWarning() const { return m_warning; }

    // Sessions not created by this app, or a filtered list that may hide some.
    bool othersUseIt() const;
    bool shouldStopOnQuit() const;
    // Sends agentbay-local SIGTERM (it ends its sessions and removes its discovery file).
    bool stop();
    // Called as the app quits: stops the server when the policy says so.
    void quitting();

    QLabel *label() const { return m_label; }

    QToolButton *stopButton() const { return m_stop; }

Q_SIGNALS:
    void stopped();
    void sandboxWarningChanged(const QString &warning);

private:
    void update();

    LocalServerLauncher *m_launcher;
    SessionStore *m_store;
    QSettings *m_settings;
    QLabel *m_label;
    QToolButton *m_stop;
    QString m_url;
    QString m_warning;
    qint64 m_pid = 0;
    bool m_sandboxed = true;
    bool m_startedHere = false;
    bool m_active = false;
    bool m_listFiltered = false;
    QSet<QString> m_created;
};

} // namespace AgentBay::Ui
