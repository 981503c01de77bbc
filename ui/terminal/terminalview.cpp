// SPDX-License-Identifier: MIT
#include "terminalview.h"

#include <ui/terminal/terminalscreen.h>

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <vterm_keycodes.h>

#include <utility>

namespace AgentBay::Ui {

namespace {

int vtermModifiers(Qt::KeyboardModifiers modifiers)
{
    int result = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier) {
        result |= VTERM_MOD_SHIFT;
    }
    if (modifiers & Qt::AltModifier) {
        result |= VTERM_MOD_ALT;
    }
    if (modifiers & Qt::ControlModifier) {
        result |= VTERM_MOD_CTRL;
    }
    return result;
}

int vtermKey(int key)
{
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return VTERM_KEY_ENTER;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return VTERM_KEY_TAB;
    case Qt::Key_Backspace:
        return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape:
        return VTERM_KEY_ESCAPE;
    case Qt::Key_Up:
        return VTERM_KEY_UP;
    case Qt::Key_Down:
        return VTERM_KEY_DOWN;
    case Qt::Key_Left:
        return VTERM_KEY_LEFT;
    case Qt::Key_Right:
        return VTERM_KEY_RIGHT;
    case Qt::Key_Insert:
        return VTERM_KEY_INS;
    case Qt::Key_Delete:
        return VTERM_KEY_DEL;
    case Qt::Key_Home:
        return VTERM_KEY_HOME;
    case Qt::Key_End:
        return VTERM_KEY_END;
    case Qt::Key_PageUp:
        return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown:
        return VTERM_KEY_PAGEDOWN;
    default:
        if (key >= Qt::Key_F1 && key <= Qt::Key_F12) {
            return VTERM_KEY_FUNCTION(key - Qt::Key_F1 + 1);
        }
        return VTERM_KEY_NONE;
    }
}

} // namespace

TerminalView::TerminalView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_screen(new TerminalScreen(24, 80, this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, false);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(false);
    setAccessibleName(tr("Terminal"));
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const QFontMetrics metrics(font());
    m_cellWidth = qMax(1, metrics.horizontalAdvance(QLatin1Char('M')));
    m_cellHeight = qMax(1, metrics.height());
    m_ascent = metrics.ascent();
    // A burst of output changes the screen thousands of times: one refresh per turn.
    connect(m_screen, &TerminalScreen::changed, this, [this] {
        if (!std::exchange(m_refreshQueued, true)) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_refreshQueued = false;
                    updateScrollBar();
                    viewport()->update();
                },
                Qt::QueuedConnection);
        }
    });
    connect(m_screen, &TerminalScreen::toProgram, this, &TerminalView::input);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_following = value >= verticalScrollBar()->maximum();
        viewport()->update();
    });
}

TerminalView::~TerminalView() = default;

void TerminalView::write(const QByteArray &bytes)
{
    m_screen->write(bytes);
}

void TerminalView::updateScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    const int maximum = m_screen->altScreen() ? 0 : m_screen->scrollbackSize();
    bar->setRange(0, maximum);
    bar->setPageStep(m_screen->rows());
    if (m_following) {
        bar->setValue(maximum);
    }
}

void TerminalView::fitScreen()
{
    const int cols = qMax(2, viewport()->width() / m_cellWidth);
    const int rows = qMax(1, viewport()->height() / m_cellHeight);
    if (cols == m_screen->cols() && rows == m_screen->rows()) {
        return;
    }
    m_screen->resize(rows, cols);
    updateScrollBar();
    Q_EMIT sizeChanged(rows, cols);
}

void TerminalView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    fitScreen();
}

bool TerminalView::event(QEvent *event)
{
    // Tab belongs to the program while the terminal has focus; Ctrl+Tab leaves.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab)) {
            if (key->modifiers() & Qt::ControlModifier) {
                focusNextPrevChild(key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier));
                return true;
            }
            keyPressEvent(key);
            return true;
        }
    }
    if (event->type() == QEvent::ShortcutOverride) {
        // Keys the program should have are not taken by the window's shortcuts.
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers mods = key->modifiers();
        if (!(mods & Qt::ControlModifier && mods & Qt::ShiftModifier) || key->key() == Qt::Key_C
            || key->key() == Qt::Key_V) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void TerminalView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers();
    const bool ctrlShift = (mods & Qt::ControlModifier) && (mods & Qt::ShiftModifier);
    if (ctrlShift && event->key() == Qt::Key_C) {
        copy();
        return;
    }
    if (ctrlShift && event->key() == Qt::Key_V) {
        paste();
        return;
    }
    if ((mods & Qt::ShiftModifier) && (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown)) {
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->value() + (event->key() == Qt::Key_PageUp ? -1 : 1) * bar->pageStep());
        return;
    }
    m_following = true;
    updateScrollBar();
    const int key = vtermKey(event->key());
    if (key != VTERM_KEY_NONE) {
        m_screen->typeKey(key, vtermModifiers(mods));
        return;
    }
    // Ctrl+letter (Ctrl+C among them): libvterm makes the control byte from the letter.
    if ((mods & Qt::ControlModifier) && event->key() >= Qt::Key_A && event->key() <= Qt::Key_Z) {
        m_screen->typeChar(uint('a' + (event->key() - Qt::Key_A)), vtermModifiers(mods & ~Qt::ShiftModifier));
        return;
    }
    const QList<uint> codePoints = event->text().toUcs4();
    for (uint codePoint : codePoints) {
        if (codePoint >= 0x20 && codePoint != 0x7F) {
            m_screen->typeChar(codePoint, vtermModifiers(mods & ~(Qt::ShiftModifier | Qt::ControlModifier)));
        }
    }
}

