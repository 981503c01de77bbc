// SPDX-License-Identifier: MIT
#include "profiledialog.h"

#include <core/config/config.h>
#include <core/config/dotenv.h>
#include <ui/common/apppalette.h>
#include <ui/services/credentialstore.h>

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

ProfileDialog::ProfileDialog(
    const Profile &profile, CredentialStore *store, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_original(profile)
    , m_store(store)
    , m_takenNames(takenNames)
    , m_name(new QLineEdit(profile.name, this))
    , m_kind(new QComboBox(this))
    , m_endpoint(new QLineEdit(this))
    , m_region(new QLineEdit(profile.regionId, this))
    , m_key(new QLineEdit(this))
    , m_import(new QPushButton(tr("Import"), this))
    , m_keyStatus(new QLabel(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(profile.name.isEmpty() ? tr("New Profile") : tr("Edit Profile"));
    setMinimumWidth(520);
    m_name->setObjectName(u"name"_s);
    m_kind->setObjectName(u"service"_s);
    m_endpoint->setObjectName(u"endpoint"_s);
    m_keyStatus->setObjectName(u"keyStatus"_s);
    m_problem->setObjectName(u"problem"_s);

    for (const Profile::Kind kind :
        {Profile::Kind::Local, Profile::Kind::CloudShanghai, Profile::Kind::CloudSingapore, Profile::Kind::Custom}) {
        m_kind->addItem(Profile::kindName(kind), int(kind));
    }
    m_kind->setCurrentIndex(m_kind->findData(int(profile.kind)));
    m_endpoint->setText(profile.kind == Profile::Kind::Custom ? profile.endpoint : profile.effectiveEndpoint());
    m_endpoint->setPlaceholderText(tr("host[:port] (https) or http(s)://host:port"));
    m_region->setPlaceholderText(tr("Optional, e.g. cn-hangzhou"));

    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("akm-…"));
    QAction *reveal = m_key->addAction(QIcon(u":/icons/eye.svg"_s), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show the key"));
    connect(reveal, &QAction::toggled, this, [this, reveal](bool on) {
        m_key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setIcon(QIcon(on ? u":/icons/eye-off.svg"_s : u":/icons/eye.svg"_s));
    });
    m_import->setToolTip(tr("Take the key from AGENTBAY_API_KEY, or from a .env file"));
    m_keyStatus->setWordWrap(true);
    m_keyStatus->setForegroundRole(QPalette::PlaceholderText);
    m_problem->setStyleSheet(u"color: %1;"_s.arg(AppPalette::errorText(palette()).name()));
    m_problem->setWordWrap(true);

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_import);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Service:"), m_kind);
    form->addRow(tr("&Endpoint:"), m_endpoint);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(tr("API key:"), keyRow);
    form->addRow(QString(), m_keyStatus);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    const auto touched = [this] {
        m_touched = true;
        updateState();
    };
    connect(m_name, &QLineEdit::textEdited, this, touched);
    connect(m_endpoint, &QLineEdit::textEdited, this, touched);
    connect(m_name, &QLineEdit::textChanged, this, &ProfileDialog::updateState);
    connect(m_endpoint, &QLineEdit::textChanged, this, &ProfileDialog::updateState);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = Profile::Kind(m_kind->currentData().toInt());
        Profile probe;
        probe.kind = kind;
        if (kind != Profile::Kind::Custom) {
            m_endpoint->setText(probe.effectiveEndpoint());
        } else {
            // A fixed service's host is no start for a custom one: typing would append to it.
            m_endpoint->setText(m_original.kind == Profile::Kind::Custom ? m_original.endpoint : QString());
            m_endpoint->setFocus();
        }
        updateState();
    });
    connect(m_key, &QLineEdit::textEdited, this, [this] {
        m_keyChanged = true;
        updateState();
    });
    connect(m_import, &QPushButton::clicked, this, &ProfileDialog::importKey);

    if (m_store && !profile.name.isEmpty() && !profile.isLocal()) {
        m_loadingKey = true;
        m_store->read(profile.credentialKey(), this, [this](const std::optional<QString> &value, const QString &error) {
            m_loadingKey = false;
            if (!m_keyChanged && value) {
                m_key->setText(*value);
            }
            if (!error.isEmpty()) {
                showKeychainWarning(error);
            }
            updateState();
        });
    }
    updateState();
}

