// SPDX-License-Identifier: MIT
// The Tools tab at 1024x768: none of its output pages (Result, History, Saved, Many sessions)
// makes the tab scroll sideways; each fits the width the pane has.
#include <support/appagainstlocalserver.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/tools/toolpanel.h>
#include <ui/window/mainwindow.h>

#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTest>

using namespace AgentBay;

namespace {

// The widest descendant that asks for more than its parent gives it: names the culprit.
QString widestChild(QWidget *page)
{
    QString name;
    int widest = 0;
    for (QWidget *child : page->findChildren<QWidget *>()) {
        if (child->isVisible() && child->minimumSizeHint().width() > widest) {
            widest = child->minimumSizeHint().width();
            name = QStringLiteral("%1 %2 (%3 px)")
                       .arg(QString::fromLatin1(child->metaObject()->className()), child->objectName())
                       .arg(widest);
        }
    }
    return name;
}

} // namespace

class tst_ToolsTabWidth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputPages_noSidewaysScroll_at1024x768();
};

void tst_ToolsTabWidth::outputPages_noSidewaysScroll_at1024x768()
{
    Test::AppAgainstLocalServer app; // the window alone, never connected
    QVERIFY(app.isValid());
    Ui::MainWindow &window = *app.makeWindow();
    const QString id = QStringLiteral("session-0123456789abcdefghij");
    window.controller()->store()->applyRefresh({Core::SessionSummary{id, Core::SessionStatus::Running, {}, {}, {}}});
    QVERIFY(app.showWindow(QSize(1024, 768)));
    window.selectSession(id);
    Ui::SessionDetailPane *pane = window.detailPane();
    QTRY_COMPARE(pane->sessionId(), id);
    pane->tabs()->setCurrentIndex(Ui::SessionDetailPane::ToolsTab);
    QTRY_COMPARE(window.size(), QSize(1024, 768));

    auto *scroll = qobject_cast<QScrollArea *>(pane->tabs()->currentWidget());
    QVERIFY(scroll);
    auto *outputs = pane->findChild<QTabWidget *>(QStringLiteral("outputTabs"));
    QVERIFY(outputs);
    QStringList problems;
    for (int i = 0; i < outputs->count(); ++i) {
        outputs->setCurrentIndex(i);
        for (int pass = 0; pass < 4; ++pass) { // nested layouts settle in a few passes
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        }
        QWidget *page = outputs->widget(i);
        if (scroll->horizontalScrollBar()->isVisible() || scroll->widget()->width() > scroll->viewport()->width()) {
            problems << QStringLiteral("%1: the Tools tab scrolls sideways (needs %2 px, has %3; widest: %4)")
                            .arg(outputs->tabText(i))
                            .arg(scroll->widget()->minimumSizeHint().width())
                            .arg(scroll->viewport()->width())
                            .arg(widestChild(page));
        }
        if (page->minimumSizeHint().width() > page->width()) {
            problems << QStringLiteral("%1 needs %2 px, has %3 (widest: %4)")
                            .arg(outputs->tabText(i))
                            .arg(page->minimumSizeHint().width())
                            .arg(page->width())
                            .arg(widestChild(page));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

QTEST_MAIN(tst_ToolsTabWidth)
#include "tst_toolstabwidth.moc"
