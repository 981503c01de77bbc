// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace AgentBay::Server {

class FileChangeTool;
class MetricsTool;
class SessionSandbox;
struct ToolInvocation;

// Runs one MCP tool of protocol.md 6 against a session's sandbox and workspace, dispatching
// by name through one table to the tool families (ShellTool, RunCodeTool, FileTools,
// FileChangeTool, MetricsTool). The result is an MCP tool result object
// {"content": [...], "isError": bool}. File tools run inside the session through its agent
// (SessionFiles): paths are the session's own view, never resolved on the host.
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

private:
    using Tool = std::function<void(const ToolInvocation &)>;

    std::unique_ptr<FileChangeTool> m_fileChanges;
    std::unique_ptr<MetricsTool> m_metrics;
    QHash<QString, Tool> m_tools;
};

} // namespace AgentBay::Server
