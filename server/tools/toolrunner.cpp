// SPDX-License-Identifier: MIT
#include "toolrunner.h"

#include <server/sandbox/sandboxagent.h>
#include <server/sandbox/sessionsandbox.h>
#include <server/tools/toolcatalog.h>
#include <server/tools/workspacepath.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <sys/statvfs.h>
#include <unistd.h>

#include <cmath>
#include <optional>

Q_LOGGING_CATEGORY(lcToolRunner, "agentbay.server.toolrunner")

namespace AgentBay::Server {

namespace {

constexpr int kDefaultShellTimeoutMs = 50000;
constexpr int kMaxShellTimeoutMs = 3600000;
constexpr int kDefaultCodeTimeoutS = 60;
constexpr int kMaxCodeTimeoutS = 3600;
constexpr int kMaxSearchResults = 10000;
constexpr int kMaxVisitedEntries = 200000;
// A command that timed out reports this exit code, like timeout(1).
constexpr int kTimeoutExitCode = 124;

using Done = std::function<void(const QJsonObject &)>;

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentBay::Server::ToolRunner", text);
}

QJsonObject textResult(const QString &text, bool isError = false)
{
    return {
        {QStringLiteral("content"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}},
        {QStringLiteral("isError"), isError}};
}

QJsonObject errorResult(const QString &message)
{
    return textResult(message, true);
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString newTraceId()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0')
        + QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0');
}

// Typed access to the arguments, with one clear message for the first problem found.
class Arguments
{
public:
    explicit Arguments(const QJsonObject &args)
        : m_args(args)
    {
    }

    QString error() const { return m_error; }

    bool ok() const { return m_error.isEmpty(); }

    QJsonValue value(const QString &name) const { return m_args.value(name); }

    QString string(const QString &name, bool required, const QString &fallback = {})
    {
        const QJsonValue value = m_args.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required) {
                fail(tr("Missing required argument \"%1\"").arg(name));
            }
            return fallback;
        }
        if (!value.isString()) {
            fail(tr("Argument \"%1\" must be a string").arg(name));
            return fallback;
        }
        if (required && value.toString().isEmpty()) {
            fail(tr("Argument \"%1\" must not be empty").arg(name));
        }
        return value.toString();
    }

    qint64 integer(const QString &name, qint64 minimum, qint64 maximum, qint64 fallback)
    {
        const QJsonValue value = m_args.value(name);
        if (value.isUndefined() || value.isNull()) {
            return fallback;
        }
        bool ok = false;
        qint64 number = 0;
        if (value.isDouble()) {
            const double d = value.toDouble();
            ok = d == double(qint64(d));
            number = qint64(d);
        } else if (value.isString()) {
            number = value.toString().trimmed().toLongLong(&ok); // some clients send numbers as text
        }
        if (!ok) {
            fail(tr("Argument \"%1\" must be an integer").arg(name));
            return fallback;
        }
        if (number < minimum || number > maximum) {
            fail(tr("Argument \"%1\" must be between %2 and %3").arg(name).arg(minimum).arg(maximum));
            return fallback;
        }
        return number;
    }

    bool boolean(const QString &name, bool fallback)
    {
        const QJsonValue value = m_args.value(name);
        if (value.isUndefined() || value.isNull()) {
            return fallback;
        }
        if (value.isBool()) {
            return value.toBool();
        }
        const QString text = value.toString().toLower();
        if (text == u"true" || text == u"1") {
            return true;
        }
        if (text == u"false" || text == u"0") {
            return false;
        }
        fail(tr("Argument \"%1\" must be a boolean").arg(name));
        return fallback;
    }

    // An array, also accepted as a JSON text holding one.
    std::optional<QJsonArray> array(const QString &name)
    {
        QJsonValue value = m_args.value(name);
        if (value.isString()) {
            const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
            if (doc.isArray()) {
                value = doc.array();
            }
        }
        if (value.isUndefined() || value.isNull()) {
            fail(tr("Missing required argument \"%1\"").arg(name));
            return std::nullopt;
        }
        if (!value.isArray()) {
            fail(tr("Argument \"%1\" must be an array").arg(name));
            return std::nullopt;
        }
        return value.toArray();
    }

    // An object of strings, also accepted as a JSON text holding one.
    QMap<QString, QString> stringMap(const QString &name)
    {
        QMap<QString, QString> map;
        QJsonValue value = m_args.value(name);
        if (value.isUndefined() || value.isNull()) {
            return map;
        }
        if (value.isString()) {
            const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
            if (doc.isObject()) {
                value = doc.object();
            }
        }
        if (!value.isObject()) {
            fail(tr("Argument \"%1\" must be an object of strings").arg(name));
            return map;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString()) {
                fail(tr("Argument \"%1\": the value of \"%2\" must be a string").arg(name, it.key()));
                return {};
            }
            if (it.key().isEmpty() || it.key().contains(u'=')) {
                fail(tr("Argument \"%1\": \"%2\" is not a valid variable name").arg(name, it.key()));
                return {};
            }
            map.insert(it.key(), it.value().toString());
        }
        return map;
    }

