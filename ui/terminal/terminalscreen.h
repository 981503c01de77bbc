// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QObject>
#include <QPoint>
#include <QString>

#include <deque>

struct VTerm;
struct VTermScreen;

namespace AgentBay::Ui {

// The screen model of one terminal: libvterm parses what the program prints (ANSI colours,
// cursor movement, the alternate screen of full-screen programs) and keeps the visible
// cells; lines scrolled off the top go to a scrollback of at least maxScrollback lines.
// Keys typed go through libvterm too, so they are encoded as the program's modes want
// (application cursor keys, bracketed paste); the bytes come out as toProgram().
class TerminalScreen final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalScreen)

public:
    struct Cell
    {
        QString text; // empty for the right half of a wide character
        QColor foreground; // invalid: the default colour
        QColor background; // invalid: the default colour
        bool bold = false;
        bool italic = false;
        bool underline = false;
        bool reverse = false;
        int width = 1;
    };

    using Line = QList<Cell>;

    explicit TerminalScreen(int rows = 24, int cols = 80, QObject *parent = nullptr);
    ~TerminalScreen() override;

    int rows() const { return m_rows; }

    int cols() const { return m_cols; }

    // Bytes from the program.
    void write(const QByteArray &bytes);
    void resize(int rows, int cols);

    // A visible cell (row 0 is the top of the screen).
    Cell cell(int row, int col) const;

    // Lines above the screen, oldest first.
    int scrollbackSize() const { return int(m_scrollback.size()); }

    Line scrollbackLine(int index) const;

    // Text of a visible row, or of a line counted from the top of the scrollback (line <
    // scrollbackSize() is scrollback, then the screen's rows).
    QString rowText(int row) const;
    QString lineText(int line) const;

    QPoint cursor() const { return m_cursor; } // x = column, y = row

    bool cursorVisible() const { return m_cursorVisible; }

    bool altScreen() const { return m_altScreen; }

    QString title() const { return m_title; }

    // Keys: text typed (one code point each) and special keys (libvterm's VTermKey), with
    // libvterm's modifier bits (1 shift, 2 alt, 4 ctrl).
    void typeChar(uint codePoint, int modifiers);
    void typeKey(int vtermKey, int modifiers);
    void paste(const QString &text);

    static constexpr int maxScrollback = 10000;

Q_SIGNALS:
    void changed();
    void toProgram(const QByteArray &bytes);
    void titleChanged(const QString &title);
    void bell();

private:
    Cell convert(const void *vtermCell) const;

    friend struct TerminalScreenCallbacks;

    VTerm *m_vterm = nullptr;
    VTermScreen *m_screen = nullptr;
    int m_rows;
    int m_cols;
    std::deque<QByteArray> m_scrollback; // libvterm's cells of each line, trailing blanks cut
    QPoint m_cursor;
    bool m_cursorVisible = true;
    bool m_altScreen = false;
    QString m_title;
};

} // namespace AgentBay::Ui
