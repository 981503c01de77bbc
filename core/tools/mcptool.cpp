// SPDX-License-Identifier: MIT
#include "mcptool.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace AgentBay::Core {

namespace {

McpContentItem::Type typeFromName(const QString &name)
{
    if (name == u"text") {
        return McpContentItem::Type::Text;
    }
    if (name == u"image") {
        return McpContentItem::Type::Image;
    }
    if (name == u"audio") {
        return McpContentItem::Type::Audio;
    }
    if (name == u"resource") {
        return McpContentItem::Type::Resource;
    }
    if (name == u"resource_link") {
        return McpContentItem::Type::ResourceLink;
    }
    return McpContentItem::Type::Unknown;
}

McpContentItem itemFromJson(const QJsonValue &value)
{
    McpContentItem item;
    if (value.isString()) { // some backends send bare strings
        item.type = McpContentItem::Type::Text;
        item.typeName = QStringLiteral("text");
        item.text = value.toString();
        return item;
    }
    const QJsonObject object = value.toObject();
    item.raw = object;
    item.typeName = object.value(u"type").toString();
    item.type = typeFromName(item.typeName);
    item.mimeType = object.value(u"mimeType").toString();
    item.text = object.value(u"text").toString();
    item.uri = object.value(u"uri").toString();
    item.name = object.value(u"name").toString();
    if (object.contains(u"data")) {
        item.data = QByteArray::fromBase64(object.value(u"data").toString().toLatin1());
    }
    if (item.type == McpContentItem::Type::Resource) {
        const QJsonObject resource = object.value(u"resource").toObject();
        item.uri = resource.value(u"uri").toString();
        item.mimeType = resource.value(u"mimeType").toString();
        item.text = resource.value(u"text").toString();
        if (resource.contains(u"blob")) {
            item.data = QByteArray::fromBase64(resource.value(u"blob").toString().toLatin1());
        }
    }
    if (item.type == McpContentItem::Type::Unknown && item.typeName.isEmpty() && object.contains(u"text")) {
        item.type = McpContentItem::Type::Text;
        item.typeName = QStringLiteral("text");
    }
    return item;
}

std::optional<bool> hint(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isBool()) {
        return value.toBool();
    }
    if (value.isString()) { // some backends send "true"/"false"
        const QString text = value.toString().trimmed().toLower();
        if (text == u"true" || text == u"false") {
            return text == u"true";
        }
    }
    return std::nullopt;
}

} // namespace

McpToolAnnotations McpToolAnnotations::fromJson(const QJsonObject &object)
{
    McpToolAnnotations annotations;
    annotations.title = object.value(u"title").toString();
    annotations.readOnly = hint(object, u"readOnlyHint");
    annotations.destructive = hint(object, u"destructiveHint");
    annotations.idempotent = hint(object, u"idempotentHint");
    annotations.openWorld = hint(object, u"openWorldHint");
    return annotations;
}

QJsonObject McpToolAnnotations::toJson() const
{
    QJsonObject object;
    if (!title.isEmpty()) {
        object.insert(QStringLiteral("title"), title);
    }
    const auto put = [&object](const char *key, const std::optional<bool> &value) {
        if (value) {
            object.insert(QLatin1StringView(key), *value);
        }
    };
    put("readOnlyHint", readOnly);
    put("destructiveHint", destructive);
    put("idempotentHint", idempotent);
    put("openWorldHint", openWorld);
    return object;
}

QString McpToolResult::firstText() const
{
    if (content.isEmpty()) {
        return {};
    }
    const McpContentItem &first = content.first();
    if (!first.text.isEmpty() || first.type == McpContentItem::Type::Text) {
        return first.text;
    }
    const QString blob = first.raw.value(u"blob").toString();
    return blob.isEmpty() ? first.raw.value(u"data").toString() : blob;
}

std::optional<ShellOutput> McpToolResult::shellOutput() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(firstText().toUtf8());
    const QJsonObject object = doc.object();
    if (!doc.isObject() || !object.contains(u"stdout") || !object.contains(u"stderr")) {
        return std::nullopt;
    }
    ShellOutput output;
    output.stdOut = object.value(u"stdout").toString();
    output.stdErr = object.value(u"stderr").toString();
    const QJsonValue exitCode = object.contains(u"exit_code") ? object.value(u"exit_code") : object.value(u"errorCode");
    output.exitCode = exitCode.toInt(isError ? 1 : 0);
    output.traceId = object.value(u"traceId").toString();
    return output;
}

McpToolResult McpToolResult::fromJson(const QJsonValue &data)
{
    QJsonValue decoded = data;
    if (data.isString()) { // usually a JSON string; a non-JSON string is the text itself
        const QJsonDocument doc = QJsonDocument::fromJson(data.toString().toUtf8());
        decoded = doc.isObject() ? QJsonValue(doc.object()) : data;
    }
    McpToolResult result;
    result.raw = decoded;
    if (decoded.isString()) {
        result.content.append(itemFromJson(decoded));
        return result;
    }
    QJsonObject object = decoded.toObject();
    if (object.contains(u"result") && object.value(u"result").isObject()) { // direct-route wrapping
        object = object.value(u"result").toObject();
    }
    const QJsonArray items = object.value(u"content").toArray();
    for (const QJsonValue &value : items) {
        result.content.append(itemFromJson(value));
    }
    result.isError = object.value(u"isError").toBool(false);
    if (object.contains(u"structuredContent")) {
        result.structuredContent = object.value(u"structuredContent");
    }
    return result;
}

} // namespace AgentBay::Core
