// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/toolcallhistory.h>

#include <QJsonObject>
#include <QWidget>

namespace AgentBay::Ui {

class ResultView;

// A tool result in a window of its own (popped out of the Tools tab, or opened from a fan-out
// run), so that it can be read at full size next to the form. Deletes itself when closed.
class ResultWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultWindow)

public:
    explicit ResultWindow(QWidget *parent = nullptr);
    ~ResultWindow() override;

    void showRecord(const Core::ToolCallRecord &record, const QJsonObject &outputSchema = {});

    ResultView *view() const { return m_view; }

    // Opens a window for the record (a parentless one follows its opener's lifetime).
    static ResultWindow *open(const Core::ToolCallRecord &record, const QJsonObject &outputSchema, QWidget *opener);

private:
    ResultView *m_view = nullptr;
};

} // namespace AgentBay::Ui
