// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/session.h>

#include <QColor>
#include <QStyledItemDelegate>

namespace AgentBay::Ui {

// Paints the status column as a coloured badge and the labels column as compact chips; every
// other cell as the style does.
class SessionItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionItemDelegate)

public:
    explicit SessionItemDelegate(QObject *parent = nullptr);
    ~SessionItemDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor statusColor(Core::SessionStatus status);
    // The badge's text colour for a status colour, on a light or a dark row.
    static QColor badgeText(const QColor &status, bool dark);
    // Draws a badge with a dot and text inside rect; returns the width used.
    static int paintBadge(QPainter *painter,
        const QRect &rect,
        const QString &text,
        const QColor &color,
        const QFont &font,
        bool selected);

private:
    void paintLabels(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace AgentBay::Ui
