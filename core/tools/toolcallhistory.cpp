// SPDX-License-Identifier: MIT
#include "toolcallhistory.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcToolCallHistory, "agentbay.core.toolcallhistory")

namespace AgentBay::Core {

namespace {

constexpr auto OmittedKey = "agentbayOmittedBytes";

QString outcomeKey(ToolCallRecord::Outcome outcome)
{
    switch (outcome) {
    case ToolCallRecord::Outcome::Ok:
        return u"ok"_s;
    case ToolCallRecord::Outcome::ToolError:
        return u"toolError"_s;
    case ToolCallRecord::Outcome::Failed:
        return u"failed"_s;
    case ToolCallRecord::Outcome::Cancelled:
        return u"cancelled"_s;
    }
    return u"ok"_s;
}

std::optional<ToolCallRecord::Outcome> outcomeFromKey(const QString &key)
{
    for (auto outcome : {ToolCallRecord::Outcome::Ok,
             ToolCallRecord::Outcome::ToolError,
             ToolCallRecord::Outcome::Failed,
             ToolCallRecord::Outcome::Cancelled}) {
        if (outcomeKey(outcome) == key) {
            return outcome;
        }
    }
    return std::nullopt;
}

qsizetype jsonSize(const QJsonValue &value)
{
    if (value.isObject()) {
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact).size();
    }
    if (value.isArray()) {
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact).size();
    }
    return value.toString().size() + 16;
}

// Cuts every string longer than limit; base64 payloads are dropped whole (half an image is none).
QJsonValue cutStrings(const QJsonValue &value, qsizetype limit, bool *truncated)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text.size() <= limit) {
            return value;
        }
        *truncated = true;
        return QString(text.left(limit)
            + ToolCallHistory::tr("\n… [%n more character(s) not kept in history]", nullptr, int(text.size() - limit)));
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            array[i] = cutStrings(array.at(i), limit, truncated);
        }
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (const QString &binaryKey : {u"data"_s, u"blob"_s}) {
            const QJsonValue binary = object.value(binaryKey);
            if (binary.isString() && binary.toString().size() > limit) {
                object.remove(binaryKey);
                object.insert(QLatin1StringView(OmittedKey), double(binary.toString().size() / 4 * 3));
                *truncated = true;
            }
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            it.value() = cutStrings(it.value(), limit, truncated);
        }
        return object;
    }
    return value;
}

QString safeFileName(const QString &sessionId)
{
    QString name = sessionId;
    static const QRegularExpression unsafe(u"[^A-Za-z0-9_.-]"_s);
    name.replace(unsafe, u"_"_s);
    if (name.isEmpty() || name.startsWith(u'.')) {
        name.prepend(u"session"_s);
    }
    return name;
}

} // namespace

QJsonObject ToolCallRecord::toJson() const
{
    QJsonObject object{
        {u"id"_s, id},
        {u"sessionId"_s, sessionId},
        {u"tool"_s, toolName},
        {u"server"_s, server},
        {u"arguments"_s, arguments},
        {u"startedAt"_s, startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"durationMs"_s, double(durationMs)},
        {u"outcome"_s, outcomeKey(outcome)},
        {u"requestId"_s, requestId},
    };
    if (!errorMessage.isEmpty()) {
        object.insert(u"errorMessage"_s, errorMessage);
    }
    if (!errorCode.isEmpty()) {
        object.insert(u"errorCode"_s, errorCode);
    }
    if (!result.isUndefined()) {
        object.insert(u"result"_s, result);
    }
    if (truncated) {
        object.insert(u"truncated"_s, true);
    }
    return object;
}

std::optional<ToolCallRecord> ToolCallRecord::fromJson(const QJsonObject &object)
{
    const auto outcome = outcomeFromKey(object.value(u"outcome"_s).toString());
    const QString tool = object.value(u"tool"_s).toString();
    if (!outcome || tool.isEmpty()) {
        return std::nullopt;
    }
    ToolCallRecord record;
    record.id = object.value(u"id"_s).toString();
    record.sessionId = object.value(u"sessionId"_s).toString();
    record.toolName = tool;
    record.server = object.value(u"server"_s).toString();
    record.arguments = object.value(u"arguments"_s).toObject();
    record.startedAt = QDateTime::fromString(object.value(u"startedAt"_s).toString(), Qt::ISODateWithMs);
    record.durationMs = qint64(object.value(u"durationMs"_s).toDouble());
    record.outcome = *outcome;
    record.errorMessage = object.value(u"errorMessage"_s).toString();
    record.errorCode = object.value(u"errorCode"_s).toString();
    record.requestId = object.value(u"requestId"_s).toString();
    record.result = object.value(u"result"_s);
    record.truncated = object.value(u"truncated"_s).toBool();
    return record;
}

QString ToolCallRecord::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok:
        return ToolCallHistory::tr("OK");
    case Outcome::ToolError:
        return ToolCallHistory::tr("Tool error");
    case Outcome::Failed:
        return ToolCallHistory::tr("Failed");
    case Outcome::Cancelled:
        return ToolCallHistory::tr("Cancelled");
    }
    return {};
}

