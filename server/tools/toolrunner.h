// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace AgentBay::Server {

class SessionSandbox;

// Runs one MCP tool of protocol.md 6 against a session's sandbox and workspace. The result
// is an MCP tool result object {"content": [...], "isError": bool}. Paths never leave the
// session's workspace ("..", absolute paths and symlinks included).
class ToolRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolRunner)

public:
    explicit ToolRunner(QObject *parent = nullptr);
    ~ToolRunner() override;

    void call(SessionSandbox *sandbox,
        const QString &imageId,
        const QString &toolName,
        const QJsonObject &args,
        QObject *context,
        std::function<void(const QJsonObject &mcpResult)> done);

    // Largest file content one read returns (read_file ranges, read_multiple_files).
    static constexpr qint64 maxReadBytes = 32 * 1024 * 1024;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace AgentBay::Server
