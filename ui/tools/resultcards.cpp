// SPDX-License-Identifier: MIT
#include "resultcards.h"

#include <ui/common/apppalette.h>
#include <ui/common/jsonhighlighter.h>

#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcResultCards, "agentbay.ui.resultcards")

namespace AgentBay::Ui {

using Core::McpContentItem;

namespace {

constexpr int MaxTextLines = 24;
constexpr int MaxImageWidth = 560;
constexpr int MaxImageHeight = 420;

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

// The caption row of a card made by addCard().
QHBoxLayout *captionRow(QWidget *card)
{
    return qobject_cast<QHBoxLayout *>(card->layout()->itemAt(0)->layout());
}

} // namespace

ResultCards::ResultCards(QWidget *content, QVBoxLayout *items, QObject *parent)
    : QObject(parent)
    , m_content(content)
    , m_items(items)
{
}

ResultCards::~ResultCards() = default;

QString ResultCards::prettyJson(const QJsonValue &value)
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

std::optional<QJsonDocument> ResultCards::jsonInText(const QString &text)
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

bool ResultCards::isShellPayload(const QJsonObject &object)
{
    return object.contains(u"stdout"_s) && object.contains(u"stderr"_s) && object.value(u"stdout"_s).isString()
        && (object.contains(u"exit_code"_s) || object.contains(u"errorCode"_s));
}

QString ResultCards::chipStyle(const QString &background)
{
    return u"QLabel { background: %1; color: white; border-radius: 4px; padding: 2px 8px; font-weight: 600; }"_s.arg(
        background);
}

QLabel *ResultCards::noteLabel(const QString &text, QWidget *parent)
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

void ResultCards::clear()
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

QWidget *ResultCards::addCard(const QString &objectName, const QString &caption)
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
    m_items->insertWidget(m_items->count() - 1, card);
    return card;
}

void ResultCards::addNote(const QString &text)
{
    m_items->insertWidget(m_items->count() - 1, noteLabel(text, m_content));
}

QPlainTextEdit *ResultCards::makeTextBox(const QString &text, bool json, QWidget *parent, bool terminal)
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

QPushButton *ResultCards::makeSaveButton(
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

QPushButton *ResultCards::makeCopyButton(const QString &text, QWidget *parent, const QString &tip)
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

void ResultCards::addTextItem(int index, const McpContentItem &item, bool toolError)
{
    const auto json = jsonInText(item.text);
    if (json && json->isObject() && isShellPayload(json->object())) {
        addShellItem(index, json->object(), toolError);
        return;
    }
    const QString text =
        json ? prettyJson(json->isObject() ? QJsonValue(json->object()) : QJsonValue(json->array())) : item.text;
    QWidget *card = addCard(json ? u"jsonItem"_s : u"textItem"_s,
        json ? tr("%1 · text (JSON)").arg(index + 1) : tr("%1 · text").arg(index + 1));
    QHBoxLayout *top = captionRow(card);
    top->addWidget(makeCopyButton(item.text, card));
    if (item.text.isEmpty()) {
        card->layout()->addWidget(noteLabel(tr("(empty text)"), card));
        return;
    }
    auto *box = makeTextBox(text, json.has_value(), card);
    box->setObjectName(u"text"_s);
    card->layout()->addWidget(box);
}

void ResultCards::addShellItem(int index, const QJsonObject &payload, bool isError)
{
    QWidget *card = addCard(u"shellItem"_s, tr("%1 · shell output").arg(index + 1));
    QHBoxLayout *top = captionRow(card);
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
            palette.setColor(QPalette::WindowText, AppPalette::errorText(palette));
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

void ResultCards::addImageItem(int index, const McpContentItem &item)
{
    const QImage image = QImage::fromData(item.data);
    const QString caption = image.isNull() ? tr("%1 · image (%2)").arg(index + 1).arg(item.mimeType)
                                           : tr("%1 · image (%2, %3 × %4, %5)")
                                                 .arg(index + 1)
                                                 .arg(item.mimeType)
                                                 .arg(image.width())
                                                 .arg(image.height())
                                                 .arg(sizeText(item.data.size()));
    QWidget *card = addCard(u"imageItem"_s, caption);
    QHBoxLayout *top = captionRow(card);
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

void ResultCards::addBinaryItem(int index, const McpContentItem &item, const QString &objectName)
{
    QWidget *card = addCard(objectName,
        tr("%1 · %2 (%3, %4)").arg(index + 1).arg(item.typeName, item.mimeType, sizeText(item.data.size())));
    QHBoxLayout *top = captionRow(card);
    top->addWidget(makeSaveButton(item.data, item.mimeType, item.typeName, card));
}

void ResultCards::addResourceItem(int index, const McpContentItem &item)
{
    QWidget *card = addCard(u"resourceItem"_s,
        tr("%1 · resource%2").arg(index + 1).arg(item.mimeType.isEmpty() ? QString() : u" ("_s + item.mimeType + u')'));
    QHBoxLayout *top = captionRow(card);
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

void ResultCards::addResourceLinkItem(int index, const McpContentItem &item)
{
    const QString name = item.name.isEmpty() ? item.uri : item.name;
    QWidget *card = addCard(u"resourceLinkItem"_s, tr("%1 · resource link: %2").arg(index + 1).arg(name));
    QHBoxLayout *top = captionRow(card);
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

void ResultCards::addJsonCard(const QString &objectName, const QString &caption, const QJsonValue &value)
{
    QWidget *card = addCard(objectName, caption);
    const QString text = prettyJson(value);
    QHBoxLayout *top = captionRow(card);
    top->addWidget(makeCopyButton(text, card));
    auto *box = makeTextBox(text, true, card);
    box->setObjectName(u"text"_s);
    card->layout()->addWidget(box);
}

void ResultCards::saveData(const QByteArray &data, const QString &mimeType, const QString &suggestedName)
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    const QString suffix = type.isValid() && !type.preferredSuffix().isEmpty() ? type.preferredSuffix() : u"bin"_s;
    const QString path = QFileDialog::getSaveFileName(m_content,
        tr("Save %1").arg(suggestedName),
        suggestedName + u'.' + suffix,
        type.isValid() ? type.filterString() : QString());
    if (path.isEmpty()) {
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        qCWarning(lcResultCards) << "cannot save" << path << file.errorString();
        Q_EMIT saveFailed(tr("Could not save %1: %2").arg(path, file.errorString()));
    }
}

} // namespace AgentBay::Ui