private:
    void fail(const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message;
        }
    }

    const QJsonObject &m_args;
    QString m_error;
};

QString permissionString(const QFileInfo &info)
{
    const QFile::Permissions p = info.permissions();
    QString text = info.isSymLink() ? QStringLiteral("l") : info.isDir() ? QStringLiteral("d") : QStringLiteral("-");
    text += p.testFlag(QFile::ReadOwner) ? u'r' : u'-';
    text += p.testFlag(QFile::WriteOwner) ? u'w' : u'-';
    text += p.testFlag(QFile::ExeOwner) ? u'x' : u'-';
    text += p.testFlag(QFile::ReadGroup) ? u'r' : u'-';
    text += p.testFlag(QFile::WriteGroup) ? u'w' : u'-';
    text += p.testFlag(QFile::ExeGroup) ? u'x' : u'-';
    text += p.testFlag(QFile::ReadOther) ? u'r' : u'-';
    text += p.testFlag(QFile::WriteOther) ? u'w' : u'-';
    text += p.testFlag(QFile::ExeOther) ? u'x' : u'-';
    return text;
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// Wildcards (* and ?) match whole names; a pattern without them matches names containing it.
QRegularExpression namePattern(const QString &pattern)
{
    const QString wildcard = pattern.contains(u'*') || pattern.contains(u'?') ? pattern : u'*' + pattern + u'*';
    return QRegularExpression(
        QRegularExpression::wildcardToRegularExpression(wildcard, QRegularExpression::UnanchoredWildcardConversion),
        QRegularExpression::CaseInsensitiveOption);
}

bool matchesWhole(const QRegularExpression &expression, const QString &text)
{
    const QRegularExpressionMatch match = expression.match(text);
    return match.hasMatch() && match.capturedStart() == 0 && match.capturedLength() == text.size();
}

struct Entry
{
    bool isDir = false;
    qint64 size = 0;
    qint64 modifiedMs = 0;
};

// Relative path -> entry for a whole tree; symlinked directories are listed, not entered.
QHash<QString, Entry> snapshotTree(const QString &root)
{
    QHash<QString, Entry> entries;
    QStringList pending{QString()};
    while (!pending.isEmpty() && entries.size() < kMaxVisitedEntries) {
        const QString relative = pending.takeLast();
        const QFileInfoList infos =
            QDir(root + u'/' + relative)
                .entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        for (const QFileInfo &info : infos) {
            const QString path = relative.isEmpty() ? info.fileName() : relative + u'/' + info.fileName();
            const bool isDir = info.isDir() && !info.isSymLink();
            entries.insert(path, {isDir, isDir ? 0 : info.size(), info.lastModified().toMSecsSinceEpoch()});
            if (isDir) {
                pending.append(path);
            }
        }
    }
    return entries;
}

std::optional<QByteArray> readRange(const QString &hostPath, qint64 offset, qint64 length, QString *error)
{
    QFile file(hostPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(QFileInfo(hostPath).fileName(), file.errorString());
        return std::nullopt;
    }
    const qint64 size = file.size();
    const qint64 start = qMin(offset, size);
    const qint64 wanted = length > 0 ? qMin(length, size - start) : size - start;
    if (wanted > ToolRunner::maxReadBytes) {
        *error = tr("The range asked for is %1 bytes; read at most %2 bytes per call (use offset and length)")
                     .arg(wanted)
                     .arg(ToolRunner::maxReadBytes);
        return std::nullopt;
    }
    if (!file.seek(start)) {
        *error = tr("Cannot seek to offset %1").arg(offset);
        return std::nullopt;
    }
    return file.read(wanted);
}

} // namespace

struct ToolRunner::State
{
    struct Watch
    {
        QPointer<SessionSandbox> sandbox;
        QHash<QString, Entry> entries;
    };

    QHash<QString, Watch> watches; // "<workspace>|<inside path>"

    struct NetSample
    {
        qint64 atMs = 0;
        double rxBytes = 0;
        double txBytes = 0;
        quint64 cpuBusy = 0;
        quint64 cpuTotal = 0;
    };

    std::optional<NetSample> lastSample;
    QElapsedTimer clock;

