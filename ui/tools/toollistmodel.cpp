// SPDX-License-Identifier: MIT
#include "toollistmodel.h"

#include "toolbadges.h"

#include <ui/common/apppalette.h>

#include <QColor>
#include <QGuiApplication>
#include <QMap>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

ToolListModel::ToolListModel(QObject *parent)
    : QStandardItemModel(parent)
{
}

ToolListModel::~ToolListModel() = default;

void ToolListModel::setTools(const QList<Core::McpTool> &tools)
{
    if (tools == m_tools) {
        return;
    }
    m_tools = tools;
    clear();
    QMap<QString, QList<Core::McpTool>> byServer;
    for (const Core::McpTool &tool : tools) {
        byServer[tool.server.isEmpty() ? tr("(no server)") : tool.server].append(tool);
    }
    for (auto it = byServer.begin(); it != byServer.end(); ++it) {
        auto *server = new QStandardItem(tr("%1 (%2)").arg(it.key()).arg(it.value().size()));
        server->setData(it.key(), ServerRole);
        server->setToolTip(server->text()); // the narrow list may elide it
        server->setSelectable(false);
        server->setEditable(false);
        QFont font = server->font();
        font.setWeight(QFont::DemiBold);
        server->setFont(font);
        QList<Core::McpTool> sorted = it.value();
        std::sort(sorted.begin(), sorted.end(), [](const Core::McpTool &a, const Core::McpTool &b) {
            return a.name < b.name;
        });
        for (const Core::McpTool &tool : std::as_const(sorted)) {
            auto *item = new QStandardItem(tool.name);
            item->setEditable(false);
            item->setData(tool.name, ToolNameRole);
            item->setData(tool.server, ServerRole);
            // The annotation badges in words: in the tooltip, and searchable ("read-only").
            const QString badges = ToolBadges::plain(tool);
            item->setData(
                QString(tool.name + u'\n' + tool.description + (badges.isEmpty() ? QString() : u'\n' + badges)),
                SearchTextRole);
            item->setToolTip(badges.isEmpty() ? tool.description : u'[' + badges + u"]\n"_s + tool.description);
            if (tool.annotations.isDestructive()) {
                item->setForeground(
                    AppPalette::errorText(QGuiApplication::palette())); // the form asks before these run
            }
            server->appendRow(item);
        }
        appendRow(server);
    }
}

std::optional<Core::McpTool> ToolListModel::tool(const QString &name) const
{
    for (const Core::McpTool &tool : m_tools) {
        if (tool.name == name) {
            return tool;
        }
    }
    return std::nullopt;
}

QModelIndex ToolListModel::indexOfTool(const QString &name) const
{
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex server = index(row, 0);
        for (int child = 0; child < rowCount(server); ++child) {
            const QModelIndex tool = index(child, 0, server);
            if (tool.data(ToolNameRole).toString() == name) {
                return tool;
            }
        }
    }
    return {};
}

} // namespace AgentBay::Ui
