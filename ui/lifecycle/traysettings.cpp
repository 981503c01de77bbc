// SPDX-License-Identifier: MIT
#include "traysettings.h"

#include <QSettings>

namespace AgentBay::Ui {

namespace {

const QString CloseToTrayKey = QStringLiteral("tray/closeToTray");

} // namespace

bool TraySettings::closeToTray(const QSettings *settings, bool trayAvailable)
{
    // Without a tray the saved choice cannot apply: nothing would bring the window back.
    return trayAvailable && (!settings || settings->value(CloseToTrayKey, true).toBool());
}

void TraySettings::setCloseToTray(QSettings *settings, bool on)
{
    settings->setValue(CloseToTrayKey, on);
}

bool TraySettings::notificationEnabled(const QSettings *settings, Notifier::Kind kind)
{
    return !settings || settings->value(Notifier::settingsKey(kind), true).toBool();
}

void TraySettings::setNotificationEnabled(QSettings *settings, Notifier::Kind kind, bool on)
{
    settings->setValue(Notifier::settingsKey(kind), on);
}

QList<Notifier::Kind> TraySettings::notificationKinds()
{
    return {Notifier::Kind::OperationFinished,
        Notifier::Kind::OperationFailed,
        Notifier::Kind::SessionVanished,
        Notifier::Kind::ReleaseSoon};
}

} // namespace AgentBay::Ui