    QJsonObject fileTool(SessionSandbox *sandbox, const QString &tool, const QJsonObject &args);
    QJsonObject getFileInfo(const WorkspacePath &workspace, Arguments &a);
    QJsonObject listDirectory(const WorkspacePath &workspace, Arguments &a);
    QJsonObject readFile(const WorkspacePath &workspace, Arguments &a);
    QJsonObject writeFile(const WorkspacePath &workspace, Arguments &a);
    QJsonObject createDirectory(const WorkspacePath &workspace, Arguments &a);
    QJsonObject deleteFile(const WorkspacePath &workspace, Arguments &a);
    QJsonObject moveFile(const WorkspacePath &workspace, Arguments &a);
    QJsonObject editFile(const WorkspacePath &workspace, Arguments &a);
    QJsonObject searchFiles(const WorkspacePath &workspace, Arguments &a);
    QJsonObject readMultipleFiles(const WorkspacePath &workspace, Arguments &a);
    QJsonObject getFileChange(SessionSandbox *sandbox, const WorkspacePath &workspace, Arguments &a);
    QJsonObject getMetrics(SessionSandbox *sandbox);
};

ToolRunner::ToolRunner(QObject *parent)
    : QObject(parent)
    , m_state(std::make_unique<State>())
{
    m_state->clock.start();
}

ToolRunner::~ToolRunner() = default;

void ToolRunner::call(SessionSandbox *sandbox,
    const QString &imageId,
    const QString &toolName,
    const QJsonObject &args,
    QObject *context,
    std::function<void(const QJsonObject &mcpResult)> done)
{
    // Results always arrive later, on the event loop, never inside call().
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QObject *receiver = hasContext ? context : this;
    const auto deliver = [guard, hasContext, receiver, done](const QJsonObject &result) {
        QMetaObject::invokeMethod(
            receiver,
            [guard, hasContext, done, result] {
                if (!hasContext || guard) {
                    done(result);
                }
            },
            Qt::QueuedConnection);
    };

    if (!sandbox) {
        deliver(errorResult(tr("The session has no sandbox")));
        return;
    }
    if (!ToolCatalog::hasTool(imageId, toolName)) {
        deliver(errorResult(tr("Tool \"%1\" is not available on image \"%2\"").arg(toolName, imageId)));
        return;
    }
    const WorkspacePath workspace(sandbox->workspace(), sandbox->workspaceInside());
    Arguments a(args);

    if (toolName == u"shell") {
        const QString command = a.string(QStringLiteral("command"), true);
        const int timeoutMs =
            int(a.integer(QStringLiteral("timeout_ms"), 1, kMaxShellTimeoutMs, kDefaultShellTimeoutMs));
        const QString cwd = a.string(QStringLiteral("cwd"), false);
        const QMap<QString, QString> envs = a.stringMap(QStringLiteral("envs"));
        if (!a.ok()) {
            deliver(errorResult(a.error()));
            return;
        }
        QString cwdInside;
        if (!cwd.isEmpty()) {
            const WorkspacePath::Resolved dir = workspace.resolve(cwd, WorkspacePath::Mode::Existing);
            if (!dir.ok()) {
                deliver(errorResult(dir.error));
                return;
            }
            if (!QFileInfo(dir.host).isDir()) {
                deliver(errorResult(tr("The working directory %1 is not a directory").arg(cwd)));
                return;
            }
            cwdInside = dir.inside;
        }
        sandbox->exec(
            command, cwdInside, envs, timeoutMs, receiver, [deliver, timeoutMs](const SessionSandbox::ExecResult &r) {
                if (!r.error.isEmpty() && !r.timedOut) {
                    deliver(errorResult(r.error));
                    return;
                }
                QString stdErr = QString::fromUtf8(r.stdErr);
                const int exitCode = r.timedOut ? kTimeoutExitCode : r.exitCode;
                if (r.timedOut) {
                    if (!stdErr.isEmpty() && !stdErr.endsWith(u'\n')) {
                        stdErr += u'\n';
                    }
                    stdErr += tr("Command timed out after %1 ms and was killed").arg(timeoutMs);
                }
                QJsonObject payload{{QStringLiteral("stdout"), QString::fromUtf8(r.stdOut)},
                    {QStringLiteral("stderr"), stdErr},
                    {QStringLiteral("exit_code"), exitCode},
                    {QStringLiteral("traceId"), exitCode == 0 ? QString() : newTraceId()}};
                if (exitCode != 0) {
                    payload.insert(QStringLiteral("errorCode"), exitCode);
                }
                deliver(textResult(compactJson(payload), exitCode != 0));
            });
        return;
    }

    if (toolName == u"run_code") {
        const QString code = a.string(QStringLiteral("code"), true);
        const QString language = a.string(QStringLiteral("language"), false, QStringLiteral("python")).toLower();
        const int timeoutS = int(a.integer(QStringLiteral("timeout_s"), 1, kMaxCodeTimeoutS, kDefaultCodeTimeoutS));
        if (!a.ok()) {
            deliver(errorResult(a.error()));
            return;
        }
        QString runner;
        QString command;
        if (language == u"python" || language == u"python3" || language == u"py") {
            runner = SandboxAgent::pythonRunner();
            command = QStringLiteral("exec python3 -c \"$AGENTBAY_RUNNER\"");
        } else if (language == u"javascript" || language == u"js" || language == u"node" || language == u"nodejs") {
            if (!QFileInfo(QStringLiteral("/usr/bin/node")).isExecutable()
                && !QFileInfo(QStringLiteral("/usr/local/bin/node")).isExecutable()) {
                deliver(errorResult(tr("javascript is not available: node is not installed")));
                return;
            }
            runner = SandboxAgent::javascriptRunner();
            command = QStringLiteral("exec node -e \"$AGENTBAY_RUNNER\"");
        } else {
            deliver(
                errorResult(tr("Unsupported language \"%1\"; this session runs python and javascript").arg(language)));
            return;
        }
        const qint64 startedMs = m_state->clock.elapsed();
        const QMap<QString, QString> env{{QStringLiteral("AGENTBAY_RUNNER"), runner}};
        QPointer<ToolRunner> self(this);
        sandbox->execWithInput(command,
            {},
            env,
            timeoutS * 1000,
            code.toUtf8(),
            receiver,
            [deliver, timeoutS, self, startedMs](const SessionSandbox::ExecResult &r) {
                if (!r.error.isEmpty() && !r.timedOut) {
                    deliver(errorResult(r.error));
                    return;
                }
                QByteArray out = r.stdOut;
                QJsonObject summary;
                const qsizetype at = out.lastIndexOf(SandboxAgent::marker());
                if (at >= 0) {
                    summary = QJsonDocument::fromJson(out.mid(at + SandboxAgent::marker().size())).object();
                    out.truncate(at > 0 && out.at(at - 1) == '\n' ? at - 1 : at);
                }
                QString executionError = summary.value(QStringLiteral("executionError")).toString();
                if (r.timedOut) {
                    executionError = tr("Execution timed out after %1 s").arg(timeoutS);
                } else if (at < 0 && executionError.isEmpty()) {
                    executionError = tr("The interpreter exited with code %1").arg(r.exitCode);
                }
                const QString stdOut = QString::fromUtf8(out);
                const QString stdErr = QString::fromUtf8(r.stdErr);
                QJsonObject payload{{QStringLiteral("result"), summary.value(QStringLiteral("result")).toArray()},
                    {QStringLiteral("stdout"), stdOut.isEmpty() ? QJsonArray() : QJsonArray{stdOut}},
                    {QStringLiteral("stderr"), stdErr.isEmpty() ? QJsonArray() : QJsonArray{stdErr}},
                    {QStringLiteral("executionError"), executionError}};
                if (self) {
                    payload.insert(
                        QStringLiteral("execution_time"), double(self->m_state->clock.elapsed() - startedMs) / 1000.0);
                }
                deliver(textResult(compactJson(payload)));
            });
        return;
    }

    if (toolName == u"get_metrics") {
        deliver(m_state->getMetrics(sandbox));
        return;
    }
    deliver(m_state->fileTool(sandbox, toolName, args));
}

