// SPDX-License-Identifier: MIT
#pragma once

#include <ui/services/notifier.h>

class QSettings;

namespace AgentBay::Ui {

// The saved choices about the app's life outside its window: whether closing the window
// keeps the app in the tray, and which kinds of desktop notification are shown. Read by the
// tray integration, written by the Settings dialog.
class TraySettings final
{
public:
    TraySettings() = delete;

    // Closing the window hides it to the tray. Default: on where the desktop has a tray,
    // off where it has none (the window would vanish with no way back).
    static bool closeToTray(const QSettings *settings, bool trayAvailable);
    static void setCloseToTray(QSettings *settings, bool on);

    // Each kind is on unless turned off.
    static bool notificationEnabled(const QSettings *settings, Notifier::Kind kind);
    static void setNotificationEnabled(QSettings *settings, Notifier::Kind kind, bool on);

    static QList<Notifier::Kind> notificationKinds();
};

} // namespace AgentBay::Ui
