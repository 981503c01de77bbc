// SPDX-License-Identifier: MIT
#include "resultview.h"

#include <ui/common/jsonhighlighter.h>

#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QMimeDatabase>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcResultView, "agentbay.ui.resultview")

namespace AgentBay::Ui {

using Core::McpContentItem;
using Core::McpToolResult;
using Core::ToolCallRecord;

namespace {

constexpr int MaxTextLines = 24;
constexpr int MaxImageWidth = 560;
constexpr int MaxImageHeight = 420;

QString prettyJson(const QJsonValue &value)
{
    if (value.isObject()) {
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    }
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    }
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// The JSON inside a text item, when the text is an object or array.
std::optional<QJsonDocument> jsonInText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!(trimmed.startsWith(u'{') && trimmed.endsWith(u'}'))
        && !(trimmed.startsWith(u'[') && trimmed.endsWith(u']'))) {
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        return std::nullopt;
    }
    return document;
}

// protocol.md 6.1: {"stdout", "stderr", "exit_code" | "errorCode", "traceId"}.
bool isShellPayload(const QJsonObject &object)
{
    return object.contains(u"stdout"_s) && object.contains(u"stderr"_s) && object.value(u"stdout"_s).isString()
        && (object.contains(u"exit_code"_s) || object.contains(u"errorCode"_s));
}

QString chipStyle(const QString &background)
{
    return u"QLabel { background: %1; color: white; border-radius: 4px; padding: 2px 8px; font-weight: 600; }"_s.arg(
        background);
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QLabel *captionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(u"caption"_s);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

} // namespace

ResultView::ResultView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    m_header = new QWidget(this);
    auto *header = new QHBoxLayout(m_header);
    header->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(m_header);
    m_status->setObjectName(u"status"_s);
    m_status->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    header->addWidget(m_status, 0, Qt::AlignTop);
    m_meta = new QLabel(m_header);
    m_meta->setObjectName(u"meta"_s);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setWordWrap(true); // wraps (request id and time) rather than being cut off
    header->addWidget(m_meta, 1);
    // One menu instead of three buttons: the header must fit a narrow pane.
    auto *copy = new QToolButton(m_header);
    copy->setObjectName(u"copyMenu"_s);
    copy->setIcon(QIcon(u":/icons/copy.svg"_s));
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the result's text, its JSON or the request id"));
    copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    copy->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(copy);
    m_copyText = menu->addAction(tr("Copy text"), this, [this] {
        QGuiApplication::clipboard()->setText(plainText());
    });
    m_copyText->setObjectName(u"copyText"_s);
    m_copyText->setToolTip(tr("Copy the text of every content item"));
    m_copyJson = menu->addAction(tr("Copy JSON"), this, [this] {
        QGuiApplication::clipboard()->setText(jsonText());
    });
    m_copyJson->setObjectName(u"copyJson"_s);
    m_copyJson->setToolTip(tr("Copy the whole MCP result as JSON"));
    m_copyRequestId = menu->addAction(tr("Copy request id"), this, [this] {
        QGuiApplication::clipboard()->setText(m_record.requestId);
    });
    m_copyRequestId->setObjectName(u"copyRequestId"_s);
    m_copyRequestId->setToolTip(tr("Copy the request id (for support and server logs)"));
    copy->setMenu(menu);
    header->addWidget(copy, 0, Qt::AlignTop);
    layout->addWidget(m_header);

    m_message = noteLabel(QString(), this);
    m_message->setObjectName(u"message"_s);
    m_message->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_message, 1);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget;
    m_items = new QVBoxLayout(m_content);
    m_items->setContentsMargins(0, 0, 0, 0);
    m_items->setSpacing(8);
    m_items->addStretch(1);
    m_scroll->setWidget(m_content);
    layout->addWidget(m_scroll, 1);

    showMessage(tr("No call yet."));
}

ResultView::~ResultView() = default;