QJsonObject ToolRunner::State::fileTool(SessionSandbox *sandbox, const QString &tool, const QJsonObject &args)
{
    using FileTool = QJsonObject (State::*)(const WorkspacePath &, Arguments &);
    static const QHash<QString, FileTool> fileTools{
        {QStringLiteral("get_file_info"), &State::getFileInfo},
        {QStringLiteral("list_directory"), &State::listDirectory},
        {QStringLiteral("read_file"), &State::readFile},
        {QStringLiteral("write_file"), &State::writeFile},
        {QStringLiteral("create_directory"), &State::createDirectory},
        {QStringLiteral("delete_file"), &State::deleteFile},
        {QStringLiteral("move_file"), &State::moveFile},
        {QStringLiteral("edit_file"), &State::editFile},
        {QStringLiteral("search_files"), &State::searchFiles},
        {QStringLiteral("read_multiple_files"), &State::readMultipleFiles},
    };
    const WorkspacePath workspace(sandbox->workspace(), sandbox->workspaceInside());
    Arguments a(args);
    if (const auto it = fileTools.constFind(tool); it != fileTools.cend()) {
        return (this->*it.value())(workspace, a);
    }
    if (tool == u"get_file_change") { // also needs the sandbox: it keeps a snapshot per session
        return getFileChange(sandbox, workspace, a);
    }
    return errorResult(tr("Tool \"%1\" is not implemented").arg(tool));
}

