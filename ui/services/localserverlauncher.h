// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>

#include <optional>

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {

// Finds a running agentbay-local through its discovery file (DIR/server.json) and, when none
// answers, starts the agentbay-local binary next to this app (or on PATH) detached, so its
// sessions outlive the window, then waits for its discovery file. Never blocks.
class LocalServerLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServerLauncher)

public:
    struct Discovery
    {
        QString url; // https://127.0.0.1:PORT, or the server's own http URL when it has no CA
        QString token;
        qint64 pid = 0;
        // agentbay-local's CA (DATA/tls/ca.pem), to be pinned to the Local profile only.
        QList<QSslCertificate> caCertificates;
        // false: sessions run without a sandbox (--allow-unsandboxed); the window warns.
        bool sandboxed = true;
    };

    explicit LocalServerLauncher(QObject *parent = nullptr);
    ~LocalServerLauncher() override;

    // $AGENTBAY_LOCAL_DATA_DIR, else GenericDataLocation/agentbay-local (as agentbay-local does).
    static QString defaultDataDir();
    // agentbay-local next to the running executable, else on PATH; empty if neither.
    static QString findProgram();
    static std::optional<Discovery> readDiscovery(const QString &dataDir);
    // Where agentbay-local keeps its CA certificate for a data folder.
    static QString caCertificatePath(const QString &dataDir);

    void setDataDir(const QString &dir) { m_dataDir = dir; }

    QString dataDir() const { return m_dataDir; }

    void setProgram(const QString &program) { m_program = program; }

    void setStartTimeoutMs(int ms) { m_startTimeoutMs = ms; }

    // Emits ready() or failed() exactly once per call.
    void ensureRunning();

    bool isBusy() const { return m_busy; }

    // What the last ready() was about (its CA and whether its sessions are sandboxed).
    const Discovery &serverInfo() const { return m_serverInfo; }

Q_SIGNALS:
    void ready(const QString &url, const QString &token, bool started);
    void failed(const QString &message);
    void progress(const QString &message);

private:
    void probe(const Discovery &discovery, bool afterStart);
    void startServer();
    void pollDiscovery();
    void finish();

    QString m_dataDir;
    QString m_program;
    int m_startTimeoutMs = 15000;
    bool m_busy = false;
    qint64 m_startedPid = 0;
    qint64 m_waitedMs = 0;
    QTimer m_pollTimer;
    QPointer<Core::ApiClient> m_probeClient;
    Discovery m_serverInfo;
};

} // namespace AgentBay::Ui
