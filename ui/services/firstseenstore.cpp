// SPDX-License-Identifier: MIT
#include "firstseenstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

QJsonObject readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

FirstSeenStore::FirstSeenStore(const QString &path)
    : m_path(path)
{
}

QString FirstSeenStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/first-seen.json"_s;
}

QHash<QString, QDateTime> FirstSeenStore::load(const QString &key) const
{
    QHash<QString, QDateTime> seen;
    const QJsonObject times = readAll(m_path).value(key).toObject();
    for (auto it = times.constBegin(); it != times.constEnd(); ++it) {
        seen.insert(it.key(), QDateTime::fromMSecsSinceEpoch(it.value().toInteger(), Qt::UTC));
    }
    return seen;
}

bool FirstSeenStore::save(const QString &key, const QHash<QString, QDateTime> &times) const
{
    QJsonObject all = readAll(m_path);
    QJsonObject entry;
    for (auto it = times.constBegin(); it != times.constEnd(); ++it) {
        entry.insert(it.key(), it.value().toMSecsSinceEpoch());
    }
    all.insert(key, entry);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // Written whole or not at all: a crash mid-write must not lose every endpoint's times.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write(QJsonDocument(all).toJson(QJsonDocument::Compact));
    return file.commit();
}

} // namespace AgentBay::Ui
