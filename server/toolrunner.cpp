// SPDX-License-Identifier: MIT
#include "toolrunner.h"

#include <QJsonArray>

namespace AgentBay::Server {

ToolRunner::ToolRunner(QObject *parent)
    : QObject(parent)
{
}

ToolRunner::~ToolRunner() = default;

void ToolRunner::call(SessionSandbox *sandbox,
    const QString &imageId,
    const QString &toolName,
    const QJsonObject &args,
    QObject *context,
    std::function<void(const QJsonObject &mcpResult)> done)
{
    Q_UNUSED(sandbox);
    Q_UNUSED(imageId);
    Q_UNUSED(args);
    Q_UNUSED(context);
    const QJsonObject item{{QStringLiteral("type"), QStringLiteral("text")},
        {QStringLiteral("text"), QStringLiteral("Tool %1 is not implemented yet").arg(toolName)}};
    done(QJsonObject{{QStringLiteral("content"), QJsonArray{item}}, {QStringLiteral("isError"), true}});
}

} // namespace AgentBay::Server
