// SPDX-License-Identifier: MIT
#include "toolcatalog.h"

namespace AgentBay::Server {

QStringList ToolCatalog::images()
{
    return {QStringLiteral("linux_latest"), QStringLiteral("code_latest")};
}

bool ToolCatalog::isKnownImage(const QString &imageId)
{
    return images().contains(imageId);
}

QJsonArray ToolCatalog::toolsFor(const QString &imageId)
{
    Q_UNUSED(imageId);
    return {};
}

bool ToolCatalog::hasTool(const QString &imageId, const QString &toolName)
{
    Q_UNUSED(imageId);
    Q_UNUSED(toolName);
    return false;
}

QString ToolCatalog::serverFor(const QString &toolName)
{
    Q_UNUSED(toolName);
    return {};
}

} // namespace AgentBay::Server
