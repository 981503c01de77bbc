// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/mcptool.h>
#include <core/tools/outputschemacheck.h>
#include <core/tools/toolcallhistory.h>

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

    // The output schema the next shown records are checked against (empty: none declared).
    void setOutputSchema(const QJsonObject &schema);
    void showRecord(const Core::ToolCallRecord &record);

    // How the shown record compares with the output schema.
    const Core::OutputSchemaVerdict &outputVerdict() const { return m_verdict; }

    // Shows a "Pop out" button in the header (off by default: a popped-out view has none).
    void setPopOutEnabled(bool enabled);
    // Empty view with a short message ("No call yet", "Calling shell…").
    void showMessage(const QString &message);

    const Core::ToolCallRecord &record() const { return m_record; }

    // What "Copy text" copies: the texts of every item, shell output as stdout then stderr.
    QString plainText() const;
    // The whole MCP result (or the error) as indented JSON.
    QString jsonText() const;

Q_SIGNALS:
    void popOutRequested();

private:
    void addSchemaVerdict();

    Core::ToolCallRecord m_record;
    QJsonObject m_outputSchema;
    Core::OutputSchemaVerdict m_verdict;
    QWidget *m_popOut = nullptr;
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
