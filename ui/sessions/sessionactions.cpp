// SPDX-License-Identifier: MIT
#include "sessionactions.h"

#include <ui/services/sessionstore.h>

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

QAction *makeAction(const QString &iconName, const QString &text, const QKeySequence &shortcut, QObject *parent)
{
    auto *action = new QAction(QIcon(u":/icons/"_s + iconName + u".svg"_s), text, parent);
    action->setShortcut(shortcut);
    // A toolbar button drops the "&" but would keep the brackets of a Chinese-style mnemonic
    // ("暂停(&P)" read "暂停(P)").
    static const QRegularExpression bracketMnemonic(u"\\s*\\(&\\w\\)"_s);
    if (text.contains(bracketMnemonic)) {
        action->setIconText(QString(text).remove(bracketMnemonic));
    }
    return action;
}

} // namespace

SessionActions::SessionActions(QWidget *parent)
    : QObject(parent)
    , m_create(makeAction(u"create"_s, tr("&New Session…"), QKeySequence::New, parent))
    , m_pause(makeAction(u"pause"_s, tr("&Pause"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), parent))
    , m_resume(makeAction(u"resume"_s, tr("&Resume"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), parent))
    , m_delete(makeAction(u"delete"_s, tr("&Delete…"), QKeySequence::Delete, parent))
    , m_refresh(makeAction(u"refresh"_s, tr("Re&fresh"), QKeySequence::Refresh, parent))
    , m_openDesktop(makeAction(u"open-desktop"_s, tr("&Open Desktop"), QKeySequence(Qt::CTRL | Qt::Key_O), parent))
    , m_copyId(makeAction(u"copy"_s, tr("&Copy Session ID"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), parent))
{
    m_create->setToolTip(tr("Create a session (Ctrl+N)"));
    m_create->setIconText(tr("New"));
    m_pause->setToolTip(tr("Pause the selected running sessions (Ctrl+Shift+P)"));
    m_resume->setToolTip(tr("Resume the selected paused sessions (Ctrl+Shift+R)"));
    m_delete->setIconText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected sessions (Del)"));
    m_refresh->setToolTip(tr("Refresh the session list now (F5)"));
    m_openDesktop->setIconText(tr("Desktop"));
    m_openDesktop->setToolTip(tr("Open the desktop of the selected sessions in the browser (Ctrl+O)"));
    m_copyId->setToolTip(tr("Copy the selected session ids (Ctrl+Shift+C)"));
}

SessionActions::~SessionActions() = default;

void SessionActions::update(const SessionStore *store, const QStringList &ids)
{
    bool pause = false;
    bool resume = false;
    bool remove = false;
    bool open = false;
    for (const QString &id : ids) {
        if (const SessionRow *row = store->find(id)) {
            pause |= Core::canPause(row->status);
            resume |= Core::canResume(row->status);
            remove |= Core::canDelete(row->status);
            open |= Core::canOpen(row->status);
        }
    }
    m_pause->setEnabled(pause);
    m_resume->setEnabled(resume);
    m_delete->setEnabled(remove);
    m_openDesktop->setEnabled(open);
    m_copyId->setEnabled(!ids.isEmpty());
}

void SessionActions::scopeShortcutsTo(QWidget *table)
{
    for (QAction *action : {m_pause, m_resume, m_delete, m_openDesktop, m_copyId}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        table->addAction(action);
    }
}

void SessionActions::fillContextMenu(QMenu *menu) const
{
    menu->addActions({m_openDesktop, m_copyId});
    menu->addSeparator();
    menu->addActions({m_pause, m_resume, m_delete});
    menu->addSeparator();
    menu->addActions({m_create, m_refresh});
}

} // namespace AgentBay::Ui
