// SPDX-License-Identifier: MIT
#include "profileswitcher.h"

#include "profiledialog.h"

#include <ui/services/connectioncontroller.h>
#include <ui/services/credentialstore.h>

#include <QActionGroup>
#include <QComboBox>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

const QString NewProfileData = u"+new"_s;

QIcon icon(const QString &name)
{
    return QIcon(u":/icons/"_s + name + u".svg"_s);
}

} // namespace

ProfileSwitcher::ProfileSwitcher(ConnectionController *connection, CredentialStore *credentials, QWidget *window)
    : QObject(window)
    , m_connection(connection)
    , m_credentials(credentials)
    , m_window(window)
    , m_combo(new QComboBox(window))
    , m_menu(new QMenu(tr("&Profile"), window))
{
    m_combo->setMinimumContentsLength(14);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setToolTip(tr("Which AgentBay service this window manages"));
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QString name = m_combo->itemData(index).toString();
        if (name == NewProfileData) {
            newProfile();
        } else if (!name.isEmpty() && name != m_connection->profile().name) {
            m_connection->activateProfile(name);
        }
        rebuild();
    });
    connect(m_connection, &ConnectionController::profileChanged, this, &ProfileSwitcher::rebuild);
    rebuild();
}

ProfileSwitcher::~ProfileSwitcher() = default;

void ProfileSwitcher::rebuild()
{
    const ProfileStore *store = m_connection->profiles();
    const QList<Profile> profiles = store->profiles();
    const Profile &current = m_connection->profile();
    m_menu->clear();
    auto *group = new QActionGroup(m_menu);
    for (const Profile &profile : profiles) {
        QAction *action = m_menu->addAction(profile.displayName());
        action->setCheckable(true);
        action->setChecked(profile.name == current.name);
        action->setToolTip(Profile::kindName(profile.kind));
        group->addAction(action);
        const QString name = profile.name;
        connect(action, &QAction::triggered, this, [this, name] {
            if (name != m_connection->profile().name) {
                m_connection->activateProfile(name);
            }
        });
    }
    m_menu->addSeparator();
    m_menu->addAction(icon(u"create"_s), tr("&New Profile…"), this, &ProfileSwitcher::newProfile);
    QAction *edit = m_menu->addAction(icon(u"profile"_s), tr("&Edit Profile…"), this, &ProfileSwitcher::editProfile);
    const bool saved = !current.name.isEmpty() && store->find(current.name).has_value();
    edit->setEnabled(saved);
    QAction *remove = m_menu->addAction(
        icon(u"delete"_s), tr("&Remove Profile"), m_connection, &ConnectionController::removeCurrentProfile);
    remove->setEnabled(!current.isLocal() && saved);

    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    // A computer for the local server, a cloud for the service: which one is on is seen at once.
    for (const Profile &profile : profiles) {
        m_combo->addItem(icon(profile.isLocal() ? u"computer"_s : u"cloud"_s), profile.displayName(), profile.name);
    }
    if (!current.name.isEmpty() && m_combo->findData(current.name) < 0) {
        m_combo->addItem(icon(u"cloud"_s), current.name, current.name); // command-line endpoint
    }
    m_combo->insertSeparator(m_combo->count());
    m_combo->addItem(tr("New profile…"), NewProfileData);
    m_combo->setCurrentIndex(qMax(0, m_combo->findData(current.name)));
}

void ProfileSwitcher::newProfile()
{
    ProfileStore *store = m_connection->profiles();
    QStringList names;
    for (const Profile &profile : store->profiles()) {
        names.append(profile.name);
    }
    Profile fresh;
    fresh.kind = Profile::Kind::CloudShanghai;
    ProfileDialog dialog(fresh, m_credentials, names, m_window);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const Profile created = dialog.profile();
    QList<Profile> list = store->profiles();
    list.append(created);
    store->setProfiles(list);
    const bool hasKey = !created.isLocal() && !dialog.apiKey().isEmpty();
    saveKeyAndActivate(created.name, hasKey ? created.credentialKey() : QString(), dialog.apiKey());
}

void ProfileSwitcher::editProfile()
{
    ProfileStore *store = m_connection->profiles();
    const std::optional<Profile> existing = store->find(m_connection->profile().name);
    if (!existing) {
        newProfile();
        return;
    }
    QStringList names;
    for (const Profile &profile : store->profiles()) {
        names.append(profile.name);
    }
    ProfileDialog dialog(*existing, m_credentials, names, m_window);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const Profile edited = dialog.profile();
    QList<Profile> list = store->profiles();
    for (Profile &profile : list) {
        if (profile.name == existing->name) {
            profile = edited;
        }
    }
    store->setProfiles(list);
    const bool newKey = !edited.isLocal() && dialog.apiKeyChanged();
    saveKeyAndActivate(edited.name, newKey ? edited.credentialKey() : QString(), dialog.apiKey());
}

void ProfileSwitcher::saveKeyAndActivate(
    const QString &profileName, const QString &credentialKey, const QString &apiKey)
{
    if (!m_credentials || credentialKey.isEmpty()) {
        m_connection->activateProfile(profileName);
        return;
    }
    m_credentials->write(credentialKey, apiKey, this, [this, profileName](const QString &error) {
        if (!error.isEmpty()) {
            Q_EMIT message(tr("The API key could not be stored: %1").arg(error), 10000);
        }
        m_connection->activateProfile(profileName);
    });
}

} // namespace AgentBay::Ui
