// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUrl>

class QSslConfiguration;
class QWebSocket;
class QTimer;

namespace AgentBay::Core {

// The client side of a session's WebSocket channel, for its terminals (protocol-2026.md 4.2
// to 4.4): opened with the session's WsUrl and Token (X-Access-Token, never in the URL), JSON
// text frames in the SDK envelope, the PTY_SERVER methods as calls (create, connect, kill)
// and fire-and-forget sends (input, resize), output and exit as pushed events. One channel
// per session serves all its terminals. Calls fail after callTimeoutMs without an answer.
class TerminalChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalChannel)

public:
    explicit TerminalChannel(QObject *parent = nullptr);
    ~TerminalChannel() override;

    // Connects; opened() or closed() follows.
    void open(const QUrl &wsUrl, const QString &token);
    void close();
    // For wss:// to a server with its own CA (agentbay-local's DATA/tls/ca.pem).
    void setSslConfiguration(const QSslConfiguration &configuration);
    bool isOpen() const;

    // pty.create: created(requestId, terminalId, error) follows; returns requestId.
    QString createTerminal(int cols, int rows, const QMap<QString, QString> &env = {});
    // pty.connect: output of an existing terminal comes to this channel too.
    QString connectTerminal(const QString &terminalId);
    QString killTerminal(const QString &terminalId);
    void sendInput(const QString &terminalId, const QByteArray &bytes);
    void resize(const QString &terminalId, int cols, int rows);

    static constexpr int callTimeoutMs = 30000;
    static constexpr int heartbeatMs = 20000;

Q_SIGNALS:
    void opened();
    void closed(const QString &reason); // also when it never opened
    void created(const QString &requestId, const QString &terminalId, const QString &error);
    void answered(const QString &requestId, const QString &error); // connect and kill
    void output(const QString &terminalId, const QByteArray &bytes);
    void exited(const QString &terminalId, int exitCode);
    void terminalError(const QString &terminalId, const QString &error);

private:
    QString call(const QString &method, const QJsonObject &params);
    void sendData(const QString &invocationId, const QJsonObject &data);
    void received(const QString &text);
    void finish(const QString &invocationId, const QJsonObject &data, const QString &error);
    void timeOut();

    struct Pending
    {
        QString method;
        qint64 deadline = 0;
    };

    QWebSocket *m_socket;
    QTimer *m_timer;
    QHash<QString, Pending> m_pending;
    quint64 m_serial = 0;
    qint64 m_lastPing = 0;
    bool m_open = false;
    bool m_closeTold = false;
};

} // namespace AgentBay::Core
