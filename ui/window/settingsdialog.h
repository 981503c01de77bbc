// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace AgentBay::Ui {

// Refresh interval of the current profile and the request timeout of every request.
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

private:
    QSpinBox *m_refresh;
    QSpinBox *m_timeout;
    QComboBox *m_quitPolicy;
    int m_defaultRefreshMs;
};

} // namespace AgentBay::Ui
