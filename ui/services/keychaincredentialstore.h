// SPDX-License-Identifier: MIT
#pragma once

#include "credentialstore.h"

namespace QKeychain {
class Job;
} // namespace QKeychain

namespace AgentBay::Ui {

class MemoryCredentialStore;

// API keys in the system keychain (QtKeychain: Secret Service, KWallet, macOS Keychain,
// Windows Credential Store). When the keychain is missing or refuses, keys are kept in memory
// for this run and persistenceChanged(false) tells the UI to say so.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainCredentialStore)

public:
    explicit KeychainCredentialStore(const QString &service, QObject *parent = nullptr);
    ~KeychainCredentialStore() override;

    bool isPersistent() const override { return m_persistent; }

    QString description() const override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &value, QObject *context, WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;

private:
    void fallBack(const QString &reason);
    // Runs a write or delete job; done gets its error (empty: done, or fell back to memory).
    void startChange(QKeychain::Job *job, QObject *context, WriteCallback done);

    QString m_service;
    bool m_persistent = true;
    QString m_reason;
    MemoryCredentialStore *m_memory;
};

} // namespace AgentBay::Ui
