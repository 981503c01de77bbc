// SPDX-License-Identifier: MIT
#include "traynotifier.h"

#ifdef AGENTBAY_HAVE_DBUS
#include <ui/services/dbusnotifier.h>
#endif

#include <QSystemTrayIcon>

namespace AgentBay::Ui {

TrayNotifier::TrayNotifier(QSystemTrayIcon *icon, QObject *parent)
    : Notifier(parent)
    , m_icon(icon)
{
}

TrayNotifier::~TrayNotifier() = default;

Notifier *TrayNotifier::createBest(QSystemTrayIcon *icon, QObject *parent)
{
#ifdef AGENTBAY_HAVE_DBUS
    if (DBusNotifier::isAvailable()) {
        return new DBusNotifier(parent);
    }
#endif
    if (icon && QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        return new TrayNotifier(icon, parent);
    }
    return new SilentNotifier(parent);
}

bool TrayNotifier::show(Kind kind, const QString &title, const QString &body)
{
    if (!m_icon || !m_icon->isVisible()) {
        return false;
    }
    const bool bad = kind == Kind::OperationFailed || kind == Kind::SessionVanished;
    m_icon->showMessage(title, body, bad ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    return true;
}

} // namespace AgentBay::Ui
