// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/session.h>
#include <ui/sessions/deletesessionsdialog.h>

#include <QObject>

#include <functional>

class QPoint;

namespace AgentBay::Ui {

class SessionActions;
class SessionController;
class SessionTableView;

// What the lifecycle actions do to the sessions selected in the table: pause, resume, delete
// (asking first), open the desktop and copy the ids, each on the selected sessions whose
// status allows it; the table's context menu and double-click too.
class SessionCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionCommands)

public:
    using DeleteChoice = DeleteSessionsDialog::Choice;
    // Asks the user; tests replace it. anyPaused: offer "resume, then delete".
    using DeleteConfirmer = std::function<DeleteChoice(const QStringList &ids, bool anyPaused)>;

    // Connects the actions' triggered signals; the delete dialog opens over the table's window.
    SessionCommands(SessionController *controller, SessionActions *actions, SessionTableView *table);
    ~SessionCommands() override;

    void setDeleteConfirmer(DeleteConfirmer confirmer) { m_confirmDelete = std::move(confirmer); }

    void pauseSelected();
    void resumeSelected();
    void deleteSelected();
    void openDesktopSelected();
    void copySelectedIds();

Q_SIGNALS:
    // A command went out: the actions' enabled states may change with the sessions' status.
    void issued();
    void message(const QString &text, int timeoutMs);

private:
    // The selected sessions whose status allows an action (Core::canDelete, ...).
    QStringList selectedWhere(bool (*allowed)(Core::SessionStatus)) const;
    void showContextMenu(const QPoint &pos);

    SessionController *m_controller;
    SessionActions *m_actions;
    SessionTableView *m_table;
    DeleteConfirmer m_confirmDelete;
};

} // namespace AgentBay::Ui
