// SPDX-License-Identifier: MIT
#include "apireply.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace AgentBay::Server {

ApiReply ApiReply::success(const QJsonValue &data, const QString &message)
{
    ApiReply reply;
    reply.m_data = data;
    reply.m_message = message;
    return reply;
}

ApiReply ApiReply::failure(int httpStatus, const QString &code, const QString &message)
{
    ApiReply reply;
    reply.m_success = false;
    reply.m_httpStatus = httpStatus;
    reply.m_code = code;
    reply.m_message = message;
    return reply;
}

ApiReply ApiReply::badRequest(const QString &code, const QString &message)
{
    return failure(400, code, message);
}

ApiReply ApiReply::invalidParameter(const QString &name, const QString &message)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z][A-Za-z0-9_.]{0,63}$"));
    return badRequest(
        plain.match(name).hasMatch() ? QStringLiteral("InvalidParameter.") + name : QStringLiteral("InvalidParameter"),
        message);
}

ApiReply ApiReply::sessionNotFound()
{
    return badRequest(QStringLiteral("InvalidMcpSession.NotFound"), QStringLiteral("Session not found"));
}

ApiReply ApiReply::wrongStatus(const QString &statusName, const QString &what)
{
    QString status = statusName.toLower();
    if (!status.isEmpty()) {
        status[0] = status[0].toUpper();
    }
    return badRequest(
        QStringLiteral("InvalidSessionStatus.") + status, tr("The session is %1: %2").arg(statusName, what));
}

ApiReply ApiReply::internalError(const QString &area, const QString &message)
{
    return failure(500, QStringLiteral("InternalError.") + area, message);
}

ApiReply &ApiReply::withTopLevel(const QString &key, const QJsonValue &value)
{
    m_extra.insert(key, value);
    return *this;
}

QJsonObject ApiReply::toJsonObject(const QString &requestId) const
{
    QJsonObject object = m_extra;
    object.insert(QStringLiteral("RequestId"), requestId);
    object.insert(QStringLiteral("Success"), m_success);
    object.insert(QStringLiteral("Code"), m_code);
    object.insert(QStringLiteral("Message"), m_message);
    object.insert(QStringLiteral("HttpStatusCode"), m_httpStatus);
    if (!m_data.isUndefined()) {
        object.insert(QStringLiteral("Data"), m_data);
    }
    return object;
}

QByteArray ApiReply::toJson(const QString &requestId) const
{
    return QJsonDocument(toJsonObject(requestId)).toJson(QJsonDocument::Compact);
}

QString ApiReply::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

} // namespace AgentBay::Server
