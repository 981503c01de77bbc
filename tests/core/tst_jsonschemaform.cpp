// SPDX-License-Identifier: MIT
#include <core/tools/jsonschemaform.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::JsonSchemaForm;
using AgentBay::Core::SchemaField;
using AgentBay::Core::SchemaForm;
using AgentBay::Core::ValidationProblem;

Q_DECLARE_METATYPE(SchemaField::Kind)

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError) {
        qFatal("bad test JSON: %s", text);
    }
    return document.object();
}

// {"type":"object","properties":{"value": <property>}}
QJsonObject wrap(const char *property, bool required = false)
{
    QJsonObject schema{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject{{u"value"_s, json(property)}}}};
    if (required) {
        schema.insert(u"required"_s, QJsonArray{u"value"_s});
    }
    return schema;
}

QStringList messages(const QList<ValidationProblem> &problems)
{
    QStringList out;
    for (const ValidationProblem &problem : problems) {
        out.append(problem.path + u": "_s + problem.message);
    }
    return out;
}

} // namespace

class tst_JsonSchemaForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_supportedKinds_data();
    void build_supportedKinds();
    void build_beyondTheForm_fallsBack_data();
    void build_beyondTheForm_fallsBack();
    void build_requiredFirstAndHints();
    void build_emptySchema_isAFormWithoutFields();
    void validate_messages_data();
    void validate_messages();
    void validate_fallback_stillChecksRequiredAndKnownFields();
    void canRepresent_data();
    void canRepresent();
    void parseArguments_errors_data();
    void parseArguments_errors();
    void initialArguments_requiredDefaults();
};

void tst_JsonSchemaForm::build_supportedKinds_data()
{
    QTest::addColumn<QByteArray>("property");
    QTest::addColumn<SchemaField::Kind>("kind");
    QTest::addColumn<SchemaField::Kind>("childKind"); // item / value kind, or Json when none
    QTest::addColumn<bool>("nullable");

    using K = SchemaField::Kind;
    QTest::newRow("string") << QByteArray(R"({"type":"string"})") << K::String << K::Json << false;
    QTest::newRow("number") << QByteArray(R"({"type":"number","minimum":0.5})") << K::Number << K::Json << false;
    QTest::newRow("integer") << QByteArray(R"({"type":"integer","minimum":1,"maximum":9})") << K::Integer << K::Json
                             << false;
    QTest::newRow("boolean") << QByteArray(R"({"type":"boolean","default":true})") << K::Boolean << K::Json << false;
    QTest::newRow("enum") << QByteArray(R"({"type":"string","enum":["a","b"]})") << K::Enum << K::Json << false;
    QTest::newRow("const") << QByteArray(R"({"const":3})") << K::Enum << K::Json << false;
    QTest::newRow("array of strings") << QByteArray(R"({"type":"array","items":{"type":"string"}})") << K::Array
                                      << K::String << false;
    QTest::newRow("array of enums") << QByteArray(R"({"type":"array","items":{"enum":["x","y"]}})") << K::Array
                                    << K::Enum << false;
    QTest::newRow("array of objects") << QByteArray(
        R"({"type":"array","items":{"type":"object","properties":{"oldText":{"type":"string"}}}})")
                                      << K::Array << K::Object << false;
    QTest::newRow("nested object") << QByteArray(
        R"({"type":"object","properties":{"depth":{"type":"integer"}},"required":["depth"]})")
                                   << K::Object << K::Integer << false;
    QTest::newRow("map of strings") << QByteArray(R"({"type":"object","additionalProperties":{"type":"string"}})")
                                    << K::Map << K::String << false;
    QTest::newRow("free object") << QByteArray(R"({"type":"object"})") << K::Json << K::Json << false;
    QTest::newRow("untyped") << QByteArray(R"({"description":"anything"})") << K::Json << K::Json << false;
    QTest::newRow("nullable type list") << QByteArray(R"({"type":["integer","null"]})") << K::Integer << K::Json
                                        << true;
    QTest::newRow("nullable anyOf") << QByteArray(R"({"anyOf":[{"type":"string"},{"type":"null"}],"default":null})")
                                    << K::String << K::Json << true;
    QTest::newRow("annotations only") << QByteArray(
        R"({"type":"string","title":"T","examples":["x"],"deprecated":false,"format":"uri"})")
                                      << K::String << K::Json << false;
}

