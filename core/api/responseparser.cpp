// SPDX-License-Identifier: MIT
#include "responseparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <type_traits>

namespace AgentBay::Core {

namespace {

// The first non-empty string among keys (the OpenAPI core reads Code|code, Message|message,
// RequestId|requestId on errors; we accept both spellings everywhere).
QString firstString(const QJsonObject &object, std::initializer_list<const char16_t *> keys)
{
    for (const char16_t *key : keys) {
        const QString value = object.value(QStringView(key)).toString();
        if (!value.isEmpty()) {
            return value;
        }
    }
    return {};
}

QString requestIdOf(const QJsonObject &object)
{
    return firstString(object, {u"RequestId", u"requestId"});
}

// Success:false, also spelled as text ("false"/"False") by lenient servers.
bool saysFailure(const QJsonValue &success)
{
    return success.isBool() ? !success.toBool() : success.toString().compare(u"false", Qt::CaseInsensitive) == 0;
}

int intOf(const QJsonValue &value, int fallback)
{
    bool ok = false;
    const int number = value.isString() ? value.toString().toInt(&ok) : value.toInt(fallback);
    return value.isString() ? (ok ? number : fallback) : number;
}

// A value that should hold JSON but may arrive encoded as a string.
QJsonValue decodeNested(const QJsonValue &value)
{
    if (!value.isString()) {
        return value;
    }
    const QByteArray text = value.toString().toUtf8();
    if (text.trimmed().isEmpty()) {
        return QJsonValue();
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        return value;
    }
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QString stringOf(const QJsonObject &object, std::initializer_list<const char16_t *> keys)
{
    for (const char16_t *key : keys) {
        const QJsonValue value = object.value(QStringView(key));
        if (value.isString()) {
            return value.toString();
        }
        if (value.isDouble()) {
            return QString::number(value.toInteger());
        }
    }
    return {};
}

// An ISO 8601 text (agentbay-local's form) or a number of seconds or milliseconds since the
// epoch; anything else, or nothing, is an invalid (absent) time.
QDateTime timeOf(const QJsonObject &object, std::initializer_list<const char16_t *> keys)
{
    for (const char16_t *key : keys) {
        const QJsonValue value = object.value(QStringView(key));
        if (value.isString()) {
            QDateTime time = QDateTime::fromString(value.toString().trimmed(), Qt::ISODateWithMs);
            if (time.isValid()) {
                return time.toUTC();
            }
        } else if (value.isDouble() && value.toDouble() > 0) {
            const qint64 number = value.toInteger();
            // Seconds until the year 5138; larger numbers are milliseconds.
            return QDateTime::fromMSecsSinceEpoch(number < 100000000000LL ? number * 1000 : number, Qt::UTC);
        }
    }
    return {};
}

SessionTimes timesOf(const QJsonObject &data)
{
    SessionTimes times;
    times.created = timeOf(data, {u"CreateTime"});
    times.idleReleaseDeadline = timeOf(data, {u"IdleReleaseDeadline"});
    times.maxRuntimeDeadline = timeOf(data, {u"MaxRuntimeDeadline"});
    return times;
}

QJsonObject schemaOf(const QJsonObject &object)
{
    const QJsonValue schema =
        object.contains(u"inputSchema") ? object.value(u"inputSchema") : object.value(u"input_schema");
    return decodeNested(schema).toObject();
}

// ToolList items and ListMcpTools items have the same keys, read with the SDKs' fallbacks
// (protocol.md 4.1); items without a name are dropped.
template <typename Tool>
QList<Tool> toolsFrom(const QJsonArray &items)
{
    QList<Tool> tools;
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        Tool tool;
        tool.name = stringOf(object, {u"name", u"Name"});
        tool.server = stringOf(object, {u"server", u"serverName", u"Server"});
        tool.description = stringOf(object, {u"description", u"Description"});
        tool.tool = stringOf(object, {u"tool", u"Tool"});
        tool.inputSchema = schemaOf(object);
        if constexpr (std::is_same_v<Tool, McpTool>) { // MCP 2025-06: output schema and hints
            tool.outputSchema = decodeNested(object.value(u"outputSchema")).toObject();
            tool.annotations = McpToolAnnotations::fromJson(decodeNested(object.value(u"annotations")).toObject());
        }
        if (!tool.name.isEmpty()) {
            tools.append(tool);
        }
    }
    return tools;
}

} // namespace

RawReply RawReply::from(QNetworkReply &reply, bool cancelledByUser)
{
    RawReply raw;
    raw.error = reply.error();
    raw.errorString = reply.errorString();
    raw.httpStatus = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply.isOpen()) { // an aborted reply is closed and has nothing to read
        raw.body = reply.readAll();
    }
    raw.cancelledByUser = cancelledByUser;
    raw.retryAfter = retryAfterFrom(reply.rawHeader("x-acs-retry-after"), reply.rawHeader("Retry-After"));
    const QUrl location = reply.attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    if (!location.isEmpty()) {
        raw.redirectTarget = reply.url().resolved(location);
    }
    return raw;
}

