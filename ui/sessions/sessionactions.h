// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace AgentBay::Ui {

class SessionStore;

// The lifecycle actions on the selected sessions (new, pause, resume, delete, open desktop,
// copy id, refresh) with their icons, shortcuts and tooltips, enabled where the sessions'
// status allows. The window connects what they do.
class SessionActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionActions)

public:
    explicit SessionActions(QWidget *parent);
    ~SessionActions() override;

    QAction *create() const { return m_create; }

    QAction *pause() const { return m_pause; }

    QAction *resume() const { return m_resume; }

    QAction *remove() const { return m_delete; }

    QAction *refresh() const { return m_refresh; }

    QAction *openDesktop() const { return m_openDesktop; }

    QAction *copyId() const { return m_copyId; }

    // The actions on the selection answer their shortcuts only while the focus is in the
    // session table (Delete in a label editor must not delete the session).
    void scopeShortcutsTo(QWidget *table);

    // Enables each action if at least one of the sessions allows it.
    void update(const SessionStore *store, const QStringList &ids);

    // The Session menu's and the toolbar's groups: pause, resume, delete | open, copy | refresh.
    template <typename MenuOrToolBar>
    void fillLifecycleGroups(MenuOrToolBar *bar) const
    {
        bar->addActions({m_pause, m_resume, m_delete});
        bar->addSeparator();
        bar->addActions({m_openDesktop, m_copyId});
        bar->addSeparator();
        bar->addAction(m_refresh);
    }

    // The table's context menu: open and copy, the lifecycle, then new and refresh.
    void fillContextMenu(QMenu *menu) const;

private:
    QAction *m_create;
    QAction *m_pause;
    QAction *m_resume;
    QAction *m_delete;
    QAction *m_refresh;
    QAction *m_openDesktop;
    QAction *m_copyId;
};

} // namespace AgentBay::Ui
