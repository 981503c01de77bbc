// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QPoint>

namespace AgentBay::Ui {

class TerminalScreen;

// A terminal drawn from its TerminalScreen in the system's monospace font. Keys go to the
// program (Tab and Ctrl+C too); Ctrl+Tab and Ctrl+Shift+Tab move the focus on. Mouse
// selection with Ctrl+Shift+C to copy, Ctrl+Shift+V (or the middle button) to paste;
// Shift+PageUp/PageDown and the wheel scroll back. The screen's size follows the widget's.
class TerminalView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalView)

public:
    explicit TerminalView(QWidget *parent = nullptr);
    ~TerminalView() override;

    TerminalScreen *screen() const { return m_screen; }

    // Bytes from the program.
    void write(const QByteArray &bytes);
    QString selectedText() const;
    void copy();
    void paste();

Q_SIGNALS:
    void input(const QByteArray &bytes); // for the program
    void sizeChanged(int rows, int cols);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void fitScreen();
    void updateScrollBar();
    QPoint cellAt(const QPoint &position) const; // x = column, y = line (scrollback + screen)
    bool isSelected(int line, int col) const;

    TerminalScreen *m_screen;
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    bool m_following = true; // the view stays at the bottom while output comes
    bool m_refreshQueued = false;
    bool m_selecting = false;
    QPoint m_selectionStart{-1, -1};
    QPoint m_selectionEnd{-1, -1};
};

} // namespace AgentBay::Ui
