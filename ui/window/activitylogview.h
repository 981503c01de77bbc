// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>

namespace AgentBay::Ui {

class ActivityLogModel;

// The request log table: fixed-width time, session and request id columns, the outcome
// stretched, and it follows new requests only while the user looks at the newest ones.
class ActivityLogView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityLogView)

public:
    explicit ActivityLogView(ActivityLogModel *log, QWidget *parent = nullptr);
    ~ActivityLogView() override;
};

} // namespace AgentBay::Ui
