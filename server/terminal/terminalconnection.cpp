// SPDX-License-Identifier: MIT
#include "terminalconnection.h"

#include <server/terminal/ptyterminal.h>
#include <server/terminal/terminalservice.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStringDecoder>
#include <QTcpSocket>
#include <QTimer>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcTerminal, "agentbay.server.terminal")

namespace {

const QString ptyServer = QStringLiteral("PTY_SERVER");
const QString gateway = QStringLiteral("WEBSOCKET_SERVER");

int sizeParam(const QJsonObject &params, const char *name, int fallback)
{
    const QJsonValue value = params.value(QLatin1String(name));
    return value.isDouble() ? value.toInt() : fallback;
}

// Bytes as the SDKs send them: UTF-8 text, or base64 for bytes that are not.
QByteArray inputBytes(const QJsonObject &params)
{
    const QString data = params.value(u"data").toString();
    if (params.value(u"encoding").toString() == u"base64") {
        return QByteArray::fromBase64(data.toLatin1());
    }
    return data.toUtf8();
}

} // namespace

TerminalConnection::TerminalConnection(
    QTcpSocket *socket, const QByteArray &unread, const QString &sessionId, TerminalService *service, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_sessionId(sessionId)
    , m_service(service)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &TerminalConnection::readAvailable);
    connect(socket, &QTcpSocket::bytesWritten, this, &TerminalConnection::written);
    connect(socket, &QTcpSocket::disconnected, this, &TerminalConnection::drop);
    m_framer.append(unread);
    QMetaObject::invokeMethod(this, &TerminalConnection::readAvailable, Qt::QueuedConnection);
}

TerminalConnection::~TerminalConnection()
{
    for (const QPointer<PtyTerminal> &terminal : std::as_const(m_attached)) {
        if (terminal) {
            terminal->removeListener(this);
        }
    }
}

void TerminalConnection::drop()
{
    m_closing = true;
    for (const QPointer<PtyTerminal> &terminal : std::as_const(m_attached)) {
        if (terminal) {
            terminal->removeListener(this);
        }
    }
    m_attached.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    deleteLater();
}

void TerminalConnection::close(quint16 code, const QByteArray &reason)
{
    if (m_closing || !m_socket) {
        return;
    }
    send(WebSocketFramer::closeFrame(code, reason));
    m_closing = true;
    m_socket->disconnectFromHost(); // after the queued bytes; disconnected() then drops us
    // A client that never reads must not keep the socket.
    QTimer::singleShot(5000, this, &TerminalConnection::drop);
}

void TerminalConnection::readAvailable()
{
    if (!m_socket || m_closing) {
        return;
    }
    m_framer.append(m_socket->readAll());
    WebSocketFramer::Message message;
    while (!m_closing) {
        const WebSocketFramer::Next next = m_framer.next(&message);
        if (next == WebSocketFramer::Next::NeedMore) {
            return;
        }
        if (next == WebSocketFramer::Next::Error) {
            qCInfo(lcTerminal).noquote() << "closing a terminal connection:" << m_framer.error();
            close(m_framer.closeCode(), m_framer.error().toUtf8());
            return;
        }
        switch (message.opcode) {
        case WebSocketFramer::Opcode::Text:
            handleText(message.payload);
            break;
        case WebSocketFramer::Opcode::Ping:
            send(WebSocketFramer::frame(WebSocketFramer::Opcode::Pong, message.payload));
            break;
        case WebSocketFramer::Opcode::Close:
            close(1000, {});
            return;
        default: // pong, binary: nothing to do
            break;
        }
    }
}

void TerminalConnection::handleText(const QByteArray &text)
{
    const QJsonObject envelope = QJsonDocument::fromJson(text).object();
    if (envelope.value(u"type").toString() == u"ping") {
        return; // the Go SDK's application-level heartbeat
    }
    const QString invocationId = envelope.value(u"invocationId").toString();
    const QString target = envelope.value(u"target").toString();
    if (invocationId.isEmpty()) {
        return; // nothing to answer to
    }
    if (target != ptyServer) {
        replyError(invocationId, tr("No service %1 on this server").arg(target.left(64)), gateway);
        return;
    }
    handlePty(invocationId, envelope.value(u"data").toObject());
}

