// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace AgentBay::Ui {

// When this app first saw each session, kept in one JSON file across restarts, per endpoint
// (the key): ages count from there. Other endpoints' entries in the file are left alone.
class FirstSeenStore
{
public:
    explicit FirstSeenStore(const QString &path = defaultPath());

    static QString defaultPath(); // first-seen.json in the app's data folder

    QString path() const { return m_path; }

    // Empty when the file or the key is missing or unreadable.
    QHash<QString, QDateTime> load(const QString &key) const;
    // Replaces the key's entry; false if the file could not be written.
    bool save(const QString &key, const QHash<QString, QDateTime> &times) const;

private:
    QString m_path;
};

} // namespace AgentBay::Ui
