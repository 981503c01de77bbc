// SPDX-License-Identifier: MIT
#include "jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x0b, 0x4f, 0x9c));
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_keyword.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x7a, 0x3e, 0x9d));
    m_keyword.setFontWeight(QFont::DemiBold);
}

JsonHighlighter::~JsonHighlighter() = default;

void JsonHighlighter::highlightBlock(const QString &text)
{
    // One pass over strings first, so that numbers and keywords inside strings stay plain.
    static const QRegularExpression token(
        uR"("(?:[^"\\]|\\.)*"(\s*:)?|-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b|\b(?:true|false|null)\b)"_s);
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString captured = match.captured(0);
        if (captured.startsWith(u'"')) {
            const bool isKey = match.capturedLength(1) > 0;
            const qsizetype length = isKey ? match.capturedStart(1) - match.capturedStart(0) : match.capturedLength(0);
            setFormat(int(match.capturedStart(0)), int(length), isKey ? m_key : m_string);
        } else if (captured.front().isLetter()) {
            setFormat(int(match.capturedStart(0)), int(match.capturedLength(0)), m_keyword);
        } else {
            setFormat(int(match.capturedStart(0)), int(match.capturedLength(0)), m_number);
        }
    }
}

} // namespace AgentBay::Ui
