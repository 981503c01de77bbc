// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apiclient.h>
#include <core/api/operationhandle.h>
#include <core/api/result.h>
#include <core/tools/mcptool.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>

#include <functional>

namespace AgentBay::Core {

// One file or folder of a session, as the file tools describe it (protocol.md 6.2).
struct RemoteEntry
{
    QString name;
    QString path; // absolute, the session's own view
    bool isDirectory = false;
    bool hasDetails = false; // size, modified and permissions come from get_file_info
    qint64 size = -1;
    QDateTime modified;
    QString permissions;
};

// The session's filesystem through its MCP file tools and, where they cannot carry bytes
// (write_file takes text only), through the shell tool. Works the same against the cloud and
// agentbay-local. Callbacks run at most once, on the context's thread, and not at all once
// the context or the client is gone.
class RemoteFiles
{
public:
    template <typename T>
    using Callback = std::function<void(const Result<T> &)>;

    // The SDK's chunk sizes (protocol.md 6.2): reads of 51200 bytes, writes of at most 52224
    // UTF-8 bytes (the service's message limit is about 63 KiB per call).
    static constexpr qint64 ReadChunkBytes = 51200;
    static constexpr qint64 WriteChunkBytes = 52224;

    RemoteFiles(ApiClient *client, const QString &sessionId);

    const QString &sessionId() const { return m_sessionId; }

    bool isValid() const { return m_client && !m_sessionId.isEmpty(); }

    // list_directory: names and kinds only (details need stat()).
    OperationHandle list(const QString &folder, QObject *context, Callback<QList<RemoteEntry>> done) const;
    // get_file_info.
    OperationHandle stat(const QString &path, QObject *context, Callback<RemoteEntry> done) const;
    OperationHandle makeDirectory(const QString &path, QObject *context, Callback<Empty> done) const;
    OperationHandle move(const QString &from, const QString &to, QObject *context, Callback<Empty> done) const;
    OperationHandle remove(const QString &path, QObject *context, Callback<Empty> done) const;
    // read_file with format=binary: the bytes at offset (length 0 = to the end).
    OperationHandle read(
        const QString &path, qint64 offset, qint64 length, QObject *context, Callback<QByteArray> done) const;
    // write_file with text (at most WriteChunkBytes of UTF-8 per call, as the service wants).
    OperationHandle writeText(
        const QString &path, const QString &text, bool append, QObject *context, Callback<Empty> done) const;
    // The shell tool; a non-zero exit is an error carrying stderr.
    OperationHandle shell(const QString &command, int timeoutMs, QObject *context, Callback<ShellOutput> done) const;

    static QString join(const QString &folder, const QString &name);
    static QString parentOf(const QString &path); // "/" stays "/"
    static QString nameOf(const QString &path);
    // A POSIX shell word that stands for exactly this text.
    static QString shellQuote(const QString &text);
    // get_file_info's "key: value" lines.
    static RemoteEntry parseFileInfo(const QString &text, const QString &path);

private:
    // One tool call whose payload is its first text; isError becomes an Api error with it.
    OperationHandle callText(const QString &tool,
        const QJsonObject &args,
        int timeoutMs,
        QObject *context,
        std::function<void(const Result<QString> &)> done) const;

    QPointer<ApiClient> m_client;
    QString m_sessionId;
};

} // namespace AgentBay::Core
