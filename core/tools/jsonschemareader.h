// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/jsonschemaform.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace AgentBay::Core {

// Reads a tool's input schema into the fields of an argument form. What the form cannot show
// ($ref, unions of several shapes, unknown keywords) makes the form unsupported, with the
// first reason found; the root properties that are understood are still read, so that the raw
// JSON fallback can check them.
class JsonSchemaReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonSchemaReader)

public:
    static SchemaForm read(const QJsonObject &schema);

private:
    void refuse(const QString &reason);
    std::optional<QJsonObject> unwrapNullable(const QJsonObject &schema, const QString &path, bool *nullable);
    std::optional<SchemaField> field(const QString &name, const QString &path, QJsonObject schema, bool required);
    std::optional<SchemaField> array(SchemaField result, const QJsonObject &schema);
    std::optional<SchemaField> object(SchemaField result, const QJsonObject &schema);

    QString m_unsupported; // first reason the schema is beyond the form
};

} // namespace AgentBay::Core