void tst_JsonSchemaForm::build_supportedKinds()
{
    QFETCH(QByteArray, property);
    QFETCH(SchemaField::Kind, kind);
    QFETCH(SchemaField::Kind, childKind);
    QFETCH(bool, nullable);

    const SchemaForm form = JsonSchemaForm::build(wrap(property.constData()));
    QVERIFY2(form.supported, qPrintable(form.fallbackReason));
    QCOMPARE(form.fields.size(), 1);
    const SchemaField &field = form.fields.first();
    QCOMPARE(field.name, u"value"_s);
    QCOMPARE(field.kind, kind);
    QCOMPARE(field.nullable, nullable);
    QCOMPARE(field.children.isEmpty() ? SchemaField::Kind::Json : field.children.first().kind, childKind);
}

void tst_JsonSchemaForm::build_beyondTheForm_fallsBack_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QString>("reasonMentions");

    QTest::newRow("$ref") << QByteArray(
        R"({"type":"object","properties":{"a":{"$ref":"#/$defs/A"}},"$defs":{"A":{"type":"string"}}})")
                          << u"$ref"_s;
    QTest::newRow("union of objects") << QByteArray(
        R"({"type":"object","properties":{"a":{"oneOf":[{"type":"object","properties":{"x":{"type":"string"}}},{"type":"object","properties":{"y":{"type":"string"}}}]}}})")
                                      << u"oneOf"_s;
    QTest::newRow("anyOf of scalars") << QByteArray(
        R"({"type":"object","properties":{"a":{"anyOf":[{"type":"string"},{"type":"integer"}]}}})")
                                      << u"anyOf"_s;
    QTest::newRow("allOf") << QByteArray(R"({"type":"object","properties":{"a":{"allOf":[{"type":"string"}]}}})")
                           << u"allOf"_s;
    QTest::newRow("unknown keyword") << QByteArray(
        R"({"type":"object","properties":{"a":{"type":"string","contentEncoding":"base64"}}})")
                                     << u"contentEncoding"_s;
    QTest::newRow("unknown root keyword")
        << QByteArray(R"({"type":"object","properties":{},"patternProperties":{"^x":{"type":"string"}}})")
        << u"patternProperties"_s;
    QTest::newRow("several types") << QByteArray(
        R"({"type":"object","properties":{"a":{"type":["string","integer"]}}})")
                                   << u"string"_s;
    QTest::newRow("list of lists") << QByteArray(
        R"({"type":"object","properties":{"a":{"type":"array","items":{"type":"array"}}}})")
                                   << u"list of lists"_s;
    QTest::newRow("tuple items") << QByteArray(
        R"({"type":"object","properties":{"a":{"type":"array","items":[{"type":"string"}]}}})")
                                 << u"position"_s;
    QTest::newRow("root is not an object") << QByteArray(R"({"type":"string"})") << u"object"_s;
    QTest::newRow("nested $ref") << QByteArray(
        R"({"type":"object","properties":{"o":{"type":"object","properties":{"b":{"$ref":"#/x"}}}}})")
                                 << u"o.b"_s;
}

void tst_JsonSchemaForm::build_beyondTheForm_fallsBack()
{
    QFETCH(QByteArray, schema);
    QFETCH(QString, reasonMentions);
    const SchemaForm form = JsonSchemaForm::build(json(schema.constData()));
    QVERIFY(!form.supported);
    QVERIFY2(form.fallbackReason.contains(reasonMentions), qPrintable(form.fallbackReason));
}

void tst_JsonSchemaForm::build_requiredFirstAndHints()
{
    const SchemaForm form = JsonSchemaForm::build(json(R"({"type":"object","properties":{
        "cwd":{"type":"string"},
        "timeout_ms":{"type":"integer","minimum":0,"maximum":50000,"default":50000,"description":"Kill after"},
        "command":{"type":"string","description":"Shell command"},
        "code":{"type":"string"}},
        "required":["command"]})"));
    QVERIFY(form.supported);
    QStringList names;
    for (const SchemaField &field : form.fields) {
        names.append(field.name);
    }
    QCOMPARE(names, QStringList({u"command"_s, u"code"_s, u"cwd"_s, u"timeout_ms"_s}));
    QVERIFY(form.fields.at(0).required);
    QVERIFY(!form.fields.at(3).required);
    QCOMPARE(form.fields.at(0).description, u"Shell command"_s);
    QCOMPARE(form.fields.at(3).hint(), u"default 50000 · 0 to 50000"_s);
    QVERIFY(form.fields.at(1).multiline); // "code" is long text
    QVERIFY(!form.fields.at(0).multiline);
}

