// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace AgentBay::Server {

// The files agentbay-local keeps in its data folder besides the sessions: the API token
// (DATA/token) and the discovery file (DATA/server.json) the desktop app reads. Both are
// readable by their user only.
class DataDirectory
{
public:
    explicit DataDirectory(const QString &path);

    // $AGENTBAY_LOCAL_DATA_DIR, else <generic data location>/agentbay-local.
    static QString defaultPath();

    QString path() const { return m_path; }

    QString tokenPath() const;
    QString discoveryPath() const;

    bool ensureExists(QString *error) const;
    // The token of an earlier start, else a new one written with mode 0600.
    QString loadOrCreateToken(QString *error) const;
    // extra: further fields (e.g. whether sessions are sandboxed, for the desktop app's warning).
    bool writeDiscovery(quint16 port, const QString &token, QString *error, const QJsonObject &extra = {}) const;
    void removeDiscovery() const;

private:
    QString m_path;
};

} // namespace AgentBay::Server
