// SPDX-License-Identifier: MIT
#include "sessionitemdelegate.h"

#include "sessionlistmodel.h"

#include <ui/common/apppalette.h>

#include <QApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

constexpr int CellPadding = 6;
constexpr int BadgeHPadding = 8;
constexpr int ChipHPadding = 6;
constexpr int ChipSpacing = 4;

void drawBackground(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    QStyleOptionViewItem opt = option;
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDisplay;
    opt.index = index;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

} // namespace

SessionItemDelegate::SessionItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

SessionItemDelegate::~SessionItemDelegate() = default;

QColor SessionItemDelegate::statusColor(Core::SessionStatus status)
{
    switch (status) {
    case Core::SessionStatus::Running:
        return QColor(0x1e, 0x8e, 0x3e);
    case Core::SessionStatus::Pausing:
    case Core::SessionStatus::Resuming:
        return QColor(0xd9, 0x80, 0x00);
    case Core::SessionStatus::Paused:
        return QColor(0x3b, 0x6e, 0xc9);
    case Core::SessionStatus::Deleting:
    case Core::SessionStatus::Error:
    case Core::SessionStatus::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case Core::SessionStatus::Deleted:
    case Core::SessionStatus::Finish:
    case Core::SessionStatus::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QColor SessionItemDelegate::badgeText(const QColor &status, bool dark)
{
    // Darker than the status colour on light rows, lighter on dark ones: 4.5:1 either way.
    return dark ? status.lighter(170) : status.darker(150);
}

int SessionItemDelegate::paintBadge(
    QPainter *painter, const QRect &rect, const QString &text, const QColor &color, const QFont &font, bool selected)
{
    const QFontMetrics metrics(font);
    const int height = qMin(rect.height() - 4, metrics.height() + 4);
    const int dot = qMax(6, metrics.height() / 2 - 1);
    const int width = BadgeHPadding + dot + 6 + metrics.horizontalAdvance(text) + BadgeHPadding;
    const QRectF badge(rect.left(), rect.center().y() - height / 2.0 + 0.5, qMin(width, rect.width()), height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // On a selected row a light pill keeps the status colour readable against the highlight.
    QColor fill = color;
    fill.setAlphaF(0.14F);
    if (selected) {
        fill = QColor(255, 255, 255, 235);
    }
    QColor border = color;
    border.setAlphaF(0.55F);
    painter->setPen(QPen(border, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);

    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(QRectF(badge.left() + BadgeHPadding, badge.center().y() - dot / 2.0, dot, dot));

    painter->setFont(font);
    painter->setPen(badgeText(color, !selected && AppPalette::isDark(QGuiApplication::palette())));
    const QRectF textRect = badge.adjusted(BadgeHPadding + dot + 6, 0, -BadgeHPadding + 2, 0);
    painter->drawText(
        textRect, Qt::AlignVCenter | Qt::AlignLeft, metrics.elidedText(text, Qt::ElideRight, int(textRect.width())));
    painter->restore();
    return width;
}

void SessionItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int column = index.column();
    if (column != SessionListModel::StatusColumn && column != SessionListModel::LabelsColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    drawBackground(painter, opt, index);

    if (column == SessionListModel::StatusColumn) {
        const auto status = Core::SessionStatus(index.data(SessionListModel::StatusRole).toInt());
        QFont font = opt.font;
        font.setPointSizeF(font.pointSizeF() * 0.92);
        font.setWeight(QFont::DemiBold);
        const QRect rect = opt.rect.adjusted(CellPadding, 0, -CellPadding, 0);
        paintBadge(painter,
            rect,
            index.data(Qt::DisplayRole).toString(),
            statusColor(status),
            font,
            opt.state.testFlag(QStyle::State_Selected));
        return;
    }
    paintLabels(painter, opt, index);
}

void SessionItemDelegate::paintLabels(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    // The row's colours as the style draws them: a table without the focus mutes its selection
    // (the Inactive group), and the chips' text must follow it.
    QPalette palette = option.palette;
    palette.setCurrentColorGroup(!option.state.testFlag(QStyle::State_Enabled) ? QPalette::Disabled
            : option.state.testFlag(QStyle::State_Active)                      ? QPalette::Active
                                                                               : QPalette::Inactive);
    const QRect rect = option.rect.adjusted(CellPadding, 0, -CellPadding, 0);
    painter->save();
    painter->setClipRect(option.rect);

    if (!index.data(SessionListModel::LabelsLoadedRole).toBool()) {
        painter->setPen(palette.color(QPalette::Disabled, QPalette::Text));
        painter->drawText(rect, Qt::AlignVCenter | Qt::AlignLeft, index.data().toString());
        painter->restore();
        return;
    }

    const auto labels = index.data(SessionListModel::LabelsRole).value<Core::Labels>();
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    QFont keyFont = font;
    const QFontMetrics metrics(font);
    const int height = qMin(rect.height() - 6, metrics.height() + 2);
    const qreal top = rect.center().y() - height / 2.0 + 0.5;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);

    const QColor chipFill = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    int x = rect.left();
    int shown = 0;
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it, ++shown) {
        const QString key = it.key();
        const QString value = it.value();
        const int keyWidth = metrics.horizontalAdvance(key);
        const int valueWidth = metrics.horizontalAdvance(value);
        int width = ChipHPadding + keyWidth + 1 + ChipHPadding + valueWidth + ChipHPadding;
        const int remaining = int(labels.size()) - shown;
        const QString more = u"+%1"_s.arg(remaining);
        const int reserve = remaining > 1 ? metrics.horizontalAdvance(more) + ChipSpacing : 0; // plain text
        int valueRoom = valueWidth;
        // The first chip always shows; in a narrow column its value elides so that "+N" still
        // says that there are more.
        if (shown == 0 && reserve > 0 && x + width + reserve > rect.right()) {
            valueRoom = qMax(0, rect.right() - reserve - x - (width - valueWidth));
            width -= valueWidth - valueRoom;
        }
        if (x + width + reserve > rect.right() && shown > 0) {
            painter->setPen(palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
            painter->drawText(
                QRect(x, rect.top(), rect.right() - x, rect.height()), Qt::AlignVCenter | Qt::AlignLeft, more);
            break;
        }
        const QRectF chip(x, top, width, height);
        QColor fill = chipFill;
        fill.setAlphaF(0.07F);
        QColor border = chipFill;
        border.setAlphaF(0.22F);
        painter->setPen(QPen(border, 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        // The key part gets a slightly stronger shade, like a two-tone tag.
        QPainterPath keyPath;
        keyPath.addRoundedRect(
            QRectF(x, top, ChipHPadding + keyWidth + ChipHPadding / 2.0, height).adjusted(1, 1, 0, -1), 3, 3);
        QColor keyFill = chipFill;
        keyFill.setAlphaF(0.08F);
        painter->fillPath(keyPath, keyFill);

        painter->setPen(selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::PlaceholderText));
        painter->setFont(keyFont);
        painter->drawText(QRectF(x + ChipHPadding, top, keyWidth + 1, height), Qt::AlignVCenter | Qt::AlignLeft, key);
        painter->setPen(selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text));
        painter->drawText(QRectF(x + ChipHPadding + keyWidth + 1 + ChipHPadding, top, valueRoom + 1, height),
            Qt::AlignVCenter | Qt::AlignLeft,
            metrics.elidedText(value, Qt::ElideRight, qMin(valueRoom + 1, qMax(0, rect.right() - x))));
        x += width + ChipSpacing;
    }
    painter->restore();
}

QSize SessionItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    size.setHeight(qMax(size.height(), metrics.height() + 10));
    if (index.column() == SessionListModel::StatusColumn) {
        size.setWidth(metrics.horizontalAdvance(index.data().toString()) + 2 * CellPadding + 2 * BadgeHPadding + 16);
    }
    return size;
}

} // namespace AgentBay::Ui
