// SPDX-License-Identifier: MIT
// The window's readability and its names for assistive technology, offscreen, in the light and
// the dark palette, against a real agentbay-local: every text role meets WCAG AA (4.5:1) on
// the background it is drawn on, no hint uses the disabled grey, and every control a user can
// operate has a name a screen reader can say.
#include <support/appagainstlocalserver.h>
#include <support/widgetwalk.h>
#include <ui/common/apppalette.h>
#include <ui/common/banner.h>
#include <ui/sessions/sessionitemdelegate.h>
#include <ui/window/mainwindow.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QtTest>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using Ui::AppPalette;

namespace {

constexpr double WcagAA = 4.5;

} // namespace

class tst_WindowAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void paletteTextRoles_meetAA_data();
    void paletteTextRoles_meetAA();
    void windowLabels_areNotDisabledGrey_andMeetAA_data();
    void windowLabels_areNotDisabledGrey_andMeetAA();
    void everyControl_hasAnAccessibleName();
    void statusBadgeText_meetsAA_data();
    void statusBadgeText_meetsAA();
    void banner_meetsAA_data();
    void banner_meetsAA();
    void dialogButtons_haveNoStockColouredIcons();

private:
    void buildWindow();

    Test::AppAgainstLocalServer m_app;
    Ui::MainWindow *m_window = nullptr;
};

void tst_WindowAccessibility::initTestCase()
{
    QVERIFY2(m_app.startServer(), qPrintable(m_app.server()->lastError()));
}

void tst_WindowAccessibility::cleanup()
{
    m_app.reset();
    m_window = nullptr;
}

void tst_WindowAccessibility::buildWindow()
{
    m_window = m_app.makeWindow();
    QVERIFY(m_app.showWindow(QSize(1024, 768)));
    QVERIFY(m_app.connectWindow()); // the empty list's hint is then on screen
}

void tst_WindowAccessibility::paletteTextRoles_meetAA_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(AppPalette::Scheme::Light);
    QTest::newRow("dark") << int(AppPalette::Scheme::Dark);
}

void tst_WindowAccessibility::paletteTextRoles_meetAA()
{
    QFETCH(int, scheme);
    const QPalette p = AppPalette::palette(AppPalette::Scheme(scheme));

    const struct
    {
        const char *what;
        QColor fg;
        QColor bg;
    } pairs[] = {
        {"window text", p.color(QPalette::WindowText), p.color(QPalette::Window)},
        {"text", p.color(QPalette::Text), p.color(QPalette::Base)},
        {"text on alternate rows", p.color(QPalette::Text), p.color(QPalette::AlternateBase)},
        {"hint on base", p.color(QPalette::PlaceholderText), p.color(QPalette::Base)},
        {"hint on window", p.color(QPalette::PlaceholderText), p.color(QPalette::Window)},
        {"hint on alternate rows", p.color(QPalette::PlaceholderText), p.color(QPalette::AlternateBase)},
        {"button text", p.color(QPalette::ButtonText), p.color(QPalette::Button)},
        {"selection", p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)},
        {"selection without focus",
            p.color(QPalette::Inactive, QPalette::HighlightedText),
            p.color(QPalette::Inactive, QPalette::Highlight)},
        {"tool tip", p.color(QPalette::ToolTipText), p.color(QPalette::ToolTipBase)},
        {"link", p.color(QPalette::Link), p.color(QPalette::Base)},
        {"link on window", p.color(QPalette::Link), p.color(QPalette::Window)},
        {"error on window", AppPalette::errorText(p), p.color(QPalette::Window)},
        {"error on base", AppPalette::errorText(p), p.color(QPalette::Base)},
        {"ok on base", AppPalette::okText(p), p.color(QPalette::Base)},
    };

    for (const auto &pair : pairs) {
        const double ratio = AppPalette::contrast(pair.fg, pair.bg);
        QVERIFY2(ratio >= WcagAA,
            qPrintable(u"%1: %2 on %3 is %4:1"_s.arg(QString::fromLatin1(pair.what), pair.fg.name(), pair.bg.name())
                           .arg(ratio, 0, 'f', 2)));
    }
    // The ratio itself can fail: Fusion's half-transparent hint grey on white is below AA.
    QColor fusionHint(Qt::black);
    fusionHint.setAlphaF(0.5);
    QVERIFY(AppPalette::contrast(fusionHint, Qt::white) < WcagAA);
}

void tst_WindowAccessibility::windowLabels_areNotDisabledGrey_andMeetAA_data()
{
    paletteTextRoles_meetAA_data();
}

void tst_WindowAccessibility::windowLabels_areNotDisabledGrey_andMeetAA()
{
    QFETCH(int, scheme);
    const QPalette appPalette = AppPalette::palette(AppPalette::Scheme(scheme));
    QApplication::setPalette(appPalette);
    buildWindow();
    int checked = 0;
    const auto labels = Test::WidgetWalk(m_window).widgetsOf<QLabel>();
    for (QLabel *label : labels) {
        if (!label->isVisible() || label->text().trimmed().isEmpty()) {
            continue;
        }
        // A label is disabled only together with the control it names.
        const bool disabledWithBuddy = label->buddy() && !label->buddy()->isEnabled();
        QVERIFY2(label->isEnabled() || disabledWithBuddy,
            qPrintable(u"hint drawn in the disabled grey: \"%1\""_s.arg(label->text().left(60))));
        const QPalette &p = label->palette();
        const QColor fg = p.color(QPalette::Active, label->foregroundRole());
        const QColor bg = p.color(QPalette::Active, label->backgroundRole());
        const double ratio = AppPalette::contrast(fg, bg);
        QVERIFY2(ratio >= WcagAA,
            qPrintable(
                u"\"%1\": %2 on %3 is %4:1"_s.arg(label->text().left(60), fg.name(), bg.name()).arg(ratio, 0, 'f', 2)));
        ++checked;
    }
    QVERIFY(checked > 3); // the empty state, the counter, the status bar at least
}

