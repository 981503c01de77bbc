// SPDX-License-Identifier: MIT
#include "terminalchannel.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTimer>
#include <QWebSocket>

#include <utility>

namespace AgentBay::Core {

namespace {

const QString ptyServer = QStringLiteral("PTY_SERVER");

} // namespace

TerminalChannel::TerminalChannel(QObject *parent)
    : QObject(parent)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    , m_timer(new QTimer(this))
{
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        m_closeTold = false;
        m_timer->start(1000);
        Q_EMIT opened();
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        m_open = false;
        m_timer->stop();
        const QStringList ids = m_pending.keys();
        for (const QString &id : ids) {
            finish(id, {}, tr("The terminal channel closed"));
        }
        QString reason = m_socket->closeReason();
        if (reason.isEmpty()) {
            reason = m_socket->errorString();
        }
        if (!std::exchange(m_closeTold, true)) {
            Q_EMIT closed(reason);
        }
    });
    // A refused handshake (401) ends in an error without a disconnect.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (!m_open && !m_closeTold) {
            m_closeTold = true;
            Q_EMIT closed(m_socket->errorString());
        }
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &TerminalChannel::received);
    connect(m_timer, &QTimer::timeout, this, &TerminalChannel::timeOut);
}

TerminalChannel::~TerminalChannel()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

void TerminalChannel::open(const QUrl &wsUrl, const QString &token)
{
    QNetworkRequest request(wsUrl);
    request.setRawHeader("X-Access-Token", token.toUtf8());
    m_socket->open(request);
}

void TerminalChannel::close()
{
    m_socket->close();
}

void TerminalChannel::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_socket->setSslConfiguration(configuration);
}

bool TerminalChannel::isOpen() const
{
    return m_open;
}

QString TerminalChannel::createTerminal(int cols, int rows, const QMap<QString, QString> &env)
{
    QJsonObject envs{{QStringLiteral("TERM"), QStringLiteral("xterm-256color")},
        {QStringLiteral("LANG"), QStringLiteral("C.UTF-8")}};
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        envs.insert(it.key(), it.value());
    }
    return call(QStringLiteral("pty.create"),
        {{QStringLiteral("cols"), qBound(1, cols, 500)},
            {QStringLiteral("rows"), qBound(1, rows, 500)},
            {QStringLiteral("envs"), envs}});
}

QString TerminalChannel::connectTerminal(const QString &terminalId)
{
    return call(QStringLiteral("pty.connect"), {{QStringLiteral("ptySessionId"), terminalId}});
}

QString TerminalChannel::killTerminal(const QString &terminalId)
{
    return call(QStringLiteral("pty.kill"), {{QStringLiteral("ptySessionId"), terminalId}});
}

void TerminalChannel::sendInput(const QString &terminalId, const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    const bool utf8 = !decoder.hasError();
    sendData(QString::number(++m_serial),
        {{QStringLiteral("method"), QStringLiteral("pty.input")},
            {QStringLiteral("params"),
                QJsonObject{{QStringLiteral("ptySessionId"), terminalId},
                    {QStringLiteral("encoding"), utf8 ? QStringLiteral("utf8") : QStringLiteral("base64")},
                    {QStringLiteral("data"), utf8 ? text : QString::fromLatin1(bytes.toBase64())}}}});
}

void TerminalChannel::resize(const QString &terminalId, int cols, int rows)
{
    sendData(QString::number(++m_serial),
        {{QStringLiteral("method"), QStringLiteral("pty.resize")},
            {QStringLiteral("params"),
                QJsonObject{{QStringLiteral("ptySessionId"), terminalId},
                    {QStringLiteral("cols"), qBound(1, cols, 500)},
                    {QStringLiteral("rows"), qBound(1, rows, 500)}}}});
}

QString TerminalChannel::call(const QString &method, const QJsonObject &params)
{
    // Random ids, as the SDKs use: never equal to a pushed event's.
    const QString id =
        QString::number(QRandomGenerator::global()->generate64(), 16) + u'-' + QString::number(++m_serial);
    m_pending.insert(id, {method, QDateTime::currentMSecsSinceEpoch() + callTimeoutMs});
    if (!m_open) {
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                finish(id, {}, tr("The terminal channel is not open"));
            },
            Qt::QueuedConnection);
        return id;
    }
    sendData(id, {{QStringLiteral("method"), method}, {QStringLiteral("params"), params}});
    return id;
}

void TerminalChannel::sendData(const QString &invocationId, const QJsonObject &data)
{
    if (!m_open) {
        return;
    }
    const QJsonObject envelope{{QStringLiteral("invocationId"), invocationId},
        {QStringLiteral("source"), QStringLiteral("SDK")},
        {QStringLiteral("target"), ptyServer},
        {QStringLiteral("data"), data}};
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(envelope).toJson(QJsonDocument::Compact)));
}

void TerminalChannel::received(const QString &text)
{
    const QJsonObject envelope = QJsonDocument::fromJson(text.toUtf8()).object();
    QString id = envelope.value(u"invocationId").toString();
    if (id.isEmpty()) {
        id = envelope.value(u"requestId").toString();
    }
    QJsonValue dataValue = envelope.value(u"data");
    if (dataValue.isString()) { // tolerated, as the SDKs do
        dataValue = QJsonDocument::fromJson(dataValue.toString().toUtf8()).object();
    }
    const QJsonObject data = dataValue.toObject();
    if (m_pending.contains(id)) {
        QString error = envelope.value(u"error").toString();
        if (error.isEmpty()) {
            error = data.value(u"error").toString();
        }
        finish(id, data.value(u"result").toObject(), error);
        return;
    }
    const QString terminalId = data.value(u"ptySessionId").toString();
    const QString event = data.value(u"eventType").toString();
    if (event == u"pty.output") {
        const QString payload = data.value(u"data").toString();
        Q_EMIT output(terminalId,
            data.value(u"encoding").toString() == u"base64" ? QByteArray::fromBase64(payload.toLatin1())
                                                            : payload.toUtf8());
    } else if (event == u"pty.exit") {
        Q_EMIT exited(terminalId, data.value(u"exitCode").toInt(-1));
    } else if (event == u"pty.error") {
        Q_EMIT terminalError(terminalId, data.value(u"error").toString());
    }
}

void TerminalChannel::finish(const QString &invocationId, const QJsonObject &result, const QString &error)
{
    const auto it = m_pending.constFind(invocationId);
    if (it == m_pending.cend()) {
        return;
    }
    const QString method = it->method;
    m_pending.erase(it);
    if (method == u"pty.create") {
        const QString terminalId = result.value(u"ptySessionId").toString();
        Q_EMIT created(invocationId,
            terminalId,
            !error.isEmpty()           ? error
                : terminalId.isEmpty() ? tr("pty.create did not return ptySessionId")
                                       : QString());
        return;
    }
    Q_EMIT answered(invocationId, error);
}

void TerminalChannel::timeOut()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QStringList ids = m_pending.keys();
    for (const QString &id : ids) {
        if (m_pending.value(id).deadline <= now) {
            finish(id, {}, tr("No answer from the terminal channel in time"));
        }
    }
    // WebSocket pings keep the channel alive through idle periods, as the SDKs do.
    if (now - m_lastPing >= heartbeatMs) {
        m_lastPing = now;
        m_socket->ping();
    }
}

} // namespace AgentBay::Core
