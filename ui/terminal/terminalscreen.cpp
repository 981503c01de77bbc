// SPDX-License-Identifier: MIT
#include "terminalscreen.h"

#include <vterm.h>

#include <cstring>

namespace AgentBay::Ui {

// libvterm's C callbacks, forwarding to the screen.
struct TerminalScreenCallbacks
{
    static TerminalScreen *self(void *user) { return static_cast<TerminalScreen *>(user); }

    static int damage(VTermRect, void *user)
    {
        Q_EMIT self(user)->changed();
        return 1;
    }

    static int moveCursor(VTermPos pos, VTermPos, int visible, void *user)
    {
        self(user)->m_cursor = QPoint(pos.col, pos.row);
        self(user)->m_cursorVisible = visible;
        Q_EMIT self(user)->changed();
        return 1;
    }

    static int setTermProp(VTermProp prop, VTermValue *value, void *user)
    {
        TerminalScreen *screen = self(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE:
            screen->m_cursorVisible = value->boolean;
            break;
        case VTERM_PROP_ALTSCREEN:
            screen->m_altScreen = value->boolean;
            break;
        case VTERM_PROP_TITLE:
            screen->m_title = QString::fromUtf8(value->string);
            Q_EMIT screen->titleChanged(screen->m_title);
            break;
        default:
            break;
        }
        Q_EMIT screen->changed();
        return 1;
    }

    static int bell(void *user)
    {
        Q_EMIT self(user)->bell();
        return 1;
    }

    static int pushLine(int cols, const VTermScreenCell *cells, void *user)
    {
        TerminalScreen *screen = self(user);
        // Trailing blanks are not kept: most lines are short. The cells are kept as libvterm
        // gave them (one copy per line, nothing converted until the line is shown).
        int used = cols;
        while (used > 0 && cells[used - 1].chars[0] == 0 && VTERM_COLOR_IS_DEFAULT_BG(&cells[used - 1].bg)) {
            --used;
        }
        screen->m_scrollback.emplace_back(
            reinterpret_cast<const char *>(cells), qsizetype(sizeof(VTermScreenCell)) * used);
        if (screen->m_scrollback.size() > size_t(TerminalScreen::maxScrollback)) {
            screen->m_scrollback.pop_front();
        }
        return 1;
    }

    static int popLine(int cols, VTermScreenCell *cells, void *user)
    {
        TerminalScreen *screen = self(user);
        if (screen->m_scrollback.empty()) {
            return 0;
        }
        const QByteArray line = std::move(screen->m_scrollback.back());
        screen->m_scrollback.pop_back();
        const int kept = int(line.size() / qsizetype(sizeof(VTermScreenCell)));
        for (int col = 0; col < cols; ++col) {
            VTermScreenCell &cell = cells[col];
            if (col < kept) {
                std::memcpy(&cell, line.constData() + col * sizeof(VTermScreenCell), sizeof(VTermScreenCell));
                continue;
            }
            cell = VTermScreenCell{};
            cell.width = 1;
            cell.fg.type = VTERM_COLOR_INDEXED | VTERM_COLOR_DEFAULT_FG;
            cell.fg.indexed.idx = 7;
            cell.bg.type = VTERM_COLOR_INDEXED | VTERM_COLOR_DEFAULT_BG;
            cell.bg.indexed.idx = 0;
        }
        return 1;
    }
};

namespace {

const VTermScreenCallbacks screenCallbacks = {
    &TerminalScreenCallbacks::damage,
    nullptr,
    &TerminalScreenCallbacks::moveCursor,
    &TerminalScreenCallbacks::setTermProp,
    &TerminalScreenCallbacks::bell,
    nullptr,
    &TerminalScreenCallbacks::pushLine,
    &TerminalScreenCallbacks::popLine,
};

void output(const char *bytes, size_t length, void *user)
{
    Q_EMIT static_cast<TerminalScreen *>(user)->toProgram(QByteArray(bytes, qsizetype(length)));
}

} // namespace

TerminalScreen::TerminalScreen(int rows, int cols, QObject *parent)
    : QObject(parent)
    , m_rows(qMax(1, rows))
    , m_cols(qMax(1, cols))
{
    m_vterm = vterm_new(m_rows, m_cols);
    vterm_set_utf8(m_vterm, 1);
    vterm_output_set_callback(m_vterm, &output, this);
    m_screen = vterm_obtain_screen(m_vterm);
    vterm_screen_set_callbacks(m_screen, &screenCallbacks, this);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
}

TerminalScreen::~TerminalScreen()
{
    vterm_free(m_vterm);
}

void TerminalScreen::write(const QByteArray &bytes)
{
    vterm_input_write(m_vterm, bytes.constData(), size_t(bytes.size()));
    vterm_screen_flush_damage(m_screen);
}

void TerminalScreen::resize(int rows, int cols)
{
    rows = qBound(1, rows, 500);
    cols = qBound(1, cols, 500);
    if (rows == m_rows && cols == m_cols) {
        return;
    }
    m_rows = rows;
    m_cols = cols;
    vterm_set_size(m_vterm, rows, cols);
    vterm_screen_flush_damage(m_screen);
    Q_EMIT changed();
}

TerminalScreen::Cell TerminalScreen::convert(const void *vtermCell) const
{
    const auto *source = static_cast<const VTermScreenCell *>(vtermCell);
    Cell cell;
    // The right half of a wide character carries no text (libvterm may mark it with -1).
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && source->chars[i] && source->chars[i] <= 0x10FFFF; ++i) {
        const char32_t codePoint = source->chars[i];
        cell.text += QString::fromUcs4(&codePoint, 1);
    }
    cell.width = source->chars[0] == 0xFFFFFFFFu ? 0 : source->width;
    if (cell.text.isEmpty() && cell.width > 0) {
        cell.text = QStringLiteral(" ");
    }
    cell.bold = source->attrs.bold;
    cell.italic = source->attrs.italic;
    cell.underline = source->attrs.underline != 0;
    cell.reverse = source->attrs.reverse;
    VTermColor fg = source->fg;
    VTermColor bg = source->bg;
    if (!VTERM_COLOR_IS_DEFAULT_FG(&fg)) {
        vterm_screen_convert_color_to_rgb(m_screen, &fg);
        cell.foreground = QColor(fg.rgb.red, fg.rgb.green, fg.rgb.blue);
    }
    if (!VTERM_COLOR_IS_DEFAULT_BG(&bg)) {
        vterm_screen_convert_color_to_rgb(m_screen, &bg);
        cell.background = QColor(bg.rgb.red, bg.rgb.green, bg.rgb.blue);
    }
    return cell;
}

