// SPDX-License-Identifier: MIT
#include <ui/tools/toolsplitlayout.h>

#include <QDataStream>
#include <QSplitter>
#include <QTest>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Ui::ToolSplitLayout;

namespace {

// The Tools tab's shape: a list beside a column of form over output.
struct Splits
{
    QSplitter tools{Qt::Horizontal};
    QSplitter *output = nullptr;
    int fittingWidth = 180;
    ToolSplitLayout *layout = nullptr;

    Splits()
    {
        tools.setChildrenCollapsible(false);
        tools.addWidget(new QWidget);
        output = new QSplitter(Qt::Vertical);
        output->setChildrenCollapsible(false);
        output->addWidget(new QWidget);
        output->addWidget(new QWidget);
        tools.addWidget(output);
        layout = new ToolSplitLayout(
            &tools,
            output,
            [this] {
                return fittingWidth;
            },
            &tools);
        tools.resize(900, 700);
    }
};

} // namespace

class tst_ToolSplitLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void untouched_savesNothing_listFitsItsNames();
    void narrow_listNeverMoreThanAThird();
    void moved_savedAndRestored_listNoLongerRefitted();
    void notAState_refused();
    void revealOutput_onceThenTheUsersSplitStays();
};

void tst_ToolSplitLayout::untouched_savesNothing_listFitsItsNames()
{
    Splits splits;
    splits.tools.show();
    QVERIFY(QTest::qWaitForWindowExposed(&splits.tools));
    QTRY_COMPARE(splits.tools.sizes().at(0), 180);
    QVERIFY(splits.layout->saveState().isEmpty());
}

void tst_ToolSplitLayout::narrow_listNeverMoreThanAThird()
{
    Splits splits;
    splits.fittingWidth = 500;
    splits.tools.show();
    QVERIFY(QTest::qWaitForWindowExposed(&splits.tools));
    const int third = (splits.tools.width() - splits.tools.handleWidth()) / 3;
    QTRY_COMPARE(splits.tools.sizes().at(0), third);
}

void tst_ToolSplitLayout::moved_savedAndRestored_listNoLongerRefitted()
{
    QByteArray state;
    {
        Splits splits;
        splits.tools.show();
        QVERIFY(QTest::qWaitForWindowExposed(&splits.tools));
        splits.tools.setSizes({300, 600});
        Q_EMIT splits.tools.splitterMoved(300, 1); // as a drag of the handle reports it
        splits.output->setSizes({200, 500});
        Q_EMIT splits.output->splitterMoved(200, 1);
        state = splits.layout->saveState();
        QVERIFY(!state.isEmpty());
    }
    Splits splits;
    QVERIFY(splits.layout->restoreState(state)); // before it is shown, as the window does
    splits.tools.show();
    QVERIFY(QTest::qWaitForWindowExposed(&splits.tools));
    QCoreApplication::processEvents();
    QVERIFY2(splits.tools.sizes().at(0) >= 290, qPrintable(QString::number(splits.tools.sizes().at(0))));
    QCOMPARE(splits.layout->saveState(), state); // kept as restored until moved again

    // A state of the tool split alone (saved before the output split was remembered) still works.
    Splits older;
    QVERIFY(older.layout->restoreState(older.tools.saveState()));
}

void tst_ToolSplitLayout::notAState_refused()
{
    Splits splits;
    QVERIFY(!splits.layout->restoreState("garbage"));
    QByteArray truncated;
    {
        QDataStream stream(&truncated, QIODevice::WriteOnly);
        stream << quint32(0x54503032); // the tag without the states after it
    }
    QVERIFY(!splits.layout->restoreState(truncated));
}

void tst_ToolSplitLayout::revealOutput_onceThenTheUsersSplitStays()
{
    Splits splits;
    splits.tools.show();
    QVERIFY(QTest::qWaitForWindowExposed(&splits.tools));
    splits.output->setSizes({650, 50});
    splits.layout->revealOutput(false, 0);
    const QList<int> revealed = splits.output->sizes();
    QVERIFY2(revealed.at(1) >= revealed.at(0) - 1,
        qPrintable(u"form %1, output %2"_s.arg(revealed.at(0)).arg(revealed.at(1))));
    QVERIFY(revealed.at(0) >= ToolSplitLayout::FormMinimumHeight);

    splits.output->setSizes({600, 100});
    Q_EMIT splits.output->splitterMoved(600, 1);
    const QList<int> moved = splits.output->sizes();
    splits.layout->revealOutput(false, 0);
    splits.layout->revealOutput(true, 0); // results side by side do not undo the user's split either
    QCOMPARE(splits.output->sizes(), moved);
}

QTEST_MAIN(tst_ToolSplitLayout)
#include "tst_toolsplitlayout.moc"
