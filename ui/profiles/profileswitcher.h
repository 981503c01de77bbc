// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QComboBox;
class QMenu;
class QWidget;

namespace AgentBay::Ui {

class ConnectionController;
class CredentialStore;

// The profile chooser of the window: the toolbar combo box and the Profile menu (switch, new,
// edit, remove), kept in step with the connection's current profile. Dialogs open over window.
class ProfileSwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSwitcher)

public:
    ProfileSwitcher(ConnectionController *connection, CredentialStore *credentials, QWidget *window);
    ~ProfileSwitcher() override;

    QComboBox *comboBox() const { return m_combo; }

    QMenu *menu() const { return m_menu; }

public Q_SLOTS:
    void newProfile();
    void editProfile();

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);

private:
    void rebuild();
    // Stores the key under credentialKey (none: nothing to store), then switches to the profile.
    void saveKeyAndActivate(const QString &profileName, const QString &credentialKey, const QString &apiKey);

    ConnectionController *m_connection;
    CredentialStore *m_credentials;
    QWidget *m_window;
    QComboBox *m_combo;
    QMenu *m_menu;
};

} // namespace AgentBay::Ui
