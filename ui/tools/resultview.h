// SPDX-License-Identifier: MIT
#pragma once

#include <core/mcptool.h>
#include <core/toolcallhistory.h>

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace AgentBay::Ui {

// Shows one tool call's outcome: a status line (OK / tool error / failed / cancelled,
// duration, request id, time) and every content item in order: text (JSON pretty-printed
// and highlighted; shell payloads as stdout, stderr and exit code), images (with Save as
// and Copy), audio, resources, resource links, structuredContent. Copy buttons throughout.
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
    void clearItems();
    QWidget *addCard(const QString &objectName, const QString &caption, QWidget **body);
    void addTextItem(int index, const Core::McpContentItem &item);
    void addShellItem(int index, const QJsonObject &payload, bool isError);
    void addImageItem(int index, const Core::McpContentItem &item);
    void addBinaryItem(int index, const Core::McpContentItem &item, const QString &objectName);
    void addResourceItem(int index, const Core::McpContentItem &item);
    void addResourceLinkItem(int index, const Core::McpContentItem &item);
    void addJsonCard(const QString &objectName, const QString &caption, const QJsonValue &value);
    // json: highlighted, not wrapped; terminal: shell output, not wrapped (columns stay aligned).
    QPlainTextEdit *makeTextBox(const QString &text, bool json, QWidget *parent, bool terminal = false);
    QPushButton *makeCopyButton(const QString &text, QWidget *parent, const QString &tip = {});
    void saveData(const QByteArray &data, const QString &mimeType, const QString &suggestedName);
    // A flat "Save as…" button that saves data (suggestedName: file name stem) through saveData().
    QPushButton *makeSaveButton(
        const QByteArray &data, const QString &mimeType, const QString &suggestedName, QWidget *parent);

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
    QLabel *m_message = nullptr;
};

} // namespace AgentBay::Ui
