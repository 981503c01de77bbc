// SPDX-License-Identifier: MIT
#include "filechangetool.h"

#include <server/sandbox/sessionsandbox.h>
#include <server/tools/sessionfiles.h>
#include <server/tools/toolinvocation.h>

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace AgentBay::Server {

void FileChangeTool::changes(const ToolInvocation &call)
{
    ToolArguments a = call.args;
    const QString path = a.string(QStringLiteral("path"), true);
    if (!a.ok()) {
        return call.deliver(ToolResult::error(a.error()));
    }
    const QString inside = SessionFiles::inside(call, path);
    const QPointer<SessionSandbox> sandbox(call.sandbox);
    const ToolResult::Done deliver = call.deliver;
    // The tool outlives every call (ToolRunner owns it), and the reply comes on its thread.
    SessionFiles::ask(call,
        SessionFiles::pathRequest(AgentProtocol::Op::Walk, path),
        [this, deliver, path, inside, sandbox](const SandboxAgent::Reply &r) {
            if (!r.ok()) {
                return deliver(ToolResult::error(SessionFiles::errorText(r, path)));
            }
            QHash<QString, Entry> now;
            for (const std::string_view value : r.message.all(AgentProtocol::Tag::Entry)) {
                if (const std::optional<AgentEntry> entry = AgentEntry::decode(value)) {
                    const bool isDir = entry->isRealDirectory();
                    now.insert(SessionFiles::name(entry->name), {isDir, isDir ? 0 : entry->size, entry->modifiedMs});
                }
            }
            // Forget the watches of sessions that are gone.
            for (auto it = m_watches.begin(); it != m_watches.end();) {
                it = it->sandbox ? std::next(it) : m_watches.erase(it);
            }
            if (!sandbox) {
                return deliver(ToolResult::error(tr("The session was terminated")));
            }
            const QString key = sandbox->workspace() + u'|' + inside;
            auto watch = m_watches.find(key);
            if (watch == m_watches.end()) {
                m_watches.insert(key, {sandbox, now});
                return deliver(ToolResult::text(QStringLiteral("[]")));
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
                    {QStringLiteral("path"), QString(inside + u'/' + event.path)},
                    {QStringLiteral("pathType"), event.isDir ? QStringLiteral("directory") : QStringLiteral("file")}});
            }
            watch->entries = now;
            deliver(ToolResult::text(ToolResult::compactJson(array)));
        });
}

} // namespace AgentBay::Server
