// SPDX-License-Identifier: MIT
#include "activitydock.h"

#include "activitylogview.h"

#include <QAction>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

ActivityDock::ActivityDock(ActivityLogModel *log, QWidget *parent)
    : QDockWidget(tr("Activity"), parent)
{
    setObjectName(u"activityDock"_s); // the window's saved state names it
    setFeatures(DockWidgetClosable | DockWidgetMovable | DockWidgetFloatable);
    toggleViewAction()->setIcon(QIcon(u":/icons/activity.svg"_s));
    toggleViewAction()->setText(tr("&Activity Log"));
    toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    setWidget(new ActivityLogView(log, this));
}

ActivityDock::~ActivityDock() = default;

} // namespace AgentBay::Ui
