// SPDX-License-Identifier: MIT
#include "filechangetool.h"

#include <server/sandbox/sessionsandbox.h>
#include <server/tools/toolresult.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace AgentBay::Server {

namespace {
constexpr int maxVisitedEntries = 200000;
} // namespace

QHash<QString, FileChangeTool::Entry> FileChangeTool::snapshotTree(const QString &root)
{
    QHash<QString, Entry> entries;
    QStringList pending{QString()};
    while (!pending.isEmpty() && entries.size() < maxVisitedEntries) {
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

QJsonObject FileChangeTool::changes(SessionSandbox *sandbox, const WorkspacePath &workspace, ToolArguments &a)
{
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return ToolResult::error(a.error());
    }
    const WorkspacePath::Resolved target = workspace.resolve(path, WorkspacePath::Mode::Existing);
    if (!target.ok()) {
        return ToolResult::error(target.error);
    }
    if (!QFileInfo(target.host).isDir()) {
        return ToolResult::error(tr("Not a directory: %1").arg(path));
    }
    // Forget the watches of sessions that are gone.
    for (auto it = m_watches.begin(); it != m_watches.end();) {
        it = it->sandbox ? std::next(it) : m_watches.erase(it);
    }
    const QString key = sandbox->workspace() + u'|' + target.inside;
    const QHash<QString, Entry> now = snapshotTree(target.host);
    auto watch = m_watches.find(key);
    if (watch == m_watches.end()) {
        m_watches.insert(key, {sandbox, now});
        return ToolResult::text(QStringLiteral("[]"));
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
    return ToolResult::text(ToolResult::compactJson(array));
}

} // namespace AgentBay::Server