void tst_JsonSchemaForm::build_emptySchema_isAFormWithoutFields()
{
    const SchemaForm form = JsonSchemaForm::build({});
    QVERIFY(form.supported);
    QVERIFY(form.fields.isEmpty());
    QVERIFY(JsonSchemaForm::validate(form, {}).isEmpty());
}

void tst_JsonSchemaForm::validate_messages_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("args");
    QTest::addColumn<QStringList>("expected");

    const QByteArray shell = R"({"type":"object","properties":{"command":{"type":"string"},
        "timeout_ms":{"type":"integer","minimum":1,"maximum":50000},
        "ratio":{"type":"number","exclusiveMinimum":0},
        "flag":{"type":"boolean"},
        "mode":{"enum":["overwrite","append"]},
        "paths":{"type":"array","items":{"type":"string"},"minItems":1},
        "envs":{"type":"object","additionalProperties":{"type":"string"}},
        "opts":{"type":"object","properties":{"depth":{"type":"integer"}},"required":["depth"],"additionalProperties":false},
        "name":{"type":"string","minLength":2,"pattern":"^[a-z]+$"}},
        "required":["command"]})";
    QTest::newRow("valid") << shell << QByteArray(R"({"command":"ls","timeout_ms":5,"paths":["a"]})") << QStringList();
    QTest::newRow("required missing") << shell << QByteArray("{}") << QStringList{u"command: Required."_s};
    QTest::newRow("wrong type") << shell << QByteArray(R"({"command":5})") << QStringList{u"command: Must be text."_s};
    QTest::newRow("not whole") << shell << QByteArray(R"({"command":"x","timeout_ms":1.5})")
                               << QStringList{u"timeout_ms: Must be a whole number."_s};
    QTest::newRow("text for integer") << shell << QByteArray(R"({"command":"x","timeout_ms":"10"})")
                                      << QStringList{u"timeout_ms: Must be a whole number."_s};
    QTest::newRow("below minimum") << shell << QByteArray(R"({"command":"x","timeout_ms":0})")
                                   << QStringList{u"timeout_ms: Must be at least 1."_s};
    QTest::newRow("above maximum") << shell << QByteArray(R"({"command":"x","timeout_ms":50001})")
                                   << QStringList{u"timeout_ms: Must be at most 50000."_s};
    QTest::newRow("exclusive minimum") << shell << QByteArray(R"({"command":"x","ratio":0})")
                                       << QStringList{u"ratio: Must be greater than 0."_s};
    QTest::newRow("boolean") << shell << QByteArray(R"({"command":"x","flag":"yes"})")
                             << QStringList{u"flag: Must be true or false."_s};
    QTest::newRow("enum") << shell << QByteArray(R"({"command":"x","mode":"replace"})")
                          << QStringList{u"mode: Must be one of: overwrite, append."_s};
    QTest::newRow("array item type") << shell << QByteArray(R"({"command":"x","paths":["a",3]})")
                                     << QStringList{u"paths[1]: Must be text."_s};
    QTest::newRow("too few items") << shell << QByteArray(R"({"command":"x","paths":[]})")
                                   << QStringList{u"paths: Needs at least 1 item(s)."_s};
    QTest::newRow("map value type") << shell << QByteArray(R"({"command":"x","envs":{"A":1}})")
                                    << QStringList{u"envs.A: Must be text."_s};
    QTest::newRow("nested required and unknown")
        << shell << QByteArray(R"({"command":"x","opts":{"deep":1}})")
        << QStringList{u"opts.depth: Required."_s, u"opts.deep: Is not a known field."_s};
    QTest::newRow("string length and pattern")
        << shell << QByteArray(R"({"command":"x","name":"A"})")
        << QStringList{u"name: Must be at least 2 character(s) long."_s, u"name: Must match the pattern ^[a-z]+$."_s};
    QTest::newRow("null not allowed") << shell << QByteArray(R"({"command":null})")
                                      << QStringList{u"command: Must not be null."_s};
}

