// SPDX-License-Identifier: MIT
#include "sessioncommands.h"

#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/sessionactions.h>
#include <ui/sessions/sessiontableview.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>

#include <algorithm>

namespace AgentBay::Ui {

SessionCommands::SessionCommands(SessionController *controller, SessionActions *actions, SessionTableView *table)
    : QObject(table)
    , m_controller(controller)
    , m_actions(actions)
    , m_table(table)
{
    m_confirmDelete = [this](const QStringList &ids, bool anyPaused) {
        const bool allPaused = anyPaused && std::ranges::all_of(ids, [this](const QString &id) {
            const SessionRow *row = m_controller->store()->find(id);
            return row && row->status == Core::SessionStatus::Paused;
        });
        return DeleteSessionsDialog::ask(m_table->window(), ids, anyPaused, allPaused);
    };
    connect(actions->pause(), &QAction::triggered, this, &SessionCommands::pauseSelected);
    connect(actions->resume(), &QAction::triggered, this, &SessionCommands::resumeSelected);
    connect(actions->remove(), &QAction::triggered, this, &SessionCommands::deleteSelected);
    connect(actions->openDesktop(), &QAction::triggered, this, &SessionCommands::openDesktopSelected);
    connect(actions->copyId(), &QAction::triggered, this, &SessionCommands::copySelectedIds);
    connect(table, &QWidget::customContextMenuRequested, this, &SessionCommands::showContextMenu);
    connect(table, &QAbstractItemView::doubleClicked, this, [this] {
        if (m_actions->openDesktop()->isEnabled()) {
            openDesktopSelected();
        }
    });
}

SessionCommands::~SessionCommands() = default;

QStringList SessionCommands::selectedWhere(bool (*allowed)(Core::SessionStatus)) const
{
    QStringList ids = m_table->selectedIds();
    ids.removeIf([this, allowed](const QString &id) {
        const SessionRow *row = m_controller->store()->find(id);
        return !row || !allowed(row->status);
    });
    return ids;
}

void SessionCommands::pauseSelected()
{
    m_controller->pause(m_table->selectedIds());
    Q_EMIT issued();
}

void SessionCommands::resumeSelected()
{
    m_controller->resume(m_table->selectedIds());
    Q_EMIT issued();
}

void SessionCommands::deleteSelected()
{
    const SessionStore *store = m_controller->store();
    const auto isPaused = [store](const QString &id) {
        const SessionRow *row = store->find(id);
        return row && row->status == Core::SessionStatus::Paused;
    };
    QStringList ids = selectedWhere(&Core::canDelete);
    const bool anyPaused = std::any_of(ids.cbegin(), ids.cend(), isPaused);
    const DeleteChoice choice = ids.isEmpty() ? DeleteChoice::Cancel : m_confirmDelete(ids, anyPaused);
    if (choice == DeleteChoice::Delete && anyPaused) {
        ids.removeIf(isPaused); // "Delete Others": the paused ones would only be refused
    }
    if (choice == DeleteChoice::Cancel || ids.isEmpty()) {
        return;
    }
    m_table->selectAfterRemoval(m_table->firstSelectedRow());
    m_controller->remove(ids, choice == DeleteChoice::ResumeThenDelete);
    Q_EMIT issued();
}

void SessionCommands::openDesktopSelected()
{
    m_controller->openDesktop(selectedWhere(&Core::canOpen));
}

void SessionCommands::copySelectedIds()
{
    const QStringList ids = m_table->selectedIds();
    if (ids.isEmpty()) {
        return;
    }
    QApplication::clipboard()->setText(ids.join(u'\n'));
    Q_EMIT message(
        ids.size() == 1 ? tr("Copied %1").arg(ids.first()) : tr("Copied %n session id(s)", nullptr, ids.size()), 3000);
}

void SessionCommands::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (index.isValid() && !m_table->selectionModel()->isRowSelected(index.row(), {})) {
        m_table->selectIndex(index);
    }
    QMenu menu(m_table);
    m_actions->fillContextMenu(&menu);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

} // namespace AgentBay::Ui