std::chrono::milliseconds RawReply::retryAfterFrom(const QByteArray &acsRetryAfter, const QByteArray &retryAfter)
{
    // A server's header can say anything: a day is more than any retry waits, and capping before
    // converting keeps seconds * 1000 from overflowing (found by fuzz_responseparser).
    constexpr std::chrono::milliseconds longest = std::chrono::hours(24);
    bool ok = false;
    const qint64 ms = acsRetryAfter.trimmed().toLongLong(&ok);
    if (ok && ms > 0) {
        return std::min(std::chrono::milliseconds(ms), longest);
    }
    const qint64 seconds = retryAfter.trimmed().toLongLong(&ok);
    if (ok && seconds > 0) {
        return seconds >= longest.count() / 1000 ? longest : std::chrono::milliseconds(std::chrono::seconds(seconds));
    }
    return std::chrono::milliseconds(0);
}

ApiError ResponseParser::parseError(const QString &message, const QString &requestId)
{
    ApiError error;
    error.kind = ApiError::Kind::Parse;
    error.message = message;
    error.requestId = requestId;
    return error;
}

Result<QJsonObject> ResponseParser::envelope(const RawReply &reply)
{
    ApiError error;
    error.httpStatus = reply.httpStatus;
    if (reply.bodyLimitExceeded > 0) { // cut off by the client, so before the abort's own error
        error.kind = ApiError::Kind::Parse;
        error.message = tr("The server's answer is larger than %1, more than any answer of this API; "
                           "it was not read.")
                            .arg(QLocale::c().formattedDataSize(reply.bodyLimitExceeded, 0));
        return error;
    }
    if (reply.error == QNetworkReply::OperationCanceledError) {
        // Qt reports a transfer timeout exactly like abort(); only our own flag tells them apart.
        if (reply.cancelledByUser) {
            return ApiError::cancelled();
        }
        error.kind = ApiError::Kind::Timeout;
        error.message = tr("The server did not answer in time.");
        return error;
    }
    // No status, or a transport failure after a 1xx-3xx status line (e.g. the connection
    // dropped mid-body): a network error, not a malformed answer.
    if (reply.httpStatus == 0 || (reply.error != QNetworkReply::NoError && reply.httpStatus < 400)) {
        error.kind = ApiError::Kind::Network;
        error.message = reply.error == QNetworkReply::NoError
            ? tr("The server closed the connection without an answer.")
            : tr("Cannot reach the server: %1").arg(reply.errorString);
        return error;
    }
    error.retryAfter = reply.retryAfter;
    if (reply.httpStatus >= 300 && reply.httpStatus < 400) {
        // Never followed (the form body carries the key); where it points helps fix the endpoint.
        const QString target =
            reply.redirectTarget.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
        error.kind = ApiError::Kind::Http;
        error.message = target.isEmpty()
            ? tr("The server answered with a redirect (HTTP %1); requests are not sent on. Check the endpoint.")
                  .arg(reply.httpStatus)
            : tr("The server answered with a redirect (HTTP %1) to %2; requests are not sent on. Check the endpoint.")
                  .arg(reply.httpStatus)
                  .arg(target);
        return error;
    }

    QJsonParseError jsonError{};
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &jsonError);
    const QJsonObject object = doc.object();
    const bool isObject = jsonError.error == QJsonParseError::NoError && doc.isObject();
    const QString code = firstString(object, {u"Code", u"code"});
    const QString message = firstString(object, {u"Message", u"message"});

    if (reply.httpStatus >= 400) {
        error.requestId = requestIdOf(object);
        if (isObject && (!code.isEmpty() || !message.isEmpty())) {
            error.kind = ApiError::Kind::Api;
            error.code = code;
            error.message = message.isEmpty() ? code : message;
        } else {
            error.kind = ApiError::Kind::Http;
            error.message = tr("The server answered HTTP %1.").arg(reply.httpStatus);
        }
        return error;
    }
    if (!isObject) {
        return parseError(
            tr("The server's answer is not a JSON object (%1).")
                .arg(jsonError.error == QJsonParseError::NoError ? tr("wrong type") : jsonError.errorString()));
    }
    if (saysFailure(object.contains(u"Success") ? object.value(u"Success") : object.value(u"success"))) {
        error.kind = ApiError::Kind::Api;
        error.code = code;
        error.message = !message.isEmpty() ? message : !code.isEmpty() ? code : tr("The request failed.");
        error.requestId = requestIdOf(object);
        const int statusInBody = object.value(u"HttpStatusCode").toInt();
        if (statusInBody >= 400) {
            error.httpStatus = statusInBody;
        }
        return error;
    }
    return Result<QJsonObject>(object, requestIdOf(object));
}

