// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPalette>

namespace AgentBay::Ui {

// The window's light and dark palettes, chosen so every text role the window draws (text,
// hints, links, errors, selections, tool tips) reads at 4.5:1 or better (WCAG AA) on the
// background it is drawn on. Hints use PlaceholderText, never the disabled grey.
class AppPalette final
{
public:
    enum class Scheme {
        Light,
        Dark
    };

    static QPalette palette(Scheme scheme);
    // Dark when AGENTBAY_COLOR_SCHEME says so, else when the platform's own palette is dark
    // (GNOME/KDE themes hand one over), else when GTK_THEME asks for a dark variant.
    static Scheme systemScheme();
    static bool isDark(const QPalette &palette);
    // Text for problems and for success, readable on the palette's Window and Base.
    static QColor errorText(const QPalette &palette);
    static QColor okText(const QPalette &palette);
    // Applies Fusion and the palette for scheme to the running QApplication.
    static void apply(Scheme scheme);

    // WCAG 2 contrast ratio of two opaque colours (1 to 21); alpha is blended over background.
    static double contrast(const QColor &foreground, const QColor &background);
};

} // namespace AgentBay::Ui
