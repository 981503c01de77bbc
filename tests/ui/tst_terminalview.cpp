// SPDX-License-Identifier: MIT
// The terminal widget alone (offscreen): libvterm's screen model, scrollback, size, keys,
// selection. What a shell prints is written straight in; no server here.
#include <ui/terminal/terminalscreen.h>
#include <ui/terminal/terminalview.h>

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace AgentBay::Ui;

class tst_TerminalView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ansiColour_rendersIntoTheScreenModel();
    void cursorMovement_placesText();
    void wideCharacters_takeTwoCells();
    void alternateScreen_comesAndGoes();
    void scrollback_holdsTenThousandLines();
    void resize_emitsTheNewSize();
    void ctrlC_andTab_reachTheProgram();
    void ctrlTab_leavesTheTerminal();
    void mouseSelection_isCopied();
    void paste_sendsTheClipboard();
};

void tst_TerminalView::ansiColour_rendersIntoTheScreenModel()
{
    TerminalScreen screen(24, 80);
    screen.write("\x1b[31mred\x1b[0m plain");
    const TerminalScreen::Cell red = screen.cell(0, 0);
    QCOMPARE(red.text, QStringLiteral("r"));
    QVERIFY(red.foreground.isValid());
    QVERIFY2(red.foreground.red() > 150 && red.foreground.green() < 80 && red.foreground.blue() < 80,
        qPrintable(red.foreground.name()));
    QCOMPARE(screen.cell(0, 2).foreground, red.foreground);
    QVERIFY(!screen.cell(0, 4).foreground.isValid()); // after the reset: the default colour
    QCOMPARE(screen.rowText(0), QStringLiteral("red plain"));

    screen.write("\r\n\x1b[1;44mbold\x1b[0m");
    const TerminalScreen::Cell bold = screen.cell(1, 0);
    QVERIFY(bold.bold);
    QVERIFY(bold.background.isValid() && bold.background.blue() > 150);
}

void tst_TerminalView::cursorMovement_placesText()
{
    TerminalScreen screen(10, 40);
    screen.write("\x1b[5;10HX\x1b[2;3HY");
    QCOMPARE(screen.cell(4, 9).text, QStringLiteral("X"));
    QCOMPARE(screen.cell(1, 2).text, QStringLiteral("Y"));
    QCOMPARE(screen.cursor(), QPoint(3, 1));
    screen.write("\x1b[2J\x1b[H");
    QCOMPARE(screen.rowText(4), QString());
}

void tst_TerminalView::wideCharacters_takeTwoCells()
{
    TerminalScreen screen(5, 20);
    screen.write(QStringLiteral("日本x").toUtf8());
    QCOMPARE(screen.cell(0, 0).text, QStringLiteral("日"));
    QCOMPARE(screen.cell(0, 0).width, 2);
    QCOMPARE(screen.cell(0, 1).text, QString());
    QCOMPARE(screen.cell(0, 2).text, QStringLiteral("本"));
    QCOMPARE(screen.cell(0, 4).text, QStringLiteral("x"));
    QCOMPARE(screen.rowText(0), QStringLiteral("日本x"));
    QCOMPARE(screen.cursor(), QPoint(5, 0));
}

void tst_TerminalView::alternateScreen_comesAndGoes()
{
    TerminalScreen screen(10, 40);
    screen.write("shell prompt");
    screen.write("\x1b[?1049h\x1b[H\x1b[2Jfull screen");
    QVERIFY(screen.altScreen());
    QCOMPARE(screen.rowText(0), QStringLiteral("full screen"));
    screen.write("\x1b[?1049l");
    QVERIFY(!screen.altScreen());
    QCOMPARE(screen.rowText(0), QStringLiteral("shell prompt"));
}

