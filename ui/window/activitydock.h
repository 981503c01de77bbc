// SPDX-License-Identifier: MIT
#pragma once

#include <QDockWidget>

namespace AgentBay::Ui {

class ActivityLogModel;

// The Activity dock at the window's bottom: the request log, shown and hidden by its toggle
// action (View > Activity Log, Ctrl+J).
class ActivityDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityDock)

public:
    explicit ActivityDock(ActivityLogModel *log, QWidget *parent = nullptr);
    ~ActivityDock() override;
};

} // namespace AgentBay::Ui
