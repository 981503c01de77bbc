// SPDX-License-Identifier: MIT
#include "keychaincredentialstore.h"

#include "memorycredentialstore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

Q_LOGGING_CATEGORY(lcKeychain, "agentbay.ui.keychaincredentialstore")

namespace {

// Errors that mean "there is no usable keychain here", as opposed to "no such entry".
bool isUnavailable(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(const QString &service, QObject *parent)
    : CredentialStore(parent)
    , m_service(service)
    , m_memory(new MemoryCredentialStore(this))
{
    // Find out early whether a keychain answers at all, so the UI can say so before a key is typed.
    read(u"availability-probe"_s, this, [](const std::optional<QString> &, const QString &) {});
}

KeychainCredentialStore::~KeychainCredentialStore() = default;

QString KeychainCredentialStore::description() const
{
    if (m_persistent) {
        return tr("Stored in the system keychain");
    }
    return tr("Kept for this session only: %1").arg(m_reason);
}

void KeychainCredentialStore::fallBack(const QString &reason)
{
    if (!m_persistent) {
        return;
    }
    // The keychain's message names the backend, never the secret. The window warns the user
    // (profile dialog); stderr stays quiet in normal use (--verbose shows it).
    qCInfo(lcKeychain).noquote() << "system keychain unavailable:" << reason;
    m_persistent = false;
    m_reason = reason.isEmpty() ? tr("no system keychain is available") : reason;
    Q_EMIT persistenceChanged(false);
}

void KeychainCredentialStore::read(const QString &key, QObject *context, ReadCallback done)
{
    if (!m_persistent) {
        m_memory->read(key, context, std::move(done));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job,
        &QKeychain::Job::finished,
        this,
        [this, key, context = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job *finished) {
            auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
            std::optional<QString> value;
            QString error;
            if (readJob->error() == QKeychain::NoError) {
                value = readJob->textData();
            } else if (readJob->error() == QKeychain::EntryNotFound) {
                value = m_memory->value(key);
            } else if (isUnavailable(readJob->error())) {
                fallBack(readJob->errorString());
                value = m_memory->value(key);
            } else {
                error = readJob->errorString();
            }
            if (context) {
                done(value, error);
            }
        });
    job->start();
}

void KeychainCredentialStore::write(const QString &key, const QString &value, QObject *context, WriteCallback done)
{
    // Kept in memory as well, so a failing keychain never loses what the user just typed.
    m_memory->setValue(key, value);
    if (!m_persistent) {
        m_memory->write(key, value, context, std::move(done));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setTextData(value);
    startChange(job, context, std::move(done));
}

void KeychainCredentialStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    m_memory->removeValue(key);
    if (!m_persistent) {
        m_memory->remove(key, context, std::move(done));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    startChange(job, context, std::move(done));
}

void KeychainCredentialStore::startChange(QKeychain::Job *job, QObject *context, WriteCallback done)
{
    connect(job,
        &QKeychain::Job::finished,
        this,
        [this, context = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job *finished) {
            QString error;
            // Removing a key that is not there leaves what was wanted: no key.
            if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound) {
                if (isUnavailable(finished->error())) {
                    fallBack(finished->errorString());
                } else {
                    error = finished->errorString();
                }
            }
            if (context && done) {
                done(error);
            }
        });
    job->start();
}

} // namespace AgentBay::Ui
