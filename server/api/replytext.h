// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace AgentBay::Server {

// Text put into replies: client-given values are shortened before they are echoed, and
// nested JSON (Labels, ToolList, tool results) travels as compact strings.
class ReplyText
{
public:
    static constexpr qsizetype shortLength = 400;

    static QString shorten(const QString &text);
    static QString compact(const QJsonObject &object);
};

} // namespace AgentBay::Server
