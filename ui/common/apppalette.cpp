// SPDX-License-Identifier: MIT
#include "apppalette.h"

#include <QApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QProxyStyle>
#include <QStyleFactory>

#include <cmath>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

double channel(double value)
{
    const double c = value;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

// Fusion with one change: dialog buttons get no stock icons (the old coloured tick and cross);
// buttons that need one get a line icon from our set.
class LineIconStyle final : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    int styleHint(
        StyleHint hint, const QStyleOption *option, const QWidget *widget, QStyleHintReturn *ret) const override
    {
        if (hint == SH_DialogButtonBox_ButtonsHaveIcons) {
            return 0;
        }
        // A list or table without the focus shows its selection muted (the palette's Inactive
        // highlight): the one in bright blue is the one the keys go to.
        if (hint == SH_ItemView_ChangeHighlightOnFocus) {
            return 1;
        }
        return QProxyStyle::styleHint(hint, option, widget, ret);
    }

    // Message boxes take the window's own flat icons, not the old glossy triangle and bubbles.
    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const override
    {
        switch (icon) {
        case SP_MessageBoxWarning:
        case SP_MessageBoxCritical:
            return QIcon(u":/icons/error.svg"_s);
        case SP_MessageBoxInformation:
        case SP_MessageBoxQuestion:
            return QIcon(u":/icons/info.svg"_s);
        default:
            return QProxyStyle::standardIcon(icon, option, widget);
        }
    }
};

void setAll(QPalette &palette, QPalette::ColorRole role, const QColor &color)
{
    palette.setColor(QPalette::Active, role, color);
    palette.setColor(QPalette::Inactive, role, color);
}

} // namespace

QPalette AppPalette::palette(Scheme scheme)
{
    QPalette p;
    const bool dark = scheme == Scheme::Dark;
    const QColor window = dark ? QColor(0x20, 0x21, 0x24) : QColor(0xf3, 0xf3, 0xf3);
    const QColor base = dark ? QColor(0x17, 0x18, 0x1a) : QColor(0xff, 0xff, 0xff);
    const QColor text = dark ? QColor(0xe8, 0xea, 0xed) : QColor(0x1f, 0x1f, 0x1f);
    // Hints: quieter than text yet >= 4.5:1 on Window and Base (Fusion's half-alpha text is ~3.9:1).
    const QColor hint = dark ? QColor(0xa8, 0xab, 0xb0) : QColor(0x5f, 0x63, 0x68);
    const QColor button = dark ? QColor(0x30, 0x31, 0x34) : QColor(0xe8, 0xe8, 0xe8);
    const QColor highlight = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x5f, 0xb4);
    const QColor highlighted = dark ? QColor(0x10, 0x10, 0x10) : QColor(0xff, 0xff, 0xff);
    const QColor link = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x0b, 0x57, 0xd0);
    for (const auto &[role, color] : std::initializer_list<std::pair<QPalette::ColorRole, QColor>>{
             {QPalette::Window, window},
             {QPalette::WindowText, text},
             {QPalette::Base, base},
             {QPalette::AlternateBase, dark ? QColor(0x24, 0x25, 0x28) : QColor(0xf7, 0xf7, 0xf7)},
             {QPalette::Text, text},
             {QPalette::PlaceholderText, hint},
             {QPalette::Button, button},
             {QPalette::ButtonText, text},
             {QPalette::BrightText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e)},
             {QPalette::Highlight, highlight},
             {QPalette::HighlightedText, highlighted},
             {QPalette::Link, link},
             {QPalette::LinkVisited, dark ? QColor(0xc5, 0x8a, 0xf9) : QColor(0x68, 0x1d, 0xa8)},
             {QPalette::ToolTipBase, dark ? QColor(0x3c, 0x40, 0x43) : QColor(0xff, 0xff, 0xe1)},
             {QPalette::ToolTipText, text},
             {QPalette::Light, dark ? QColor(0x4a, 0x4b, 0x4e) : QColor(0xff, 0xff, 0xff)},
             {QPalette::Midlight, dark ? QColor(0x3a, 0x3b, 0x3e) : QColor(0xe3, 0xe3, 0xe3)},
             {QPalette::Mid, dark ? QColor(0x50, 0x52, 0x55) : QColor(0xa0, 0xa0, 0xa0)},
             {QPalette::Dark, dark ? QColor(0x10, 0x10, 0x10) : QColor(0x80, 0x80, 0x80)},
             {QPalette::Shadow, QColor(0, 0, 0)},
         }) {
        setAll(p, role, color);
        p.setColor(QPalette::Disabled, role, color);
    }
    // The selection of a view without the focus (see LineIconStyle): muted, its text the plain text.
    p.setColor(QPalette::Inactive, QPalette::Highlight, dark ? QColor(0x3c, 0x4a, 0x5e) : QColor(0xd3, 0xdc, 0xe8));
    p.setColor(QPalette::Inactive, QPalette::HighlightedText, text);
    // Disabled controls (not hints) stay visibly off.
    const QColor disabledText = dark ? QColor(0x6f, 0x72, 0x76) : QColor(0x9e, 0x9e, 0x9e);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    return p;
}

AppPalette::Scheme AppPalette::systemScheme()
{
    const QByteArray forced = qgetenv("AGENTBAY_COLOR_SCHEME").toLower();
    if (forced == "dark" || forced == "light") {
        return forced == "dark" ? Scheme::Dark : Scheme::Light;
    }
    if (isDark(QGuiApplication::palette())) {
        return Scheme::Dark;
    }
    return qgetenv("GTK_THEME").toLower().contains(":dark") ? Scheme::Dark : Scheme::Light;
}

bool AppPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor AppPalette::errorText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

QColor AppPalette::okText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x81, 0xc9, 0x95) : QColor(0x13, 0x73, 0x33);
}

void AppPalette::apply(Scheme scheme)
{
    QApplication::setStyle(new LineIconStyle(QStyleFactory::create(u"Fusion"_s)));
    QApplication::setPalette(palette(scheme));
}

double AppPalette::contrast(const QColor &foreground, const QColor &background)
{
    const double alpha = foreground.alphaF();
    const QColor blended = QColor::fromRgbF(foreground.redF() * alpha + background.redF() * (1 - alpha),
        foreground.greenF() * alpha + background.greenF() * (1 - alpha),
        foreground.blueF() * alpha + background.blueF() * (1 - alpha));
    const double a = luminance(blended) + 0.05;
    const double b = luminance(background) + 0.05;
    return a > b ? a / b : b / a;
}

} // namespace AgentBay::Ui
