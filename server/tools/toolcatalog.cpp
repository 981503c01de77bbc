// SPDX-License-Identifier: MIT
#include "toolcatalog.h"

#include <QFileInfo>

namespace AgentBay::Server {

namespace {

const QString kLinux = QStringLiteral("linux_latest");
const QString kCode = QStringLiteral("code_latest");
const QString kShellServer = QStringLiteral("wuying_shell");
const QString kFilesystemServer = QStringLiteral("wuying_filesystem");
const QString kSystemServer = QStringLiteral("wuying_system");
const QString kCodeServer = QStringLiteral("wuying_codespace");

QJsonObject stringProperty(const QString &description)
{
    return {{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("description"), description}};
}

QJsonObject pathProperty(const QString &what)
{
    QJsonObject property = stringProperty(what
        + QStringLiteral(" Relative to the session workspace (/workspace), or absolute as the session sees its own "
                         "file system (e.g. /tmp/x.txt)."));
    property.insert(QStringLiteral("minLength"), 1);
    return property;
}

QJsonObject objectSchema(const QJsonObject &properties, const QStringList &required)
{
    QJsonObject schema{{QStringLiteral("$schema"), QStringLiteral("http://json-schema.org/draft-07/schema#")},
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"), properties},
        {QStringLiteral("additionalProperties"), false}};
    if (!required.isEmpty()) {
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    }
    return schema;
}

QJsonObject tool(const QString &name, const QString &server, const QString &description, const QJsonObject &schema)
{
    return {{QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("inputSchema"), schema},
        {QStringLiteral("server"), server},
        {QStringLiteral("tool"), name}};
}

bool nodeAvailable()
{
    // Only /usr is visible inside the sandbox, so only a system node counts.
    static const bool available = QFileInfo(QStringLiteral("/usr/bin/node")).isExecutable()
        || QFileInfo(QStringLiteral("/usr/local/bin/node")).isExecutable();
    return available;
}

QJsonArray linuxTools()
{
    QJsonArray tools;
    QJsonObject timeout{{QStringLiteral("type"), QStringLiteral("integer")},
        {QStringLiteral("description"),
            QStringLiteral("Kill the command (and its children) after this many milliseconds.")},
        {QStringLiteral("minimum"), 1},
        {QStringLiteral("maximum"), 3600000},
        {QStringLiteral("default"), 50000}};
    QJsonObject envs{{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("description"), QStringLiteral("Extra environment variables for the command.")},
        {QStringLiteral("additionalProperties"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}};
    QJsonObject command = stringProperty(QStringLiteral("The shell command, run with /bin/sh -c."));
    command.insert(QStringLiteral("minLength"), 1);
    tools.append(tool(QStringLiteral("shell"),
        kShellServer,
        QStringLiteral("Run a shell command in the session. Background processes keep running between calls. "
                       "Returns JSON {stdout, stderr, exit_code, traceId}; a non-zero exit is an error result."),
        objectSchema({{QStringLiteral("command"), command},
                         {QStringLiteral("timeout_ms"), timeout},
                         {QStringLiteral("cwd"),
                             stringProperty(QStringLiteral("Working directory inside the session workspace "
                                                           "(relative, or absolute under /workspace)."))},
                         {QStringLiteral("envs"), envs}},
            {QStringLiteral("command")})));

    const auto pathOnly = [](const QString &what) {
        return objectSchema({{QStringLiteral("path"), pathProperty(what)}}, {QStringLiteral("path")});
    };
    tools.append(tool(QStringLiteral("get_file_info"),
        kFilesystemServer,
        QStringLiteral("Information about a file or directory as \"key: value\" lines: name, path, size, "
                       "isDirectory, isFile, permissions, modified."),
        pathOnly(QStringLiteral("The file or directory."))));
    tools.append(tool(QStringLiteral("list_directory"),
        kFilesystemServer,
        QStringLiteral("List a directory, one entry per line as \"[DIR] name\" or \"[FILE] name\"."),
        pathOnly(QStringLiteral("The directory to list."))));

    QJsonObject offset{{QStringLiteral("type"), QStringLiteral("integer")},
        {QStringLiteral("description"), QStringLiteral("Byte offset to start reading at.")},
        {QStringLiteral("minimum"), 0},
        {QStringLiteral("default"), 0}};
    QJsonObject length{{QStringLiteral("type"), QStringLiteral("integer")},
        {QStringLiteral("description"), QStringLiteral("Number of bytes to read; 0 reads to the end.")},
        {QStringLiteral("minimum"), 0},
        {QStringLiteral("default"), 0}};
    QJsonObject format{{QStringLiteral("type"), QStringLiteral("string")},
        {QStringLiteral("description"),
            QStringLiteral("\"text\" returns the content as UTF-8 text, \"binary\" as base64.")},
        {QStringLiteral("enum"), QJsonArray{QStringLiteral("text"), QStringLiteral("binary")}},
        {QStringLiteral("default"), QStringLiteral("text")}};
    tools.append(tool(QStringLiteral("read_file"),
        kFilesystemServer,
        QStringLiteral("Read a file, optionally a byte range of it."),
        objectSchema({{QStringLiteral("path"), pathProperty(QStringLiteral("The file to read."))},
                         {QStringLiteral("offset"), offset},
                         {QStringLiteral("length"), length},
                         {QStringLiteral("format"), format}},
            {QStringLiteral("path")})));

    QJsonObject mode{{QStringLiteral("type"), QStringLiteral("string")},
        {QStringLiteral("description"), QStringLiteral("Replace the file or append to it.")},
        {QStringLiteral("enum"), QJsonArray{QStringLiteral("overwrite"), QStringLiteral("append")}},
        {QStringLiteral("default"), QStringLiteral("overwrite")}};
    tools.append(tool(QStringLiteral("write_file"),
        kFilesystemServer,
        QStringLiteral("Write text to a file, creating it and its parent directories if needed."),
        objectSchema({{QStringLiteral("path"), pathProperty(QStringLiteral("The file to write."))},
                         {QStringLiteral("content"), stringProperty(QStringLiteral("The text to write."))},
                         {QStringLiteral("mode"), mode}},
            {QStringLiteral("path"), QStringLiteral("content")})));
    tools.append(tool(QStringLiteral("create_directory"),
        kFilesystemServer,
        QStringLiteral("Create a directory and any missing parents; succeeds if it already exists."),
        pathOnly(QStringLiteral("The directory to create."))));
    tools.append(tool(QStringLiteral("delete_file"),
        kFilesystemServer,
        QStringLiteral("Delete a file, a symbolic link (not its target) or a directory with its contents."),
        pathOnly(QStringLiteral("The entry to delete."))));
    tools.append(tool(QStringLiteral("move_file"),
        kFilesystemServer,
        QStringLiteral("Move or rename a file or directory. Fails if the destination exists."),
        objectSchema({{QStringLiteral("source"), pathProperty(QStringLiteral("The entry to move."))},
                         {QStringLiteral("destination"), pathProperty(QStringLiteral("Where to move it."))}},
            {QStringLiteral("source"), QStringLiteral("destination")})));

    QJsonObject edit{{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
            QJsonObject{{QStringLiteral("oldText"),
                            stringProperty(QStringLiteral("Exact text to replace (its first occurrence)."))},
                {QStringLiteral("newText"), stringProperty(QStringLiteral("Replacement text."))}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("oldText"), QStringLiteral("newText")}},
        {QStringLiteral("additionalProperties"), false}};
    QJsonObject edits{{QStringLiteral("type"), QStringLiteral("array")},
        {QStringLiteral("description"), QStringLiteral("Edits applied in order.")},
        {QStringLiteral("items"), edit},
        {QStringLiteral("minItems"), 1}};
    QJsonObject dryRun{{QStringLiteral("type"), QStringLiteral("boolean")},
        {QStringLiteral("description"), QStringLiteral("Show the changes without writing them.")},
        {QStringLiteral("default"), false}};
    tools.append(tool(QStringLiteral("edit_file"),
        kFilesystemServer,
        QStringLiteral("Replace text in a file; returns a diff of the changes."),
        objectSchema({{QStringLiteral("path"), pathProperty(QStringLiteral("The file to edit."))},
                         {QStringLiteral("edits"), edits},
                         {QStringLiteral("dryRun"), dryRun}},
            {QStringLiteral("path"), QStringLiteral("edits")})));

    QJsonObject pattern = stringProperty(
        QStringLiteral("File name pattern with wildcards * and ?; without wildcards, matches names containing it."));
    pattern.insert(QStringLiteral("minLength"), 1);
    tools.append(tool(QStringLiteral("search_files"),
        kFilesystemServer,
        QStringLiteral("Search a directory tree for names matching a pattern. Returns one path per line, or "
                       "\"No matches found\"."),
        objectSchema({{QStringLiteral("path"), pathProperty(QStringLiteral("The directory to search."))},
                         {QStringLiteral("pattern"), pattern},
                         {QStringLiteral("excludePatterns"),
                             stringProperty(QStringLiteral("Comma-separated wildcard patterns to skip."))}},
            {QStringLiteral("path"), QStringLiteral("pattern")})));

    QJsonObject paths{{QStringLiteral("type"), QStringLiteral("array")},
        {QStringLiteral("description"), QStringLiteral("The files to read.")},
        {QStringLiteral("items"), pathProperty(QStringLiteral("A file."))},
        {QStringLiteral("minItems"), 1}};
    tools.append(tool(QStringLiteral("read_multiple_files"),
        kFilesystemServer,
        QStringLiteral("Read several files at once: \"<path>: <content>\" blocks separated by \"---\" lines."),
        objectSchema({{QStringLiteral("paths"), paths}}, {QStringLiteral("paths")})));
    tools.append(tool(QStringLiteral("get_file_change"),
        kFilesystemServer,
        QStringLiteral("Changes in a directory tree since the previous call, as a JSON array of "
                       "{eventType: create|modify|delete, path, pathType: file|directory}. The first call "
                       "records the state and returns []."),
        pathOnly(QStringLiteral("The directory to watch."))));

    tools.append(tool(QStringLiteral("get_metrics"),
        kSystemServer,
        QStringLiteral("Runtime metrics as JSON: cpu_count, cpu_used_pct, mem_total, mem_used, disk_total, "
                       "disk_used (bytes), rx/tx rates (kbyte/s) and totals (kbyte), timestamp."),
        objectSchema({}, {})));
    return tools;
}

QJsonObject runCodeTool()
{
    QJsonArray languages{QStringLiteral("python")};
    if (nodeAvailable()) {
        languages.append(QStringLiteral("javascript"));
    }
    QJsonObject code = stringProperty(QStringLiteral("The source code to run."));
    code.insert(QStringLiteral("minLength"), 1);
    QJsonObject language{{QStringLiteral("type"), QStringLiteral("string")},
        {QStringLiteral("description"), QStringLiteral("Language of the code.")},
        {QStringLiteral("enum"), languages},
        {QStringLiteral("default"), QStringLiteral("python")}};
    QJsonObject timeout{{QStringLiteral("type"), QStringLiteral("integer")},
        {QStringLiteral("description"), QStringLiteral("Stop the code after this many seconds.")},
        {QStringLiteral("minimum"), 1},
        {QStringLiteral("maximum"), 3600},
        {QStringLiteral("default"), 60}};
    return tool(QStringLiteral("run_code"),
        kCodeServer,
        QStringLiteral("Run code in the session. Returns JSON {result, stdout, stderr, executionError}; the value "
                       "of a final expression is the main result."),
        objectSchema({{QStringLiteral("code"), code},
                         {QStringLiteral("language"), language},
                         {QStringLiteral("timeout_s"), timeout}},
            {QStringLiteral("code")}));
}

QJsonObject typed(const QString &type, const QString &description)
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
}

QJsonObject stringArray(const QString &description)
{
    QJsonObject array = typed(QStringLiteral("array"), description);
    array.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
    return array;
}

// The JSON the shell, get_metrics and run_code tools answer with (their text item), as MCP
// output schemas. Only these three return JSON objects; the others return plain text.
QJsonObject outputSchemaFor(const QString &name)
{
    const auto object = [](const QJsonObject &properties, const QStringList &required) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("required"), QJsonArray::fromStringList(required)}};
    };
    const QString integer = QStringLiteral("integer");
    const QString number = QStringLiteral("number");
    const QString string = QStringLiteral("string");
    if (name == u"shell") {
        return object(
            {{QStringLiteral("stdout"), typed(string, QStringLiteral("What the command wrote on stdout."))},
                {QStringLiteral("stderr"), typed(string, QStringLiteral("What it wrote on stderr."))},
                {QStringLiteral("exit_code"), typed(integer, QStringLiteral("Its exit code."))},
                {QStringLiteral("traceId"), typed(string, QStringLiteral("Set when the exit code is not 0."))},
                {QStringLiteral("errorCode"), typed(integer, QStringLiteral("The exit code, when not 0."))}},
            {QStringLiteral("stdout"), QStringLiteral("stderr"), QStringLiteral("exit_code")});
    }
    if (name == u"get_metrics") {
        QJsonObject properties{{QStringLiteral("timestamp"), typed(string, QStringLiteral("ISO 8601, local time."))}};
        for (const char *key : {"cpu_count", "mem_total", "mem_used", "disk_total", "disk_used"}) {
            properties.insert(QLatin1StringView(key), typed(integer, QStringLiteral("A count, or bytes.")));
        }
        for (const char *key :
            {"cpu_used_pct", "rx_rate_kbyte_per_s", "tx_rate_kbyte_per_s", "rx_used_kbyte", "tx_used_kbyte"}) {
            properties.insert(QLatin1StringView(key), typed(number, QStringLiteral("Percent, kbyte/s or kbyte.")));
        }
        return object(properties, properties.keys());
    }
    if (name == u"run_code") {
        return object({{QStringLiteral("result"),
                           typed(QStringLiteral("array"), QStringLiteral("The value of a final expression, if any."))},
                          {QStringLiteral("stdout"), stringArray(QStringLiteral("What the code printed."))},
                          {QStringLiteral("stderr"), stringArray(QStringLiteral("What it wrote on stderr."))},
                          {QStringLiteral("executionError"), typed(string, QStringLiteral("Empty when it ran."))},
                          {QStringLiteral("execution_time"), typed(number, QStringLiteral("Seconds."))}},
            {QStringLiteral("result"),
                QStringLiteral("stdout"),
                QStringLiteral("stderr"),
                QStringLiteral("executionError")});
    }
    return {};
}