QString ToolCallHistory::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/tool-history"_s;
}

ToolCallHistory::ToolCallHistory(const QString &directory)
    : m_directory(directory)
{
}

void ToolCallHistory::setSecrets(const QStringList &secrets)
{
    m_redaction.setSecrets(secrets);
}

QString ToolCallHistory::filePath(const QString &sessionId) const
{
    return m_directory + u'/' + safeFileName(sessionId) + u".jsonl"_s;
}

ToolCallRecord ToolCallHistory::prepared(const ToolCallRecord &record) const
{
    ToolCallRecord out = record;
    if (out.id.isEmpty()) {
        out.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    out.arguments = m_redaction.apply(out.arguments).toObject();
    out.errorMessage = m_redaction.apply(out.errorMessage);
    out.result = m_redaction.apply(out.result);

    const qsizetype stringLimit = qMin(MaxStringBytes, m_maxResultBytes / 2);
    bool truncated = out.truncated;
    out.result = cutStrings(out.result, stringLimit, &truncated);
    out.arguments = cutStrings(out.arguments, stringLimit, &truncated).toObject();

    // Still too big: keep the leading content items and say how many were left out.
    if (out.result.isObject() && jsonSize(out.result) > m_maxResultBytes) {
        QJsonObject result = out.result.toObject();
        if (jsonSize(result.value(u"structuredContent"_s)) > m_maxResultBytes / 2) {
            result.insert(u"structuredContent"_s, tr("[structured content not kept in history]"));
        }
        QJsonArray content = result.value(u"content"_s).toArray();
        int dropped = 0;
        while (!content.isEmpty() && jsonSize(result) > m_maxResultBytes) {
            content.removeLast();
            ++dropped;
            result.insert(u"content"_s, content);
        }
        if (dropped > 0) {
            content.append(QJsonObject{{u"type"_s, u"text"_s},
                {u"text"_s, tr("[%n more content item(s) not kept in history]", nullptr, dropped)}});
            result.insert(u"content"_s, content);
        }
        out.result = result;
        truncated = true;
    }
    out.truncated = truncated;
    return out;
}

QList<ToolCallRecord> ToolCallHistory::load(const QString &sessionId) const
{
    QList<ToolCallRecord> records;
    QFile file(filePath(sessionId));
    if (!file.open(QIODevice::ReadOnly)) {
        m_lineCounts.insert(sessionId, 0);
        return records;
    }
    int lines = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty()) {
            continue;
        }
        ++lines;
        // A line cut by a crash mid-write is not JSON: skip it.
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (const auto record = ToolCallRecord::fromJson(document.object())) {
            records.append(*record);
        }
    }
    m_lineCounts.insert(sessionId, lines);
    if (records.size() > m_maxCalls) {
        records = records.mid(records.size() - m_maxCalls);
    }
    return records;
}

bool ToolCallHistory::rewrite(const QString &sessionId, const QList<ToolCallRecord> &records, QString *error) const
{
    QSaveFile file(filePath(sessionId));
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) {
            *error = tr("Cannot write the call history: %1").arg(file.errorString());
        }
        return false;
    }
    for (const ToolCallRecord &record : records) {
        file.write(QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact) + '\n');
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!file.commit()) {
        if (error) {
            *error = tr("Cannot write the call history: %1").arg(file.errorString());
        }
        return false;
    }
    m_lineCounts.insert(sessionId, int(records.size()));
    return true;
}

ToolCallRecord ToolCallHistory::append(const ToolCallRecord &record, QString *error)
{
    const ToolCallRecord stored = prepared(record);
    const QString sessionId = record.sessionId;
    if (!QDir().mkpath(m_directory)) {
        if (error) {
            *error = tr("Cannot create the folder %1 for the call history.").arg(m_directory);
        }
        return stored;
    }
    if (!m_lineCounts.contains(sessionId)) {
        load(sessionId);
    }
    QFile file(filePath(sessionId));
    const bool existed = file.exists();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        qCWarning(lcToolCallHistory) << "cannot append to" << file.fileName() << file.errorString();
        if (error) {
            *error = tr("Cannot write the call history: %1").arg(file.errorString());
        }
        return stored;
    }
    if (!existed) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    file.write(QJsonDocument(stored.toJson()).toJson(QJsonDocument::Compact) + '\n');
    file.close();
    const int lines = m_lineCounts.value(sessionId) + 1;
    m_lineCounts.insert(sessionId, lines);
    if (lines > m_maxCalls + m_maxCalls / 4) {
        rewrite(sessionId, load(sessionId), error);
    }
    return stored;
}

bool ToolCallHistory::clear(const QString &sessionId)
{
    m_lineCounts.insert(sessionId, 0);
    QFile file(filePath(sessionId));
    return !file.exists() || file.remove();
}

} // namespace AgentBay::Core
