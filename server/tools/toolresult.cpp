// SPDX-License-Identifier: MIT
#include "toolresult.h"

#include <QJsonDocument>

namespace AgentBay::Server {

QJsonObject ToolResult::text(const QString &text, bool isError)
{
    return {
        {QStringLiteral("content"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}},
        {QStringLiteral("isError"), isError}};
}

QJsonObject ToolResult::error(const QString &message)
{
    return text(message, true);
}

QString ToolResult::compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString ToolResult::compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace AgentBay::Server
