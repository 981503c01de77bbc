// SPDX-License-Identifier: MIT
#pragma once

#include <server/http/httprequest.h>
#include <server/http/httpresponder.h>

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace AgentBay::Server {

class LocalSession;
class PtyTerminal;
class SessionStore;
class TerminalConnection;

// The terminals of every session and the WebSocket route that reaches them
// (GET /ws/<session id>, docs/TERMINAL.md): checks the upgrade and the session's token
// (TerminalAccess), takes the socket over from the HTTP server (plain or TLS alike) and hands
// it to a TerminalConnection, which speaks the PTY_SERVER messages of protocol-2026.md 4.4.
// Terminals belong to the session, not to a connection: a connection that drops leaves them
// running (pty.connect attaches again); deleting the session closes them and its connections.
class TerminalService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalService)

public:
    struct CreateOptions
    {
        int cols = 80;
        int rows = 24;
        QMap<QString, QString> env;
        QString cwd;
        QString shell;
    };

    using Created = std::function<void(PtyTerminal *terminal, const QString &error)>;

    explicit TerminalService(SessionStore *store, QObject *parent = nullptr);
    ~TerminalService() override;

    // Whether the request is for this route (path /ws/...).
    static bool handles(const HttpRequest &request);
    // Answers the upgrade: 101 and a connection, or a refusal (400, 401, 404, 426).
    void upgrade(const HttpRequest &request, const HttpResponder &responder);

    // For connections: a new shell on a pty inside the session; done once, not at all if
    // context dies first.
    void create(const QString &sessionId, const CreateOptions &options, QObject *context, Created done);
    PtyTerminal *find(const QString &sessionId, const QString &terminalId) const;
    QStringList ids(const QString &sessionId) const;
    // Closes the terminal (its shell gets SIGHUP) and forgets it.
    bool kill(const QString &sessionId, const QString &terminalId);

    int connectionCount() const;
    // Typing in a terminal is using the session: it keeps the idle release away (noted at
    // most once a second).
    void noteActivity(const QString &sessionId);

    static constexpr int maxTerminalsPerSession = 32;
    static constexpr int maxConnectionsPerSession = 16;
    static constexpr int openTimeoutMs = 15000;

private:
    struct SessionTerminals
    {
        QMap<QString, PtyTerminal *> terminals; // by id
        QList<QPointer<TerminalConnection>> connections;
        quint64 nextId = 1;
        bool watched = false;
        qint64 activityNotedMs = 0; // monotonic
    };

    SessionTerminals &watch(LocalSession *session);
    void sessionGone(const QString &sessionId);

    SessionStore *m_store;
    QHash<QString, SessionTerminals> m_sessions;
    QElapsedTimer m_clock;
};

} // namespace AgentBay::Server
