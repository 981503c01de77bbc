// SPDX-License-Identifier: MIT
#include "resultcomparison.h"

#include <core/tools/mcptool.h>

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Core {

namespace {

void flattenInto(const QJsonValue &value, const QString &path, QMap<QString, QJsonValue> *out)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            flattenInto(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), out);
        }
        return;
    }
    if (value.isArray() && !value.toArray().isEmpty()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            flattenInto(array.at(i), path + u'[' + QString::number(i) + u']', out);
        }
        return;
    }
    out->insert(path, value);
}

} // namespace

ComparableResult ComparableResult::from(const ToolCallRecord &record)
{
    ComparableResult result;
    if (record.outcome == ToolCallRecord::Outcome::Failed || record.outcome == ToolCallRecord::Outcome::Cancelled) {
        result.kind = Kind::Error;
        result.text = record.errorMessage;
        result.key = u"error:"_s + ToolCallRecord::outcomeName(record.outcome) + u'\n' + record.errorMessage;
        return result;
    }
    const McpToolResult mcp = McpToolResult::fromJson(record.result);
    const QString prefix = mcp.isError ? u"toolError:"_s : QString();
    for (const McpContentItem &item : mcp.content) {
        if (item.type == McpContentItem::Type::Image) {
            result.kind = Kind::Image;
            result.image = item.data;
            result.key = prefix + u"image:"_s
                + QString::fromLatin1(QCryptographicHash::hash(item.data, QCryptographicHash::Sha256).toHex());
            return result;
        }
    }
    QStringList texts;
    for (const McpContentItem &item : mcp.content) {
        if (!item.text.isEmpty() || item.type == McpContentItem::Type::Text) {
            texts.append(item.text);
        }
    }
    result.text = texts.join(u'\n');
    const QJsonDocument doc = QJsonDocument::fromJson(result.text.toUtf8());
    if (doc.isObject() || doc.isArray()) {
        result.kind = Kind::Json;
        result.json = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        result.text = QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
        result.key = prefix + u"json:"_s + QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
        return result;
    }
    result.kind = Kind::Text;
    result.key = prefix + u"text:"_s + result.text;
    return result;
}

int ResultComparison::referenceIndex(const QList<ComparableResult> &results)
{
    QHash<QString, int> counts;
    bool anyAnswer = false;
    for (const ComparableResult &result : results) {
        counts[result.key] += 1;
        anyAnswer = anyAnswer || result.kind != ComparableResult::Kind::Error;
    }
    int best = -1;
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (anyAnswer && results.at(i).kind == ComparableResult::Kind::Error) {
            continue;
        }
        if (best < 0 || counts.value(results.at(i).key) > counts.value(results.at(best).key)) {
            best = int(i);
        }
    }
    return best;
}

int ResultComparison::agreeing(const QList<ComparableResult> &results, int reference)
{
    if (reference < 0 || reference >= results.size()) {
        return 0;
    }
    int count = 0;
    for (const ComparableResult &result : results) {
        count += result.key == results.at(reference).key ? 1 : 0;
    }
    return count;
}

QMap<QString, QJsonValue> ResultComparison::flatten(const QJsonValue &value)
{
    QMap<QString, QJsonValue> out;
    flattenInto(value, QString(), &out);
    return out;
}

QStringList ResultComparison::differingPaths(const QJsonValue &reference, const QJsonValue &value)
{
    const QMap<QString, QJsonValue> left = flatten(reference);
    const QMap<QString, QJsonValue> right = flatten(value);
    QStringList paths;
    for (auto it = right.begin(); it != right.end(); ++it) {
        if (!left.contains(it.key()) || left.value(it.key()) != it.value()) {
            paths.append(it.key());
        }
    }
    for (auto it = left.begin(); it != left.end(); ++it) {
        if (!right.contains(it.key())) {
            paths.append(it.key());
        }
    }
    return paths;
}

QSet<int> ResultComparison::differingLines(const QString &reference, const QString &text)
{
    const QStringList known = reference.split(u'\n');
    const QSet<QString> knownSet(known.begin(), known.end());
    const QStringList lines = text.split(u'\n');
    QSet<int> differing;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!knownSet.contains(lines.at(i))) {
            differing.insert(int(i));
        }
    }
    return differing;
}

} // namespace AgentBay::Core
