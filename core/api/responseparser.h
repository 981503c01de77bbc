// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/result.h>
#include <core/sessions/session.h>
#include <core/sessions/sessioninfo.h>
#include <core/tools/mcptool.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkReply>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace AgentBay::Core {

// What came back for one HTTP request, detached from QNetworkReply so it can be tested alone.
struct RawReply
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    int httpStatus = 0;
    QByteArray body;
    bool cancelledByUser = false;
    std::chrono::milliseconds retryAfter{0}; // stated by the server; 0 = none
    QUrl redirectTarget; // Location of a 3xx answer
    qint64 bodyLimitExceeded = 0; // the size cap, when the answer was cut off for passing it
    static RawReply from(QNetworkReply &reply, bool cancelledByUser);
    // x-acs-retry-after is in milliseconds (the OpenAPI cores' unit), HTTP Retry-After in
    // seconds; the first positive integer wins, anything else is no statement.
    static std::chrono::milliseconds retryAfterFrom(const QByteArray &acsRetryAfter, const QByteArray &retryAfter);
};

// Classifies answers once (both error channels of protocol.md 1.7) and decodes each action's
// Data, accepting objects where strings are expected and the reverse.
class ResponseParser
{
    Q_DECLARE_TR_FUNCTIONS(AgentBay::Core::ResponseParser)

public:
    // The envelope, or the error: transport, HTTP >= 400 (API body or not), garbage, Success:false.
    // A missing Success counts as success when the HTTP status is 2xx.
    static Result<QJsonObject> envelope(const RawReply &reply);

    static Result<SessionData> createdSession(const QJsonObject &envelope);
    static Result<SessionData> session(const QJsonObject &envelope);
    static Result<SessionListPage> sessionList(const QJsonObject &envelope);
    static Result<SessionDetail> sessionDetail(const QJsonObject &envelope);
    static Result<Labels> labels(const QJsonObject &envelope);
    static Result<SessionInfo> info(const QJsonObject &envelope);
    static Result<QString> link(const QJsonObject &envelope);
    static Result<QList<McpTool>> tools(const QJsonObject &envelope);
    static Result<McpToolResult> toolResult(const QJsonObject &envelope);
    // GetContextInfo: true when no upload task is still running (every one Success or Failed,
    // or none at all); the failed tasks' "path: message" texts go to failures.
    static Result<bool> contextUploadsSettled(const QJsonObject &envelope, QStringList *failures = nullptr);

    static QList<SessionTool> toolList(const QJsonValue &value); // ToolList: JSON string or array
    static Labels labelsFromJson(const QJsonValue &value); // JSON object or JSON object string
    static QString labelsToJson(const Labels &labels);
    static ApiError parseError(const QString &message, const QString &requestId = {});
};

} // namespace AgentBay::Core
