// SPDX-License-Identifier: MIT
#include "jsonschemaform.h"

#include <core/tools/jsonschemareader.h>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Core {

namespace {

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
    return JsonSchemaReader::read(schema);
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

QString JsonSchemaForm::displayPath(const QString &path)
{
    return path.isEmpty() ? tr("the arguments") : path;
}

QString JsonSchemaForm::childPath(const QString &parent, const QString &name)
{
    return parent.isEmpty() ? name : parent + u'.' + name;
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
