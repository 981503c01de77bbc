// SPDX-License-Identifier: MIT
#include "toolbadges.h"

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

QList<ToolBadges::Badge> ToolBadges::badges(const Core::McpTool &tool)
{
    QList<Badge> out;
    const Core::McpToolAnnotations &hints = tool.annotations;
    if (hints.readOnly.value_or(false)) {
        out.append({tr("read-only"), u"#2e7d32"_s, tr("Does not change its environment")});
    }
    if (hints.isDestructive()) {
        out.append({tr("destructive"), u"#c62828"_s, tr("May delete or overwrite data; asks before it runs")});
    }
    if (hints.idempotent.value_or(false)) {
        out.append(
            {tr("idempotent"), u"#1565c0"_s, tr("Calling it again with the same arguments changes nothing more")});
    }
    if (hints.openWorld.value_or(false)) {
        out.append({tr("open world"), u"#6a1b9a"_s, tr("May reach outside the session (e.g. the network)")});
    }
    if (!tool.outputSchema.isEmpty()) {
        out.append({tr("output schema"), u"#455a64"_s, tr("Declares the shape of its result; results are checked")});
    }
    return out;
}

QString ToolBadges::html(const Core::McpTool &tool)
{
    QStringList chips;
    for (const Badge &badge : badges(tool)) {
        chips.append(u"<span title=\"%3\" style=\"background:%2; color:white;\">&nbsp;%1&nbsp;</span>"_s.arg(
            badge.text.toHtmlEscaped(), badge.color, badge.tip.toHtmlEscaped()));
    }
    return chips.join(u"&nbsp;"_s);
}

QString ToolBadges::plain(const Core::McpTool &tool)
{
    QStringList words;
    for (const Badge &badge : badges(tool)) {
        words.append(badge.text);
    }
    return words.join(u", "_s);
}

} // namespace AgentBay::Ui
