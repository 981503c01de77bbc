// SPDX-License-Identifier: MIT
#pragma once

#include <ui/services/profilestore.h>

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace AgentBay::Ui {

class CredentialStore;

// Creates or edits one profile: name, where it points (Local, a cloud region, a custom
// endpoint), region and API key. The key is shown masked, can be imported from AGENTBAY_API_KEY
// or a .env file, and is saved to the credential store, which says whether it persists.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)

public:
    ProfileDialog(
        const Profile &profile, CredentialStore *store, const QStringList &takenNames, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    Profile profile() const;
    QString apiKey() const;

    bool apiKeyChanged() const { return m_keyChanged; }

    void importKey(); // AGENTBAY_API_KEY, else a .env file from the working directory upward

private:
    void updateState();

    Profile m_original;
    CredentialStore *m_store;
    QStringList m_takenNames;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_endpoint;
    QLineEdit *m_region;
    QLineEdit *m_key;
    QPushButton *m_import;
    QLabel *m_keyStatus;
    QLabel *m_problem;
    QPushButton *m_ok;
    bool m_keyChanged = false;
    bool m_loadingKey = false;
    bool m_touched = false; // problems are shown once the user typed or chose something
    void showKeychainWarning(const QString &reason);
};

} // namespace AgentBay::Ui
