// SPDX-License-Identifier: MIT
#pragma once
// What the sandbox escape tests share: a session sandbox started in-process, and a command run
// in it as the session's own processes would run it (the attacker's seat).

#include <server/sandbox/sessionsandbox.h>

#include <QObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace AgentBay::Test {

inline QString escapeSessionId()
{
    return QStringLiteral("session-esc%1")
        .arg(QRandomGenerator::global()->generate64() % 1000000000000ULL, 12, 10, QLatin1Char('0'));
}

// A bubblewrap session in dir; nullptr (with a warning) when it cannot start.
inline std::unique_ptr<Server::SessionSandbox> startEscapeSandbox(QTemporaryDir &dir,
    const QString &name,
    std::optional<Server::SessionNetwork::Mode> network = std::nullopt,
    std::optional<Server::SandboxLimits> limits = std::nullopt)
{
    auto sandbox = std::make_unique<Server::SessionSandbox>(escapeSessionId(), dir.filePath(name));
    if (network) {
        sandbox->setNetworkMode(*network);
    }
    if (limits) {
        sandbox->setLimits(*limits);
    }
    QString error;
    if (!sandbox->start(&error)) {
        qWarning() << "start failed:" << error;
        return {};
    }
    return sandbox;
}

// Runs `sh -c command` in the session; the result, or nothing when none came in time.
inline std::optional<Server::SessionSandbox::ExecResult> runInSession(
    Server::SessionSandbox &sandbox, const QString &command, int timeoutMs = 20000)
{
    std::optional<Server::SessionSandbox::ExecResult> result;
    QObject context;
    sandbox.exec(command, {}, {}, timeoutMs, &context, [&result](const Server::SessionSandbox::ExecResult &r) {
        result = r;
    });
    // The command's own timeout plus the sandbox's backstop grace bound the wait.
    [[maybe_unused]] const bool arrived = QTest::qWaitFor(
        [&result] {
            return result.has_value();
        },
        timeoutMs + 10000);
    return result;
}

} // namespace AgentBay::Test
