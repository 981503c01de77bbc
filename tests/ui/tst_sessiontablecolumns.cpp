// SPDX-License-Identifier: MIT
// The session table on a 1024x768 screen with the glance columns (Remaining, CPU, Memory, Disk): what
// fits beside readable labels shows, the rest waits in the Columns menu, and the table never
// scrolls sideways on its own. A wide window shows them all; a column the user chose stays
// chosen across a restart.
#include <support/appagainstlocalserver.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/sessionitemdelegate.h>
#include <ui/sessions/sessionlistmodel.h>
#include <ui/sessions/sessiontableview.h>
#include <ui/tray/trayintegration.h>
#include <ui/window/mainwindow.h>

#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTest>

#include <memory>

using namespace AgentBay;

namespace {

// The window as the app builds it: the glance columns come with the tray integration.
class GlanceWindow
{
public:
    explicit GlanceWindow(Test::AppAgainstLocalServer &app)
        : m_window(app.makeWindow())
        , m_glance(
              std::make_unique<Ui::TrayIntegration>(app.client(), m_window->controller(), m_window, app.settings()))
    {
        m_glance->attachTable(m_window);
        QList<Core::SessionSummary> sessions;
        for (const char *id : {"session-0123456789abcdefghij",
                 "session-abcdefghij0123456789",
                 "session-zyxwvutsrq9876543210",
                 "session-9876543210zyxwvutsrq"}) {
            sessions.append({QString::fromLatin1(id), Core::SessionStatus::Running, {}, {}, {}});
        }
        m_window->controller()->store()->applyRefresh(sessions);
    }

    ~GlanceWindow()
    {
        m_window->close(); // saves the layout, as quitting does
        m_glance.reset();
    }

    Ui::MainWindow *window() const { return m_window; }

    Ui::SessionTableView *table() const { return m_window->table(); }

private:
    Ui::MainWindow *m_window;
    std::unique_ptr<Ui::TrayIntegration> m_glance;
};

int columnNamed(const QTableView *table, const QString &title)
{
    for (int column = 0; column < table->model()->columnCount(); ++column) {
        if (table->model()->headerData(column, Qt::Horizontal).toString() == title) {
            return column;
        }
    }
    return -1;
}

QStringList shownColumns(const QTableView *table)
{
    QStringList shown;
    for (int column = 0; column < table->model()->columnCount(); ++column) {
        if (!table->isColumnHidden(column)) {
            shown << QStringLiteral("%1 (%2 px)")
                         .arg(table->model()->headerData(column, Qt::Horizontal).toString())
                         .arg(table->columnWidth(column));
        }
    }
    return shown;
}

// The Columns menu's entry for title, as the menu shows it.
QAction *menuEntry(Ui::SessionTableView *table, const QString &title)
{
    Q_EMIT table->columnsMenu()->aboutToShow();
    for (QAction *action : table->columnsMenu()->actions()) {
        if (action->text() == title) {
            return action;
        }
    }
    return nullptr;
}

void settle()
{
    for (int pass = 0; pass < 4; ++pass) { // nested layouts settle in a few passes
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
}

} // namespace

class tst_SessionTableColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void at1024_noSidewaysScroll_labelsReadable_restInTheMenu();
    void wide_everyGlanceColumnShown();
    void chosenColumn_staysAcrossNarrowingAndRestart();
    void columnsMenu_reachableFromTheViewMenu();
    void labels_narrowColumn_sayThatThereAreMore();

private:
    std::unique_ptr<Test::AppAgainstLocalServer> m_app;
};

void tst_SessionTableColumns::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_app = std::make_unique<Test::AppAgainstLocalServer>(); // fresh settings: first start
    QVERIFY(m_app->isValid());
}