QJsonObject ToolRunner::State::getFileInfo(const WorkspacePath &workspace, Arguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return errorResult(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return errorResult(target.error);
    }
    const QFileInfo info(target.host);
    const QString name = target.inside == u"/" ? QStringLiteral("/") : QFileInfo(target.inside).fileName();
    QStringList lines{QStringLiteral("name: ") + name,
        QStringLiteral("path: ") + target.inside,
        QStringLiteral("size: ") + QString::number(info.isDir() ? 0 : info.size()),
        QStringLiteral("isDirectory: ") + (info.isDir() ? QStringLiteral("true") : QStringLiteral("false")),
        QStringLiteral("isFile: ") + (info.isFile() ? QStringLiteral("true") : QStringLiteral("false")),
        QStringLiteral("permissions: ") + permissionString(info),
        QStringLiteral("modified: ") + isoUtc(info.lastModified())};
    return textResult(lines.join(u'\n'));
}

QJsonObject ToolRunner::State::listDirectory(const WorkspacePath &workspace, Arguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return errorResult(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return errorResult(target.error);
    }
    if (!QFileInfo(target.host).isDir()) {
        return errorResult(tr("Not a directory: %1").arg(path));
    }
    const QFileInfoList infos =
        QDir(target.host)
            .entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    QStringList lines;
    for (const QFileInfo &info : infos) {
        lines.append((info.isDir() ? QStringLiteral("[DIR] ") : QStringLiteral("[FILE] ")) + info.fileName());
    }
    return textResult(lines.join(u'\n'));
}

QJsonObject ToolRunner::State::readFile(const WorkspacePath &workspace, Arguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    const qint64 offset = a.integer(QStringLiteral("offset"), 0, std::numeric_limits<qint64>::max(), 0);
    const qint64 length = a.integer(QStringLiteral("length"), 0, std::numeric_limits<qint64>::max(), 0);
    const QString format = a.string(QStringLiteral("format"), false, QStringLiteral("text"));
    if (!a.ok()) {
        return errorResult(a.error());
    }
    if (format != u"text" && format != u"binary") {
        return errorResult(tr("Argument \"format\" must be \"text\" or \"binary\""));
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return errorResult(target.error);
    }
    if (QFileInfo(target.host).isDir()) {
        return errorResult(tr("%1 is a directory").arg(path));
    }
    QString error;
    const std::optional<QByteArray> data = readRange(target.host, offset, length, &error);
    if (!data) {
        return errorResult(error);
    }
    return textResult(format == u"binary" ? QString::fromLatin1(data->toBase64()) : QString::fromUtf8(*data));
}

