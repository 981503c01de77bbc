// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace AgentBay::Test {

// Runs a real agentbay-local ($AGENTBAY_LOCAL_BIN) on a loopback port for a test, with its
// own data folder (a temporary one unless given), and stops it when destroyed.
class LocalServer
{
public:
    explicit LocalServer(const QString &dataDir = {}); // empty = own QTemporaryDir
    ~LocalServer(); // stops the server
    LocalServer(const LocalServer &) = delete;
    LocalServer &operator=(const LocalServer &) = delete;

    // Arguments added after --port and --data-dir on the next start (e.g. --max-sessions 2).
    void setExtraArguments(const QStringList &arguments);
    // Starts the server and waits (running the event loop, at most 10 s) for its URL line.
    bool start(int port = 0);
    void stop(); // SIGTERM and wait
    void kill(); // SIGKILL and wait

    QString url() const; // "http://127.0.0.1:PORT"
    QString apiKey() const; // the token
    QString dataDir() const;
    QString lastError() const;
    bool isRunning() const;
    // Everything the server wrote on stderr so far (its log).
    QByteArray log() const;

private:
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    QStringList m_extraArguments;
    std::unique_ptr<QProcess> m_process;
    QString m_url;
    QString m_apiKey;
    QString m_lastError;
    QByteArray m_log;
};

} // namespace AgentBay::Test