// Honest MCP hints. shell and run_code leave destructiveHint out: what they do depends on the
// code they are given. get_file_change only moves its own baseline, so it counts as reading.
QJsonObject annotationsFor(const QString &name)
{
    static const QStringList readOnly{QStringLiteral("get_file_info"),
        QStringLiteral("list_directory"),
        QStringLiteral("read_file"),
        QStringLiteral("search_files"),
        QStringLiteral("read_multiple_files"),
        QStringLiteral("get_file_change"),
        QStringLiteral("get_metrics")};
    static const QStringList destructive{QStringLiteral("write_file"),
        QStringLiteral("edit_file"),
        QStringLiteral("delete_file"),
        QStringLiteral("move_file")};
    static const QStringList idempotent{QStringLiteral("write_file"),
        QStringLiteral("create_directory"),
        QStringLiteral("get_file_info"),
        QStringLiteral("list_directory"),
        QStringLiteral("read_file"),
        QStringLiteral("search_files"),
        QStringLiteral("read_multiple_files")};
    const bool code = name == u"shell" || name == u"run_code";
    QJsonObject hints{{QStringLiteral("readOnlyHint"), readOnly.contains(name)},
        {QStringLiteral("idempotentHint"), idempotent.contains(name)},
        {QStringLiteral("openWorldHint"), code}}; // code may reach the network; files stay inside
    if (!readOnly.contains(name) && !code) {
        hints.insert(QStringLiteral("destructiveHint"), destructive.contains(name));
    }
    return hints;
}

