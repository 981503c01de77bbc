// SPDX-License-Identifier: MIT
#pragma once

#include "notifier.h"

namespace AgentBay::Ui {

// Freedesktop notifications (org.freedesktop.Notifications on the session bus). Calls are
// asynchronous: nothing waits for the notification daemon.
class DBusNotifier final : public Notifier
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DBusNotifier)

public:
    explicit DBusNotifier(QObject *parent = nullptr);
    ~DBusNotifier() override;

    // A session bus with a notification daemon on it.
    static bool isAvailable();

protected:
    bool show(Kind kind, const QString &title, const QString &body) override;
};

} // namespace AgentBay::Ui