void tst_SessionTableColumns::at1024_noSidewaysScroll_labelsReadable_restInTheMenu()
{
    // As the window opens on a 1024x768 screen: 95 % of it, the rest for the frame and panels.
    GlanceWindow glance(*m_app);
    QVERIFY(m_app->showWindow(QSize(973, 730)));
    Ui::SessionTableView *table = glance.table();
    QTRY_COMPARE(glance.window()->size(), QSize(973, 730));
    settle();

    // Every shown column inside the table's own width: nothing behind a sideways scroll.
    QTRY_VERIFY2(table->horizontalScrollBar()->maximum() == 0,
        qPrintable(QStringLiteral("the table scrolls sideways: %1 in a %2 px view")
                       .arg(shownColumns(table).join(QStringLiteral(", ")))
                       .arg(table->viewport()->width())));
    for (const QString &title :
        {QStringLiteral("Session"), QStringLiteral("Status"), QStringLiteral("Labels"), QStringLiteral("Age")}) {
        const int column = columnNamed(table, title);
        QVERIFY2(column >= 0 && !table->isColumnHidden(column),
            qPrintable(title + QStringLiteral(" hidden: ") + shownColumns(table).join(QStringLiteral(", "))));
    }
    // The labels keep room for a chip and "+1".
    const int labels = columnNamed(table, QStringLiteral("Labels"));
    QVERIFY2(table->columnWidth(labels) >= table->fontMetrics().averageCharWidth() * 15,
        qPrintable(shownColumns(table).join(QStringLiteral(", "))));

    // What did not fit waits, unchecked, in the Columns menu.
    for (const QString &title : {QStringLiteral("Memory"), QStringLiteral("Disk")}) {
        QVERIFY2(table->isColumnHidden(columnNamed(table, title)), qPrintable(title));
        QAction *entry = menuEntry(table, title);
        QVERIFY2(entry && entry->isCheckable() && !entry->isChecked(), qPrintable(title));
    }
    QVERIFY(table->columnsFitWidth());

    // The window as wide as the screen (or the splitter moved): CPU first, its title and a
    // "100%" not cut, and still no sideways scroll.
    glance.window()->resize(1024, 768);
    const int cpu = columnNamed(table, QStringLiteral("CPU"));
    QTRY_VERIFY2(!table->isColumnHidden(cpu), qPrintable(shownColumns(table).join(QStringLiteral(", "))));
    QVERIFY(table->columnWidth(cpu) >= table->fontMetrics().horizontalAdvance(QStringLiteral("100%")) + 8);
    QVERIFY(table->columnWidth(cpu)
        >= table->horizontalHeader()->fontMetrics().horizontalAdvance(QStringLiteral("CPU")) + 8);
    QTRY_COMPARE(table->horizontalScrollBar()->maximum(), 0);
}

void tst_SessionTableColumns::wide_everyGlanceColumnShown()
{
    GlanceWindow glance(*m_app);
    QVERIFY(m_app->showWindow(QSize(1920, 1080)));
    Ui::SessionTableView *table = glance.table();
    QTRY_COMPARE(glance.window()->size(), QSize(1920, 1080));
    settle();
    for (const QString &title :
        {QStringLiteral("Remaining"), QStringLiteral("CPU"), QStringLiteral("Memory"), QStringLiteral("Disk")}) {
        QTRY_VERIFY2(!table->isColumnHidden(columnNamed(table, title)),
            qPrintable(title + QStringLiteral(" hidden: ") + shownColumns(table).join(QStringLiteral(", "))));
    }
    QCOMPARE(table->horizontalScrollBar()->maximum(), 0);

    // Narrower again: the columns give way in their order, the last one first.
    glance.window()->resize(1024, 768);
    QTRY_VERIFY(table->isColumnHidden(columnNamed(table, QStringLiteral("Disk"))));
    QTRY_COMPARE(table->horizontalScrollBar()->maximum(), 0);
}

