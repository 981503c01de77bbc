// SPDX-License-Identifier: MIT
#include "memorycredentialstore.h"

#include <QPointer>
#include <QTimer>

namespace AgentBay::Ui {

MemoryCredentialStore::MemoryCredentialStore(QObject *parent)
    : CredentialStore(parent)
{
}

MemoryCredentialStore::~MemoryCredentialStore() = default;

QString MemoryCredentialStore::description() const
{
    return tr("Kept for this session only (no system keychain available)");
}

std::optional<QString> MemoryCredentialStore::value(const QString &key) const
{
    const auto it = m_values.constFind(key);
    return it == m_values.constEnd() ? std::nullopt : std::optional<QString>(*it);
}

void MemoryCredentialStore::setValue(const QString &key, const QString &value)
{
    m_values.insert(key, value);
}

void MemoryCredentialStore::removeValue(const QString &key)
{
    m_values.remove(key);
}

// Answers are delivered from the event loop, as a real keychain's would be.
void MemoryCredentialStore::read(const QString &key, QObject *context, ReadCallback done)
{
    const std::optional<QString> result = value(key);
    QTimer::singleShot(0, context, [result, done = std::move(done)] {
        done(result, {});
    });
}

void MemoryCredentialStore::write(const QString &key, const QString &value, QObject *context, WriteCallback done)
{
    setValue(key, value);
    QTimer::singleShot(0, context, [done = std::move(done)] {
        if (done) {
            done({});
        }
    });
}

void MemoryCredentialStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    removeValue(key);
    QTimer::singleShot(0, context, [done = std::move(done)] {
        if (done) {
            done({});
        }
    });
}

} // namespace AgentBay::Ui
