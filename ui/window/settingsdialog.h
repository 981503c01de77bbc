// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

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

private:
    QSpinBox *m_refresh;
    QSpinBox *m_timeout;
    int m_defaultRefreshMs;
};

} // namespace AgentBay::Ui
