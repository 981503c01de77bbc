// SPDX-License-Identifier: MIT
#pragma once

#include <ui/services/notifier.h>

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QSettings;
class QSpinBox;

namespace AgentBay::Ui {

// Refresh interval of the current profile, the request timeout of every request, what Quit does
// to the local server, and the tray and notification choices.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(int refreshMs, int defaultRefreshMs, int timeoutMs, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    int refreshMs() const; // 0 = the profile's default
    int timeoutMs() const;
    // What Quit does to the local server: 0 auto, 1 always stop, 2 keep it (LocalServerStatus).
    void setQuitPolicy(int policy);
    int quitPolicy() const;
    // Adds the Language choice (System / English / 简体中文) read from settings; OK writes it
    // back as "ui/language", which the app reads at its next start.
    void editLanguageIn(QSettings *settings);
    // Shows the tray and notification choices saved in settings; OK writes them back.
    // trayAvailable: the desktop has a system tray (else "keep in the tray" is off and disabled).
    void setTraySettings(QSettings *settings, bool trayAvailable);

    QCheckBox *closeToTrayBox() const { return m_closeToTray; }

    QCheckBox *notificationBox(Notifier::Kind kind) const { return m_notifications.value(kind); }

    void accept() override;

private:
    QSpinBox *m_refresh;
    QSpinBox *m_timeout;
    QComboBox *m_quitPolicy;
    QCheckBox *m_closeToTray;
    QHash<Notifier::Kind, QCheckBox *> m_notifications;
    QSettings *m_settings = nullptr;
    int m_defaultRefreshMs;
};

} // namespace AgentBay::Ui
