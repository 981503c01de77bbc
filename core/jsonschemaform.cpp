// SPDX-License-Identifier: MIT
#include "jsonschemaform.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

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

QString displayPath(const QString &path)
{
    return path.isEmpty() ? JsonSchemaForm::tr("the arguments") : path;
}

QString childPath(const QString &parent, const QString &name)
{
    return parent.isEmpty() ? name : parent + u'.' + name;
}

bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble()) {
        return a.toDouble() == b.toDouble();
    }
    return a == b;
}

bool isIntegral(double value)
{
    return std::isfinite(value) && std::floor(value) == value;
}

QString numberText(double value)
{
    return JsonSchemaForm::valueText(QJsonValue(value));
}

struct Builder
{
    QString unsupported; // first reason the schema is beyond the form

    void refuse(const QString &reason)
    {
        if (unsupported.isEmpty()) {
            unsupported = reason;
        }
    }

    // Turns anyOf/oneOf [X, {"type":"null"}] into X plus nullable; anything else is a union.
    std::optional<QJsonObject> unwrapNullable(const QJsonObject &schema, const QString &path, bool *nullable)
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
                refuse(tr("%1 accepts one of several shapes (%2).").arg(displayPath(path), key));
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

    static QString tr(const char *text) { return JsonSchemaForm::tr(text); }

    std::optional<SchemaField> field(const QString &name, const QString &path, QJsonObject schema, bool required)
    {
        SchemaField result;
        result.name = name;
        result.path = path;
        result.required = required;

        if (schema.contains(u"$ref"_s)) {
            refuse(tr("%1 uses a reference ($ref).").arg(displayPath(path)));
            return std::nullopt;
        }
        if (schema.contains(u"anyOf"_s) || schema.contains(u"oneOf"_s)) {
            const auto unwrapped = unwrapNullable(schema, path, &result.nullable);
            if (!unwrapped) {
                return std::nullopt;
            }
            schema = *unwrapped;
            if (schema.contains(u"anyOf"_s) || schema.contains(u"oneOf"_s) || schema.contains(u"$ref"_s)) {
                refuse(tr("%1 accepts one of several shapes.").arg(displayPath(path)));
                return std::nullopt;
            }
        }
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (!annotationKeywords().contains(it.key()) && !knownKeywords().contains(it.key())) {
                refuse(tr("%1 uses \"%2\", which the form does not support.").arg(displayPath(path), it.key()));
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
                refuse(tr("%1 accepts several types (%2).").arg(displayPath(path), types.join(u", "_s)));
                return std::nullopt;
            }
            type = types.first();
        } else if (typeValue.isString()) {
            type = typeValue.toString();
        } else if (!typeValue.isUndefined()) {
            refuse(tr("%1 has an unreadable type.").arg(displayPath(path)));
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
                    refuse(tr("%1 offers structured values to choose from.").arg(displayPath(path)));
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
            refuse(tr("%1 has the type \"%2\", which the form does not support.").arg(displayPath(path), type));
            return std::nullopt;
        }
        return result;
    }

    std::optional<SchemaField> array(SchemaField result, const QJsonObject &schema)
    {
        result.kind = SchemaField::Kind::Array;
        const QJsonValue items = schema.value(u"items"_s);
        if (items.isArray()) {
            refuse(tr("%1 is a list with a fixed shape per position.").arg(displayPath(result.path)));
            return std::nullopt;
        }
        auto item = field(QString(), result.path + u"[]"_s, items.toObject(), true);
        if (!item) {
            return std::nullopt;
        }
        if (item->kind == SchemaField::Kind::Array) {
            refuse(tr("%1 is a list of lists.").arg(displayPath(result.path)));
            return std::nullopt;
        }
        result.children = {*item};
        return result;
    }

    std::optional<SchemaField> object(SchemaField result, const QJsonObject &schema)
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
            refuse(tr("%1 mixes named and free properties.").arg(displayPath(result.path)));
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
            auto child =
                field(it.key(), childPath(result.path, it.key()), it.value().toObject(), required.contains(it.key()));
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
};

QString joinedValues(const QJsonArray &values)
{
    QStringList texts;
    for (const QJsonValue &value : values) {
        texts.append(JsonSchemaForm::valueText(value));
    }
    return texts.join(u", "_s);
}

} // namespace