QJsonObject ToolRunner::State::writeFile(const WorkspacePath &workspace, Arguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    const QString content = a.string(QStringLiteral("content"), false);
    const QString mode = a.string(QStringLiteral("mode"), false, QStringLiteral("overwrite"));
    if (a.ok() && a.value(QStringLiteral("content")).isUndefined()) {
        return errorResult(tr("Missing required argument \"content\""));
    }
    if (!a.ok()) {
        return errorResult(a.error());
    }
    if (mode != u"overwrite" && mode != u"append") {
        return errorResult(tr("Argument \"mode\" must be \"overwrite\" or \"append\""));
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Create);
    if (!target.ok()) {
        return errorResult(target.error);
    }
    if (QFileInfo(target.host).isDir()) {
        return errorResult(tr("%1 is a directory").arg(path));
    }
    if (!QDir().mkpath(QFileInfo(target.host).path())) {
        return errorResult(tr("Cannot create the parent directories of %1").arg(path));
    }
    QFile file(target.host);
    const QIODevice::OpenMode openMode =
        mode == u"append" ? QIODevice::WriteOnly | QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate;
    if (!file.open(openMode)) {
        return errorResult(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = content.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        return errorResult(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return textResult(tr("Successfully wrote %1 bytes to %2").arg(bytes.size()).arg(target.inside));
}

QJsonObject ToolRunner::State::createDirectory(const WorkspacePath &workspace, Arguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return errorResult(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Create);
    if (!target.ok()) {
        return errorResult(target.error);
    }
    const QFileInfo info(target.host);
    if (info.exists() && !info.isDir()) {
        return errorResult(tr("%1 exists and is not a directory").arg(path));
    }
    if (!QDir().mkpath(target.host)) {
        return errorResult(tr("Cannot create directory %1").arg(path));
    }
    return textResult(tr("Successfully created directory %1").arg(target.inside));
}

QJsonObject ToolRunner::State::deleteFile(const WorkspacePath &workspace, Arguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return errorResult(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::NoFollow);
    if (!target.ok()) {
        return errorResult(target.error);
    }
    const QFileInfo info(target.host);
    // A symlink is removed itself, never what it points to.
    const bool removed =
        info.isDir() && !info.isSymLink() ? QDir(target.host).removeRecursively() : QFile::remove(target.host);
    if (!removed) {
        return errorResult(tr("Cannot delete %1").arg(path));
    }
    return textResult(tr("Successfully deleted %1").arg(target.inside));
}

QJsonObject ToolRunner::State::moveFile(const WorkspacePath &workspace, Arguments &a)
{
    const QString source = a.string(QStringLiteral("source"), true);
    const QString destination = a.string(QStringLiteral("destination"), true);
    if (!a.ok()) {
        return errorResult(a.error());
    }
    const WorkspacePath::Resolved from = workspace.resolve(source, WorkspacePath::Mode::NoFollow);
    if (!from.ok()) {
        return errorResult(from.error);
    }
    const WorkspacePath::Resolved to = workspace.resolve(destination, WorkspacePath::Mode::Create);
    if (!to.ok()) {
        return errorResult(to.error);
    }
    const QFileInfo toInfo(to.host);
    if (toInfo.exists() || toInfo.isSymLink()) {
        return errorResult(tr("Destination %1 already exists").arg(destination));
    }
    if (!QDir().mkpath(toInfo.path())) {
        return errorResult(tr("Cannot create the parent directories of %1").arg(destination));
    }
    if (::rename(QFile::encodeName(from.host).constData(), QFile::encodeName(to.host).constData()) != 0) {
        return errorResult(tr("Cannot move %1 to %2: %3").arg(source, destination, qt_error_string(errno)));
    }
    return textResult(tr("Successfully moved %1 to %2").arg(from.inside, to.inside));
}

QJsonObject ToolRunner::State::editFile(const WorkspacePath &workspace, Arguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    const std::optional<QJsonArray> edits = a.array(QStringLiteral("edits"));
    const bool dryRun = a.boolean(QStringLiteral("dryRun"), false);
    if (!a.ok()) {
        return errorResult(a.error());
    }
    if (edits->isEmpty()) {
        return errorResult(tr("Argument \"edits\" must hold at least one edit"));
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return errorResult(target.error);
    }
    if (!QFileInfo(target.host).isFile()) {
        return errorResult(tr("%1 is not a file").arg(path));
    }
    QString error;
    const std::optional<QByteArray> data = readRange(target.host, 0, 0, &error);
    if (!data) {
        return errorResult(error);
    }
    QString content = QString::fromUtf8(*data);
    QStringList diff{QStringLiteral("--- ") + target.inside, QStringLiteral("+++ ") + target.inside};
    for (qsizetype i = 0; i < edits->size(); ++i) {
        const QJsonObject edit = edits->at(i).toObject();
        if (!edit.value(QStringLiteral("oldText")).isString() || !edit.value(QStringLiteral("newText")).isString()) {
            return errorResult(tr("Edit %1 needs string fields \"oldText\" and \"newText\"").arg(i + 1));
        }
        const QString oldText = edit.value(QStringLiteral("oldText")).toString();
        const QString newText = edit.value(QStringLiteral("newText")).toString();
        const qsizetype at = oldText.isEmpty() ? -1 : content.indexOf(oldText);
        if (at < 0) {
            return errorResult(tr("Edit %1: the text to replace was not found in %2").arg(i + 1).arg(path));
        }
        const int line = int(QStringView(content).left(at).count(u'\n')) + 1;
        content.replace(at, oldText.size(), newText);
        diff.append(QStringLiteral("@@ line %1 @@").arg(line));
        for (const QString &removed : oldText.split(u'\n')) {
            diff.append(u'-' + removed);
        }
        for (const QString &added : newText.split(u'\n')) {
            diff.append(u'+' + added);
        }
    }
    if (!dryRun) {
        QFile file(target.host);
        const QByteArray bytes = content.toUtf8();
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
            return errorResult(tr("Cannot write %1: %2").arg(path, file.errorString()));
        }
    }
    return textResult(diff.join(u'\n'));
}

QJsonObject ToolRunner::State::searchFiles(const WorkspacePath &workspace, Arguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    const QString pattern = a.string(QStringLiteral("pattern"), true);
    QStringList excludes;
    const QJsonValue excludeValue = a.value(QStringLiteral("excludePatterns"));
    if (excludeValue.isArray()) {
        for (const QJsonValue &item : excludeValue.toArray()) {
            excludes.append(item.toString());
        }
    } else {
        excludes = a.string(QStringLiteral("excludePatterns"), false).split(u',');
    }
    if (!a.ok()) {
        return errorResult(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return errorResult(target.error);
    }
    if (!QFileInfo(target.host).isDir()) {
        return errorResult(tr("Not a directory: %1").arg(path));
    }
    const QRegularExpression match = namePattern(pattern);
    const bool matchPath = pattern.contains(u'/');
    QList<QRegularExpression> excluded;
    for (const QString &exclude : std::as_const(excludes)) {
        if (!exclude.trimmed().isEmpty()) {
            excluded.append(QRegularExpression(QRegularExpression::wildcardToRegularExpression(
                                                   exclude.trimmed(), QRegularExpression::UnanchoredWildcardConversion),
                QRegularExpression::CaseInsensitiveOption));
        }
    }

    QStringList found;
    QStringList pending{QString()};
    int visited = 0;
    while (!pending.isEmpty() && visited < kMaxVisitedEntries && found.size() < kMaxSearchResults) {
        const QString relative = pending.takeFirst();
        const QFileInfoList infos =
            QDir(target.host + u'/' + relative)
                .entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
        for (const QFileInfo &info : infos) {
            ++visited;
            const QString childRelative = relative.isEmpty() ? info.fileName() : relative + u'/' + info.fileName();
            bool skip = false;
            for (const QRegularExpression &exclude : std::as_const(excluded)) {
                if (matchesWhole(exclude, info.fileName()) || matchesWhole(exclude, childRelative)) {
                    skip = true;
                    break;
                }
            }
            if (skip) {
                continue;
            }
            if (matchesWhole(match, matchPath ? childRelative : info.fileName())) {
                found.append(workspace.insideFor(info.absoluteFilePath()));
            }
            if (info.isDir() && !info.isSymLink()) {
                pending.append(childRelative);
            }
        }
    }
    if (found.isEmpty()) {
        return textResult(QStringLiteral("No matches found"));
    }
    return textResult(found.join(u'\n'));
}

QJsonObject ToolRunner::State::readMultipleFiles(const WorkspacePath &workspace, Arguments &a)
{
    const std::optional<QJsonArray> paths = a.array(QStringLiteral("paths"));
    if (!a.ok()) {
        return errorResult(a.error());
    }
    if (paths->isEmpty()) {
        return errorResult(tr("Argument \"paths\" must name at least one file"));
    }
    QStringList blocks;
    qint64 total = 0;
    for (const QJsonValue &value : *paths) {
        if (!value.isString()) {
            return errorResult(tr("Argument \"paths\" must be an array of strings"));
        }
        const QString path = value.toString();
        const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
        QString error = target.error;
        QString content;
        if (error.isEmpty() && QFileInfo(target.host).isDir()) {
            error = tr("%1 is a directory").arg(path);
        }
        if (error.isEmpty()) {
            const std::optional<QByteArray> data = readRange(target.host, 0, 0, &error);
            if (data) {
                total += data->size();
                if (total > ToolRunner::maxReadBytes) {
                    return errorResult(
                        tr("The files hold more than %1 bytes; read fewer at once").arg(ToolRunner::maxReadBytes));
                }
                content = QString::fromUtf8(*data);
            }
        }
        blocks.append(
            error.isEmpty() ? path + QStringLiteral(": ") + content : path + QStringLiteral(": Error - ") + error);
    }
    return textResult(blocks.join(QStringLiteral("\n---\n")));
}

QJsonObject ToolRunner::State::getFileChange(SessionSandbox *sandbox, const WorkspacePath &workspace, Arguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return errorResult(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return errorResult(target.error);
    }
    if (!QFileInfo(target.host).isDir()) {
        return errorResult(tr("Not a directory: %1").arg(path));
    }
    // Forget the watches of sessions that are gone.
    for (auto it = watches.begin(); it != watches.end();) {
        it = it->sandbox ? std::next(it) : watches.erase(it);
    }
    const QString key = sandbox->workspace() + u'|' + target.inside;
    const QHash<QString, Entry> now = snapshotTree(target.host);
    auto watch = watches.find(key);
    if (watch == watches.end()) {
        watches.insert(key, {sandbox, now});
        return textResult(QStringLiteral("[]"));
    }

    struct Event
    {
        QString type;
        QString path;
        bool isDir;
    };

    QList<Event> events;
    const QHash<QString, Entry> &before = watch->entries;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto old = before.constFind(it.key());
        if (old == before.cend()) {
            events.append({QStringLiteral("create"), it.key(), it->isDir});
        } else if (!it->isDir && (old->size != it->size || old->modifiedMs != it->modifiedMs)) {
            events.append({QStringLiteral("modify"), it.key(), false});
        }
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!now.contains(it.key())) {
            events.append({QStringLiteral("delete"), it.key(), it->isDir});
        }
    }
    std::sort(events.begin(), events.end(), [](const Event &l, const Event &r) {
        return l.path < r.path;
    });
    QJsonArray array;
    for (const Event &event : std::as_const(events)) {
        array.append(QJsonObject{{QStringLiteral("eventType"), event.type},
            {QStringLiteral("path"), QString(target.inside + u'/' + event.path)},
            {QStringLiteral("pathType"), event.isDir ? QStringLiteral("directory") : QStringLiteral("file")}});
    }
    watch->entries = now;
    return textResult(compactJson(array));
}

QJsonObject ToolRunner::State::getMetrics(SessionSandbox *sandbox)
{
    const auto readText = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    // CPU: busy share since the previous call (since boot on the first one).
    quint64 busy = 0;
    quint64 total = 0;
    const QList<QByteArray> cpu = readText(QStringLiteral("/proc/stat")).split('\n').value(0).simplified().split(' ');
    for (qsizetype i = 1; i < cpu.size(); ++i) {
        const quint64 value = cpu.at(i).toULongLong();
        total += value;
        if (i != 4 && i != 5) { // idle, iowait
            busy += value;
        }
    }
    // Memory, from /proc/meminfo (kB).
    qint64 memTotal = 0;
    qint64 memAvailable = 0;
    const QList<QByteArray> memLines = readText(QStringLiteral("/proc/meminfo")).split('\n');
    for (const QByteArray &line : memLines) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2 && parts.at(0) == "MemTotal:") {
            memTotal = parts.at(1).toLongLong() * 1024;
        } else if (parts.size() >= 2 && parts.at(0) == "MemAvailable:") {
            memAvailable = parts.at(1).toLongLong() * 1024;
        }
    }
    // Network: every interface but loopback (the session shares the host's network).
    double rx = 0;
    double tx = 0;
    const QList<QByteArray> netLines = readText(QStringLiteral("/proc/net/dev")).split('\n');
    for (const QByteArray &line : netLines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || line.left(colon).trimmed() == "lo") {
            continue;
        }
        const QList<QByteArray> fields = line.mid(colon + 1).simplified().split(' ');
        if (fields.size() >= 9) {
            rx += fields.at(0).toDouble();
            tx += fields.at(8).toDouble();
        }
    }

    struct statvfs disk
    {
    };

    qint64 diskTotal = 0;
    qint64 diskUsed = 0;
    if (::statvfs(QFile::encodeName(sandbox->workspace()).constData(), &disk) == 0) {
        diskTotal = qint64(disk.f_blocks) * qint64(disk.f_frsize);
        diskUsed = qint64(disk.f_blocks - disk.f_bfree) * qint64(disk.f_frsize);
    }

    const qint64 nowMs = clock.elapsed();
    double cpuPct = total > 0 ? 100.0 * double(busy) / double(total) : 0.0;
    double rxRate = 0;
    double txRate = 0;
    if (lastSample && nowMs > lastSample->atMs) {
        const double seconds = double(nowMs - lastSample->atMs) / 1000.0;
        rxRate = qMax(0.0, rx - lastSample->rxBytes) / 1024.0 / seconds;
        txRate = qMax(0.0, tx - lastSample->txBytes) / 1024.0 / seconds;
        if (total > lastSample->cpuTotal) {
            cpuPct = 100.0 * double(busy - lastSample->cpuBusy) / double(total - lastSample->cpuTotal);
        }
    }
    lastSample = NetSample{nowMs, rx, tx, busy, total};
    const auto round2 = [](double value) {
        return std::round(value * 100.0) / 100.0;
    };

    const QJsonObject metrics{{QStringLiteral("cpu_count"), int(::sysconf(_SC_NPROCESSORS_ONLN))},
        {QStringLiteral("cpu_used_pct"), round2(cpuPct)},
        {QStringLiteral("mem_total"), memTotal},
        {QStringLiteral("mem_used"), memTotal - memAvailable},
        {QStringLiteral("disk_total"), diskTotal},
        {QStringLiteral("disk_used"), diskUsed},
        {QStringLiteral("rx_rate_kbyte_per_s"), round2(rxRate)},
        {QStringLiteral("tx_rate_kbyte_per_s"), round2(txRate)},
        {QStringLiteral("rx_used_kbyte"), round2(rx / 1024.0)},
        {QStringLiteral("tx_used_kbyte"), round2(tx / 1024.0)},
        {QStringLiteral("timestamp"),
            QDateTime::currentDateTime()
                .toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
                .toString(Qt::ISODate)}};
    return textResult(compactJson(metrics));
}

} // namespace AgentBay::Server
