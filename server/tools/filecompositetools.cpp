// SPDX-License-Identifier: MIT
#include "filecompositetools.h"

#include <server/tools/filetools.h>
#include <server/tools/sessionfiles.h>
#include <server/tools/toolinvocation.h>

#include <QRegularExpression>
#include <QSet>

#include <cerrno>
#include <memory>

namespace AgentBay::Server {

namespace {

using AgentProtocol::Op;
using Tag = AgentProtocol::Tag;

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

struct MultipleReads
{
    explicit MultipleReads(const ToolInvocation &invocation)
        : call(invocation)
    {
    }

    ToolInvocation call;
    QStringList paths;
    QStringList blocks;
    qint64 total = 0;
};

void readNext(const std::shared_ptr<MultipleReads> &state)
{
    if (state->blocks.size() == state->paths.size()) {
        return state->call.deliver(ToolResult::text(state->blocks.join(QStringLiteral("\n---\n"))));
    }
    const QString path = state->paths.at(state->blocks.size());
    AgentMessage read = SessionFiles::pathRequest(Op::Read, path);
    read.addInt(Tag::Limit, FileTools::maxReadBytes - state->total);
    SessionFiles::ask(state->call, read, [state, path](const SandboxAgent::Reply &r) {
        if (r.error.isEmpty() && r.errorNumber() == EFBIG) {
            return state->call.deliver(
                ToolResult::error(FileCompositeTools::tr("The files hold more than %1 bytes; read fewer at once")
                                      .arg(FileTools::maxReadBytes)));
        }
        if (!r.error.isEmpty()) {
            return state->call.deliver(ToolResult::error(r.error));
        }
        if (!r.ok()) {
            state->blocks.append(path + QStringLiteral(": Error - ") + SessionFiles::errorText(r, path));
        } else {
            const std::string_view data = r.message.text(Tag::Data);
            state->total += qint64(data.size());
            state->blocks.append(path + QStringLiteral(": ") + QString::fromUtf8(data.data(), qsizetype(data.size())));
        }
        readNext(state);
    });
}

} // namespace

void FileCompositeTools::editFile(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString path = a.string(QStringLiteral("path"), true);
    const std::optional<QJsonArray> edits = a.array(QStringLiteral("edits"));
    const bool dryRun = a.boolean(QStringLiteral("dryRun"), false);
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    if (edits->isEmpty()) {
        return call.deliver(ToolResult::error(tr("Argument \"edits\" must hold at least one edit")));
    }
    AgentMessage read = SessionFiles::pathRequest(Op::Read, path);
    read.addInt(Tag::Limit, FileTools::maxReadBytes);
    const QString inside = SessionFiles::inside(call, path);
    SessionFiles::ask(call, read, [call, path, inside, edits = *edits, dryRun](const SandboxAgent::Reply &r) {
        const int error = r.errorNumber();
        if (r.error.isEmpty() && (error == EISDIR || error == EINVAL)) {
            return call.deliver(ToolResult::error(tr("%1 is not a file").arg(path)));
        }
        if (!r.ok()) {
            return call.deliver(ToolResult::error(SessionFiles::errorText(r, path)));
        }
        const std::string_view data = r.message.text(Tag::Data);
        QString content = QString::fromUtf8(data.data(), qsizetype(data.size()));
        QStringList diff{QStringLiteral("--- ") + inside, QStringLiteral("+++ ") + inside};
        for (qsizetype i = 0; i < edits.size(); ++i) {
            const QJsonObject edit = edits.at(i).toObject();
            if (!edit.value(QStringLiteral("oldText")).isString()
                || !edit.value(QStringLiteral("newText")).isString()) {
                return call.deliver(
                    ToolResult::error(tr("Edit %1 needs string fields \"oldText\" and \"newText\"").arg(i + 1)));
            }
            const QString oldText = edit.value(QStringLiteral("oldText")).toString();
            const QString newText = edit.value(QStringLiteral("newText")).toString();
            const qsizetype at = oldText.isEmpty() ? -1 : content.indexOf(oldText);
            if (at < 0) {
                return call.deliver(
                    ToolResult::error(tr("Edit %1: the text to replace was not found in %2").arg(i + 1).arg(path)));
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
        const QString text = diff.join(u'\n');
        if (dryRun) {
            return call.deliver(ToolResult::text(text));
        }
        const QByteArray bytes = content.toUtf8();
        AgentMessage write = SessionFiles::pathRequest(Op::Write, path);
        write.add(Tag::Data, std::string_view(bytes.constData(), size_t(bytes.size())));
        SessionFiles::ask(call, write, [call, path, text](const SandboxAgent::Reply &w) {
            if (!w.ok()) {
                return call.deliver(ToolResult::error(w.error.isEmpty() && w.errorNumber() != EDQUOT
                        ? tr("Cannot write %1: %2").arg(path, qt_error_string(w.errorNumber()))
                        : SessionFiles::errorText(w, path)));
            }
            call.deliver(ToolResult::text(text));
        });
    });
}

void FileCompositeTools::searchFiles(const ToolInvocation &call)
{
    ToolArguments a = call.args;
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
        return call.deliver(ToolResult::error(a.error()));
    }
    QList<QRegularExpression> excluded;
    for (const QString &exclude : std::as_const(excludes)) {
        if (!exclude.trimmed().isEmpty()) {
            excluded.append(QRegularExpression(QRegularExpression::wildcardToRegularExpression(
                                                   exclude.trimmed(), QRegularExpression::UnanchoredWildcardConversion),
                QRegularExpression::CaseInsensitiveOption));
        }
    }
    const QString inside = SessionFiles::inside(call, path);
    const ToolResult::Done deliver = call.deliver;
    SessionFiles::ask(call,
        SessionFiles::pathRequest(Op::Walk, path),
        [deliver, path, pattern, excluded, inside](const SandboxAgent::Reply &r) {
            if (!r.ok()) {
                return deliver(ToolResult::error(SessionFiles::errorText(r, path)));
            }
            const QRegularExpression match = namePattern(pattern);
            const bool matchPath = pattern.contains(u'/');
            QSet<QString> skipped; // excluded directories: what lies below them is skipped too
            QStringList found;
            for (const std::string_view value : r.message.all(Tag::Entry)) {
                const std::optional<AgentEntry> entry = AgentEntry::decode(value);
                if (!entry) {
                    continue;
                }
                const QString relative = SessionFiles::name(entry->name);
                const qsizetype slash = relative.lastIndexOf(u'/');
                const QString fileName = relative.mid(slash + 1);
                bool skip = slash >= 0 && skipped.contains(relative.left(slash));
                for (const QRegularExpression &exclude : std::as_const(excluded)) {
                    skip = skip || matchesWhole(exclude, fileName) || matchesWhole(exclude, relative);
                }
                if (skip) {
                    if (entry->isRealDirectory()) {
                        skipped.insert(relative);
                    }
                    continue;
                }
                if (matchesWhole(match, matchPath ? relative : fileName)) {
                    found.append(inside == u"/" ? QString(u'/' + relative) : QString(inside + u'/' + relative));
                    if (found.size() >= maxSearchResults) {
                        break;
                    }
                }
            }
            deliver(ToolResult::text(found.isEmpty() ? QStringLiteral("No matches found") : found.join(u'\n')));
        });
}

void FileCompositeTools::readMultipleFiles(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const std::optional<QJsonArray> paths = a.array(QStringLiteral("paths"));
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    if (paths->isEmpty()) {
        return call.deliver(ToolResult::error(tr("Argument \"paths\" must name at least one file")));
    }
    auto state = std::make_shared<MultipleReads>(call);
    for (const QJsonValue &value : *paths) {
        if (!value.isString()) {
            return call.deliver(ToolResult::error(tr("Argument \"paths\" must be an array of strings")));
        }
        state->paths.append(value.toString());
    }
    readNext(state);
}

} // namespace AgentBay::Server
