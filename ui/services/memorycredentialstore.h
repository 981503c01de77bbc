// SPDX-License-Identifier: MIT
#pragma once

#include "credentialstore.h"

#include <QHash>

namespace AgentBay::Ui {

// Keys kept in memory for this run only: for tests, and where no keychain is available.
class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryCredentialStore)

public:
    explicit MemoryCredentialStore(QObject *parent = nullptr);
    ~MemoryCredentialStore() override;

    bool isPersistent() const override { return false; }

    QString description() const override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &value, QObject *context, WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;

    // Synchronous access for the keychain fallback.
    std::optional<QString> value(const QString &key) const;
    void setValue(const QString &key, const QString &value);
    void removeValue(const QString &key);

private:
    QHash<QString, QString> m_values;
};

} // namespace AgentBay::Ui
