// SPDX-License-Identifier: MIT
#include "sessionmetrics.h"

#include <core/tools/mcptool.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <initializer_list>

namespace AgentBay::Core {

namespace {

ApiError parseError(const QString &message)
{
    ApiError error;
    error.kind = ApiError::Kind::Parse;
    error.message = message;
    return error;
}

// The first of the keys that is present (the SDKs accept a few spellings).
QJsonValue firstOf(const QJsonObject &object, std::initializer_list<QLatin1StringView> keys)
{
    for (const QLatin1StringView key : keys) {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isNull()) {
            return value;
        }
    }
    return {};
}

// Numbers may come as strings from some images.
double number(const QJsonValue &value)
{
    return value.isString() ? value.toString().toDouble() : value.toDouble();
}

qint64 integer(const QJsonValue &value)
{
    return value.isString() ? value.toString().toLongLong() : value.toInteger(qint64(value.toDouble()));
}

} // namespace

Result<SessionMetrics> SessionMetrics::parse(const QString &text)
{
    QJsonParseError jsonError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !doc.isObject()) {
        return parseError(QCoreApplication::translate("SessionMetrics", "get_metrics returned non-object JSON"));
    }
    const QJsonObject o = doc.object();
    SessionMetrics m;
    m.cpuCount = int(integer(o.value(QLatin1StringView("cpu_count"))));
    m.cpuUsedPct = number(o.value(QLatin1StringView("cpu_used_pct")));
    m.memTotal = integer(o.value(QLatin1StringView("mem_total")));
    m.memUsed = integer(o.value(QLatin1StringView("mem_used")));
    m.diskTotal = integer(o.value(QLatin1StringView("disk_total")));
    m.diskUsed = integer(o.value(QLatin1StringView("disk_used")));
    using L = QLatin1StringView;
    m.rxRateKBps = number(firstOf(o, {L("rx_rate_kbyte_per_s"), L("rx_rate_kbps"), L("rx_rate_KBps")}));
    m.txRateKBps = number(firstOf(o, {L("tx_rate_kbyte_per_s"), L("tx_rate_kbps"), L("tx_rate_KBps")}));
    m.rxUsedKB = number(firstOf(o, {L("rx_used_kbyte"), L("rx_used_kb"), L("rx_used_KB")}));
    m.txUsedKB = number(firstOf(o, {L("tx_used_kbyte"), L("tx_used_kb"), L("tx_used_KB")}));
    m.timestamp = QDateTime::fromString(o.value(QLatin1StringView("timestamp")).toString(), Qt::ISODate);
    return m;
}

Result<SessionMetrics> SessionMetrics::fromToolResult(const McpToolResult &result)
{
    if (result.isError) {
        const QString text = result.firstText();
        return parseError(text.isEmpty() ? QCoreApplication::translate("SessionMetrics", "get_metrics failed") : text);
    }
    return parse(result.firstText());
}

} // namespace AgentBay::Core
