// SPDX-License-Identifier: MIT
// The status bar's passing message at 1024 px: a long message is elided, never cut, and its
// whole text is reachable (tooltip, accessible description).
#include <support/appagainstlocalserver.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/window/mainwindow.h>
#include <ui/window/statusmessagelabel.h>

#include <QMainWindow>
#include <QStatusBar>
#include <QTest>

using namespace AgentBay;

namespace {

const QString LongMessage =
    QStringLiteral("Deleted 3 sessions: session-0123456789abcdefghij, session-abcdefghij0123456789 and "
                   "session-zyxwvutsrq9876543210; their tool histories and saved drafts are kept until you clear them");

} // namespace

class tst_StatusMessageLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longMessage_elidedWithTheWholeTextInTheTooltip();
    void shortMessage_shownWhole_thenClearsAfterItsTimeout();
    void window_at1024_messageFitsBesideTheIndicators();
};

void tst_StatusMessageLabel::longMessage_elidedWithTheWholeTextInTheTooltip()
{
    QMainWindow window;
    auto *label = new Ui::StatusMessageLabel(window.statusBar());
    window.statusBar()->addWidget(label, 1);
    window.resize(500, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    label->showMessage(LongMessage);
    QCOMPARE(label->message(), LongMessage);
    QVERIFY2(label->text().endsWith(u'…'), qPrintable(label->text()));
    QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width());
    QCOMPARE(label->toolTip(), LongMessage);
    QCOMPARE(label->accessibleDescription(), LongMessage);
    // Wider: more of it shows, the whole of it once it fits.
    window.resize(2400, 300);
    QTRY_COMPARE(label->text(), LongMessage);
}

void tst_StatusMessageLabel::shortMessage_shownWhole_thenClearsAfterItsTimeout()
{
    Ui::StatusMessageLabel label;
    label.resize(300, 30);
    label.showMessage(QStringLiteral("Settings saved"), 50);
    QCOMPARE(label.text(), QStringLiteral("Settings saved"));
    QTRY_VERIFY(label.text().isEmpty());
    QVERIFY(label.toolTip().isEmpty());
    QVERIFY(label.message().isEmpty());
}

void tst_StatusMessageLabel::window_at1024_messageFitsBesideTheIndicators()
{
    Test::AppAgainstLocalServer app; // the window alone, never connected
    QVERIFY(app.isValid());
    Ui::MainWindow &window = *app.makeWindow();
    QVERIFY(app.showWindow(QSize(1024, 768)));
    Ui::StatusMessageLabel *label = window.statusMessage();
    QVERIFY(label && label->isVisible());
    Q_EMIT window.detailPane()->statusMessage(LongMessage); // as a copied link reports itself
    QCOMPARE(label->message(), LongMessage);
    QCOMPARE(label->toolTip(), LongMessage);
    // Inside the window and not drawn past its own width: elided, not cut.
    const QRect inWindow(label->mapTo(&window, QPoint(0, 0)), label->size());
    QVERIFY(window.rect().contains(inWindow));
    QVERIFY2(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width(),
        qPrintable(label->text()));
    QVERIFY2(label->text() == LongMessage || label->text().endsWith(u'…'), qPrintable(label->text()));
    // Enough of it to read what happened.
    QVERIFY2(label->width() >= 200, qPrintable(QString::number(label->width())));
}

QTEST_MAIN(tst_StatusMessageLabel)
#include "tst_statusmessagelabel.moc"
