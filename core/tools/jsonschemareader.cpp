// SPDX-License-Identifier: MIT
#include "jsonschemareader.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Core {

namespace {

// Keywords that only annotate: they never change what is valid.
const QSet<QString> &annotationKeywords()
{
    static const QSet<QString> keys{u"title"_s,
        u"description"_s,
        u"default"_s,
        u"examples"_s,
        u"$schema"_s,
        u"$id"_s,
        u"$comment"_s,
        u"deprecated"_s,
        u"readOnly"_s,
        u"writeOnly"_s,
        u"format"_s,
        u"$defs"_s,
        u"definitions"_s};
    return keys;
}

// Validation keywords the form understands.
const QSet<QString> &knownKeywords()
{
    static const QSet<QString> keys{u"type"_s,
        u"enum"_s,
        u"const"_s,
        u"properties"_s,
        u"required"_s,
        u"additionalProperties"_s,
        u"items"_s,
        u"minimum"_s,
        u"maximum"_s,
        u"exclusiveMinimum"_s,
        u"exclusiveMaximum"_s,
        u"multipleOf"_s,
        u"minLength"_s,
        u"maxLength"_s,
        u"pattern"_s,
        u"minItems"_s,
        u"maxItems"_s,
        u"uniqueItems"_s,
        u"anyOf"_s,
        u"oneOf"_s};
    return keys;
}

// Property names whose text is usually long (source code, file content).
bool looksMultiline(const QString &name)
{
    static const QSet<QString> names{
        u"code"_s, u"content"_s, u"script"_s, u"text"_s, u"body"_s, u"source"_s, u"html"_s, u"markdown"_s};
    return names.contains(name.toLower());
}

} // namespace

SchemaForm JsonSchemaReader::read(const QJsonObject &schema)
{
    SchemaForm form;
    if (schema.isEmpty()) {
        return form; // a tool without arguments
    }
    JsonSchemaReader reader;
    QJsonObject root = schema;
    const QString type = root.value(u"type"_s).toString();
    if (!type.isEmpty() && type != u"object"_s) {
        form.supported = false;
        form.fallbackReason = tr("The arguments are not described as an object.");
        return form;
    }
    for (const QJsonValue &name : root.value(u"required"_s).toArray()) {
        form.requiredNames.append(name.toString());
    }
    const QJsonValue additional = root.value(u"additionalProperties"_s);
    form.additionalProperties = !(additional.isBool() && !additional.toBool());

    // Root properties one by one, so that the understood ones are still checked in the fallback.
    const QJsonObject properties = root.value(u"properties"_s).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        auto field = reader.field(it.key(), it.key(), it.value().toObject(), form.requiredNames.contains(it.key()));
        if (field) {
            form.fields.append(*field);
        }
    }
    std::stable_partition(form.fields.begin(), form.fields.end(), [](const SchemaField &f) {
        return f.required;
    });
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QSet<QString> rootKeys{u"type"_s, u"properties"_s, u"required"_s, u"additionalProperties"_s};
        if (!rootKeys.contains(it.key()) && !annotationKeywords().contains(it.key())) {
            reader.refuse(tr("The arguments use \"%1\", which the form does not support.").arg(it.key()));
        }
    }
    if (additional.isObject()) {
        reader.refuse(tr("The arguments allow free properties beside the named ones."));
    }
    if (!reader.m_unsupported.isEmpty()) {
        form.supported = false;
        form.fallbackReason = reader.m_unsupported;
    }
    return form;
}

void JsonSchemaReader::refuse(const QString &reason)
{
    if (m_unsupported.isEmpty()) {
        m_unsupported = reason;
    }
}

// Turns anyOf/oneOf [X, {"type":"null"}] into X plus nullable; anything else is a union.
std::optional<QJsonObject> JsonSchemaReader::unwrapNullable(
    const QJsonObject &schema, const QString &path, bool *nullable)
{
    for (const QString &key : {u"anyOf"_s, u"oneOf"_s}) {
        if (!schema.contains(key)) {
            continue;
        }
        const QJsonArray members = schema.value(key).toArray();
        QList<QJsonObject> nonNull;
        bool hasNull = false;
        for (const QJsonValue &member : members) {
            const QJsonObject object = member.toObject();
            if (object.value(u"type"_s).toString() == u"null"_s && object.size() == 1) {
                hasNull = true;
            } else {
                nonNull.append(object);
            }
        }
        if (!hasNull || nonNull.size() != 1) {
            refuse(tr("%1 accepts one of several shapes (%2).").arg(JsonSchemaForm::displayPath(path), key));
            return std::nullopt;
        }
        QJsonObject merged = nonNull.first();
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (it.key() != key && !merged.contains(it.key())) {
                merged.insert(it.key(), it.value());
            }
        }
        *nullable = true;
        return merged;
    }
    return schema;
}

