// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace AgentBay::Server {

// One API answer in the envelope of protocol.md 1.6: RequestId, Success, Code, Message,
// HttpStatusCode, then Data (absent when undefined) and any extra top-level keys.
class ApiReply
{
public:
    static ApiReply success(const QJsonValue &data = QJsonValue::Undefined, const QString &message = {});
    static ApiReply failure(int httpStatus, const QString &code, const QString &message);

    ApiReply &withTopLevel(const QString &key, const QJsonValue &value);

    bool isSuccess() const { return m_success; }

    int httpStatus() const { return m_httpStatus; }

    QString code() const { return m_code; }

    QString message() const { return m_message; }

    QJsonObject toJsonObject(const QString &requestId) const;
    QByteArray toJson(const QString &requestId) const;

    // An upper-case UUID, the style the service uses.
    static QString newRequestId();

private:
    bool m_success = true;
    int m_httpStatus = 200;
    QString m_code = QStringLiteral("ok");
    QString m_message;
    QJsonValue m_data = QJsonValue::Undefined;
    QJsonObject m_extra;
};

} // namespace AgentBay::Server