ProfileDialog::~ProfileDialog() = default;

Profile ProfileDialog::profile() const
{
    Profile profile = m_original;
    profile.name = m_name->text().trimmed();
    profile.kind = Profile::Kind(m_kind->currentData().toInt());
    profile.endpoint = profile.kind == Profile::Kind::Custom ? m_endpoint->text().trimmed() : QString();
    profile.regionId = m_region->text().trimmed();
    return profile;
}

QString ProfileDialog::apiKey() const
{
    return m_key->text().trimmed();
}

void ProfileDialog::importKey()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString key = env.value(u"AGENTBAY_API_KEY"_s);
    QString source = u"AGENTBAY_API_KEY"_s;
    if (key.isEmpty()) {
        const QString path = Core::DotEnv::locate({}, QDir::currentPath());
        if (!path.isEmpty()) {
            key = Core::DotEnv::load(path).value(u"AGENTBAY_API_KEY"_s);
            source = QDir::toNativeSeparators(path);
        }
    }
    if (key.isEmpty()) {
        m_keyStatus->setText(tr("No AGENTBAY_API_KEY in the environment or in a .env file."));
        return;
    }
    m_key->setText(key);
    m_keyChanged = true;
    m_keyStatus->setText(tr("Imported from %1.").arg(source));
    updateState();
}

void ProfileDialog::updateState()
{
    const Profile current = profile();
    const bool local = current.isLocal();
    m_endpoint->setEnabled(current.kind == Profile::Kind::Custom);
    m_key->setEnabled(!local && !m_loadingKey);
    m_import->setEnabled(!local);
    if (local) {
        m_key->clear();
        m_key->setPlaceholderText(tr("Read from agentbay-local"));
        m_keyStatus->setText(tr("agentbay-local is started when needed; its key is read from its discovery file."));
    } else if (m_keyStatus->text().isEmpty() || m_keyStatus->text().startsWith(u"agentbay-local"_s)) {
        m_key->setPlaceholderText(tr("akm-…"));
        if (m_store && !m_store->isPersistent()) {
            showKeychainWarning(m_store->description());
        } else {
            m_keyStatus->setText(m_store ? m_store->description() : QString());
        }
    }

    QString problem;
    if (current.name.isEmpty()) {
        problem = tr("Give the profile a name.");
    } else if (m_takenNames.contains(current.name, Qt::CaseInsensitive)
        && current.name.compare(m_original.name, Qt::CaseInsensitive) != 0) {
        problem = tr("A profile named \"%1\" exists already.").arg(current.name);
    } else if (current.kind == Profile::Kind::Custom) {
        const QString endpoint = current.endpoint;
        const QUrl url = endpoint.contains(u"://"_s) ? QUrl(endpoint) : QUrl(u"https://"_s + endpoint);
        if (endpoint.isEmpty() || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
            problem = tr("Enter an endpoint such as wuyingai.cn-shanghai.aliyuncs.com or http://127.0.0.1:8080.");
        }
    }
    m_problem->setText(problem);
    m_problem->setVisible(m_touched && !problem.isEmpty());
    m_ok->setEnabled(problem.isEmpty());
    m_ok->setToolTip(problem);
}

void ProfileDialog::showKeychainWarning(const QString &reason)
{
    // The system's words (e.g. a D-Bus launcher that is missing) go to the tool tip only.
    m_keyStatus->setText(tr("⚠ The system keychain is not available: the API key is kept for this run only and "
                            "has to be entered again after a restart."));
    m_keyStatus->setToolTip(reason);
    m_keyStatus->setForegroundRole(QPalette::WindowText);
}

} // namespace AgentBay::Ui
