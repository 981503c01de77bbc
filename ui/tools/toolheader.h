// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/mcptool.h>

#include <QWidget>

#include <optional>

class QLabel;

namespace AgentBay::Ui {

// The tool's name, server, annotation badges (ToolBadges) and description above its form.
class ToolHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolHeader)

public:
    explicit ToolHeader(QWidget *parent = nullptr);
    ~ToolHeader() override;

    // No tool: "Pick a tool" (or nothing at all without a session).
    void setTool(const std::optional<Core::McpTool> &tool, bool noSession);

private:
    QLabel *m_name = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_badges = nullptr;
    QLabel *m_description = nullptr;
};

} // namespace AgentBay::Ui