QList<SessionTool> ResponseParser::toolList(const QJsonValue &value)
{
    return toolsFrom<SessionTool>(decodeNested(value).toArray());
}

Labels ResponseParser::labelsFromJson(const QJsonValue &value)
{
    Labels labels;
    const QJsonObject object = decodeNested(value).toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        labels.insert(it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    }
    return labels;
}

QString ResponseParser::labelsToJson(const Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        object.insert(it.key(), it.value());
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Result<SessionData> ResponseParser::session(const QJsonObject &envelope)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonValue dataValue = decodeNested(envelope.value(u"Data"));
    if (!dataValue.isObject()) {
        return parseError(tr("The session data is missing from the answer."), requestId);
    }
    const QJsonObject data = dataValue.toObject();
    SessionData session;
    session.sessionId = stringOf(data, {u"SessionId"});
    session.status = sessionStatusFromString(stringOf(data, {u"Status", u"SessionStatus"}));
    session.resourceUrl = stringOf(data, {u"ResourceUrl"});
    session.appInstanceId = stringOf(data, {u"AppInstanceId"});
    session.resourceId = stringOf(data, {u"ResourceId"});
    session.toolList = toolList(data.value(u"ToolList"));
    session.linkUrl = stringOf(data, {u"LinkUrl"});
    session.token = stringOf(data, {u"Token"});
    session.wsUrl = stringOf(data, {u"WsUrl", u"wsUrl"});
    session.httpPort = stringOf(data, {u"HttpPort"});
    session.networkInterfaceIp = stringOf(data, {u"NetworkInterfaceIp"});
    session.vpcResource = data.value(u"VpcResource").toBool(false);
    const QJsonArray contexts = data.value(u"contexts").toArray();
    for (const QJsonValue &context : contexts) {
        const QJsonObject object = context.toObject();
        session.contexts.append({object.value(u"id").toString(), object.value(u"name").toString()});
    }
    session.times = timesOf(data);
    return Result<SessionData>(session, requestId);
}

