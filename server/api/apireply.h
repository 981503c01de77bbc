// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>

namespace AgentBay::Server {

// One API answer in the envelope of protocol.md 1.6: RequestId, Success, Code, Message,
// HttpStatusCode, then Data (absent when undefined) and any extra top-level keys.
class ApiReply
{
    Q_DECLARE_TR_FUNCTIONS(ApiReply)

public:
    // Where an action sends its answer: exactly once, now or later.
    using Callback = std::function<void(const ApiReply &)>;

    static ApiReply success(const QJsonValue &data = QJsonValue::Undefined, const QString &message = {});
    static ApiReply failure(int httpStatus, const QString &code, const QString &message);

    // The refusals every action shares, so that each error is written in one place.
    static ApiReply badRequest(const QString &code, const QString &message);
    // InvalidParameter.<name> when the name is a plain identifier, else InvalidParameter.
    static ApiReply invalidParameter(const QString &name, const QString &message);
    static ApiReply sessionNotFound();
    // InvalidSessionStatus.<Status>: the action does not fit the session's status now.
    static ApiReply wrongStatus(const QString &statusName, const QString &what);
    static ApiReply internalError(const QString &area, const QString &message);

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
