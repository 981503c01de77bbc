// SPDX-License-Identifier: MIT
#include <server/tools/toolcatalog.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using AgentBay::Server::ToolCatalog;

namespace {

QJsonObject findTool(const QString &image, const QString &name)
{
    const QJsonArray tools = ToolCatalog::toolsFor(image);
    for (const QJsonValue &tool : tools) {
        if (tool.toObject().value(QStringLiteral("name")).toString() == name) {
            return tool.toObject();
        }
    }
    return {};
}

QStringList toolNames(const QString &image)
{
    QStringList names;
    const QJsonArray tools = ToolCatalog::toolsFor(image);
    for (const QJsonValue &tool : tools) {
        names.append(tool.toObject().value(QStringLiteral("name")).toString());
    }
    return names;
}

const QStringList kFilesystemTools{QStringLiteral("get_file_info"),
    QStringLiteral("list_directory"),
    QStringLiteral("read_file"),
    QStringLiteral("write_file"),
    QStringLiteral("create_directory"),
    QStringLiteral("delete_file"),
    QStringLiteral("move_file"),
    QStringLiteral("edit_file"),
    QStringLiteral("search_files"),
    QStringLiteral("read_multiple_files"),
    QStringLiteral("get_file_change")};

} // namespace

class tst_ToolCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void images_areLinuxAndCode()
    {
        QCOMPARE(ToolCatalog::images(), (QStringList{QStringLiteral("linux_latest"), QStringLiteral("code_latest")}));
        QVERIFY(ToolCatalog::isKnownImage(QStringLiteral("linux_latest")));
        QVERIFY(ToolCatalog::isKnownImage(QStringLiteral("code_latest")));
        QVERIFY(!ToolCatalog::isKnownImage(QStringLiteral("windows_latest")));
        QVERIFY(!ToolCatalog::isKnownImage(QString()));
    }

    void toolsFor_image_listsItsTools_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<bool>("hasRunCode");
        QTest::newRow("linux_latest") << QStringLiteral("linux_latest") << false;
        QTest::newRow("code_latest") << QStringLiteral("code_latest") << true;
    }

    void toolsFor_image_listsItsTools()
    {
        QFETCH(QString, image);
        QFETCH(bool, hasRunCode);
        const QStringList names = toolNames(image);
        QVERIFY(names.contains(QStringLiteral("shell")));
        QVERIFY(names.contains(QStringLiteral("get_metrics")));
        for (const QString &tool : kFilesystemTools) {
            QVERIFY2(names.contains(tool), qPrintable(tool));
            QVERIFY(ToolCatalog::hasTool(image, tool));
        }
        QCOMPARE(names.contains(QStringLiteral("run_code")), hasRunCode);
        QCOMPARE(ToolCatalog::hasTool(image, QStringLiteral("run_code")), hasRunCode);
        QCOMPARE(names.size(), 13 + (hasRunCode ? 1 : 0));
        QStringList unique = names;
        QCOMPARE(unique.removeDuplicates(), 0);
    }

    void toolsFor_unknownImage_isEmpty()
    {
        QVERIFY(ToolCatalog::toolsFor(QStringLiteral("mobile_latest")).isEmpty());
        QVERIFY(!ToolCatalog::hasTool(QStringLiteral("mobile_latest"), QStringLiteral("shell")));
        QVERIFY(!ToolCatalog::hasTool(QStringLiteral("code_latest"), QStringLiteral("no_such_tool")));
    }

    // The argument names (and types) the SDKs send, protocol.md 6: with
    // additionalProperties false, any other name would refuse an SDK's call.
    void schema_properties_areTheArgumentsTheSdksSend_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QStringList>("properties"); // name:type, sorted
        QTest::addColumn<QStringList>("required");
        const auto l = [](std::initializer_list<const char *> items) {
            QStringList list;
            for (const char *item : items) {
                list.append(QString::fromLatin1(item));
            }
            return list;
        };
        QTest::newRow("shell") << QStringLiteral("shell")
                               << l({"command:string", "cwd:string", "envs:object", "timeout_ms:integer"})
                               << l({"command"});
        QTest::newRow("get_file_info") << QStringLiteral("get_file_info") << l({"path:string"}) << l({"path"});
        QTest::newRow("list_directory") << QStringLiteral("list_directory") << l({"path:string"}) << l({"path"});
        QTest::newRow("read_file") << QStringLiteral("read_file")
                                   << l({"format:string", "length:integer", "offset:integer", "path:string"})
                                   << l({"path"});
        QTest::newRow("write_file") << QStringLiteral("write_file")
                                    << l({"content:string", "mode:string", "path:string"}) << l({"path", "content"});
        QTest::newRow("create_directory") << QStringLiteral("create_directory") << l({"path:string"}) << l({"path"});
        QTest::newRow("delete_file") << QStringLiteral("delete_file") << l({"path:string"}) << l({"path"});
        QTest::newRow("move_file") << QStringLiteral("move_file") << l({"destination:string", "source:string"})
                                   << l({"source", "destination"});
        QTest::newRow("edit_file") << QStringLiteral("edit_file") << l({"dryRun:boolean", "edits:array", "path:string"})
                                   << l({"path", "edits"});
        QTest::newRow("search_files") << QStringLiteral("search_files")
                                      << l({"excludePatterns:string", "path:string", "pattern:string"})
                                      << l({"path", "pattern"});
        QTest::newRow("read_multiple_files")
            << QStringLiteral("read_multiple_files") << l({"paths:array"}) << l({"paths"});
        QTest::newRow("get_file_change") << QStringLiteral("get_file_change") << l({"path:string"}) << l({"path"});
        QTest::newRow("get_metrics") << QStringLiteral("get_metrics") << QStringList() << QStringList();
        QTest::newRow("run_code") << QStringLiteral("run_code")
                                  << l({"code:string", "language:string", "timeout_s:integer"}) << l({"code"});
    }

    void schema_properties_areTheArgumentsTheSdksSend()
    {
        QFETCH(QString, tool);
        QFETCH(QStringList, properties);
        QFETCH(QStringList, required);
        QJsonObject schema;
        for (const QJsonValue &value : ToolCatalog::toolsFor(QStringLiteral("code_latest"))) {
            if (value.toObject().value(QStringLiteral("name")).toString() == tool) {
                schema = value.toObject().value(QStringLiteral("inputSchema")).toObject();
            }
        }
        QVERIFY2(!schema.isEmpty(), qPrintable(tool));
        QStringList actual;
        const QJsonObject props = schema.value(QStringLiteral("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it) {
            actual.append(it.key() + u':' + it.value().toObject().value(QStringLiteral("type")).toString());
        }
        QCOMPARE(actual, properties); // QJsonObject keys come sorted
        QStringList actualRequired;
        for (const QJsonValue &field : schema.value(QStringLiteral("required")).toArray()) {
            actualRequired.append(field.toString());
        }
        QCOMPARE(actualRequired, required);
    }

    void everyTool_hasCompleteEntryAndRealSchema()
    {
        const QJsonArray tools = ToolCatalog::toolsFor(QStringLiteral("code_latest"));
        for (const QJsonValue &value : tools) {
            const QJsonObject tool = value.toObject();
            const QString name = tool.value(QStringLiteral("name")).toString();
            QVERIFY(!name.isEmpty());
            QCOMPARE(tool.value(QStringLiteral("tool")).toString(), name);
            QVERIFY2(tool.value(QStringLiteral("description")).toString().size() > 20, qPrintable(name));
            QCOMPARE(tool.value(QStringLiteral("server")).toString(), ToolCatalog::serverFor(name));
            const QJsonObject schema = tool.value(QStringLiteral("inputSchema")).toObject();
            QCOMPARE(schema.value(QStringLiteral("type")).toString(), QStringLiteral("object"));
            QVERIFY2(schema.value(QStringLiteral("properties")).isObject(), qPrintable(name));
            const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
            for (auto it = properties.begin(); it != properties.end(); ++it) {
                const QJsonObject property = it.value().toObject();
                QVERIFY2(
                    !property.value(QStringLiteral("type")).toString().isEmpty(), qPrintable(name + u'.' + it.key()));
                QVERIFY2(!property.value(QStringLiteral("description")).toString().isEmpty(),
                    qPrintable(name + u'.' + it.key()));
            }
            const QJsonArray required = schema.value(QStringLiteral("required")).toArray();
            for (const QJsonValue &field : required) {
                QVERIFY2(properties.contains(field.toString()), qPrintable(name + u'.' + field.toString()));
            }
            if (name != u"get_metrics") {
                QVERIFY2(!required.isEmpty(), qPrintable(name));
            }
        }
    }

    void schema_property_hasConstraint_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("property");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("write_file mode enum")
            << QStringLiteral("write_file") << QStringLiteral("mode") << QStringLiteral("string")
            << QStringLiteral("enum") << QJsonValue(QJsonArray{QStringLiteral("overwrite"), QStringLiteral("append")});
        QTest::newRow("write_file mode default")
            << QStringLiteral("write_file") << QStringLiteral("mode") << QStringLiteral("string")
            << QStringLiteral("default") << QJsonValue(QStringLiteral("overwrite"));
        QTest::newRow("read_file format enum")
            << QStringLiteral("read_file") << QStringLiteral("format") << QStringLiteral("string")
            << QStringLiteral("enum") << QJsonValue(QJsonArray{QStringLiteral("text"), QStringLiteral("binary")});
        QTest::newRow("read_file offset minimum")
            << QStringLiteral("read_file") << QStringLiteral("offset") << QStringLiteral("integer")
            << QStringLiteral("minimum") << QJsonValue(0);
        QTest::newRow("shell timeout default")
            << QStringLiteral("shell") << QStringLiteral("timeout_ms") << QStringLiteral("integer")
            << QStringLiteral("default") << QJsonValue(50000);
        QTest::newRow("shell envs values are strings")
            << QStringLiteral("shell") << QStringLiteral("envs") << QStringLiteral("object")
            << QStringLiteral("additionalProperties")
            << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
        QTest::newRow("edit_file dryRun default")
            << QStringLiteral("edit_file") << QStringLiteral("dryRun") << QStringLiteral("boolean")
            << QStringLiteral("default") << QJsonValue(false);
        QTest::newRow("run_code timeout default")
            << QStringLiteral("run_code") << QStringLiteral("timeout_s") << QStringLiteral("integer")
            << QStringLiteral("default") << QJsonValue(60);
        QTest::newRow("read_multiple_files needs one path")
            << QStringLiteral("read_multiple_files") << QStringLiteral("paths") << QStringLiteral("array")
            << QStringLiteral("minItems") << QJsonValue(1);
    }

    void schema_property_hasConstraint()
    {
        QFETCH(QString, tool);
        QFETCH(QString, property);
        QFETCH(QString, type);
        QFETCH(QString, keyword);
        QFETCH(QJsonValue, expected);
        const QJsonObject schema =
            findTool(QStringLiteral("code_latest"), tool).value(QStringLiteral("inputSchema")).toObject();
        const QJsonObject prop = schema.value(QStringLiteral("properties")).toObject().value(property).toObject();
        QCOMPARE(prop.value(QStringLiteral("type")).toString(), type);
        QCOMPARE(prop.value(keyword), expected);
    }

    void runCode_languageEnum_offersPython()
    {
        const QJsonObject schema = findTool(QStringLiteral("code_latest"), QStringLiteral("run_code"))
                                       .value(QStringLiteral("inputSchema"))
                                       .toObject();
        const QJsonArray languages = schema.value(QStringLiteral("properties"))
                                         .toObject()
                                         .value(QStringLiteral("language"))
                                         .toObject()
                                         .value(QStringLiteral("enum"))
                                         .toArray();
        QVERIFY(languages.contains(QStringLiteral("python")));
        QCOMPARE(languages.contains(QStringLiteral("javascript")), QFileInfo::exists(QStringLiteral("/usr/bin/node")));
    }

    void serverFor_tool_namesItsServer_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("server");
        QTest::newRow("shell") << QStringLiteral("shell") << QStringLiteral("wuying_shell");
        QTest::newRow("read_file") << QStringLiteral("read_file") << QStringLiteral("wuying_filesystem");
        QTest::newRow("get_file_change") << QStringLiteral("get_file_change") << QStringLiteral("wuying_filesystem");
        QTest::newRow("get_metrics") << QStringLiteral("get_metrics") << QStringLiteral("wuying_system");
        QTest::newRow("run_code") << QStringLiteral("run_code") << QStringLiteral("wuying_codespace");
        QTest::newRow("unknown") << QStringLiteral("screenshot") << QString();
    }

    void serverFor_tool_namesItsServer()
    {
        QFETCH(QString, tool);
        QFETCH(QString, server);
        QCOMPARE(ToolCatalog::serverFor(tool), server);
    }

    void annotations_areHonest_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("hints"); // r = read-only, d = destructive, i = idempotent, o = open world
        QTest::newRow("delete_file") << QStringLiteral("delete_file") << QStringLiteral("d");
        QTest::newRow("move_file") << QStringLiteral("move_file") << QStringLiteral("d");
        QTest::newRow("write_file") << QStringLiteral("write_file") << QStringLiteral("di");
        QTest::newRow("edit_file") << QStringLiteral("edit_file") << QStringLiteral("d");
        QTest::newRow("create_directory") << QStringLiteral("create_directory") << QStringLiteral("i");
        QTest::newRow("read_file") << QStringLiteral("read_file") << QStringLiteral("ri");
        QTest::newRow("list_directory") << QStringLiteral("list_directory") << QStringLiteral("ri");
        QTest::newRow("get_file_change") << QStringLiteral("get_file_change") << QStringLiteral("r");
        QTest::newRow("get_metrics") << QStringLiteral("get_metrics") << QStringLiteral("r");
        QTest::newRow("shell") << QStringLiteral("shell") << QStringLiteral("o");
        QTest::newRow("run_code") << QStringLiteral("run_code") << QStringLiteral("o");
    }

    void annotations_areHonest()
    {
        QFETCH(QString, tool);
        QFETCH(QString, hints);
        const QJsonObject annotations = findTool(QStringLiteral("code_latest"), tool).value(u"annotations").toObject();
        QCOMPARE(annotations.value(u"readOnlyHint").toBool(), hints.contains(u'r'));
        QCOMPARE(annotations.value(u"destructiveHint").toBool(), hints.contains(u'd'));
        QCOMPARE(annotations.value(u"idempotentHint").toBool(), hints.contains(u'i'));
        QCOMPARE(annotations.value(u"openWorldHint").toBool(), hints.contains(u'o'));
        // What a command does depends on the command: shell and run_code make no destructive claim.
        QCOMPARE(annotations.contains(u"destructiveHint"), !hints.contains(u'r') && !hints.contains(u'o'));
    }

    void outputSchema_onlyWhereTheResultIsJson()
    {
        const QJsonArray tools = ToolCatalog::toolsFor(QStringLiteral("code_latest"));
        QStringList withSchema;
        for (const QJsonValue &tool : tools) {
            const QJsonObject object = tool.toObject();
            if (object.contains(u"outputSchema")) {
                withSchema.append(object.value(u"name").toString());
                QCOMPARE(object.value(u"outputSchema").toObject().value(u"type").toString(), QStringLiteral("object"));
            }
        }
        withSchema.sort();
        QCOMPARE(withSchema,
            (QStringList{QStringLiteral("get_metrics"), QStringLiteral("run_code"), QStringLiteral("shell")}));
    }
};

QTEST_APPLESS_MAIN(tst_ToolCatalog)
#include "tst_toolcatalog.moc"