QString SchemaField::hint() const
{
    QStringList parts;
    if (defaultValue) {
        parts.append(JsonSchemaForm::tr("default %1").arg(JsonSchemaForm::valueText(*defaultValue)));
    }
    if (minimum && maximum) {
        parts.append(JsonSchemaForm::tr("%1 to %2").arg(numberText(*minimum), numberText(*maximum)));
    } else if (minimum) {
        parts.append(
            (exclusiveMinimum ? JsonSchemaForm::tr("> %1") : JsonSchemaForm::tr("≥ %1")).arg(numberText(*minimum)));
    } else if (maximum) {
        parts.append(
            (exclusiveMaximum ? JsonSchemaForm::tr("< %1") : JsonSchemaForm::tr("≤ %1")).arg(numberText(*maximum)));
    }
    if (maxLength) {
        parts.append(JsonSchemaForm::tr("up to %n character(s)", nullptr, *maxLength));
    }
    if (!format.isEmpty() && format != u"textarea"_s) {
        parts.append(format);
    }
    if (parts.isEmpty() && (kind == Kind::Number || kind == Kind::Integer)) {
        parts.append(JsonSchemaForm::kindName(kind));
    }
    return parts.join(u" · "_s);
}

SchemaForm JsonSchemaForm::build(const QJsonObject &schema)
{
    SchemaForm form;
    if (schema.isEmpty()) {
        return form; // a tool without arguments
    }
    Builder builder;
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
        auto field = builder.field(it.key(), it.key(), it.value().toObject(), form.requiredNames.contains(it.key()));
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
            builder.refuse(tr("The arguments use \"%1\", which the form does not support.").arg(it.key()));
        }
    }
    if (additional.isObject()) {
        builder.refuse(tr("The arguments allow free properties beside the named ones."));
    }
    if (!builder.unsupported.isEmpty()) {
        form.supported = false;
        form.fallbackReason = builder.unsupported;
    }
    return form;
}

QList<ValidationProblem> JsonSchemaForm::validateValue(
    const SchemaField &field, const QJsonValue &value, const QString &path)
{
    QList<ValidationProblem> problems;
    const auto problem = [&problems, &path](const QString &message) {
        problems.append({path, message});
    };
    if (value.isNull()) {
        if (!field.nullable) {
            problem(tr("Must not be null."));
        }
        return problems;
    }
    const auto checkRange = [&](double number) {
        if (field.minimum) {
            if (field.exclusiveMinimum && !(number > *field.minimum)) {
                problem(tr("Must be greater than %1.").arg(numberText(*field.minimum)));
            } else if (!field.exclusiveMinimum && number < *field.minimum) {
                problem(tr("Must be at least %1.").arg(numberText(*field.minimum)));
            }
        }
        if (field.maximum) {
            if (field.exclusiveMaximum && !(number < *field.maximum)) {
                problem(tr("Must be less than %1.").arg(numberText(*field.maximum)));
            } else if (!field.exclusiveMaximum && number > *field.maximum) {
                problem(tr("Must be at most %1.").arg(numberText(*field.maximum)));
            }
        }
        if (field.multipleOf > 0 && !isIntegral(number / field.multipleOf)) {
            problem(tr("Must be a multiple of %1.").arg(numberText(field.multipleOf)));
        }
    };

    switch (field.kind) {
    case SchemaField::Kind::String: {
        if (!value.isString()) {
            problem(tr("Must be text."));
            break;
        }
        const QString text = value.toString();
        if (field.minLength && text.size() < *field.minLength) {
            problem(tr("Must be at least %n character(s) long.", nullptr, *field.minLength));
        }
        if (field.maxLength && text.size() > *field.maxLength) {
            problem(tr("Must be at most %n character(s) long.", nullptr, *field.maxLength));
        }
        if (!field.pattern.isEmpty()) {
            const QRegularExpression re(field.pattern);
            if (re.isValid() && !re.match(text).hasMatch()) {
                problem(tr("Must match the pattern %1.").arg(field.pattern));
            }
        }
        break;
    }
    case SchemaField::Kind::Number:
        if (!value.isDouble()) {
            problem(tr("Must be a number."));
        } else {
            checkRange(value.toDouble());
        }
        break;
    case SchemaField::Kind::Integer:
        if (!value.isDouble() || !isIntegral(value.toDouble())) {
            problem(tr("Must be a whole number."));
        } else {
            checkRange(value.toDouble());
        }
        break;
    case SchemaField::Kind::Boolean:
        if (!value.isBool()) {
            problem(tr("Must be true or false."));
        }
        break;
    case SchemaField::Kind::Enum: {
        const bool found = std::any_of(field.enumValues.begin(), field.enumValues.end(), [&value](const QJsonValue &v) {
            return jsonEqual(v, value);
        });
        if (!found) {
            problem(tr("Must be one of: %1.").arg(joinedValues(field.enumValues)));
        }
        break;
    }
    case SchemaField::Kind::Array: {
        if (!value.isArray()) {
            problem(tr("Must be a list."));
            break;
        }
        const QJsonArray array = value.toArray();
        if (field.minItems && array.size() < *field.minItems) {
            problem(tr("Needs at least %n item(s).", nullptr, *field.minItems));
        }
        if (field.maxItems && array.size() > *field.maxItems) {
            problem(tr("Takes at most %n item(s).", nullptr, *field.maxItems));
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (field.uniqueItems) {
                for (qsizetype j = 0; j < i; ++j) {
                    if (jsonEqual(array.at(i), array.at(j))) {
                        problems.append({path + u'[' + QString::number(i) + u']', tr("Repeats an earlier item.")});
                        break;
                    }
                }
            }
            if (!field.children.isEmpty()) {
                problems += validateValue(field.children.first(), array.at(i), path + u'[' + QString::number(i) + u']');
            }
        }
        break;
    }
    case SchemaField::Kind::Object: {
        if (!value.isObject()) {
            problem(tr("Must be an object."));
            break;
        }
        const QJsonObject object = value.toObject();
        for (const SchemaField &child : field.children) {
            const QString subPath = childPath(path, child.name);
            if (object.contains(child.name)) {
                problems += validateValue(child, object.value(child.name), subPath);
            } else if (child.required) {
                problems.append({subPath, tr("Required.")});
            }
        }
        if (!field.additionalProperties) {
            for (auto it = object.begin(); it != object.end(); ++it) {
                const bool known =
                    std::any_of(field.children.begin(), field.children.end(), [&it](const SchemaField &c) {
                        return c.name == it.key();
                    });
                if (!known) {
                    problems.append({childPath(path, it.key()), tr("Is not a known field.")});
                }
            }
        }
        break;
    }
    case SchemaField::Kind::Map: {
        if (!value.isObject()) {
            problem(tr("Must be an object."));
            break;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!field.children.isEmpty()) {
                problems += validateValue(field.children.first(), it.value(), childPath(path, it.key()));
            }
        }
        break;
    }
    case SchemaField::Kind::Json:
        if (field.jsonType == u"object"_s && !value.isObject()) {
            problem(tr("Must be a JSON object."));
        } else if (field.jsonType == u"array"_s && !value.isArray()) {
            problem(tr("Must be a JSON list."));
        }
        break;
    }
    return problems;
}

