// SPDX-License-Identifier: MIT
#pragma once

#include <ui/services/notifier.h>

#include <QPointer>

class QSystemTrayIcon;

namespace AgentBay::Ui {

// Notifications as tray balloons, where no notification daemon is on D-Bus.
class TrayNotifier final : public Notifier
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    explicit TrayNotifier(QSystemTrayIcon *icon, QObject *parent = nullptr);
    ~TrayNotifier() override;

    // D-Bus notifications where available, else this one on the icon, else silence.
    static Notifier *createBest(QSystemTrayIcon *icon, QObject *parent);

protected:
    bool show(Kind kind, const QString &title, const QString &body) override;

private:
    QPointer<QSystemTrayIcon> m_icon;
};

} // namespace AgentBay::Ui