void tst_TerminalView::scrollback_holdsTenThousandLines()
{
    TerminalScreen screen(24, 80);
    QByteArray text;
    for (int i = 1; i <= 12000; ++i) {
        text += "line " + QByteArray::number(i) + "\r\n";
    }
    screen.write(text);
    QVERIFY(TerminalScreen::maxScrollback >= 10000);
    QCOMPARE(screen.scrollbackSize(), TerminalScreen::maxScrollback);
    // 12000 lines and an empty one with the cursor: 23 of them on the screen, the rest above,
    // of which the oldest beyond the cap are gone.
    const int onScreen = 23;
    const int first = 12000 - onScreen - TerminalScreen::maxScrollback + 1;
    QCOMPARE(screen.lineText(0), QStringLiteral("line %1").arg(first));
    QCOMPARE(screen.lineText(screen.scrollbackSize() - 1), QStringLiteral("line %1").arg(12000 - onScreen));
    QCOMPARE(screen.rowText(0), QStringLiteral("line %1").arg(12000 - onScreen + 1));
}

void tst_TerminalView::resize_emitsTheNewSize()
{
    TerminalView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int rowsBefore = view.screen()->rows();
    const int colsBefore = view.screen()->cols();
    QSignalSpy sized(&view, &TerminalView::sizeChanged);
    view.resize(450, 250);
    QTRY_VERIFY(!sized.isEmpty()); // delivered with the resize event
    const QList<QVariant> last = sized.last();
    QCOMPARE(last.at(0).toInt(), view.screen()->rows());
    QCOMPARE(last.at(1).toInt(), view.screen()->cols());
    QVERIFY(view.screen()->rows() < rowsBefore);
    QVERIFY(view.screen()->cols() < colsBefore);
}

void tst_TerminalView::ctrlC_andTab_reachTheProgram()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *view = new TerminalView;
    auto *after = new QLineEdit;
    layout->addWidget(view);
    layout->addWidget(after);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QSignalSpy typed(view, &TerminalView::input);
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Tab);
    QTest::keyClicks(view, "ls");
    QTest::keyClick(view, Qt::Key_Return);
    QTest::keyClick(view, Qt::Key_Up);
    QByteArray all;
    for (const QList<QVariant> &bytes : std::as_const(typed)) {
        all += bytes.at(0).toByteArray();
    }
    QCOMPARE(all, QByteArray("\x03\tls\r\x1b[A"));
    QVERIFY(view->hasFocus()); // Tab stayed in the terminal
}

void tst_TerminalView::ctrlTab_leavesTheTerminal()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *view = new TerminalView;
    auto *after = new QLineEdit;
    layout->addWidget(view);
    layout->addWidget(after);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QSignalSpy typed(view, &TerminalView::input);
    QTest::keyClick(view, Qt::Key_Tab, Qt::ControlModifier);
    QTRY_VERIFY(after->hasFocus());
    QCOMPARE(typed.size(), 0);
}

void tst_TerminalView::mouseSelection_isCopied()
{
    TerminalView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.write("hello world\r\nsecond line");
    const QFontMetrics metrics(view.font());
    const int w = metrics.horizontalAdvance(QLatin1Char('M'));
    const int h = metrics.height();
    QWidget *area = view.viewport();
    QTest::mousePress(area, Qt::LeftButton, {}, QPoint(w / 4, h / 2));
    QMouseEvent move(QEvent::MouseMove,
        QPointF(6 * w + w / 4, h + h / 2),
        area->mapToGlobal(QPointF(6 * w + w / 4, h + h / 2)),
        Qt::NoButton,
        Qt::LeftButton,
        Qt::NoModifier);
    QApplication::sendEvent(area, &move);
    QTest::mouseRelease(area, Qt::LeftButton, {}, QPoint(6 * w + w / 4, h + h / 2));
    QCOMPARE(view.selectedText(), QStringLiteral("hello world\nsecond"));
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("hello world\nsecond"));
}

void tst_TerminalView::paste_sendsTheClipboard()
{
    TerminalView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QApplication::clipboard()->setText(QStringLiteral("echo hi\n"));
    QSignalSpy typed(&view, &TerminalView::input);
    QTest::keyClick(&view, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QByteArray all;
    for (const QList<QVariant> &bytes : std::as_const(typed)) {
        all += bytes.at(0).toByteArray();
    }
    QCOMPARE(all, QByteArray("echo hi\r"));
}

QTEST_MAIN(tst_TerminalView)
#include "tst_terminalview.moc"
