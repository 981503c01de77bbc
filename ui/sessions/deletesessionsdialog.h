// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QWidget;

namespace AgentBay::Ui {

// Asks before sessions are deleted for good. Never offers a plain Delete that can only fail:
// paused sessions are resumed first, or left alone.
class DeleteSessionsDialog
{
    Q_DECLARE_TR_FUNCTIONS(AgentBay::Ui::DeleteSessionsDialog)

public:
    enum class Choice {
        Cancel,
        Delete, // with paused sessions among them: the others only
        ResumeThenDelete,
    };

    static Choice ask(QWidget *parent, const QStringList &ids, bool anyPaused, bool allPaused);
};

} // namespace AgentBay::Ui
