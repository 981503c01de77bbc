// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/mcptool.h>

#include <QCoreApplication>
#include <QSet>
#include <QString>

class QWidget;

namespace AgentBay::Ui {

// Asks before a tool that declares destructiveHint runs ("Delete… on session X?"), with a
// "Don't ask again for this tool" box that holds while the app runs. The question is a modal
// QMessageBox named "destructiveConfirm".
class DestructiveCallGuard
{
    Q_DECLARE_TR_FUNCTIONS(DestructiveCallGuard)

public:
    // True when the call may go ahead (not destructive, trusted, or confirmed). target names
    // where it runs ("session s-1", "5 sessions"): a fan-out asks once for all of them.
    bool confirm(const Core::McpTool &tool, const QString &target, QWidget *parent);

    bool isTrusted(const QString &toolName) const { return m_trusted.contains(toolName); }

    void forget() { m_trusted.clear(); }

private:
    QSet<QString> m_trusted;
};

} // namespace AgentBay::Ui