QJsonArray withHints(QJsonArray tools)
{
    for (qsizetype i = 0; i < tools.size(); ++i) {
        QJsonObject item = tools.at(i).toObject();
        const QString name = item.value(QStringLiteral("name")).toString();
        item.insert(QStringLiteral("annotations"), annotationsFor(name));
        if (const QJsonObject output = outputSchemaFor(name); !output.isEmpty()) {
            item.insert(QStringLiteral("outputSchema"), output);
        }
        tools[i] = item;
    }
    return tools;
}

} // namespace

QStringList ToolCatalog::images()
{
    return {kLinux, kCode};
}

bool ToolCatalog::isKnownImage(const QString &imageId)
{
    return imageId == kLinux || imageId == kCode;
}

QJsonArray ToolCatalog::toolsFor(const QString &imageId)
{
    static const QJsonArray linuxSet = withHints(linuxTools());
    static const QJsonArray codeSet = [] {
        QJsonArray all = linuxTools();
        all.append(runCodeTool());
        return withHints(all);
    }();
    if (imageId == kLinux) {
        return linuxSet;
    }
    if (imageId == kCode) {
        return codeSet;
    }
    return {};
}

bool ToolCatalog::hasTool(const QString &imageId, const QString &toolName)
{
    const QJsonArray tools = toolsFor(imageId);
    for (const QJsonValue &entry : tools) {
        if (entry.toObject().value(QStringLiteral("name")).toString() == toolName) {
            return true;
        }
    }
    return false;
}

QString ToolCatalog::serverFor(const QString &toolName)
{
    const QJsonArray tools = toolsFor(kCode);
    for (const QJsonValue &entry : tools) {
        const QJsonObject object = entry.toObject();
        if (object.value(QStringLiteral("name")).toString() == toolName) {
            return object.value(QStringLiteral("server")).toString();
        }
    }
    return {};
}

} // namespace AgentBay::Server
