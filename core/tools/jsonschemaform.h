// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AgentBay::Core {

// One editable value of a tool's input schema, as the argument form shows it.
struct SchemaField
{
    enum class Kind {
        String,
        Number,
        Integer,
        Boolean,
        Enum, // a fixed set of values (enum / const), shown as a choice
        Array, // children[0] describes every item
        Object, // children are the properties, required ones first
        Map, // an object with free keys; children[0] describes every value
        Json, // any JSON value (a schema without type), edited as JSON text
    };

    QString name; // property name; empty for array items and map values
    QString path; // "command", "options.depth", "paths[]" (for messages and lookup)
    Kind kind = Kind::Json;
    bool required = false;
    bool nullable = false; // "type": ["x", "null"] or anyOf [x, null]
    QString title;
    QString description;
    std::optional<QJsonValue> defaultValue;
    QJsonArray enumValues;
    std::optional<double> minimum;
    std::optional<double> maximum;
    bool exclusiveMinimum = false;
    bool exclusiveMaximum = false;
    double multipleOf = 0; // 0 = none
    std::optional<int> minLength;
    std::optional<int> maxLength;
    QString pattern;
    QString format;
    std::optional<int> minItems;
    std::optional<int> maxItems;
    bool uniqueItems = false;
    bool multiline = false; // long text (code, file content): a multi-line editor
    bool additionalProperties = true; // Object: keys other than the properties are allowed
    QString jsonType; // Json: "object" or "array" when the schema says so (no shape given)
    QList<SchemaField> children;

    // "integer, 1 to 100, default 10": the hint a form shows as placeholder.
    QString hint() const;
};

// A tool's input schema turned into a form, or the reason it cannot be one.
struct SchemaForm
{
    // false: the schema is beyond the form ($ref, unions of objects, unknown keywords...);
    // arguments are then edited as raw JSON and only checked for what is understood.
    bool supported = true;
    QString fallbackReason;
    QList<SchemaField> fields; // root properties that are understood, required first
    QStringList requiredNames; // every required root property, understood or not
    bool additionalProperties = true;
};

struct ValidationProblem
{
    QString path; // SchemaField::path style with indexes, e.g. "paths[2]"; empty = the whole object
    QString message; // tr()'d
    bool operator==(const ValidationProblem &) const = default;
};

// Pure decisions behind the argument form: schema to fields (read by JsonSchemaReader),
// validation, representability.
class JsonSchemaForm
{
    Q_DECLARE_TR_FUNCTIONS(JsonSchemaForm)

public:
    static SchemaForm build(const QJsonObject &schema);
    // Problems of args against the understood part of the form; empty = fine to send.
    static QList<ValidationProblem> validate(const SchemaForm &form, const QJsonObject &args);
    static QList<ValidationProblem> validateValue(
        const SchemaField &field, const QJsonValue &value, const QString &path);
    // Whether the form can show args without changing or dropping anything (else keep raw JSON).
    static bool canRepresent(const SchemaForm &form, const QJsonObject &args, QString *reason = nullptr);
    static bool canRepresentValue(const SchemaField &field, const QJsonValue &value, QString *reason = nullptr);
    // What a fresh form starts with: defaults of required fields.
    static QJsonObject initialArguments(const SchemaForm &form);
    // Parses raw JSON arguments; the error names line and column.
    static std::optional<QJsonObject> parseArguments(const QString &text, QString *error);
    // Compact text of a JSON value ("3", "\"a\"", "true"), as a line edit shows it.
    static QString valueText(const QJsonValue &value);
    static QString kindName(SchemaField::Kind kind);
    // How a SchemaField::path reads in a message ("the arguments" for the root).
    static QString displayPath(const QString &path);
    static QString childPath(const QString &parent, const QString &name);
};

} // namespace AgentBay::Core
