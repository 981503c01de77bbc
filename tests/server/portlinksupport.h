// SPDX-License-Identifier: MIT
#pragma once
// Services inside a session for the port-link tests: each session has its own network, so a
// service a link should reach runs in the session, started through the shell tool.

#include "rawapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AgentBay::Test {

// The shell tool's stdout for command in session.
inline QString sessionShell(RawApi &api, const QString &session, const QString &command)
{
    const RawAnswer answer = api.call(QStringLiteral("CallMcpTool"),
        {{QStringLiteral("SessionId"), session},
            {QStringLiteral("Name"), QStringLiteral("shell")},
            {QStringLiteral("Args"),
                QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("command"), command}}).toJson())}});
    const QJsonValue dataValue = answer.json.value(QStringLiteral("Data"));
    const QJsonObject result =
        dataValue.isObject() ? dataValue.toObject() : QJsonDocument::fromJson(dataValue.toString().toUtf8()).object();
    const QString text = result.value(QStringLiteral("content")).toArray().first()[QStringLiteral("text")].toString();
    return QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("stdout")).toString();
}

// Runs `command` in the background in session and waits, polling a connect inside the
// session (at most ~10 s), until something listens on 127.0.0.1:port; true when it does.
inline bool startSessionService(RawApi &api, const QString &session, int port, const QString &command)
{
    const QString out = sessionShell(api,
        session,
        QStringLiteral("(nohup %1 >/dev/null 2>&1 &); for i in $(seq 200); do python3 -c \"import socket; "
                       "socket.create_connection(('127.0.0.1', %2))\" 2>/dev/null && echo listening && break; "
                       "sleep 0.05; done")
            .arg(command)
            .arg(port));
    return out.contains(QStringLiteral("listening"));
}

// A static file server in session on port whose file at path (relative, e.g. "deep/hello")
// holds body.
inline bool startSessionFileServer(
    RawApi &api, const QString &session, int port, const QString &path, const QByteArray &body)
{
    const QString dir = QStringLiteral("/tmp/site-%1").arg(port);
    sessionShell(api,
        session,
        QStringLiteral("mkdir -p %1/$(dirname %2) && echo %3 | base64 -d > %1/%2")
            .arg(dir, path, QString::fromLatin1(body.toBase64())));
    return startSessionService(api,
        session,
        port,
        QStringLiteral("python3 -m http.server %1 --bind 127.0.0.1 --directory %2").arg(port).arg(dir));
}

} // namespace AgentBay::Test
