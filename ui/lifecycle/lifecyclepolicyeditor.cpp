// SPDX-License-Identifier: MIT
#include "lifecyclepolicyeditor.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QSpinBox>

namespace AgentBay::Ui {

namespace {

QSpinBox *minutesSpin(int value, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(1, 366 * 24 * 60); // the largest the local server accepts: a year
    spin->setSuffix(LifecyclePolicyEditor::tr(" min"));
    spin->setValue(value);
    return spin;
}

} // namespace

LifecyclePolicyEditor::LifecyclePolicyEditor(QWidget *parent)
    : QWidget(parent)
    , m_idle(minutesSpin(DefaultIdleMinutes, this))
    , m_maxRuntime(minutesSpin(DefaultMaxRuntimeMinutes, this))
    , m_manual(new QCheckBox(tr("Release only when deleted"), this))
{
    m_idle->setToolTip(tr("Released after this long without activity; Keep alive starts it again."));
    m_maxRuntime->setToolTip(tr("Released this long after creation, whatever happens."));
    m_manual->setToolTip(tr("No automatic release: the session runs (and costs) until you delete it."));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("I&dle release after:"), m_idle);
    form->addRow(tr("&Maximum runtime:"), m_maxRuntime);
    form->addRow(QString(), m_manual);
    connect(m_manual, &QCheckBox::toggled, this, [this](bool manual) {
        m_idle->setEnabled(!manual);
        m_maxRuntime->setEnabled(!manual);
    });
}

LifecyclePolicyEditor::~LifecyclePolicyEditor() = default;

Core::LifecyclePolicy LifecyclePolicyEditor::policy() const
{
    Core::LifecyclePolicy policy;
    policy.idleReleaseTimeoutMinutes = m_idle->value();
    policy.maxRuntimeMinutes = m_maxRuntime->value();
    policy.manualRelease = m_manual->isChecked();
    return policy;
}

void LifecyclePolicyEditor::setPolicy(const Core::LifecyclePolicy &policy)
{
    m_idle->setValue(policy.idleReleaseTimeoutMinutes);
    m_maxRuntime->setValue(policy.maxRuntimeMinutes);
    m_manual->setChecked(policy.manualRelease);
}

} // namespace AgentBay::Ui
