// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/mcptool.h>

#include <QJsonDocument>
#include <QObject>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;
class QWidget;

namespace AgentBay::Ui {

// The cards of a tool result, one per MCP content item, in a result view's item list: text
// (JSON pretty-printed and highlighted; shell payloads as stdout, stderr and exit code),
// images (with Copy and Save as), audio and other binaries, resources, resource links and
// plain JSON. Each card is a QFrame named after its kind ("textItem", "shellItem", ...).
class ResultCards final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultCards)

public:
    // Cards go into items (a layout of content ending in a stretch), before the stretch.
    explicit ResultCards(QWidget *content, QVBoxLayout *items, QObject *parent = nullptr);
    ~ResultCards() override;

    void clear();
    // A framed card with a caption row (the first item of its layout, a QHBoxLayout).
    QWidget *addCard(const QString &objectName, const QString &caption);
    void addNote(const QString &text);
    // toolError: the call reported isError (a shell payload without exit code then shows 1).
    void addTextItem(int index, const Core::McpContentItem &item, bool toolError);
    void addImageItem(int index, const Core::McpContentItem &item);
    void addBinaryItem(int index, const Core::McpContentItem &item, const QString &objectName);
    void addResourceItem(int index, const Core::McpContentItem &item);
    void addResourceLinkItem(int index, const Core::McpContentItem &item);
    void addJsonCard(const QString &objectName, const QString &caption, const QJsonValue &value);

    static QString prettyJson(const QJsonValue &value);
    // The JSON inside a text item, when the text is an object or array.
    static std::optional<QJsonDocument> jsonInText(const QString &text);
    // protocol.md 6.1: {"stdout", "stderr", "exit_code" | "errorCode", "traceId"}.
    static bool isShellPayload(const QJsonObject &object);
    // The look of a status chip ("OK", "exit code 0") on the given background.
    static QString chipStyle(const QString &background);
    static QLabel *noteLabel(const QString &text, QWidget *parent);

Q_SIGNALS:
    // Saving an item's data failed; message is ready to show.
    void saveFailed(const QString &message);

private:
    void addShellItem(int index, const QJsonObject &payload, bool isError);
    // json: highlighted, not wrapped; terminal: shell output, not wrapped (columns stay aligned).
    QPlainTextEdit *makeTextBox(const QString &text, bool json, QWidget *parent, bool terminal = false);
    QPushButton *makeCopyButton(const QString &text, QWidget *parent, const QString &tip = {});
    // A flat "Save as…" button that saves data (suggestedName: file name stem) through saveData().
    QPushButton *makeSaveButton(
        const QByteArray &data, const QString &mimeType, const QString &suggestedName, QWidget *parent);
    void saveData(const QByteArray &data, const QString &mimeType, const QString &suggestedName);

    QWidget *m_content;
    QVBoxLayout *m_items;
};

} // namespace AgentBay::Ui