Result<SessionData> ResponseParser::createdSession(const QJsonObject &envelope)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonObject data = decodeNested(envelope.value(u"Data")).toObject();
    if (saysFailure(data.value(u"Success"))) {
        ApiError error;
        error.kind = ApiError::Kind::Api;
        error.message = data.value(u"ErrMsg").toString();
        if (error.message.isEmpty()) {
            error.message = tr("The session could not be created.");
        }
        error.requestId = requestId;
        return error;
    }
    Result<SessionData> result = session(envelope);
    if (result.ok() && result.value().sessionId.isEmpty()) {
        return parseError(tr("The answer has no session id."), requestId);
    }
    // The SDKs report no status for a new session; it is running once CreateMcpSession answered.
    if (result.ok() && result.value().status == SessionStatus::Unknown) {
        SessionData created = result.value();
        created.status = SessionStatus::Running;
        return Result<SessionData>(created, requestId);
    }
    return result;
}

Result<SessionListPage> ResponseParser::sessionList(const QJsonObject &envelope)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonValue dataValue = decodeNested(envelope.value(u"Data"));
    if (!dataValue.isArray() && !dataValue.isNull() && !dataValue.isUndefined()) {
        return parseError(tr("The session list in the answer is not a list."), requestId);
    }
    SessionListPage page;
    const QJsonArray items = dataValue.toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        SessionSummary summary;
        summary.sessionId = stringOf(object, {u"SessionId"});
        summary.status = sessionStatusFromString(stringOf(object, {u"SessionStatus", u"Status"}));
        summary.appInstanceId = stringOf(object, {u"AppInstanceId"});
        summary.imageId = stringOf(object, {u"ImageId"});
        summary.times = timesOf(object);
        if (!summary.sessionId.isEmpty()) {
            page.sessions.append(summary);
        }
    }
    page.nextToken = envelope.value(u"NextToken").toString();
    page.maxResults = intOf(envelope.value(u"MaxResults"), 0);
    page.totalCount = intOf(envelope.value(u"TotalCount"), int(page.sessions.size()));
    return Result<SessionListPage>(page, requestId);
}

Result<SessionDetail> ResponseParser::sessionDetail(const QJsonObject &envelope)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonValue dataValue = decodeNested(envelope.value(u"Data"));
    if (!dataValue.isObject()) {
        return parseError(tr("The session details are missing from the answer."), requestId);
    }
    const QJsonObject data = dataValue.toObject();
    SessionDetail detail;
    detail.raw = data;
    detail.status = sessionStatusFromString(stringOf(data, {u"Status"}));
    detail.imageId = stringOf(data, {u"ImageId"});
    detail.imageType = stringOf(data, {u"ImageType"});
    detail.regionId = stringOf(data, {u"RegionId"});
    detail.appInstanceId = stringOf(data, {u"AppInstanceId"});
    detail.policyId = stringOf(data, {u"PolicyId"});
    detail.endReason = stringOf(data, {u"EndReason"});
    detail.id = data.value(u"Id").toInteger();
    detail.isDeleted = data.value(u"IsDeleted").toInt() != 0;
    detail.times = timesOf(data);
    return Result<SessionDetail>(detail, requestId);
}

Result<Labels> ResponseParser::labels(const QJsonObject &envelope)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonObject data = decodeNested(envelope.value(u"Data")).toObject();
    const QJsonValue labelsValue = decodeNested(data.value(u"Labels"));
    if (!labelsValue.isObject() && !labelsValue.isNull() && !labelsValue.isUndefined()) {
        return parseError(tr("The labels in the answer are not a JSON object."), requestId);
    }
    return Result<Labels>(labelsFromJson(labelsValue), requestId);
}