void tst_JsonSchemaForm::validate_messages()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, args);
    QFETCH(QStringList, expected);
    const SchemaForm form = JsonSchemaForm::build(json(schema.constData()));
    QVERIFY2(form.supported, qPrintable(form.fallbackReason));
    QCOMPARE(messages(JsonSchemaForm::validate(form, json(args.constData()))), expected);
}

void tst_JsonSchemaForm::validate_fallback_stillChecksRequiredAndKnownFields()
{
    const SchemaForm form = JsonSchemaForm::build(json(R"({"type":"object","properties":{
        "target":{"oneOf":[{"type":"object"},{"type":"array"}]},
        "count":{"type":"integer"}},"required":["target"]})"));
    QVERIFY(!form.supported);
    QCOMPARE(messages(JsonSchemaForm::validate(form, json(R"({"count":"three"})"))),
        QStringList({u"target: Required."_s, u"count: Must be a whole number."_s}));
    QVERIFY(JsonSchemaForm::validate(form, json(R"({"target":{"any":"thing"},"count":3})")).isEmpty());
}

void tst_JsonSchemaForm::canRepresent_data()
{
    QTest::addColumn<QByteArray>("args");
    QTest::addColumn<bool>("representable");

    QTest::newRow("empty") << QByteArray("{}") << true;
    QTest::newRow("every kind") << QByteArray(
        R"({"s":"x","n":1.5,"i":2,"b":false,"e":"a","a":["p","q"],"o":{"d":1},"m":{"K":"V"},"j":{"free":[1]}})")
                                << true;
    QTest::newRow("empty optional list") << QByteArray(R"({"a":[]})") << false;
    QTest::newRow("empty optional object") << QByteArray(R"({"o":{}})") << false;
    QTest::newRow("unknown key") << QByteArray(R"({"zzz":1})") << false;
    QTest::newRow("empty text") << QByteArray(R"({"s":""})") << false;
    QTest::newRow("null") << QByteArray(R"({"s":null})") << false;
    QTest::newRow("text for number") << QByteArray(R"({"n":"1"})") << false;
    QTest::newRow("not a choice") << QByteArray(R"({"e":"z"})") << false;
    QTest::newRow("nested unknown") << QByteArray(R"({"o":{"x":1}})") << false;
    QTest::newRow("bad list item") << QByteArray(R"({"a":[1]})") << false;
}

void tst_JsonSchemaForm::canRepresent()
{
    QFETCH(QByteArray, args);
    QFETCH(bool, representable);
    const SchemaForm form = JsonSchemaForm::build(json(R"({"type":"object","properties":{
        "s":{"type":"string"},"n":{"type":"number"},"i":{"type":"integer"},"b":{"type":"boolean"},
        "e":{"enum":["a","b"]},"a":{"type":"array","items":{"type":"string"}},
        "o":{"type":"object","properties":{"d":{"type":"integer"}}},
        "m":{"type":"object","additionalProperties":{"type":"string"}},"j":{"type":"object"}}})"));
    QVERIFY(form.supported);
    QString reason;
    QCOMPARE(JsonSchemaForm::canRepresent(form, json(args.constData()), &reason), representable);
    QCOMPARE(reason.isEmpty(), representable);
}

void tst_JsonSchemaForm::parseArguments_errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("valid") << u"{\"a\": 1}"_s << QString();
    QTest::newRow("empty means no arguments") << u"  "_s << QString();
    QTest::newRow("syntax") << u"{\n  \"a\": 1,\n  \"b\" 2\n}"_s << u"Line 3, column"_s;
    QTest::newRow("not an object") << u"[1, 2]"_s << u"must be a JSON object"_s;
}

void tst_JsonSchemaForm::parseArguments_errors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString message;
    const auto parsed = JsonSchemaForm::parseArguments(text, &message);
    QCOMPARE(parsed.has_value(), error.isEmpty());
    QVERIFY2(message.contains(error), qPrintable(message));
}

void tst_JsonSchemaForm::initialArguments_requiredDefaults()
{
    const SchemaForm form = JsonSchemaForm::build(json(R"({"type":"object","properties":{
        "format":{"enum":["png","jpeg"],"default":"png"},
        "quality":{"type":"integer","default":80}},"required":["format"]})"));
    QCOMPARE(JsonSchemaForm::initialArguments(form), json(R"({"format":"png"})"));
}

QTEST_APPLESS_MAIN(tst_JsonSchemaForm)
#include "tst_jsonschemaform.moc"
