// SPDX-License-Identifier: MIT
#include "notifier.h"

namespace AgentBay::Ui {

Notifier::Notifier(QObject *parent)
    : QObject(parent)
{
}

Notifier::~Notifier() = default;

SilentNotifier::~SilentNotifier() = default;

void Notifier::setEnabled(Kind kind, bool enabled)
{
    if (enabled) {
        m_disabled.remove(kind);
    } else {
        m_disabled.insert(kind);
    }
}

bool Notifier::notify(Kind kind, const QString &title, const QString &body)
{
    if (!isEnabled(kind) || !show(kind, title, body)) {
        return false;
    }
    Q_EMIT notified(kind, title, body);
    return true;
}

QString Notifier::settingsKey(Kind kind)
{
    switch (kind) {
    case Kind::OperationFinished:
        return QStringLiteral("notifications/operationFinished");
    case Kind::OperationFailed:
        return QStringLiteral("notifications/operationFailed");
    case Kind::SessionVanished:
        return QStringLiteral("notifications/sessionVanished");
    case Kind::ReleaseSoon:
        return QStringLiteral("notifications/releaseSoon");
    }
    return {};
}

} // namespace AgentBay::Ui
