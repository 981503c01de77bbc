// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace AgentBay::Ui {

// A red, selectable message inside a page (why the last action on it failed); hidden until set.
class InlineError final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InlineError)

public:
    explicit InlineError(QWidget *parent = nullptr);
    ~InlineError() override;

    void showMessage(const QString &message);
};

} // namespace AgentBay::Ui
