// SPDX-License-Identifier: MIT
// JSON-schema form building: a tool's inputSchema comes from whatever MCP server the session
// runs. Input: "<schema JSON>\n--\n<arguments JSON>".
#include "fuzzcheck.h"

#include <core/tools/jsonschemaform.h>

#include <QJsonDocument>

using AgentBay::Core::JsonSchemaForm;
using AgentBay::Core::SchemaField;
using namespace AgentBay::Fuzz;

namespace {

void visit(const SchemaField &field, const QJsonValue &value)
{
    (void)field.hint();
    (void)JsonSchemaForm::kindName(field.kind);
    (void)JsonSchemaForm::validateValue(field, value, field.path);
    QString reason;
    if (!JsonSchemaForm::canRepresentValue(field, value, &reason)) {
        require(!reason.isEmpty(), "a value the form cannot show comes with a reason");
    }
    for (const SchemaField &child : field.children) {
        visit(child, value.isObject() ? value.toObject().value(child.name) : QJsonValue());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [schemaText, argsText] = splitOnce(bytes(data, size), "\n--\n");
    const QJsonDocument schema = QJsonDocument::fromJson(schemaText);
    if (!schema.isObject()) {
        return 0;
    }
    const auto form = JsonSchemaForm::build(schema.object());
    if (!form.supported) {
        require(!form.fallbackReason.isEmpty(), "an unsupported schema says why");
    }
    QString error;
    const auto args = JsonSchemaForm::parseArguments(QString::fromUtf8(argsText), &error);
    if (!args) {
        require(!error.isEmpty(), "unparsable arguments come with an error");
    }
    const QJsonObject arguments = args.value_or(QJsonObject());
    (void)JsonSchemaForm::validate(form, arguments);
    (void)JsonSchemaForm::canRepresent(form, arguments);
    const QJsonObject initial = JsonSchemaForm::initialArguments(form);
    for (auto it = initial.begin(); it != initial.end(); ++it) {
        (void)JsonSchemaForm::valueText(it.value());
    }
    for (const SchemaField &field : form.fields) {
        visit(field, arguments.value(field.name));
    }
    return 0;
}
