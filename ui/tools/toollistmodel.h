// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/mcptool.h>

#include <QList>
#include <QStandardItemModel>

namespace AgentBay::Ui {

// A session's MCP tools grouped by server: server rows with their tools as children.
// SearchTextRole (name and description) drives ToolBrowser's recursive filter proxy.
class ToolListModel final : public QStandardItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolListModel)

public:
    enum Role {
        ToolNameRole = Qt::UserRole + 1, // empty on server rows
        ServerRole,
        SearchTextRole,
    };

    explicit ToolListModel(QObject *parent = nullptr);
    ~ToolListModel() override;

    void setTools(const QList<Core::McpTool> &tools);

    const QList<Core::McpTool> &tools() const { return m_tools; }

    std::optional<Core::McpTool> tool(const QString &name) const;
    QModelIndex indexOfTool(const QString &name) const;

private:
    QList<Core::McpTool> m_tools;
};

} // namespace AgentBay::Ui
