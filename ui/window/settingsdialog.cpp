// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

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
    hint->setEnabled(false);
    form->addRow(QString(), hint);
    form->addRow(tr("Request &timeout:"), m_timeout);

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

int SettingsDialog::timeoutMs() const
{
    return m_timeout->value() * 1000;
}

} // namespace AgentBay::Ui