QList<ValidationProblem> JsonSchemaForm::validate(const SchemaForm &form, const QJsonObject &args)
{
    QList<ValidationProblem> problems;
    for (const QString &name : form.requiredNames) {
        if (!args.contains(name)) {
            problems.append({name, tr("Required.")});
        }
    }
    for (const SchemaField &field : form.fields) {
        if (args.contains(field.name)) {
            problems += validateValue(field, args.value(field.name), field.name);
        }
    }
    if (!form.additionalProperties) {
        for (auto it = args.begin(); it != args.end(); ++it) {
            const bool known = std::any_of(form.fields.begin(), form.fields.end(), [&it](const SchemaField &f) {
                return f.name == it.key();
            });
            if (!known) {
                problems.append({it.key(), tr("Is not a known field.")});
            }
        }
    }
    return problems;
}

bool JsonSchemaForm::canRepresentValue(const SchemaField &field, const QJsonValue &value, QString *reason)
{
    const auto refuse = [&](const QString &why) {
        if (reason) {
            *reason = why;
        }
        return false;
    };
    const QString where = displayPath(field.path);
    if (field.kind == SchemaField::Kind::Json) {
        return true;
    }
    if (value.isNull() || value.isUndefined()) {
        return refuse(tr("%1 is null.").arg(where));
    }
    switch (field.kind) {
    case SchemaField::Kind::String:
        if (!value.isString()) {
            return refuse(tr("%1 is not text.").arg(where));
        }
        if (value.toString().isEmpty()) {
            return refuse(tr("%1 is an empty text.").arg(where));
        }
        return true;
    case SchemaField::Kind::Number:
    case SchemaField::Kind::Integer:
        return value.isDouble() ? true : refuse(tr("%1 is not a number.").arg(where));
    case SchemaField::Kind::Boolean:
        return value.isBool() ? true : refuse(tr("%1 is not true or false.").arg(where));
    case SchemaField::Kind::Enum:
        for (const QJsonValue &v : field.enumValues) {
            if (jsonEqual(v, value)) {
                return true;
            }
        }
        return refuse(tr("%1 is not one of its choices.").arg(where));
    case SchemaField::Kind::Array: {
        if (!value.isArray()) {
            return refuse(tr("%1 is not a list.").arg(where));
        }
        const QJsonArray array = value.toArray();
        if (array.isEmpty() && !field.required) {
            return refuse(tr("%1 is an empty list.").arg(where)); // the form omits empty optional lists
        }
        for (const QJsonValue &item : array) {
            if (!field.children.isEmpty() && !canRepresentValue(field.children.first(), item, reason)) {
                return false;
            }
        }
        return true;
    }
    case SchemaField::Kind::Object: {
        if (!value.isObject()) {
            return refuse(tr("%1 is not an object.").arg(where));
        }
        const QJsonObject object = value.toObject();
        if (object.isEmpty() && !field.required) {
            return refuse(tr("%1 is an empty object.").arg(where)); // the form omits empty optional objects
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            const auto child = std::find_if(field.children.begin(), field.children.end(), [&it](const SchemaField &c) {
                return c.name == it.key();
            });
            if (child == field.children.end()) {
                return refuse(tr("%1 is not a field of the form.").arg(childPath(field.path, it.key())));
            }
            if (!canRepresentValue(*child, it.value(), reason)) {
                return false;
            }
        }
        return true;
    }
    case SchemaField::Kind::Map: {
        if (!value.isObject()) {
            return refuse(tr("%1 is not an object.").arg(where));
        }
        const QJsonObject object = value.toObject();
        if (object.isEmpty() && !field.required) {
            return refuse(tr("%1 is an empty object.").arg(where));
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!field.children.isEmpty() && !canRepresentValue(field.children.first(), it.value(), reason)) {
                return false;
            }
        }
        return true;
    }
    case SchemaField::Kind::Json:
        break;
    }
    return true;
}

