// SPDX-License-Identifier: MIT
#include "dbusnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QVariantMap>

namespace AgentBay::Ui {

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");

} // namespace

DBusNotifier::DBusNotifier(QObject *parent)
    : Notifier(parent)
{
}

DBusNotifier::~DBusNotifier() = default;

bool DBusNotifier::isAvailable()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface() && bus.interface()->isServiceRegistered(Service).value();
}

bool DBusNotifier::show(Kind kind, const QString &title, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        return false;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Service, QStringLiteral("Notify"));
    // Failures and releases matter more than a finished operation.
    const uchar urgency = kind == Kind::OperationFinished ? 0 : 1;
    call << QStringLiteral("AgentBay Desktop") << uint(0) << QStringLiteral("io.agentbay.Desktop") << title << body
         << QStringList() << QVariantMap{{QStringLiteral("urgency"), QVariant::fromValue(urgency)}} << int(-1);
    return bus.send(call);
}

} // namespace AgentBay::Ui