void tst_WindowAccessibility::everyControl_hasAnAccessibleName()
{
    buildWindow();
    QStringList unnamed;
    const auto widgets = Test::WidgetWalk(m_window).widgets();
    for (QWidget *widget : widgets) {
        const bool interactive = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget)
            || qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QAbstractItemView *>(widget);
        // A combo box's or spin box's own line edit, and a line edit's own clear button (not in the
        // Tab order; the field's name covers it), go by their owner's name.
        if (!interactive || !widget->isVisible() || qobject_cast<QComboBox *>(widget->parentWidget())
            || qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
            || qobject_cast<QLineEdit *>(widget->parentWidget())) {
            continue;
        }
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        const QString name = accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty()) {
            unnamed.append(
                u"%1 %2"_s.arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName()));
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(u"controls without a name: "_s + unnamed.join(u", "_s)));
}

void tst_WindowAccessibility::statusBadgeText_meetsAA_data()
{
    paletteTextRoles_meetAA_data();
}

void tst_WindowAccessibility::statusBadgeText_meetsAA()
{
    QFETCH(int, scheme);
    const QPalette p = AppPalette::palette(AppPalette::Scheme(scheme));
    using Core::SessionStatus;
    for (const SessionStatus status : {SessionStatus::Running,
             SessionStatus::Pausing,
             SessionStatus::Paused,
             SessionStatus::Error,
             SessionStatus::Unknown}) {
        const QColor color = Ui::SessionItemDelegate::statusColor(status);
        // The pill: the status colour at 14% over the row (as paintBadge draws it).
        for (const QColor &row : {p.color(QPalette::Base), p.color(QPalette::AlternateBase)}) {
            QColor fill = color;
            fill.setAlphaF(0.14);
            const QColor pill = QColor::fromRgbF(fill.redF() * 0.14 + row.redF() * 0.86,
                fill.greenF() * 0.14 + row.greenF() * 0.86,
                fill.blueF() * 0.14 + row.blueF() * 0.86);
            const QColor text = Ui::SessionItemDelegate::badgeText(color, AppPalette::isDark(p));
            const double ratio = AppPalette::contrast(text, pill);
            QVERIFY2(ratio >= WcagAA,
                qPrintable(u"status %1: %2 on %3 is %4:1"_s.arg(int(status))
                               .arg(text.name(), pill.name())
                               .arg(ratio, 0, 'f', 2)));
        }
    }
}

void tst_WindowAccessibility::banner_meetsAA_data()
{
    paletteTextRoles_meetAA_data();
}

void tst_WindowAccessibility::banner_meetsAA()
{
    QFETCH(int, scheme);
    QApplication::setPalette(AppPalette::palette(AppPalette::Scheme(scheme)));
    Ui::Banner banner;
    banner.showMessage(u"Sessions run without a sandbox."_s, QString(), {});
    banner.resize(600, banner.sizeHint().height());
    QVERIFY(QTest::qWaitForWindowExposed(&banner));
    // The strip's own colour, left of the icon (inside the border, outside the text).
    const QImage image = banner.grab().toImage();
    const QColor strip = image.pixelColor(4, image.height() / 2);
    const auto *text = banner.findChild<QLabel *>();
    QVERIFY(text);
    const QColor fg = text->palette().color(QPalette::Active, text->foregroundRole());
    const double ratio = AppPalette::contrast(fg, strip);
    QVERIFY2(ratio >= WcagAA, qPrintable(u"%1 on %2 is %3:1"_s.arg(fg.name(), strip.name()).arg(ratio, 0, 'f', 2)));
}

void tst_WindowAccessibility::dialogButtons_haveNoStockColouredIcons()
{
    AppPalette::apply(AppPalette::Scheme::Light);
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Save);
    for (QAbstractButton *button : buttons.buttons()) {
        QVERIFY2(button->icon().isNull(), qPrintable(button->text()));
    }
    // Message boxes show the window's flat icons.
    const QIcon warning = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    QVERIFY(!warning.isNull());
    QVERIFY(!warning.pixmap(32).isNull());
    QCOMPARE(warning.pixmap(32).toImage(), QIcon(u":/icons/error.svg"_s).pixmap(32).toImage());
    // And the view with the keyboard focus is the one whose selection is not muted.
    QVERIFY(QApplication::style()->styleHint(QStyle::SH_ItemView_ChangeHighlightOnFocus));
    for (const auto scheme : {AppPalette::Scheme::Light, AppPalette::Scheme::Dark}) {
        const QPalette p = AppPalette::palette(scheme);
        QVERIFY(p.color(QPalette::Active, QPalette::Highlight) != p.color(QPalette::Inactive, QPalette::Highlight));
    }
}

QTEST_MAIN(tst_WindowAccessibility)
#include "tst_windowaccessibility.moc"
