// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

#include <ui/lifecycle/traysettings.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace AgentBay::Ui {

SettingsDialog::SettingsDialog(int refreshMs, int defaultRefreshMs, int timeoutMs, QWidget *parent)
    : QDialog(parent)
    , m_refresh(new QSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_quitPolicy(new QComboBox(this))
    , m_closeToTray(new QCheckBox(tr("&Keep running in the tray when the window is closed"), this))
    , m_defaultRefreshMs(defaultRefreshMs)
{
    setWindowTitle(tr("Settings"));
    m_refresh->setRange(1, 3600);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setValue(qMax(1, (refreshMs > 0 ? refreshMs : defaultRefreshMs) / 1000));
    m_refresh->setToolTip(tr("How often the session list is refreshed. Sessions that are pausing, resuming or "
                             "being deleted are polled faster until they settle."));
    m_timeout->setRange(5, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(qMax(5, timeoutMs / 1000));
    m_timeout->setToolTip(tr("How long to wait for the service before a request counts as timed out."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Refresh the list every:"), m_refresh);
    auto *hint = new QLabel(tr("Default for this profile: %1 s").arg(defaultRefreshMs / 1000), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), hint);
    form->addRow(tr("Request &timeout:"), m_timeout);
    m_quitPolicy->addItem(tr("Stop it if this app started it and no one else uses it"));
    m_quitPolicy->addItem(tr("Always stop it"));
    m_quitPolicy->addItem(tr("Keep it running"));
    m_quitPolicy->setToolTip(tr("\"No one else\": every session on the local server was created by this app in "
                                "this run."));
    form->addRow(tr("On &quit, the local server:"), m_quitPolicy);

    // Outside the window: the tray and the notifications (shown only once setTraySettings() says
    // where they are kept).
    auto *trayBox = new QGroupBox(tr("Tray and notifications"), this);
    auto *trayLayout = new QVBoxLayout(trayBox);
    m_closeToTray->setToolTip(tr("The tray icon brings the window back; Quit in the File or tray menu ends the app."));
    trayLayout->addWidget(m_closeToTray);
    trayLayout->addWidget(new QLabel(tr("Notify me when:"), trayBox));
    const QList<QPair<Notifier::Kind, QString>> kinds{
        {Notifier::Kind::OperationFinished, tr("A pause, resume or delete &finished")},
        {Notifier::Kind::OperationFailed, tr("A pause, resume or delete f&ailed")},
        {Notifier::Kind::SessionVanished, tr("A session &disappeared that this app did not delete")},
        {Notifier::Kind::ReleaseSoon, tr("A session will be released soon for being &idle")},
    };
    for (const auto &[kind, text] : kinds) {
        auto *box = new QCheckBox(text, trayBox);
        box->setChecked(true);
        m_notifications.insert(kind, box);
        trayLayout->addWidget(box);
    }
    trayBox->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(trayBox);
    layout->addWidget(buttons);
}

SettingsDialog::~SettingsDialog() = default;

int SettingsDialog::refreshMs() const
{
    const int ms = m_refresh->value() * 1000;
    return ms == m_defaultRefreshMs ? 0 : ms;
}

void SettingsDialog::setQuitPolicy(int policy)
{
    m_quitPolicy->setCurrentIndex(qBound(0, policy, m_quitPolicy->count() - 1));
}

int SettingsDialog::quitPolicy() const
{
    return m_quitPolicy->currentIndex();
}

void SettingsDialog::setTraySettings(QSettings *settings, bool trayAvailable)
{
    m_settings = settings;
    m_closeToTray->setChecked(TraySettings::closeToTray(settings, trayAvailable));
    m_closeToTray->setEnabled(trayAvailable);
    if (!trayAvailable) {
        m_closeToTray->setToolTip(tr("This desktop has no system tray: closing the window quits the app."));
    }
    for (auto it = m_notifications.cbegin(); it != m_notifications.cend(); ++it) {
        it.value()->setChecked(TraySettings::notificationEnabled(settings, it.key()));
    }
    m_closeToTray->parentWidget()->show();
}

void SettingsDialog::accept()
{
    if (m_settings) {
        if (m_closeToTray->isEnabled()) {
            TraySettings::setCloseToTray(m_settings, m_closeToTray->isChecked());
        }
        for (auto it = m_notifications.cbegin(); it != m_notifications.cend(); ++it) {
            TraySettings::setNotificationEnabled(m_settings, it.key(), it.value()->isChecked());
        }
    }
    QDialog::accept();
}

void SettingsDialog::editLanguageIn(QSettings *settings)
{
    auto *language = new QComboBox(this);
    language->setObjectName(QStringLiteral("languageCombo"));
    language->addItem(tr("System language"), QString());
    // Each language in its own words, so it can be found whatever the window shows now.
    language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    language->setCurrentIndex(qMax(0, language->findData(settings->value(QStringLiteral("ui/language")).toString())));
    auto *hint = new QLabel(tr("Takes effect the next time AgentBay Desktop starts."), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *form = findChild<QFormLayout *>();
    form->addRow(tr("&Language:"), language);
    form->addRow(QString(), hint);
    connect(this, &QDialog::accepted, this, [language, settings] {
        settings->setValue(QStringLiteral("ui/language"), language->currentData().toString());
    });
}

int SettingsDialog::timeoutMs() const
{
    return m_timeout->value() * 1000;
}

} // namespace AgentBay::Ui