bool JsonSchemaForm::canRepresent(const SchemaForm &form, const QJsonObject &args, QString *reason)
{
    if (!form.supported) {
        if (reason) {
            *reason = form.fallbackReason;
        }
        return false;
    }
    for (auto it = args.begin(); it != args.end(); ++it) {
        const auto field = std::find_if(form.fields.begin(), form.fields.end(), [&it](const SchemaField &f) {
            return f.name == it.key();
        });
        if (field == form.fields.end()) {
            if (reason) {
                *reason = tr("%1 is not a field of the form.").arg(it.key());
            }
            return false;
        }
        if (!canRepresentValue(*field, it.value(), reason)) {
            return false;
        }
    }
    return true;
}

QJsonObject JsonSchemaForm::initialArguments(const SchemaForm &form)
{
    QJsonObject args;
    for (const SchemaField &field : form.fields) {
        if (field.required && field.defaultValue) {
            args.insert(field.name, *field.defaultValue);
        }
    }
    return args;
}

std::optional<QJsonObject> JsonSchemaForm::parseArguments(const QString &text, QString *error)
{
    if (text.trimmed().isEmpty()) {
        return QJsonObject();
    }
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = utf8.left(parseError.offset);
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        const int line = int(before.count('\n')) + 1;
        const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
        if (error) {
            *error = tr("Line %1, column %2: %3").arg(line).arg(column).arg(parseError.errorString());
        }
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error) {
            *error = tr("The arguments must be a JSON object, like {\"name\": \"value\"}.");
        }
        return std::nullopt;
    }
    return document.object();
}

QString JsonSchemaForm::valueText(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString JsonSchemaForm::kindName(SchemaField::Kind kind)
{
    switch (kind) {
    case SchemaField::Kind::String:
        return tr("text");
    case SchemaField::Kind::Number:
        return tr("number");
    case SchemaField::Kind::Integer:
        return tr("whole number");
    case SchemaField::Kind::Boolean:
        return tr("true or false");
    case SchemaField::Kind::Enum:
        return tr("choice");
    case SchemaField::Kind::Array:
        return tr("list");
    case SchemaField::Kind::Object:
        return tr("object");
    case SchemaField::Kind::Map:
        return tr("key/value pairs");
    case SchemaField::Kind::Json:
        return tr("JSON");
    }
    return {};
}

} // namespace AgentBay::Core