QPoint TerminalView::cellAt(const QPoint &position) const
{
    const int first = m_screen->altScreen() ? 0 : verticalScrollBar()->value();
    const int col = qBound(0, position.x() / m_cellWidth, m_screen->cols() - 1);
    const int row = qBound(0, position.y() / m_cellHeight, m_screen->rows() - 1);
    return QPoint(col, first + row + (m_screen->altScreen() ? m_screen->scrollbackSize() : 0));
}

bool TerminalView::isSelected(int line, int col) const
{
    if (m_selectionStart.x() < 0 || m_selectionStart == m_selectionEnd) {
        return false;
    }
    QPoint from = m_selectionStart;
    QPoint to = m_selectionEnd;
    if (to.y() < from.y() || (to.y() == from.y() && to.x() < from.x())) {
        std::swap(from, to);
    }
    if (line < from.y() || line > to.y()) {
        return false;
    }
    if (line == from.y() && col < from.x()) {
        return false;
    }
    return !(line == to.y() && col >= to.x());
}

QString TerminalView::selectedText() const
{
    if (m_selectionStart.x() < 0 || m_selectionStart == m_selectionEnd) {
        return {};
    }
    QPoint from = m_selectionStart;
    QPoint to = m_selectionEnd;
    if (to.y() < from.y() || (to.y() == from.y() && to.x() < from.x())) {
        std::swap(from, to);
    }
    QStringList lines;
    for (int line = from.y(); line <= to.y(); ++line) {
        const QString text = m_screen->lineText(line);
        const int start = line == from.y() ? from.x() : 0;
        const int end = line == to.y() ? to.x() : int(text.size());
        lines.append(text.mid(start, qMax(0, end - start)));
    }
    return lines.join(u'\n');
}

void TerminalView::copy()
{
    const QString text = selectedText();
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
    }
}

void TerminalView::paste()
{
    const QString text = QApplication::clipboard()->text();
    if (!text.isEmpty()) {
        m_screen->paste(text);
    }
}

void TerminalView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        const QString text = QApplication::clipboard()->text(QClipboard::Selection);
        if (!text.isEmpty()) {
            m_screen->paste(text);
        }
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_selecting = true;
        m_selectionStart = m_selectionEnd = cellAt(event->position().toPoint());
        viewport()->update();
    }
}

void TerminalView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_selecting) {
        m_selectionEnd = cellAt(event->position().toPoint());
        viewport()->update();
    }
}

void TerminalView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_selecting && event->button() == Qt::LeftButton) {
        m_selecting = false;
        m_selectionEnd = cellAt(event->position().toPoint());
        if (QApplication::clipboard()->supportsSelection()) {
            QApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
        }
        viewport()->update();
    }
}

void TerminalView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void TerminalView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void TerminalView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette colours = palette();
    const QColor defaultBackground = colours.color(QPalette::Base);
    const QColor defaultForeground = colours.color(QPalette::Text);
    painter.fillRect(viewport()->rect(), defaultBackground);
    QFont plain = font();
    QFont bold = plain;
    bold.setBold(true);
    const int scrollback = m_screen->scrollbackSize();
    const int first = m_screen->altScreen() ? scrollback : verticalScrollBar()->value();
    for (int row = 0; row < m_screen->rows(); ++row) {
        const int line = first + row;
        const int y = row * m_cellHeight;
        const bool old = line < scrollback;
        const TerminalScreen::Line kept = old ? m_screen->scrollbackLine(line) : TerminalScreen::Line();
        const int cols = old ? int(kept.size()) : m_screen->cols();
        for (int col = 0; col < cols; ++col) {
            const TerminalScreen::Cell cell = old ? kept.at(col) : m_screen->cell(line - scrollback, col);
            if (cell.width == 0) {
                continue;
            }
            QColor foreground = cell.foreground.isValid() ? cell.foreground : defaultForeground;
            QColor background = cell.background.isValid() ? cell.background : defaultBackground;
            if (cell.reverse != isSelected(line, col)) {
                std::swap(foreground, background);
            }
            const QRect box(col * m_cellWidth, y, m_cellWidth * qMax(1, cell.width), m_cellHeight);
            if (background != defaultBackground) {
                painter.fillRect(box, background);
            }
            if (!cell.text.isEmpty() && cell.text != u" ") {
                QFont face = cell.bold ? bold : plain;
                face.setItalic(cell.italic);
                face.setUnderline(cell.underline);
                painter.setFont(face);
                painter.setPen(foreground);
                painter.drawText(box.x(), y + m_ascent, cell.text);
            }
        }
    }
    // The cursor: a block while focused, an outline otherwise.
    const QPoint cursor = m_screen->cursor();
    const int cursorLine = scrollback + cursor.y();
    if (m_screen->cursorVisible() && cursorLine >= first && cursorLine < first + m_screen->rows()) {
        const QRect box(cursor.x() * m_cellWidth, (cursorLine - first) * m_cellHeight, m_cellWidth, m_cellHeight);
        if (hasFocus()) {
            painter.fillRect(box, defaultForeground);
            const TerminalScreen::Cell cell = m_screen->cell(cursor.y(), cursor.x());
            painter.setFont(plain);
            painter.setPen(defaultBackground);
            painter.drawText(box.x(), box.y() + m_ascent, cell.text);
        } else {
            painter.setPen(defaultForeground);
            painter.drawRect(box.adjusted(0, 0, -1, -1));
        }
    }
}

} // namespace AgentBay::Ui
