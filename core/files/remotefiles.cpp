// SPDX-License-Identifier: MIT
#include "remotefiles.h"

#include <core/api/apiclient.h>

#include <QCoreApplication>

namespace AgentBay::Core {

namespace {

ApiError toolError(const QString &text)
{
    ApiError error;
    error.kind = ApiError::Kind::Api;
    error.message = text.trimmed().isEmpty() ? QCoreApplication::translate("RemoteFiles", "The tool failed") : text;
    return error;
}

template <typename T>
RemoteFiles::Callback<QString> ignoringText(RemoteFiles::Callback<T> done, T value)
{
    return [done = std::move(done), value](const Result<QString> &r) {
        if (r.ok()) {
            done(Result<T>(value, r.requestId()));
        } else {
            done(Result<T>(r.error()));
        }
    };
}

} // namespace

RemoteFiles::RemoteFiles(ApiClient *client, const QString &sessionId)
    : m_client(client)
    , m_sessionId(sessionId)
{
}

OperationHandle RemoteFiles::callText(const QString &tool,
    const QJsonObject &args,
    int timeoutMs,
    QObject *context,
    std::function<void(const Result<QString> &)> done) const
{
    if (!m_client) {
        done(Result<QString>(ApiError::invalidArgument(QCoreApplication::translate("RemoteFiles", "Not connected"))));
        return {};
    }
    CallToolOptions options;
    options.readTimeoutMs = timeoutMs;
    return m_client->callMcpTool(
        m_sessionId, tool, args, options, context, [done = std::move(done)](const Result<McpToolResult> &r) {
            if (!r.ok()) {
                return done(Result<QString>(r.error()));
            }
            if (r.value().isError) {
                return done(Result<QString>(toolError(r.value().firstText())));
            }
            done(Result<QString>(r.value().firstText(), r.requestId()));
        });
}

OperationHandle RemoteFiles::list(const QString &folder, QObject *context, Callback<QList<RemoteEntry>> done) const
{
    return callText(QStringLiteral("list_directory"),
        QJsonObject{{QStringLiteral("path"), folder}},
        0,
        context,
        [folder, done = std::move(done)](const Result<QString> &r) {
            if (!r.ok()) {
                return done(Result<QList<RemoteEntry>>(r.error()));
            }
            QList<RemoteEntry> entries;
            for (const QString &line : r.value().split(u'\n', Qt::SkipEmptyParts)) {
                RemoteEntry entry;
                if (line.startsWith(u"[DIR] ")) {
                    entry.isDirectory = true;
                    entry.name = line.mid(6);
                } else if (line.startsWith(u"[FILE] ")) {
                    entry.name = line.mid(7);
                } else {
                    continue; // not an entry line (a service note)
                }
                if (entry.name.isEmpty() || entry.name == u"." || entry.name == u"..") {
                    continue;
                }
                entry.path = join(folder, entry.name);
                entries.append(entry);
            }
            done(Result<QList<RemoteEntry>>(entries, r.requestId()));
        });
}

OperationHandle RemoteFiles::stat(const QString &path, QObject *context, Callback<RemoteEntry> done) const
{
    return callText(QStringLiteral("get_file_info"),
        QJsonObject{{QStringLiteral("path"), path}},
        0,
        context,
        [path, done = std::move(done)](const Result<QString> &r) {
            if (!r.ok()) {
                return done(Result<RemoteEntry>(r.error()));
            }
            done(Result<RemoteEntry>(parseFileInfo(r.value(), path), r.requestId()));
        });
}

OperationHandle RemoteFiles::makeDirectory(const QString &path, QObject *context, Callback<Empty> done) const
{
    return callText(QStringLiteral("create_directory"),
        QJsonObject{{QStringLiteral("path"), path}},
        0,
        context,
        ignoringText(std::move(done), Empty{}));
}

OperationHandle RemoteFiles::move(const QString &from, const QString &to, QObject *context, Callback<Empty> done) const
{
    return callText(QStringLiteral("move_file"),
        QJsonObject{{QStringLiteral("source"), from}, {QStringLiteral("destination"), to}},
        0,
        context,
        ignoringText(std::move(done), Empty{}));
}

OperationHandle RemoteFiles::remove(const QString &path, QObject *context, Callback<Empty> done) const
{
    return callText(QStringLiteral("delete_file"),
        QJsonObject{{QStringLiteral("path"), path}},
        0,
        context,
        ignoringText(std::move(done), Empty{}));
}

OperationHandle RemoteFiles::read(
    const QString &path, qint64 offset, qint64 length, QObject *context, Callback<QByteArray> done) const
{
    const QJsonObject args{{QStringLiteral("path"), path},
        {QStringLiteral("offset"), offset},
        {QStringLiteral("length"), length},
        {QStringLiteral("format"), QStringLiteral("binary")}};
    return callText(QStringLiteral("read_file"), args, 0, context, [done = std::move(done)](const Result<QString> &r) {
        if (!r.ok()) {
            return done(Result<QByteArray>(r.error()));
        }
        const auto decoded =
            QByteArray::fromBase64Encoding(r.value().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            ApiError error;
            error.kind = ApiError::Kind::Parse;
            error.message = QCoreApplication::translate("RemoteFiles", "The file's bytes did not arrive as base64");
            return done(Result<QByteArray>(error));
        }
        done(Result<QByteArray>(*decoded, r.requestId()));
    });
}

OperationHandle RemoteFiles::writeText(
    const QString &path, const QString &text, bool append, QObject *context, Callback<Empty> done) const
{
    const QJsonObject args{{QStringLiteral("path"), path},
        {QStringLiteral("content"), text},
        {QStringLiteral("mode"), append ? QStringLiteral("append") : QStringLiteral("overwrite")}};
    return callText(QStringLiteral("write_file"), args, 0, context, ignoringText(std::move(done), Empty{}));
}

OperationHandle RemoteFiles::shell(
    const QString &command, int timeoutMs, QObject *context, Callback<ShellOutput> done) const
{
    if (!m_client) {
        done(Result<ShellOutput>(
            ApiError::invalidArgument(QCoreApplication::translate("RemoteFiles", "Not connected"))));
        return {};
    }
    CallToolOptions options;
    options.readTimeoutMs = timeoutMs + 10000; // the tool's own limit ends it first
    const QJsonObject args{{QStringLiteral("command"), command}, {QStringLiteral("timeout_ms"), timeoutMs}};
    return m_client->callMcpTool(m_sessionId,
        QStringLiteral("shell"),
        args,
        options,
        context,
        [done = std::move(done)](const Result<McpToolResult> &r) {
            if (!r.ok()) {
                return done(Result<ShellOutput>(r.error()));
            }
            const std::optional<ShellOutput> output = r.value().shellOutput();
            if (r.value().isError || (output && output->exitCode != 0)) {
                return done(Result<ShellOutput>(toolError(output ? output->stdErr : r.value().firstText())));
            }
            done(Result<ShellOutput>(output.value_or(ShellOutput{r.value().firstText(), {}, 0, {}}), r.requestId()));
        });
}

QString RemoteFiles::join(const QString &folder, const QString &name)
{
    return folder.endsWith(u'/') ? QString(folder + name) : QString(folder + u'/' + name);
}

QString RemoteFiles::parentOf(const QString &path)
{
    QString trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith(u'/')) {
        trimmed.chop(1);
    }
    const qsizetype slash = trimmed.lastIndexOf(u'/');
    return slash <= 0 ? QStringLiteral("/") : trimmed.left(slash);
}

QString RemoteFiles::nameOf(const QString &path)
{
    QString trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith(u'/')) {
        trimmed.chop(1);
    }
    return trimmed.mid(trimmed.lastIndexOf(u'/') + 1);
}

QString RemoteFiles::shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

RemoteEntry RemoteFiles::parseFileInfo(const QString &text, const QString &path)
{
    RemoteEntry entry;
    entry.path = path;
    entry.name = nameOf(path);
    entry.hasDetails = true;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0) {
            continue;
        }
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == u"size") {
            bool ok = false;
            const qint64 size = value.toLongLong(&ok);
            entry.size = ok ? size : -1;
        } else if (key == u"isDirectory") {
            entry.isDirectory = value.compare(u"true", Qt::CaseInsensitive) == 0;
        } else if (key == u"modified") {
            entry.modified = QDateTime::fromString(value, Qt::ISODate);
        } else if (key == u"permissions") {
            entry.permissions = value;
        } else if (key == u"name" && !value.isEmpty()) {
            entry.name = value;
        }
    }
    return entry;
}

} // namespace AgentBay::Core