void tst_SessionTableColumns::chosenColumn_staysAcrossNarrowingAndRestart()
{
    {
        GlanceWindow glance(*m_app);
        QVERIFY(m_app->showWindow(QSize(1024, 768)));
        Ui::SessionTableView *table = glance.table();
        settle();
        const int memory = columnNamed(table, QStringLiteral("Memory"));
        QTRY_VERIFY(table->isColumnHidden(memory));
        QAction *entry = menuEntry(table, QStringLiteral("Memory"));
        QVERIFY(entry);
        entry->trigger(); // the user wants it, even if the table then scrolls sideways
        QVERIFY(!table->isColumnHidden(memory));
        QVERIFY(!table->columnsFitWidth());
        glance.window()->resize(900, 700);
        settle();
        QVERIFY(!table->isColumnHidden(memory));
        QVERIFY(table->columnWidth(memory) > 0);
    }
    m_app->reset();

    GlanceWindow again(*m_app);
    QVERIFY(m_app->showWindow(QSize(1024, 768)));
    settle();
    Ui::SessionTableView *table = again.table();
    QVERIFY(!table->columnsFitWidth());
    QVERIFY2(!table->isColumnHidden(columnNamed(table, QStringLiteral("Memory"))),
        qPrintable(shownColumns(table).join(QStringLiteral(", "))));
    QVERIFY(table->columnWidth(columnNamed(table, QStringLiteral("Memory"))) > 0);

    // Fit to Width hands the columns back to the width.
    QAction *fit = menuEntry(table, QStringLiteral("Fit to &Width"));
    QVERIFY(fit && !fit->isChecked());
    fit->trigger();
    QVERIFY(table->columnsFitWidth());
    QTRY_COMPARE(table->horizontalScrollBar()->maximum(), 0);
}

void tst_SessionTableColumns::columnsMenu_reachableFromTheViewMenu()
{
    GlanceWindow glance(*m_app);
    QVERIFY(m_app->showWindow(QSize(1024, 768)));
    bool found = false;
    for (QAction *top : glance.window()->menuBar()->actions()) {
        if (top->menu() && top->text() == QStringLiteral("&View")) {
            found = top->menu()->actions().contains(glance.table()->columnsMenu()->menuAction());
        }
    }
    QVERIFY2(found, "View > Columns");
}

void tst_SessionTableColumns::labels_narrowColumn_sayThatThereAreMore()
{
    // A Labels column narrower than a chip and "+1" (the user made it so): the first chip,
    // squeezed, then "+1" for the second label, not the first chip alone with "+1" cut off.
    QStandardItemModel model(2, Ui::SessionListModel::ColumnCount);
    const int column = Ui::SessionListModel::LabelsColumn;
    const Core::Labels one{{QStringLiteral("env"), QStringLiteral("demo")}};
    Core::Labels two = one;
    two.insert(QStringLiteral("team"), QStringLiteral("data"));
    for (int row = 0; row < 2; ++row) {
        model.setData(model.index(row, column), true, Ui::SessionListModel::LabelsLoadedRole);
        model.setData(
            model.index(row, column), QVariant::fromValue(row == 0 ? one : two), Ui::SessionListModel::LabelsRole);
    }
    QTableView view;
    view.setModel(&model);
    Ui::SessionItemDelegate delegate;
    const int width = view.fontMetrics().averageCharWidth() * 10;
    const auto paint = [&](int row) {
        QImage image(width, view.fontMetrics().height() + 12, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.rect = image.rect();
        option.state |= QStyle::State_Enabled | QStyle::State_Active;
        delegate.paint(&painter, option, model.index(row, column));
        return image;
    };
    // The chip of "env = demo" is wider than the column less room for "+1": the right end of the
    // cell shows the "+1" where the single label's cell shows the same chip.
    const QImage single = paint(0);
    const QImage both = paint(1);
    const QRect end(width - width / 5, 0, width / 5, single.height());
    QVERIFY(single.copy(end) != both.copy(end));
}

QTEST_MAIN(tst_SessionTableColumns)
#include "tst_sessiontablecolumns.moc"
