// SPDX-License-Identifier: MIT
#include "datadirectory.h"

#include <server/sessions/sessionstore.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace AgentBay::Server {

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

bool writePrivateFile(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("DataDirectory", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // Before any byte is written: the secret never sits in a file others can read.
    file.setPermissions(ownerOnly);
    file.write(content);
    if (!file.commit()) {
        *error = QCoreApplication::translate("DataDirectory", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

DataDirectory::DataDirectory(const QString &path)
    : m_path(QDir::cleanPath(QDir(path).absolutePath()))
{
}

QString DataDirectory::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("AGENTBAY_LOCAL_DATA_DIR");
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/agentbay-local");
}

QString DataDirectory::tokenPath() const
{
    return m_path + QStringLiteral("/token");
}

QString DataDirectory::discoveryPath() const
{
    return m_path + QStringLiteral("/server.json");
}

bool DataDirectory::ensureExists(QString *error) const
{
    if (!QDir().mkpath(m_path)) {
        *error = QCoreApplication::translate("DataDirectory", "Cannot create the data folder %1").arg(m_path);
        return false;
    }
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

QString DataDirectory::loadOrCreateToken(QString *error) const
{
    QFile file(tokenPath());
    if (file.open(QIODevice::ReadOnly)) {
        const QString token = QString::fromUtf8(file.readAll()).trimmed();
        if (!token.isEmpty()) {
            file.setPermissions(ownerOnly);
            return token;
        }
    }
    const QString token = QStringLiteral("abl-") + SessionStore::randomAlphanumeric(40);
    if (!writePrivateFile(tokenPath(), token.toUtf8() + '\n', error)) {
        return {};
    }
    return token;
}

bool DataDirectory::writeDiscovery(quint16 port, const QString &token, QString *error, const QJsonObject &extra) const
{
    QJsonObject info{
        {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1").arg(port)},
        {QStringLiteral("port"), int(port)},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("token"), token},
    };
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        info.insert(it.key(), it.value());
    }
    return writePrivateFile(discoveryPath(), QJsonDocument(info).toJson(QJsonDocument::Indented), error);
}

void DataDirectory::removeDiscovery() const
{
    QFile::remove(discoveryPath());
}

} // namespace AgentBay::Server
