// SPDX-License-Identifier: MIT
#include "terminalservice.h"

#include <server/agent/agentmessage.h>
#include <server/sandbox/sandboxagent.h>
#include <server/sandbox/sessionsandbox.h>
#include <server/sessions/localsession.h>
#include <server/sessions/sessionstore.h>
#include <server/terminal/ptyterminal.h>
#include <server/terminal/terminalaccess.h>
#include <server/terminal/terminalconnection.h>
#include <server/terminal/websocketframer.h>

#include <QTcpSocket>

#include <unistd.h>

namespace AgentBay::Server {

using AgentProtocol::Op;
using AgentProtocol::Tag;

namespace {

HttpResponse refusal(int status, const QByteArray &text)
{
    HttpResponse response = HttpResponse::make(status, "text/plain; charset=utf-8", text + '\n');
    if (status == 426) {
        response.setHeader("Sec-WebSocket-Version", "13");
    }
    return response;
}

bool hasToken(const QList<QByteArray> &tokens, const QByteArray &wanted)
{
    for (const QByteArray &token : tokens) {
        if (token.trimmed().compare(wanted, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

TerminalService::TerminalService(SessionStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_clock.start();
}

TerminalService::~TerminalService()
{
    for (SessionTerminals &session : m_sessions) {
        qDeleteAll(session.terminals);
    }
}

bool TerminalService::handles(const HttpRequest &request)
{
    return request.path().startsWith(TerminalAccess::pathPrefix);
}

void TerminalService::upgrade(const HttpRequest &request, const HttpResponder &responder)
{
    const QString sessionId =
        QString::fromUtf8(request.path().mid(qsizetype(qstrlen(TerminalAccess::pathPrefix)))).section(u'/', 0, 0);
    LocalSession *session = SessionStore::isValidId(sessionId) ? m_store->find(sessionId) : nullptr;
    if (request.method != "GET") {
        responder.respond(refusal(405, "The terminal channel is a WebSocket: GET with Upgrade: websocket"));
        return;
    }
    // The token is checked before anything about the session is said.
    if (!TerminalAccess::accepts(sessionId, request.header("x-access-token"))) {
        responder.respond(refusal(401, "This channel needs the session's Token in X-Access-Token"));
        return;
    }
    if (!session || session->status() == LocalSession::Status::Deleting) {
        responder.respond(refusal(404, "There is no such session"));
        return;
    }
    if (!hasToken(request.headerTokens("upgrade"), "websocket")
        || !hasToken(request.headerTokens("connection"), "upgrade") || request.header("sec-websocket-key").isEmpty()) {
        responder.respond(refusal(400, "Expected a WebSocket upgrade"));
        return;
    }
    if (request.header("sec-websocket-version").trimmed() != "13") {
        responder.respond(refusal(426, "WebSocket version 13 only"));
        return;
    }
    SessionTerminals &terminals = watch(session);
    terminals.connections.removeAll(nullptr);
    if (terminals.connections.size() >= maxConnectionsPerSession) {
        responder.respond(refusal(429, "Too many terminal connections to this session"));
        return;
    }
    const HttpTakeover takeover = responder.takeOver(this);
    if (!takeover.socket) {
        return;
    }
    takeover.socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           "Sec-WebSocket-Accept: "
        + WebSocketFramer::acceptKey(request.header("sec-websocket-key")) + "\r\n\r\n");
    auto *connection = new TerminalConnection(takeover.socket, takeover.unread, sessionId, this, this);
    terminals.connections.append(connection);
}

TerminalService::SessionTerminals &TerminalService::watch(LocalSession *session)
{
    SessionTerminals &terminals = m_sessions[session->id()];
    if (!terminals.watched) {
        terminals.watched = true;
        const QString id = session->id();
        connect(session, &QObject::destroyed, this, [this, id] {
            sessionGone(id);
        });
    }
    return terminals;
}

void TerminalService::sessionGone(const QString &sessionId)
{
    SessionTerminals terminals = m_sessions.take(sessionId);
    for (PtyTerminal *terminal : std::as_const(terminals.terminals)) {
        terminal->markExited(-1);
        delete terminal;
    }
    for (const QPointer<TerminalConnection> &connection : std::as_const(terminals.connections)) {
        if (connection) {
            connection->close(1001, "the session was deleted");
        }
    }
}

void TerminalService::create(const QString &sessionId, const CreateOptions &options, QObject *context, Created done)
{
    LocalSession *session = m_store->find(sessionId);
    SandboxAgent *agent = session && session->sandbox() ? session->sandbox()->agent() : nullptr;
    if (!session || session->status() != LocalSession::Status::Running || !agent) {
        done(nullptr,
            session ? tr("The session is %1; terminals open in running sessions only").arg(session->statusName())
                    : tr("There is no such session"));
        return;
    }
    if (watch(session).terminals.size() >= maxTerminalsPerSession) {
        done(nullptr, tr("A session has at most %1 terminals").arg(maxTerminalsPerSession));
        return;
    }
    AgentMessage request(Op::OpenPty, 0);
    request.addInt(Tag::Cols, qBound(1, options.cols, 500));
    request.addInt(Tag::Rows, qBound(1, options.rows, 500));
    QMap<QString, QString> env{{QStringLiteral("TERM"), QStringLiteral("xterm-256color")},
        {QStringLiteral("LANG"), QStringLiteral("C.UTF-8")}};
    env.insert(options.env);
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        if (!it.key().isEmpty() && !it.key().contains(u'=')) {
            request.add(Tag::Env, QString(it.key() + u'=' + it.value()).toStdString());
        }
    }
    if (!options.cwd.isEmpty()) {
        request.add(Tag::Cwd, options.cwd.toStdString());
    }
    if (!options.shell.isEmpty()) {
        request.add(Tag::Command, options.shell.toStdString());
    }
    QPointer<QObject> guard(context);
    QPointer<LocalSession> sessionGuard(session);
    QPointer<SandboxAgent> agentGuard(agent);
    agent->request(request, openTimeoutMs, this, [=, this](const SandboxAgent::Reply &reply) {
        if (!reply.ok() || reply.fd < 0 || !sessionGuard || !agentGuard) {
            if (reply.fd >= 0) {
                ::close(reply.fd);
            }
            if (guard) {
                done(nullptr,
                    reply.error.isEmpty() ? tr("The terminal could not start (error %1)").arg(reply.errorNumber())
                                          : reply.error);
            }
            return;
        }
        SessionTerminals &terminals = watch(sessionGuard);
        const QString id = QStringLiteral("pty-%1").arg(terminals.nextId++);
        auto *terminal = new PtyTerminal(id, reply.fd, reply.message.integer(Tag::Pid), this);
        terminals.terminals.insert(id, terminal);
        connect(agentGuard, &SandboxAgent::ptyExited, terminal, [terminal](qint64 pid, int exitCode) {
            if (pid == terminal->pid()) {
                terminal->noteShellExit(exitCode);
            }
        });
        // An ended terminal is forgotten once its exit has been told.
        connect(terminal, &PtyTerminal::exited, this, [this, sessionId, id] {
            QMetaObject::invokeMethod(
                this,
                [this, sessionId, id] {
                    kill(sessionId, id);
                },
                Qt::QueuedConnection);
        });
        if (guard) {
            done(terminal, {});
        } else {
            kill(sessionId, id);
        }
    });
}

PtyTerminal *TerminalService::find(const QString &sessionId, const QString &terminalId) const
{
    const auto session = m_sessions.constFind(sessionId);
    return session == m_sessions.cend() ? nullptr : session->terminals.value(terminalId);
}

QStringList TerminalService::ids(const QString &sessionId) const
{
    return m_sessions.value(sessionId).terminals.keys();
}

bool TerminalService::kill(const QString &sessionId, const QString &terminalId)
{
    const auto session = m_sessions.find(sessionId);
    if (session == m_sessions.end()) {
        return false;
    }
    PtyTerminal *terminal = session->terminals.take(terminalId);
    if (!terminal) {
        return false;
    }
    terminal->markExited(-9); // no-op when it had ended on its own
    terminal->deleteLater();
    return true;
}

void TerminalService::noteActivity(const QString &sessionId)
{
    LocalSession *session = m_store->find(sessionId);
    if (!session) {
        return;
    }
    SessionTerminals &terminals = watch(session);
    const qint64 nowMs = m_clock.elapsed();
    if (terminals.activityNotedMs != 0 && nowMs - terminals.activityNotedMs < 1000) {
        return;
    }
    terminals.activityNotedMs = qMax<qint64>(1, nowMs);
    session->noteActivity(m_store->now());
}

int TerminalService::connectionCount() const
{
    int count = 0;
    for (const SessionTerminals &session : m_sessions) {
        for (const QPointer<TerminalConnection> &connection : session.connections) {
            count += connection ? 1 : 0;
        }
    }
    return count;
}

} // namespace AgentBay::Server
