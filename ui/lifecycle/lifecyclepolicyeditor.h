// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/session.h>

#include <QWidget>

class QCheckBox;
class QSpinBox;

namespace AgentBay::Ui {

// The lifecycle policy of a new session (protocol-2026.md 1): idle release timeout and maximum
// runtime in minutes, or release only when deleted. The defaults suit a person at a desk: half
// an hour of idleness, four hours at most, so a forgotten session does not run all night.
class LifecyclePolicyEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LifecyclePolicyEditor)

public:
    static constexpr int DefaultIdleMinutes = 30;
    static constexpr int DefaultMaxRuntimeMinutes = 240;

    explicit LifecyclePolicyEditor(QWidget *parent = nullptr);
    ~LifecyclePolicyEditor() override;

    Core::LifecyclePolicy policy() const;
    void setPolicy(const Core::LifecyclePolicy &policy);

    QSpinBox *idleSpin() const { return m_idle; }

    QSpinBox *maxRuntimeSpin() const { return m_maxRuntime; }

    QCheckBox *manualCheck() const { return m_manual; }

private:
    QSpinBox *m_idle;
    QSpinBox *m_maxRuntime;
    QCheckBox *m_manual;
};

} // namespace AgentBay::Ui