void TerminalConnection::handlePty(const QString &invocationId, const QJsonObject &data)
{
    if (!m_service) {
        return;
    }
    const QString method = data.value(u"method").toString();
    const QJsonObject params = data.value(u"params").toObject();
    const QString terminalId = params.value(u"ptySessionId").toString();
    if (method == u"pty.create" || method == u"pty.input") {
        m_service->noteActivity(m_sessionId);
    }
    if (method == u"pty.create") {
        TerminalService::CreateOptions options;
        options.cols = sizeParam(params, "cols", 80);
        options.rows = sizeParam(params, "rows", 24);
        const QJsonObject envs = params.value(u"envs").toObject();
        for (auto it = envs.begin(); it != envs.end(); ++it) {
            options.env.insert(it.key(), it.value().toString());
        }
        options.cwd = params.value(u"cwd").toString();
        options.shell = params.value(u"shell").toString();
        m_service->create(
            m_sessionId, options, this, [this, invocationId](PtyTerminal *terminal, const QString &error) {
                if (!terminal) {
                    replyError(invocationId, error);
                    return;
                }
                reply(invocationId,
                    {{QStringLiteral("result"), QJsonObject{{QStringLiteral("ptySessionId"), terminal->id()}}}});
                attach(terminal);
            });
        return;
    }
    if (method == u"pty.list") {
        reply(invocationId,
            {{QStringLiteral("result"),
                QJsonObject{
                    {QStringLiteral("ptySessionIds"), QJsonArray::fromStringList(m_service->ids(m_sessionId))}}}});
        return;
    }
    PtyTerminal *terminal = m_service->find(m_sessionId, terminalId);
    if (method == u"pty.input" || method == u"pty.resize") {
        // Fire-and-forget in the SDKs: nothing is answered, a failure is pushed as pty.error.
        bool ok = terminal != nullptr;
        if (ok && method == u"pty.input") {
            ok = terminal->write(inputBytes(params));
        } else if (ok) {
            ok = terminal->resize(sizeParam(params, "cols", 0), sizeParam(params, "rows", 0));
        }
        if (!ok && terminal) {
            push({{QStringLiteral("eventType"), QStringLiteral("pty.error")},
                {QStringLiteral("ptySessionId"), terminalId},
                {QStringLiteral("error"),
                    method == u"pty.input" ? tr("The terminal's input is full")
                                           : tr("cols and rows must be 1 to 500")}});
        }
        return;
    }
    if (!terminal) {
        replyError(invocationId, tr("There is no terminal %1 in this session").arg(terminalId.left(64)));
        return;
    }
    if (method == u"pty.connect") {
        attach(terminal);
        reply(
            invocationId, {{QStringLiteral("result"), QJsonObject{{QStringLiteral("ptySessionId"), terminal->id()}}}});
        return;
    }
    if (method == u"pty.kill") {
        m_service->kill(m_sessionId, terminalId);
        reply(invocationId, {{QStringLiteral("result"), QJsonObject{{QStringLiteral("ptySessionId"), terminalId}}}});
        return;
    }
    replyError(invocationId, tr("Unknown method %1").arg(method.left(64)));
}

void TerminalConnection::attach(PtyTerminal *terminal)
{
    if (m_attached.contains(terminal)) {
        return;
    }
    m_attached.append(terminal);
    const QString id = terminal->id();
    connect(terminal, &PtyTerminal::output, this, [this, id](const QByteArray &bytes) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(bytes);
        const bool utf8 = !decoder.hasError();
        push({{QStringLiteral("eventType"), QStringLiteral("pty.output")},
            {QStringLiteral("ptySessionId"), id},
            {QStringLiteral("encoding"), utf8 ? QStringLiteral("utf8") : QStringLiteral("base64")},
            {QStringLiteral("data"), utf8 ? text : QString::fromLatin1(bytes.toBase64())}});
    });
    connect(terminal, &PtyTerminal::exited, this, [this, id](int exitCode) {
        push({{QStringLiteral("eventType"), QStringLiteral("pty.exit")},
            {QStringLiteral("ptySessionId"), id},
            {QStringLiteral("exitCode"), exitCode}});
    });
    connect(terminal, &QObject::destroyed, this, [this] {
        m_attached.removeAll(nullptr);
    });
    if (m_holding) {
        terminal->hold(this);
    }
    terminal->addListener(this);
}

void TerminalConnection::reply(const QString &invocationId, const QJsonObject &data)
{
    const QJsonObject envelope{{QStringLiteral("invocationId"), invocationId},
        {QStringLiteral("source"), ptyServer},
        {QStringLiteral("target"), QStringLiteral("SDK")},
        {QStringLiteral("data"), data}};
    send(WebSocketFramer::frame(WebSocketFramer::Opcode::Text, QJsonDocument(envelope).toJson(QJsonDocument::Compact)));
}

void TerminalConnection::replyError(const QString &invocationId, const QString &error, const QString &source)
{
    const QJsonObject envelope{{QStringLiteral("invocationId"), invocationId},
        {QStringLiteral("source"), source.isEmpty() ? ptyServer : source},
        {QStringLiteral("target"), QStringLiteral("SDK")},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("error"), error}}}};
    send(WebSocketFramer::frame(WebSocketFramer::Opcode::Text, QJsonDocument(envelope).toJson(QJsonDocument::Compact)));
}

void TerminalConnection::push(const QJsonObject &data)
{
    // Fresh ids that can never equal one the client waits on (protocol-2026.md 4.4).
    reply(QStringLiteral("push-%1").arg(++m_pushSerial), data);
}

void TerminalConnection::send(const QByteArray &frame)
{
    if (!m_socket || m_closing) {
        return;
    }
    if (m_socket->bytesToWrite() > maxQueuedBytes) {
        qCInfo(lcTerminal) << "closing a terminal connection that reads nothing";
        drop();
        return;
    }
    m_socket->write(frame);
    if (!m_holding && m_socket->bytesToWrite() > highWaterBytes) {
        m_holding = true;
        for (const QPointer<PtyTerminal> &terminal : std::as_const(m_attached)) {
            if (terminal) {
                terminal->hold(this);
            }
        }
    }
}

void TerminalConnection::written()
{
    if (!m_holding || !m_socket || m_socket->bytesToWrite() > lowWaterBytes) {
        return;
    }
    m_holding = false;
    for (const QPointer<PtyTerminal> &terminal : std::as_const(m_attached)) {
        if (terminal) {
            terminal->release(this);
        }
    }
}

} // namespace AgentBay::Server
