// SPDX-License-Identifier: MIT
#include "resultview.h"

#include "resultcards.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::McpContentItem;
using Core::McpToolResult;
using Core::ToolCallRecord;

namespace {

// A failed call or a tool error: a red frame around the banner.
QString errorBannerStyle()
{
    return u"QFrame#errorBanner { background: rgba(198, 40, 40, 0.08); border: 1px solid #c62828; "
           u"border-radius: 4px; }"_s;
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
    auto *popOut = new QToolButton(m_header);
    popOut->setObjectName(u"popOut"_s);
    popOut->setText(tr("Pop out"));
    popOut->setToolTip(tr("Open this result in a window of its own"));
    connect(popOut, &QToolButton::clicked, this, &ResultView::popOutRequested);
    popOut->hide();
    m_popOut = popOut;
    header->addWidget(popOut, 0, Qt::AlignTop);
    layout->addWidget(m_header);

    m_message = ResultCards::noteLabel(QString(), this);
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
    m_cards = new ResultCards(m_content, m_items, this);
    connect(m_cards, &ResultCards::saveFailed, m_meta, &QLabel::setText);
    m_scroll->setWidget(m_content);
    layout->addWidget(m_scroll, 1);

    showMessage(tr("No call yet."));
}

ResultView::~ResultView() = default;

void ResultView::setOutputSchema(const QJsonObject &schema)
{
    m_outputSchema = schema;
}

void ResultView::setPopOutEnabled(bool enabled)
{
    m_popOut->setVisible(enabled);
}

void ResultView::addSchemaVerdict()
{
    if (m_verdict.state == Core::OutputSchemaVerdict::State::Mismatch) {
        // Next to the result, above its items: the first thing to see when the shape is wrong.
        QWidget *body = m_cards->addCard(u"schemaMismatch"_s, tr("Does not match the tool's output schema"));
        QStringList lines;
        for (const Core::ValidationProblem &problem : m_verdict.problems) {
            lines.append(u"• "_s + Core::JsonSchemaForm::displayPath(problem.path) + u": "_s + problem.message);
        }
        if (m_verdict.fromText) {
            lines.append(tr("(checked on the JSON text: the result has no structuredContent)"));
        }
        auto *label = new QLabel(lines.join(u'\n'), body);
        label->setObjectName(u"schemaProblems"_s);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        body->layout()->addWidget(label);
        body->setStyleSheet(u"QFrame#schemaMismatch { background: rgba(230, 120, 0, 0.08); border: 1px solid #e67800; "
                            u"border-radius: 4px; }"_s);
    }
}

void ResultView::showMessage(const QString &message)
{
    m_cards->clear();
    m_record = {};
    m_verdict = {};
    m_header->hide();
    m_scroll->hide();
    m_message->setText(message);
    m_message->show();
}

void ResultView::showRecord(const ToolCallRecord &record)
{
    m_cards->clear();
    m_record = record;
    m_verdict = {};
    m_message->hide();
    m_header->show();
    m_scroll->show();

    const McpToolResult result = (record.result.isUndefined() || record.result.isNull())
        ? McpToolResult()
        : McpToolResult::fromJson(record.result);
    switch (record.outcome) {
    case ToolCallRecord::Outcome::Ok:
        m_status->setText(tr("OK"));
        m_status->setStyleSheet(ResultCards::chipStyle(u"#2e7d32"_s));
        break;
    case ToolCallRecord::Outcome::ToolError:
        m_status->setText(tr("Tool error"));
        m_status->setStyleSheet(ResultCards::chipStyle(u"#c62828"_s));
        break;
    case ToolCallRecord::Outcome::Failed:
        m_status->setText(tr("Failed"));
        m_status->setStyleSheet(ResultCards::chipStyle(u"#c62828"_s));
        break;
    case ToolCallRecord::Outcome::Cancelled:
        m_status->setText(tr("Cancelled"));
        m_status->setStyleSheet(ResultCards::chipStyle(u"#757575"_s));
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

    if (record.outcome == ToolCallRecord::Outcome::Failed || record.outcome == ToolCallRecord::Outcome::Cancelled) {
        const bool failed = record.outcome == ToolCallRecord::Outcome::Failed;
        QWidget *body =
            m_cards->addCard(u"errorBanner"_s, failed ? tr("The call failed") : tr("The call was cancelled"));
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
            body->setStyleSheet(errorBannerStyle());
        }
    }
    if (record.outcome == ToolCallRecord::Outcome::ToolError) {
        QWidget *body = m_cards->addCard(u"errorBanner"_s, tr("The tool reported an error"));
        body->setStyleSheet(errorBannerStyle());
    }
    if (record.outcome == ToolCallRecord::Outcome::Ok) {
        m_verdict = Core::OutputSchemaCheck::check(m_outputSchema, result);
        addSchemaVerdict();
    }
    if (record.outcome != ToolCallRecord::Outcome::Failed && record.outcome != ToolCallRecord::Outcome::Cancelled
        && result.content.isEmpty() && !result.structuredContent) {
        m_cards->addCard(u"emptyResult"_s, tr("The tool returned no content."));
    }

    for (int i = 0; i < result.content.size(); ++i) {
        const McpContentItem &item = result.content.at(i);
        switch (item.type) {
        case McpContentItem::Type::Text:
            m_cards->addTextItem(i, item, record.outcome == ToolCallRecord::Outcome::ToolError);
            break;
        case McpContentItem::Type::Image:
            m_cards->addImageItem(i, item);
            break;
        case McpContentItem::Type::Audio:
            m_cards->addBinaryItem(i, item, u"audioItem"_s);
            break;
        case McpContentItem::Type::Resource:
            m_cards->addResourceItem(i, item);
            break;
        case McpContentItem::Type::ResourceLink:
            m_cards->addResourceLinkItem(i, item);
            break;
        case McpContentItem::Type::Unknown:
            m_cards->addJsonCard(u"unknownItem"_s,
                tr("%1 · %2").arg(i + 1).arg(item.typeName.isEmpty() ? tr("item") : item.typeName),
                item.raw);
            break;
        }
    }
    if (result.structuredContent) {
        m_cards->addJsonCard(u"structuredContent"_s, tr("Structured content"), *result.structuredContent);
    }
    if (m_verdict.state == Core::OutputSchemaVerdict::State::Matches) {
        m_cards->addNote(m_verdict.summary()); // quietly, below: only a mismatch is news
    }
    if (record.truncated) {
        m_cards->addNote(tr("Parts of this result were shortened to keep the history small."));
    }
    m_scroll->verticalScrollBar()->setValue(0);
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
            const auto json = ResultCards::jsonInText(item.text);
            if (json && json->isObject() && ResultCards::isShellPayload(json->object())) {
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
        return ResultCards::prettyJson(error);
    }
    return ResultCards::prettyJson(m_record.result);
}

} // namespace AgentBay::Ui
