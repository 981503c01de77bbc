// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <functional>

class QAction;

namespace AgentBay::Test {

// Visits a window and everything in it: the root, every widget below it (the dialogs it
// parents included), and the actions each one carries, in a fixed order. The tests that check
// what every control shows or says (translations, accessible names, contrast) walk the same
// tree; one walk means none of them misses a widget another one sees.
class WidgetWalk
{
public:
    explicit WidgetWalk(QWidget *root);

    // The root first, then its descendants depth first (QObject::findChildren's order).
    QList<QWidget *> widgets() const;

    // Those of widgets() that are a T.
    template <typename T>
    QList<T *> widgetsOf() const
    {
        QList<T *> found;
        for (QWidget *widget : widgets()) {
            if (auto *t = qobject_cast<T *>(widget)) {
                found.append(t);
            }
        }
        return found;
    }

    // Each widget, then each of its own actions (QWidget::actions()), before the next widget.
    void visit(const std::function<void(QWidget *)> &onWidget, const std::function<void(QAction *)> &onAction) const;

    // The first action in the walk whose text is text; null when there is none.
    QAction *actionWithText(const QString &text) const;

private:
    QWidget *m_root = nullptr;
};

} // namespace AgentBay::Test
