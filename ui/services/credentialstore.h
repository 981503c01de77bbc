// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace AgentBay::Ui {

// Where API keys live. Asynchronous because system keychains are; callbacks run at most once,
// and not at all if context is destroyed first.
class CredentialStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    // value is nullopt when nothing is stored; error is set when the store failed.
    using ReadCallback = std::function<void(const std::optional<QString> &value, const QString &error)>;
    using WriteCallback = std::function<void(const QString &error)>;

    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    // False when keys only last as long as the app runs.
    virtual bool isPersistent() const = 0;
    // Translated, for the profile dialog ("System keychain", "This session only: ...").
    virtual QString description() const = 0;

    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, WriteCallback done) = 0;
    virtual void remove(const QString &key, QObject *context, WriteCallback done) = 0;

Q_SIGNALS:
    // The store found out it cannot persist (e.g. no keychain service is running).
    void persistenceChanged(bool persistent);
};

} // namespace AgentBay::Ui
