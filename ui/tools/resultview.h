// SPDX-License-Identifier: MIT
#pragma once

#include <core/mcptool.h>
#include <core/toolcallhistory.h>

#include <QWidget>

class QAction;
class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace AgentBay::Ui {

class ResultCards;

// Shows one tool call's outcome: a status line (OK / tool error / failed / cancelled,
// duration, request id, time) with a Copy menu, an error banner where there is one, and a
// card for every content item in order (ResultCards), then structuredContent.
class ResultView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultView)

public:
    explicit ResultView(QWidget *parent = nullptr);
    ~ResultView() override;

    void showRecord(const Core::ToolCallRecord &record);
    // Empty view with a short message ("No call yet", "Calling shell…").
    void showMessage(const QString &message);

    const Core::ToolCallRecord &record() const { return m_record; }

    // What "Copy text" copies: the texts of every item, shell output as stdout then stderr.
    QString plainText() const;
    // The whole MCP result (or the error) as indented JSON.
    QString jsonText() const;

private:
    Core::ToolCallRecord m_record;
    QLabel *m_status = nullptr;
    QLabel *m_meta = nullptr;
    QAction *m_copyText = nullptr;
    QAction *m_copyJson = nullptr;
    QAction *m_copyRequestId = nullptr;
    QWidget *m_header = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_items = nullptr;
    ResultCards *m_cards = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace AgentBay::Ui
