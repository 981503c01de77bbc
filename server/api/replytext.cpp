// SPDX-License-Identifier: MIT
#include "replytext.h"

#include <QJsonDocument>

namespace AgentBay::Server {

QString ReplyText::shorten(const QString &text)
{
    return text.size() > shortLength ? text.left(shortLength) + QStringLiteral("…") : text;
}

QString ReplyText::compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace AgentBay::Server