TerminalScreen::Cell TerminalScreen::cell(int row, int col) const
{
    VTermScreenCell source;
    if (!vterm_screen_get_cell(m_screen, VTermPos{row, col}, &source)) {
        return {};
    }
    return convert(&source);
}

TerminalScreen::Line TerminalScreen::scrollbackLine(int index) const
{
    const QByteArray &raw = m_scrollback.at(size_t(index));
    const int count = int(raw.size() / qsizetype(sizeof(VTermScreenCell)));
    Line line;
    line.reserve(count);
    for (int col = 0; col < count; ++col) {
        VTermScreenCell cell;
        std::memcpy(&cell, raw.constData() + col * sizeof(VTermScreenCell), sizeof(VTermScreenCell));
        line.append(convert(&cell));
    }
    return line;
}

QString TerminalScreen::rowText(int row) const
{
    QString text;
    for (int col = 0; col < m_cols; ++col) {
        text += cell(row, col).text;
    }
    while (text.endsWith(u' ')) {
        text.chop(1);
    }
    return text;
}

QString TerminalScreen::lineText(int line) const
{
    if (line < scrollbackSize()) {
        QString text;
        for (const Cell &cell : scrollbackLine(line)) {
            text += cell.text;
        }
        while (text.endsWith(u' ')) {
            text.chop(1);
        }
        return text;
    }
    return rowText(line - scrollbackSize());
}

void TerminalScreen::typeChar(uint codePoint, int modifiers)
{
    vterm_keyboard_unichar(m_vterm, codePoint, VTermModifier(modifiers));
}

void TerminalScreen::typeKey(int vtermKey, int modifiers)
{
    vterm_keyboard_key(m_vterm, VTermKey(vtermKey), VTermModifier(modifiers));
}

void TerminalScreen::paste(const QString &text)
{
    vterm_keyboard_start_paste(m_vterm);
    const QList<uint> codePoints = text.toUcs4();
    for (uint codePoint : codePoints) {
        if (codePoint == '\r') {
            continue;
        }
        if (codePoint == '\n') {
            vterm_keyboard_key(m_vterm, VTERM_KEY_ENTER, VTERM_MOD_NONE);
        } else {
            vterm_keyboard_unichar(m_vterm, codePoint, VTERM_MOD_NONE);
        }
    }
    vterm_keyboard_end_paste(m_vterm);
}

} // namespace AgentBay::Ui
