// SPDX-License-Identifier: MIT
#include "fanoutresultcard.h"

#include "resultcards.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

FanOutResultCard::FanOutResultCard(const QString &sessionId, QWidget *parent)
    : QFrame(parent)
    , m_sessionId(sessionId)
{
    setObjectName(u"fanOutCard"_s);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *header = new QHBoxLayout;
    auto *name = new QLabel(sessionId, this);
    name->setObjectName(u"sessionId"_s);
    name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = name->font();
    bold.setWeight(QFont::DemiBold);
    name->setFont(bold);
    name->setToolTip(sessionId);
    name->setMinimumWidth(60); // long ids are cut on narrow cards rather than widening them
    name->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    header->addWidget(name, 1);
    m_state = new QLabel(this);
    m_state->setObjectName(u"state"_s);
    header->addWidget(m_state);
    m_open = new QPushButton(tr("Open"), this);
    m_open->setObjectName(u"open"_s);
    m_open->setToolTip(tr("Show this result in a full result view"));
    m_open->setEnabled(false);
    connect(m_open, &QPushButton::clicked, this, &FanOutResultCard::openRequested);
    header->addWidget(m_open);
    layout->addLayout(header);
    m_note = new QLabel(this);
    m_note->setObjectName(u"diffNote"_s);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"resultText"_s);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMinimumHeight(120);
    layout->addWidget(m_text, 1);
    m_image = new QLabel(this);
    m_image->setObjectName(u"resultImage"_s);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->hide();
    layout->addWidget(m_image, 1);
    setPending(tr("Queued"));
}

FanOutResultCard::~FanOutResultCard() = default;

void FanOutResultCard::setPending(const QString &state)
{
    m_state->setText(state);
    m_state->setStyleSheet(ResultCards::chipStyle(u"#757575"_s));
    m_note->clear();
    m_note->hide();
}

void FanOutResultCard::setResult(const Core::ComparableResult &result,
    const QString &state,
    const QString &stateColor,
    const QSet<int> &differingLines,
    const QString &note,
    bool differs)
{
    m_differs = differs;
    m_state->setText(state);
    m_state->setStyleSheet(ResultCards::chipStyle(stateColor));
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_note->setStyleSheet(differs ? u"color: #b35900;"_s : QString());
    m_open->setEnabled(true);
    const bool image = result.kind == Core::ComparableResult::Kind::Image;
    m_image->setVisible(image);
    m_text->setVisible(!image);
    if (image) {
        QPixmap pixmap;
        pixmap.loadFromData(result.image);
        const QSize box(320, 240); // a grid of thumbnails; small images stay as they are
        const bool big = pixmap.width() > box.width() || pixmap.height() > box.height();
        m_image->setPixmap(big ? pixmap.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation) : pixmap);
        m_image->setText(pixmap.isNull() ? tr("(an image that cannot be shown)") : QString());
        m_highlighted.clear();
        return;
    }
    if (m_text->toPlainText() != result.text) {
        m_text->setPlainText(result.text);
    }
    m_highlighted = differingLines;
    QList<QTextEdit::ExtraSelection> selections;
    for (int line : differingLines) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_text->document()->findBlockByNumber(line));
        selection.format.setBackground(QColor(255, 213, 79, 110));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
    }
    m_text->setExtraSelections(selections);
}

QString FanOutResultCard::text() const
{
    return m_text->toPlainText();
}

} // namespace AgentBay::Ui
