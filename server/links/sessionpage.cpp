// SPDX-License-Identifier: MIT
#include "sessionpage.h"

#include <server/sandbox/sandboxlimits.h>
#include <server/sandbox/sessionsandbox.h>
#include <server/sessions/localsession.h>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>

namespace AgentBay::Server {

namespace {
constexpr int maxListedFiles = 200;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString head(const QString &title)
{
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>") + esc(title)
        + QStringLiteral("</title><style>"
                         "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
                         "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;"
                         "vertical-align:top}th{background:#f3f3f3}code,pre{font-family:monospace}"
                         ".status{display:inline-block;padding:.1em .6em;border-radius:1em;background:#e0f0e0}"
                         ".err{color:#a00}</style></head><body>");
}
} // namespace

QByteArray SessionPage::message(const QString &title, const QString &text)
{
    return (head(title) + QStringLiteral("<h1>") + esc(title) + QStringLiteral("</h1><p>") + esc(text)
        + QStringLiteral("</p></body></html>"))
        .toUtf8();
}

QByteArray SessionPage::render(const LocalSession &session)
{
    QString html = head(session.id());
    html += QStringLiteral("<h1>") + esc(session.id()) + QStringLiteral("</h1>");
    html += QStringLiteral("<p>") + esc(SessionPage::tr("Status"))
        + QStringLiteral(": <span class=\"status\" id=\"status\">") + esc(session.statusName())
        + QStringLiteral("</span></p>");

    const SessionSandbox *sandbox = session.sandbox();
    html += QStringLiteral("<table>");
    auto row = [&html](const QString &key, const QString &value) {
        html += QStringLiteral("<tr><th>") + esc(key) + QStringLiteral("</th><td>") + esc(value)
            + QStringLiteral("</td></tr>");
    };
    row(SessionPage::tr("Image"), session.imageId());
    row(SessionPage::tr("Created"),
        QLocale::c().toString(session.createdAt().toUTC(), QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    row(SessionPage::tr("Isolation"),
        sandbox ? sandbox->isolationName() : SessionPage::tr("none (sandbox not running)"));
    row(SessionPage::tr("Workspace"), session.workspace());
    if (sandbox) {
        // The session's walls, as its info (GetMcpResource) shows them.
        const QJsonObject walls = sandbox->describe();
        if (!walls.value(QStringLiteral("sandboxed")).toBool()) {
            row(SessionPage::tr("Warning"), walls.value(QStringLiteral("warning")).toString());
        } else {
            const QJsonObject network = walls.value(QStringLiteral("network")).toObject();
            row(SessionPage::tr("Session user"),
                SessionPage::tr("uid %1 inside, host uid %2, no capabilities, seccomp")
                    .arg(walls.value(QStringLiteral("uidInside")).toInt())
                    .arg(walls.value(QStringLiteral("hostUid")).toInt()));
            row(SessionPage::tr("Network"),
                network.value(QStringLiteral("mode")).toString()
                    + (network.contains(QStringLiteral("error"))
                            ? QStringLiteral(" (") + network.value(QStringLiteral("error")).toString() + u')'
                            : QString()));
            const QJsonObject limits = walls.value(QStringLiteral("limits")).toObject();
            const auto size = [&limits](const char *key) {
                return SandboxLimits::formatSize(limits.value(QLatin1String(key)).toInteger());
            };
            row(SessionPage::tr("Limits"),
                SessionPage::tr("%1 processes, memory %2, CPU weight %3, /tmp %4, workspace %5")
                    .arg(limits.value(QStringLiteral("pidsMax")).toInteger())
                    .arg(size("memoryMaxBytes"))
                    .arg(limits.value(QStringLiteral("cpuWeight")).toInt())
                    .arg(size("tmpSizeBytes"))
                    .arg(size("workspaceQuotaBytes")));
            if (limits.contains(QStringLiteral("notEnforced"))) {
                row(SessionPage::tr("Limits not enforced"), limits.value(QStringLiteral("notEnforced")).toString());
            }
        }
    }
    row(SessionPage::tr("Processes"),
        SessionPage::tr("Processes do not survive a restart of agentbay-local; files and labels do."));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>") + esc(SessionPage::tr("Labels")) + QStringLiteral("</h2>");
    const auto labels = session.labels();
    if (labels.isEmpty()) {
        html += QStringLiteral("<p>") + esc(SessionPage::tr("No labels.")) + QStringLiteral("</p>");
    } else {
        html += QStringLiteral("<table id=\"labels\"><tr><th>") + esc(SessionPage::tr("Key"))
            + QStringLiteral("</th><th>") + esc(SessionPage::tr("Value")) + QStringLiteral("</th></tr>");
        for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
            html += QStringLiteral("<tr><td>") + esc(it.key()) + QStringLiteral("</td><td>") + esc(it.value())
                + QStringLiteral("</td></tr>");
        }
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<h2>") + esc(SessionPage::tr("Workspace files"))
        + QStringLiteral("</h2><table id=\"files\"><tr><th>") + esc(SessionPage::tr("Path"))
        + QStringLiteral("</th><th>") + esc(SessionPage::tr("Size")) + QStringLiteral("</th></tr>");
    const QDir root(session.workspace());
    QDirIterator it(session.workspace(),
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
        QDirIterator::Subdirectories);
    int listed = 0;
    while (it.hasNext() && listed < maxListedFiles) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString size = info.isDir() ? SessionPage::tr("folder") : QLocale::c().formattedDataSize(info.size());
        html += QStringLiteral("<tr><td><code>") + esc(root.relativeFilePath(info.filePath()))
            + QStringLiteral("</code></td><td>") + esc(size) + QStringLiteral("</td></tr>");
        ++listed;
    }
    html += QStringLiteral("</table>");
    if (listed == 0) {
        html += QStringLiteral("<p>") + esc(SessionPage::tr("The workspace is empty.")) + QStringLiteral("</p>");
    } else if (it.hasNext()) {
        html += QStringLiteral("<p>") + esc(SessionPage::tr("Only the first %1 entries are shown.").arg(maxListedFiles))
            + QStringLiteral("</p>");
    }

    html += QStringLiteral("<h2>") + esc(SessionPage::tr("Recent tool calls")) + QStringLiteral("</h2>");
    const auto calls = session.recentToolCalls();
    if (calls.isEmpty()) {
        html += QStringLiteral("<p>") + esc(SessionPage::tr("No tool calls yet.")) + QStringLiteral("</p>");
    } else {
        html += QStringLiteral("<table id=\"calls\"><tr><th>") + esc(SessionPage::tr("Time"))
            + QStringLiteral("</th><th>") + esc(SessionPage::tr("Tool")) + QStringLiteral("</th><th>")
            + esc(SessionPage::tr("Arguments")) + QStringLiteral("</th><th>") + esc(SessionPage::tr("Result"))
            + QStringLiteral("</th><th>") + esc(SessionPage::tr("Duration")) + QStringLiteral("</th></tr>");
        for (const auto &call : calls) {
            html += QStringLiteral("<tr><td>") + esc(QLocale::c().toString(call.at.toUTC(), QStringLiteral("HH:mm:ss")))
                + QStringLiteral("</td><td>") + esc(call.tool) + QStringLiteral("</td><td><code>") + esc(call.arguments)
                + QStringLiteral("</code></td><td") + (call.isError ? QStringLiteral(" class=\"err\"") : QString())
                + QStringLiteral("><pre>") + esc(call.resultText) + QStringLiteral("</pre></td><td>")
                + esc(SessionPage::tr("%1 ms").arg(call.durationMs)) + QStringLiteral("</td></tr>");
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("</body></html>");
    return html.toUtf8();
}

} // namespace AgentBay::Server