std::optional<SchemaField> JsonSchemaReader::field(
    const QString &name, const QString &path, QJsonObject schema, bool required)
{
    SchemaField result;
    result.name = name;
    result.path = path;
    result.required = required;

    if (schema.contains(u"$ref"_s)) {
        refuse(tr("%1 uses a reference ($ref).").arg(JsonSchemaForm::displayPath(path)));
        return std::nullopt;
    }
    if (schema.contains(u"anyOf"_s) || schema.contains(u"oneOf"_s)) {
        const auto unwrapped = unwrapNullable(schema, path, &result.nullable);
        if (!unwrapped) {
            return std::nullopt;
        }
        schema = *unwrapped;
        if (schema.contains(u"anyOf"_s) || schema.contains(u"oneOf"_s) || schema.contains(u"$ref"_s)) {
            refuse(tr("%1 accepts one of several shapes.").arg(JsonSchemaForm::displayPath(path)));
            return std::nullopt;
        }
    }
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!annotationKeywords().contains(it.key()) && !knownKeywords().contains(it.key())) {
            refuse(tr("%1 uses \"%2\", which the form does not support.")
                       .arg(JsonSchemaForm::displayPath(path), it.key()));
            return std::nullopt;
        }
    }

    result.title = schema.value(u"title"_s).toString();
    result.description = schema.value(u"description"_s).toString();
    result.format = schema.value(u"format"_s).toString();
    if (schema.contains(u"default"_s)) {
        result.defaultValue = schema.value(u"default"_s);
    }

    QString type;
    const QJsonValue typeValue = schema.value(u"type"_s);
    if (typeValue.isArray()) {
        QStringList types;
        for (const QJsonValue &t : typeValue.toArray()) {
            if (t.toString() == u"null"_s) {
                result.nullable = true;
            } else {
                types.append(t.toString());
            }
        }
        if (types.size() != 1) {
            refuse(tr("%1 accepts several types (%2).").arg(JsonSchemaForm::displayPath(path), types.join(u", "_s)));
            return std::nullopt;
        }
        type = types.first();
    } else if (typeValue.isString()) {
        type = typeValue.toString();
    } else if (!typeValue.isUndefined()) {
        refuse(tr("%1 has an unreadable type.").arg(JsonSchemaForm::displayPath(path)));
        return std::nullopt;
    }

    // Numbers and their bounds; draft 4 spells exclusive bounds as booleans.
    if (schema.value(u"minimum"_s).isDouble()) {
        result.minimum = schema.value(u"minimum"_s).toDouble();
        result.exclusiveMinimum = schema.value(u"exclusiveMinimum"_s).toBool();
    }
    if (schema.value(u"exclusiveMinimum"_s).isDouble()) {
        result.minimum = schema.value(u"exclusiveMinimum"_s).toDouble();
        result.exclusiveMinimum = true;
    }
    if (schema.value(u"maximum"_s).isDouble()) {
        result.maximum = schema.value(u"maximum"_s).toDouble();
        result.exclusiveMaximum = schema.value(u"exclusiveMaximum"_s).toBool();
    }
    if (schema.value(u"exclusiveMaximum"_s).isDouble()) {
        result.maximum = schema.value(u"exclusiveMaximum"_s).toDouble();
        result.exclusiveMaximum = true;
    }
    result.multipleOf = schema.value(u"multipleOf"_s).toDouble();
    const auto optionalInt = [&schema](const QString &key) -> std::optional<int> {
        if (schema.value(key).isDouble()) {
            return schema.value(key).toInt();
        }
        return std::nullopt;
    };
    result.minLength = optionalInt(u"minLength"_s);
    result.maxLength = optionalInt(u"maxLength"_s);
    result.minItems = optionalInt(u"minItems"_s);
    result.maxItems = optionalInt(u"maxItems"_s);
    result.uniqueItems = schema.value(u"uniqueItems"_s).toBool();
    result.pattern = schema.value(u"pattern"_s).toString();

    if (schema.contains(u"enum"_s) || schema.contains(u"const"_s)) {
        result.kind = SchemaField::Kind::Enum;
        result.enumValues =
            schema.contains(u"enum"_s) ? schema.value(u"enum"_s).toArray() : QJsonArray{schema.value(u"const"_s)};
        for (const QJsonValue &value : std::as_const(result.enumValues)) {
            if (value.isObject() || value.isArray()) {
                refuse(tr("%1 offers structured values to choose from.").arg(JsonSchemaForm::displayPath(path)));
                return std::nullopt;
            }
        }
        return result;
    }

    if (type.isEmpty()) {
        if (schema.contains(u"properties"_s) || schema.contains(u"additionalProperties"_s)) {
            type = u"object"_s;
        } else if (schema.contains(u"items"_s)) {
            type = u"array"_s;
        }
    }

    if (type == u"string"_s) {
        result.kind = SchemaField::Kind::String;
        result.multiline =
            looksMultiline(name) || result.format == u"textarea"_s || (result.maxLength && *result.maxLength > 256);
    } else if (type == u"number"_s) {
        result.kind = SchemaField::Kind::Number;
    } else if (type == u"integer"_s) {
        result.kind = SchemaField::Kind::Integer;
    } else if (type == u"boolean"_s) {
        result.kind = SchemaField::Kind::Boolean;
    } else if (type == u"array"_s) {
        return array(std::move(result), schema);
    } else if (type == u"object"_s) {
        return object(std::move(result), schema);
    } else if (type.isEmpty()) {
        result.kind = SchemaField::Kind::Json;
    } else {
        refuse(tr("%1 has the type \"%2\", which the form does not support.")
                   .arg(JsonSchemaForm::displayPath(path), type));
        return std::nullopt;
    }
    return result;
}