void ResultView::showMessage(const QString &message)
{
    clearItems();
    m_record = {};
    m_header->hide();
    m_scroll->hide();
    m_message->setText(message);
    m_message->show();
}

void ResultView::clearItems()
{
    while (m_items->count() > 1) {
        QLayoutItem *item = m_items->takeAt(0);
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
}

QWidget *ResultView::addCard(const QString &objectName, const QString &caption, QWidget **body)
{
    auto *card = new QFrame(m_content);
    card->setObjectName(objectName);
    card->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(4);
    auto *top = new QHBoxLayout;
    top->addWidget(captionLabel(caption, card), 1);
    layout->addLayout(top);
    *body = card;
    m_items->insertWidget(m_items->count() - 1, card);
    return card;
}

QPlainTextEdit *ResultView::makeTextBox(const QString &text, bool json, QWidget *parent, bool terminal)
{
    auto *box = new QPlainTextEdit(parent);
    box->setReadOnly(true);
    box->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const bool wrap = !json && !terminal;
    box->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    box->setPlainText(text);
    if (json) {
        new JsonHighlighter(box->document());
    }
    // Size to the text, up to a cap; longer texts scroll inside.
    QStringView shown(text);
    while (shown.endsWith(u'\n')) {
        shown.chop(1); // a final newline adds no visible line
    }
    const int lines = qBound(1, int(shown.count(u'\n')) + 1 + (wrap ? int(shown.size() / 100) : 0), MaxTextLines);
    int longest = 0;
    for (const QStringView line : shown.split(u'\n')) {
        longest = std::max(longest, int(line.size()));
    }
    // Room for a horizontal scroll bar only where one may appear.
    const int scrollBar = !wrap && longest > 40 ? box->horizontalScrollBar()->sizeHint().height() : 0;
    box->setFixedHeight(box->fontMetrics().lineSpacing() * lines + 2 * box->frameWidth()
        + int(box->document()->documentMargin() * 2) + scrollBar + 6);
    if (!wrap && lines < MaxTextLines) {
        // Every line is shown: a vertical scroll bar would only be noise (and narrow the text).
        box->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
    return box;
}

QPushButton *ResultView::makeSaveButton(
    const QByteArray &data, const QString &mimeType, const QString &suggestedName, QWidget *parent)
{
    auto *save = new QPushButton(tr("Save as…"), parent);
    save->setObjectName(u"saveAs"_s);
    save->setFlat(true);
    connect(save, &QPushButton::clicked, this, [this, data, mimeType, suggestedName] {
        saveData(data, mimeType, suggestedName);
    });
    return save;
}

QPushButton *ResultView::makeCopyButton(const QString &text, QWidget *parent, const QString &tip)
{
    auto *button = new QPushButton(tr("Copy"), parent);
    button->setObjectName(u"copy"_s);
    button->setToolTip(tip.isEmpty() ? tr("Copy to the clipboard") : tip);
    button->setFlat(true);
    connect(button, &QPushButton::clicked, this, [text] {
        QGuiApplication::clipboard()->setText(text);
    });
    return button;
}

void ResultView::showRecord(const ToolCallRecord &record)
{
    clearItems();
    m_record = record;
    m_message->hide();
    m_header->show();
    m_scroll->show();

    const McpToolResult result = (record.result.isUndefined() || record.result.isNull())
        ? McpToolResult()
        : McpToolResult::fromJson(record.result);
    switch (record.outcome) {
    case ToolCallRecord::Outcome::Ok:
        m_status->setText(tr("OK"));
        m_status->setStyleSheet(chipStyle(u"#2e7d32"_s));
        break;
    case ToolCallRecord::Outcome::ToolError:
        m_status->setText(tr("Tool error"));
        m_status->setStyleSheet(chipStyle(u"#c62828"_s));
        break;
    case ToolCallRecord::Outcome::Failed:
        m_status->setText(tr("Failed"));
        m_status->setStyleSheet(chipStyle(u"#c62828"_s));
        break;
    case ToolCallRecord::Outcome::Cancelled:
        m_status->setText(tr("Cancelled"));
        m_status->setStyleSheet(chipStyle(u"#757575"_s));
        break;
    }
    QStringList meta{record.toolName, tr("%1 ms").arg(QLocale().toString(record.durationMs))};
    if (record.startedAt.isValid()) {
        meta.append(QLocale().toString(record.startedAt.toLocalTime().time(), QLocale::ShortFormat));
    }
    // A request id is a 36-character UUID: shown short (like a commit hash) so that the header
    // fits a narrow pane; the tooltip and Copy > Copy request id have it whole.
    constexpr int ShortIdLength = 8;
    const QString shortId =
        record.requestId.size() > ShortIdLength + 5 ? record.requestId.left(ShortIdLength) + u'…' : record.requestId;
    if (!shortId.isEmpty()) {
        meta.append(tr("request %1").arg(shortId));
    }
    m_meta->setText(meta.join(u"  ·  "_s));
    QStringList tip;
    if (record.startedAt.isValid()) {
        tip.append(tr("Started %1").arg(QLocale().toString(record.startedAt.toLocalTime(), QLocale::LongFormat)));
    }
    if (!record.requestId.isEmpty()) {
        tip.append(tr("Request id %1").arg(record.requestId));
    }
    m_meta->setToolTip(tip.join(u'\n'));
    m_copyRequestId->setEnabled(!record.requestId.isEmpty());
    m_copyText->setEnabled(!result.content.isEmpty());
    m_copyJson->setEnabled(!record.result.isNull() || !record.errorMessage.isEmpty());

    QWidget *body = nullptr;
    if (record.outcome == ToolCallRecord::Outcome::Failed || record.outcome == ToolCallRecord::Outcome::Cancelled) {
        const bool failed = record.outcome == ToolCallRecord::Outcome::Failed;
        addCard(u"errorBanner"_s, failed ? tr("The call failed") : tr("The call was cancelled"), &body);
        QStringList lines{record.errorMessage};
        if (!record.errorCode.isEmpty()) {
            lines.append(tr("Code: %1").arg(record.errorCode));
        }
        if (!record.requestId.isEmpty()) {
            lines.append(tr("Request id: %1").arg(record.requestId));
        }
        auto *label = new QLabel(lines.join(u'\n'), body);
        label->setObjectName(u"errorText"_s);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        body->layout()->addWidget(label);
        if (failed) {
            body->setStyleSheet(u"QFrame#errorBanner { background: rgba(198, 40, 40, 0.08); border: 1px solid #c62828; "
                                u"border-radius: 4px; }"_s);
        }
    }
    if (record.outcome == ToolCallRecord::Outcome::ToolError) {
        addCard(u"errorBanner"_s, tr("The tool reported an error (isError)"), &body);
        body->setStyleSheet(u"QFrame#errorBanner { background: rgba(198, 40, 40, 0.08); border: 1px solid #c62828; "
                            u"border-radius: 4px; }"_s);
    }
    if (record.outcome != ToolCallRecord::Outcome::Failed && record.outcome != ToolCallRecord::Outcome::Cancelled
        && result.content.isEmpty() && !result.structuredContent) {
        addCard(u"emptyResult"_s, tr("The tool returned no content."), &body);
    }

    for (int i = 0; i < result.content.size(); ++i) {
        const McpContentItem &item = result.content.at(i);
        switch (item.type) {
        case McpContentItem::Type::Text:
            addTextItem(i, item);
            break;
        case McpContentItem::Type::Image:
            addImageItem(i, item);
            break;
        case McpContentItem::Type::Audio:
            addBinaryItem(i, item, u"audioItem"_s);
            break;
        case McpContentItem::Type::Resource:
            addResourceItem(i, item);
            break;
        case McpContentItem::Type::ResourceLink:
            addResourceLinkItem(i, item);
            break;
        case McpContentItem::Type::Unknown:
            addJsonCard(u"unknownItem"_s,
                tr("%1 · %2").arg(i + 1).arg(item.typeName.isEmpty() ? tr("item") : item.typeName),
                item.raw);
            break;
        }
    }
    if (result.structuredContent) {
        addJsonCard(u"structuredContent"_s, tr("Structured content"), *result.structuredContent);
    }
    if (record.truncated) {
        m_items->insertWidget(m_items->count() - 1,
            noteLabel(tr("Parts of this result were shortened to keep the history small."), m_content));
    }
    m_scroll->verticalScrollBar()->setValue(0);
}

void ResultView::addTextItem(int index, const McpContentItem &item)
{
    const auto json = jsonInText(item.text);
    if (json && json->isObject() && isShellPayload(json->object())) {
        addShellItem(index, json->object(), m_record.outcome == ToolCallRecord::Outcome::ToolError);
        return;
    }
    QWidget *body = nullptr;
    const QString text =
        json ? prettyJson(json->isObject() ? QJsonValue(json->object()) : QJsonValue(json->array())) : item.text;
    QWidget *card = addCard(json ? u"jsonItem"_s : u"textItem"_s,
        json ? tr("%1 · text (JSON)").arg(index + 1) : tr("%1 · text").arg(index + 1),
        &body);
    auto *top = qobject_cast<QHBoxLayout *>(card->layout()->itemAt(0)->layout());
    top->addWidget(makeCopyButton(item.text, card));
    if (item.text.isEmpty()) {
        card->layout()->addWidget(noteLabel(tr("(empty text)"), card));
        return;
    }
    auto *box = makeTextBox(text, json.has_value(), card);
    box->setObjectName(u"text"_s);
    card->layout()->addWidget(box);
}

void ResultView::addShellItem(int index, const QJsonObject &payload, bool isError)
{
    QWidget *body = nullptr;
    QWidget *card = addCard(u"shellItem"_s, tr("%1 · shell output").arg(index + 1), &body);
    auto *top = qobject_cast<QHBoxLayout *>(card->layout()->itemAt(0)->layout());
    const QJsonValue codeValue =
        payload.contains(u"exit_code"_s) ? payload.value(u"exit_code"_s) : payload.value(u"errorCode"_s);
    const int exitCode = codeValue.toInt(isError ? 1 : 0);
    auto *code = new QLabel(tr("exit code %1").arg(exitCode), card);
    code->setObjectName(u"exitCode"_s);
    code->setProperty("exitCode", exitCode);
    code->setStyleSheet(chipStyle(exitCode == 0 ? u"#2e7d32"_s : u"#c62828"_s));
    top->insertWidget(1, code);

    const QString stdOut = payload.value(u"stdout"_s).toString();
    const QString stdErr = payload.value(u"stderr"_s).toString();
    const auto addStream = [&](const QString &name, const QString &caption, const QString &text) {
        auto *row = new QHBoxLayout;
        auto *label = captionLabel(caption, card);
        if (name == u"stderr"_s) {
            QPalette palette = label->palette();
            palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
            label->setPalette(palette);
        }
        row->addWidget(label);
        row->addStretch(1);
        row->addWidget(makeCopyButton(text, card, tr("Copy %1").arg(name)));
        qobject_cast<QVBoxLayout *>(card->layout())->addLayout(row);
        auto *box = makeTextBox(text, false, card, true);
        box->setObjectName(name);
        card->layout()->addWidget(box);
    };
    if (!stdOut.isEmpty() || stdErr.isEmpty()) {
        addStream(u"stdout"_s, tr("stdout"), stdOut);
    }
    if (!stdErr.isEmpty()) {
        addStream(u"stderr"_s, tr("stderr"), stdErr);
    }
    const QString traceId = payload.value(u"traceId"_s).toString();
    if (!traceId.isEmpty()) {
        card->layout()->addWidget(noteLabel(tr("trace id %1").arg(traceId), card));
    }
}

void ResultView::addImageItem(int index, const McpContentItem &item)
{
    QWidget *body = nullptr;
    const QImage image = QImage::fromData(item.data);
    const QString caption = image.isNull() ? tr("%1 · image (%2)").arg(index + 1).arg(item.mimeType)
                                           : tr("%1 · image (%2, %3 × %4, %5)")
                                                 .arg(index + 1)
                                                 .arg(item.mimeType)
                                                 .arg(image.width())
                                                 .arg(image.height())
                                                 .arg(sizeText(item.data.size()));
    QWidget *card = addCard(u"imageItem"_s, caption, &body);
    auto *top = qobject_cast<QHBoxLayout *>(card->layout()->itemAt(0)->layout());
    if (item.raw.contains(u"agentbayOmittedBytes"_s)) {
        card->layout()->addWidget(
            noteLabel(tr("The image (%1) was not kept in the history.")
                          .arg(sizeText(qint64(item.raw.value(u"agentbayOmittedBytes"_s).toDouble()))),
                card));
        return;
    }
    if (image.isNull()) {
        card->layout()->addWidget(
            noteLabel(tr("The image data (%1) could not be decoded.").arg(sizeText(item.data.size())), card));
    } else {
        auto *picture = new QLabel(card);
        picture->setObjectName(u"image"_s);
        QPixmap pixmap = QPixmap::fromImage(image);
        if (pixmap.width() > MaxImageWidth || pixmap.height() > MaxImageHeight) {
            pixmap = pixmap.scaled(MaxImageWidth, MaxImageHeight, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        }
        picture->setPixmap(pixmap);
        picture->setToolTip(tr("%1 × %2 pixels").arg(image.width()).arg(image.height()));
        card->layout()->addWidget(picture);
        auto *copy = new QPushButton(tr("Copy image"), card);
        copy->setFlat(true);
        connect(copy, &QPushButton::clicked, this, [image] {
            QGuiApplication::clipboard()->setImage(image);
        });
        top->addWidget(copy);
    }
    top->addWidget(makeSaveButton(item.data, item.mimeType, u"image"_s, card));
}

void ResultView::addBinaryItem(int index, const McpContentItem &item, const QString &objectName)
{
    QWidget *body = nullptr;
    QWidget *card = addCard(objectName,
        tr("%1 · %2 (%3, %4)").arg(index + 1).arg(item.typeName, item.mimeType, sizeText(item.data.size())),
        &body);
    auto *top = qobject_cast<QHBoxLayout *>(card->layout()->itemAt(0)->layout());
    top->addWidget(makeSaveButton(item.data, item.mimeType, item.typeName, card));
}

void ResultView::addResourceItem(int index, const McpContentItem &item)
{
    QWidget *body = nullptr;
    QWidget *card = addCard(u"resourceItem"_s,
        tr("%1 · resource%2").arg(index + 1).arg(item.mimeType.isEmpty() ? QString() : u" ("_s + item.mimeType + u')'),
        &body);
    auto *top = qobject_cast<QHBoxLayout *>(card->layout()->itemAt(0)->layout());
    top->addWidget(makeCopyButton(item.uri, card, tr("Copy the URI")));
    auto *uri = noteLabel(item.uri, card);
    uri->setObjectName(u"uri"_s);
    card->layout()->addWidget(uri);
    if (!item.text.isEmpty()) {
        const auto json = jsonInText(item.text);
        auto *box = makeTextBox(
            json ? prettyJson(json->isObject() ? QJsonValue(json->object()) : QJsonValue(json->array())) : item.text,
            json.has_value(),
            card);
        box->setObjectName(u"text"_s);
        card->layout()->addWidget(box);
    } else if (!item.data.isEmpty()) {
        card->layout()->addWidget(noteLabel(tr("Binary content, %1.").arg(sizeText(item.data.size())), card));
        top->addWidget(makeSaveButton(item.data, item.mimeType, u"resource"_s, card));
    }
}

void ResultView::addResourceLinkItem(int index, const McpContentItem &item)
{
    QWidget *body = nullptr;
    const QString name = item.name.isEmpty() ? item.uri : item.name;
    QWidget *card = addCard(u"resourceLinkItem"_s, tr("%1 · resource link: %2").arg(index + 1).arg(name), &body);
    auto *top = qobject_cast<QHBoxLayout *>(card->layout()->itemAt(0)->layout());
    top->addWidget(makeCopyButton(item.uri, card, tr("Copy the URI")));
    QStringList lines{item.uri};
    const QString description = item.raw.value(u"description"_s).toString();
    if (!description.isEmpty()) {
        lines.append(description);
    }
    if (!item.mimeType.isEmpty()) {
        lines.append(item.mimeType);
    }
    auto *label = noteLabel(lines.join(u'\n'), card);
    label->setObjectName(u"uri"_s);
    card->layout()->addWidget(label);
}

void ResultView::addJsonCard(const QString &objectName, const QString &caption, const QJsonValue &value)
{
    QWidget *body = nullptr;
    QWidget *card = addCard(objectName, caption, &body);
    const QString text = prettyJson(value);
    auto *top = qobject_cast<QHBoxLayout *>(card->layout()->itemAt(0)->layout());
    top->addWidget(makeCopyButton(text, card));
    auto *box = makeTextBox(text, true, card);
    box->setObjectName(u"text"_s);
    card->layout()->addWidget(box);
}

void ResultView::saveData(const QByteArray &data, const QString &mimeType, const QString &suggestedName)
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    const QString suffix = type.isValid() && !type.preferredSuffix().isEmpty() ? type.preferredSuffix() : u"bin"_s;
    const QString path = QFileDialog::getSaveFileName(this,
        tr("Save %1").arg(suggestedName),
        suggestedName + u'.' + suffix,
        type.isValid() ? type.filterString() : QString());
    if (path.isEmpty()) {
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        qCWarning(lcResultView) << "cannot save" << path << file.errorString();
        m_meta->setText(tr("Could not save %1: %2").arg(path, file.errorString()));
    }
}

QString ResultView::plainText() const
{
    if ((m_record.result.isUndefined() || m_record.result.isNull())) {
        return m_record.errorMessage;
    }
    const McpToolResult result = McpToolResult::fromJson(m_record.result);
    QStringList texts;
    for (const McpContentItem &item : result.content) {
        if (item.type == McpContentItem::Type::Text) {
            const auto json = jsonInText(item.text);
            if (json && json->isObject() && isShellPayload(json->object())) {
                texts.append(
                    json->object().value(u"stdout"_s).toString() + json->object().value(u"stderr"_s).toString());
            } else {
                texts.append(item.text);
            }
        } else if (item.type == McpContentItem::Type::Resource && !item.text.isEmpty()) {
            texts.append(item.text);
        } else if (!item.uri.isEmpty()) {
            texts.append(item.uri);
        }
    }
    return texts.join(u'\n');
}

QString ResultView::jsonText() const
{
    if ((m_record.result.isUndefined() || m_record.result.isNull())) {
        QJsonObject error{{u"error"_s, m_record.errorMessage}};
        if (!m_record.errorCode.isEmpty()) {
            error.insert(u"code"_s, m_record.errorCode);
        }
        if (!m_record.requestId.isEmpty()) {
            error.insert(u"requestId"_s, m_record.requestId);
        }
        return prettyJson(error);
    }
    return prettyJson(m_record.result);
}

} // namespace AgentBay::Ui