Result<SessionInfo> ResponseParser::info(const QJsonObject &envelope)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonValue dataValue = decodeNested(envelope.value(u"Data"));
    if (!dataValue.isObject()) {
        return parseError(tr("The session information is missing from the answer."), requestId);
    }
    const QJsonObject data = dataValue.toObject();
    const QJsonObject desktop = decodeNested(data.value(u"DesktopInfo")).toObject();
    SessionInfo info;
    info.sessionId = stringOf(data, {u"SessionId"});
    info.resourceUrl = stringOf(data, {u"ResourceUrl"});
    info.appId = stringOf(desktop, {u"AppId"});
    info.authCode = stringOf(desktop, {u"AuthCode"});
    info.connectionProperties = stringOf(desktop, {u"ConnectionProperties"});
    if (info.connectionProperties.isEmpty() && desktop.value(u"ConnectionProperties").isObject()) {
        info.connectionProperties = QString::fromUtf8(
            QJsonDocument(desktop.value(u"ConnectionProperties").toObject()).toJson(QJsonDocument::Compact));
    }
    info.resourceId = stringOf(desktop, {u"ResourceId"});
    info.resourceType = stringOf(desktop, {u"ResourceType"});
    info.ticket = stringOf(desktop, {u"Ticket"});
    return Result<SessionInfo>(info, requestId);
}

Result<QString> ResponseParser::link(const QJsonObject &envelope)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonValue dataValue = decodeNested(envelope.value(u"Data"));
    const QString url = dataValue.isObject() ? stringOf(dataValue.toObject(), {u"Url", u"url"}) : dataValue.toString();
    if (url.isEmpty()) {
        return parseError(tr("The answer has no link URL."), requestId);
    }
    return Result<QString>(url, requestId);
}

Result<QList<McpTool>> ResponseParser::tools(const QJsonObject &envelope)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonValue dataValue = decodeNested(envelope.value(u"Data"));
    // Deliberately stricter than the SDK, which turns an unreadable list into no tools: the
    // desktop says the catalogue could not be read instead of showing an empty one.
    if (!dataValue.isArray()) {
        return parseError(tr("The tool list in the answer is not a JSON array."), requestId);
    }
    return Result<QList<McpTool>>(toolsFrom<McpTool>(dataValue.toArray()), requestId);
}

Result<McpToolResult> ResponseParser::toolResult(const QJsonObject &envelope)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonValue data = envelope.value(u"Data");
    if (data.isNull() || data.isUndefined() || (data.isString() && data.toString().isEmpty())) {
        return parseError(tr("The tool call returned no data."), requestId);
    }
    return Result<McpToolResult>(McpToolResult::fromJson(data), requestId);
}

Result<bool> ResponseParser::contextUploadsSettled(const QJsonObject &envelope, QStringList *failures)
{
    const QString requestId = requestIdOf(envelope);
    const QJsonObject data = decodeNested(envelope.value(u"Data")).toObject();
    // ContextStatus: a JSON string holding [{"type":"data","data":"<JSON string: [items]>"}].
    const QJsonValue outer = decodeNested(data.value(u"ContextStatus"));
    if (!outer.isArray() && !outer.isNull() && !outer.isUndefined()) {
        return parseError(tr("The context status in the answer is not a list."), requestId);
    }
    bool settled = true;
    const QJsonArray groups = outer.toArray();
    for (const QJsonValue &group : groups) {
        const QJsonArray items = decodeNested(group.toObject().value(u"data")).toArray();
        for (const QJsonValue &itemValue : items) {
            const QJsonObject item = itemValue.toObject();
            const QString taskType = stringOf(item, {u"taskType"});
            if (!taskType.isEmpty() && taskType.compare(u"upload", Qt::CaseInsensitive) != 0) {
                continue; // downloads do not hold up a delete
            }
            const QString status = stringOf(item, {u"status"});
            if (status.compare(u"Failed", Qt::CaseInsensitive) == 0) {
                if (failures) {
                    failures->append(
                        stringOf(item, {u"path"}) + QStringLiteral(": ") + stringOf(item, {u"errorMessage"}));
                }
            } else if (status.compare(u"Success", Qt::CaseInsensitive) != 0) {
                settled = false;
            }
        }
    }
    return Result<bool>(settled, requestId);
}

} // namespace AgentBay::Core
