// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace AgentBay::Ui {

SettingsDialog::SettingsDialog(int refreshMs, int defaultRefreshMs, int timeoutMs, QWidget *parent)
    : QDialog(parent)
    , m_refresh(new QSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_quitPolicy(new QComboBox(this))
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

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
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

int SettingsDialog::timeoutMs() const
{
    return m_timeout->value() * 1000;
}

} // namespace AgentBay::Ui
