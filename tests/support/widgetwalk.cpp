// SPDX-License-Identifier: MIT
#include "widgetwalk.h"

#include <QAction>

namespace AgentBay::Test {

WidgetWalk::WidgetWalk(QWidget *root)
    : m_root(root)
{
}

QList<QWidget *> WidgetWalk::widgets() const
{
    QList<QWidget *> all = m_root->findChildren<QWidget *>();
    all.prepend(m_root);
    return all;
}

void WidgetWalk::visit(
    const std::function<void(QWidget *)> &onWidget, const std::function<void(QAction *)> &onAction) const
{
    const QList<QWidget *> all = widgets();
    for (QWidget *widget : all) {
        onWidget(widget);
        const auto actions = widget->actions();
        for (QAction *action : actions) {
            onAction(action);
        }
    }
}

QAction *WidgetWalk::actionWithText(const QString &text) const
{
    QAction *found = nullptr;
    visit([](QWidget *) {},
        [&](QAction *action) {
            if (!found && action->text() == text) {
                found = action;
            }
        });
    return found;
}

} // namespace AgentBay::Test
