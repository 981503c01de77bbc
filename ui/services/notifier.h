// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QSet>
#include <QString>

namespace AgentBay::Ui {

// Desktop notifications, whatever shows them (freedesktop notifications over D-Bus, tray
// balloons). Each kind can be turned off; notify() of a kind that is off does nothing.
// notified() is emitted for every notification shown, which is what tests spy on.
class Notifier : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    enum class Kind {
        OperationFinished, // a long operation started in the app finished
        OperationFailed, // ... or failed
        SessionVanished, // a session disappeared that the app did not delete
        ReleaseSoon, // a session will be released in a few minutes
    };
    Q_ENUM(Kind)

    explicit Notifier(QObject *parent = nullptr);
    ~Notifier() override;

    void setEnabled(Kind kind, bool enabled);

    bool isEnabled(Kind kind) const { return !m_disabled.contains(kind); }

    // Shows it unless its kind is off; true when shown.
    bool notify(Kind kind, const QString &title, const QString &body);

    // The settings key of a kind ("notifications/sessionVanished"...).
    static QString settingsKey(Kind kind);

Q_SIGNALS:
    void notified(AgentBay::Ui::Notifier::Kind kind, const QString &title, const QString &body);

protected:
    // How this notifier shows one; false if it could not.
    virtual bool show(Kind kind, const QString &title, const QString &body) = 0;

private:
    QSet<Kind> m_disabled;
};

// Shows nothing; for tests and for a desktop without any way to show one.
class SilentNotifier final : public Notifier
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SilentNotifier)

public:
    using Notifier::Notifier;
    ~SilentNotifier() override;

protected:
    bool show(Kind, const QString &, const QString &) override { return true; }
};

} // namespace AgentBay::Ui