std::optional<SchemaField> JsonSchemaReader::array(SchemaField result, const QJsonObject &schema)
{
    result.kind = SchemaField::Kind::Array;
    const QJsonValue items = schema.value(u"items"_s);
    if (items.isArray()) {
        refuse(tr("%1 is a list with a fixed shape per position.").arg(JsonSchemaForm::displayPath(result.path)));
        return std::nullopt;
    }
    auto item = field(QString(), result.path + u"[]"_s, items.toObject(), true);
    if (!item) {
        return std::nullopt;
    }
    if (item->kind == SchemaField::Kind::Array) {
        refuse(tr("%1 is a list of lists.").arg(JsonSchemaForm::displayPath(result.path)));
        return std::nullopt;
    }
    result.children = {*item};
    return result;
}

std::optional<SchemaField> JsonSchemaReader::object(SchemaField result, const QJsonObject &schema)
{
    const QJsonValue additional = schema.value(u"additionalProperties"_s);
    if (!schema.contains(u"properties"_s) && additional.isObject()) {
        result.kind = SchemaField::Kind::Map;
        auto value = field(QString(), result.path + u".*"_s, additional.toObject(), true);
        if (!value) {
            return std::nullopt;
        }
        result.children = {*value};
        return result;
    }
    if (!schema.contains(u"properties"_s) && !(additional.isBool() && !additional.toBool())) {
        result.kind = SchemaField::Kind::Json; // a free-form object: edited as JSON text
        result.jsonType = u"object"_s;
        return result;
    }
    if (additional.isObject()) {
        refuse(tr("%1 mixes named and free properties.").arg(JsonSchemaForm::displayPath(result.path)));
        return std::nullopt;
    }
    result.kind = SchemaField::Kind::Object;
    result.additionalProperties = !(additional.isBool() && !additional.toBool());
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    QStringList required;
    for (const QJsonValue &name : schema.value(u"required"_s).toArray()) {
        required.append(name.toString());
    }
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        auto child = field(it.key(),
            JsonSchemaForm::childPath(result.path, it.key()),
            it.value().toObject(),
            required.contains(it.key()));
        if (!child) {
            return std::nullopt;
        }
        result.children.append(*child);
    }
    std::stable_partition(result.children.begin(), result.children.end(), [](const SchemaField &f) {
        return f.required;
    });
    return result;
}

} // namespace AgentBay::Core
