// SPDX-License-Identifier: MIT
#include "toolrunner.h"

#include <server/sandbox/sessionsandbox.h>
#include <server/tools/filechangetool.h>
#include <server/tools/filecompositetools.h>
#include <server/tools/filetools.h>
#include <server/tools/metricstool.h>
#include <server/tools/runcodetool.h>
#include <server/tools/shelltool.h>
#include <server/tools/toolcatalog.h>
#include <server/tools/toolinvocation.h>

#include <QPointer>

namespace AgentBay::Server {

ToolRunner::ToolRunner(QObject *parent)
    : QObject(parent)
    , m_fileChanges(std::make_unique<FileChangeTool>())
    , m_metrics(std::make_unique<MetricsTool>())
{
    m_tools = {
        {QStringLiteral("shell"), &ShellTool::run},
        {QStringLiteral("run_code"), &RunCodeTool::run},
        {QStringLiteral("get_file_info"), &FileTools::getFileInfo},
        {QStringLiteral("list_directory"), &FileTools::listDirectory},
        {QStringLiteral("read_file"), &FileTools::readFile},
        {QStringLiteral("write_file"), &FileTools::writeFile},
        {QStringLiteral("create_directory"), &FileTools::createDirectory},
        {QStringLiteral("delete_file"), &FileTools::deleteFile},
        {QStringLiteral("move_file"), &FileTools::moveFile},
        {QStringLiteral("edit_file"), &FileCompositeTools::editFile},
        {QStringLiteral("search_files"), &FileCompositeTools::searchFiles},
        {QStringLiteral("read_multiple_files"), &FileCompositeTools::readMultipleFiles},
        {QStringLiteral("get_file_change"),
            [changes = m_fileChanges.get()](const ToolInvocation &call) {
                changes->changes(call);
            }},
        {QStringLiteral("get_metrics"),
            [metrics = m_metrics.get()](const ToolInvocation &call) {
                metrics->sample(call);
            }},
    };
}

ToolRunner::~ToolRunner() = default;

void ToolRunner::call(SessionSandbox *sandbox,
    const QString &imageId,
    const QString &toolName,
    const QJsonObject &args,
    QObject *context,
    std::function<void(const QJsonObject &mcpResult)> done)
{
    // Results always arrive later, on the event loop, never inside call().
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QObject *receiver = hasContext ? context : this;
    const auto deliver = [guard, hasContext, receiver, done](const QJsonObject &result) {
        QMetaObject::invokeMethod(
            receiver,
            [guard, hasContext, done, result] {
                if (!hasContext || guard) {
                    done(result);
                }
            },
            Qt::QueuedConnection);
    };

    if (!sandbox) {
        deliver(ToolResult::error(tr("The session has no sandbox")));
        return;
    }
    if (!ToolCatalog::hasTool(imageId, toolName)) {
        deliver(ToolResult::error(tr("Tool \"%1\" is not available on image \"%2\"").arg(toolName, imageId)));
        return;
    }
    const auto tool = m_tools.constFind(toolName);
    if (tool == m_tools.cend()) {
        deliver(ToolResult::error(tr("Tool \"%1\" is not implemented").arg(toolName)));
        return;
    }
    tool.value()(ToolInvocation{sandbox, ToolArguments(args), receiver, deliver});
}

} // namespace AgentBay::Server
