// SPDX-License-Identifier: MIT
// What the lifecycle actions do to the table's selection, without a window around them: delete
// asks about the deletable sessions only and "Delete Others" leaves the paused ones alone, copy
// puts the ids on the clipboard and says so, the context menu selects the row under the mouse.
#include <core/api/apiclient.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>
#include <ui/sessions/sessionactions.h>
#include <ui/sessions/sessioncommands.h>
#include <ui/sessions/sessionlistmodel.h>
#include <ui/sessions/sessiontableview.h>

#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using Ui::SessionCommands;

namespace {

class NoUrlOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &) override { return true; }
};

// A table of four sessions (running, paused, deleting, running), not connected anywhere:
// what the commands send fails later, after what the tests look at.
struct Fixture
{
    Core::ApiClient client{Core::Config{}};
    NoUrlOpener opener;
    Ui::SessionController controller{&client, &opener};
    Ui::SessionListModel model{controller.store()};
    Ui::SessionTableView table;
    Ui::SessionActions actions{&table};
    SessionCommands *commands = nullptr;

    Fixture()
    {
        controller.store()->applyRefresh({
            Core::SessionSummary{u"session-run1"_s, Core::SessionStatus::Running, {}, {}, {}},
            Core::SessionSummary{u"session-paused"_s, Core::SessionStatus::Paused, {}, {}, {}},
            Core::SessionSummary{u"session-going"_s, Core::SessionStatus::Deleting, {}, {}, {}},
            Core::SessionSummary{u"session-run2"_s, Core::SessionStatus::Running, {}, {}, {}},
        });
        table.setModel(&model);
        commands = new SessionCommands(&controller, &actions, &table);
    }

    void selectAll() { table.selectAll(); }

    Core::SessionStatus status(const QString &id) const { return controller.store()->find(id)->status; }
};

} // namespace

class tst_SessionCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deleteSelected_asksAboutTheDeletableOnly_cancelSendsNothing();
    void deleteSelected_deleteOthers_leavesThePausedOnes();
    void deleteSelected_resumeThenDelete_resumesThePausedOnes();
    void copySelectedIds_putsThemOnTheClipboard();
};

void tst_SessionCommands::deleteSelected_asksAboutTheDeletableOnly_cancelSendsNothing()
{
    Fixture f;
    f.selectAll();
    QStringList asked;
    bool askedAnyPaused = false;
    f.commands->setDeleteConfirmer([&](const QStringList &ids, bool anyPaused) {
        asked = ids;
        askedAnyPaused = anyPaused;
        return SessionCommands::DeleteChoice::Cancel;
    });
    QSignalSpy issued(f.commands, &SessionCommands::issued);
    f.actions.remove()->trigger();

    asked.sort();
    QCOMPARE(asked, QStringList({u"session-paused"_s, u"session-run1"_s, u"session-run2"_s}));
    QVERIFY(askedAnyPaused);
    QCOMPARE(issued.count(), 0);
    QCOMPARE(f.status(u"session-run1"_s), Core::SessionStatus::Running);
    QCOMPARE(f.status(u"session-paused"_s), Core::SessionStatus::Paused);
}

void tst_SessionCommands::deleteSelected_deleteOthers_leavesThePausedOnes()
{
    Fixture f;
    f.selectAll();
    f.commands->setDeleteConfirmer([](const QStringList &, bool) {
        return SessionCommands::DeleteChoice::Delete;
    });
    QSignalSpy issued(f.commands, &SessionCommands::issued);
    f.commands->deleteSelected();

    QCOMPARE(issued.count(), 1);
    QCOMPARE(f.status(u"session-run1"_s), Core::SessionStatus::Deleting);
    QCOMPARE(f.status(u"session-run2"_s), Core::SessionStatus::Deleting);
    QCOMPARE(f.status(u"session-paused"_s), Core::SessionStatus::Paused);
}

void tst_SessionCommands::deleteSelected_resumeThenDelete_resumesThePausedOnes()
{
    Fixture f;
    f.selectAll();
    f.commands->setDeleteConfirmer([](const QStringList &, bool) {
        return SessionCommands::DeleteChoice::ResumeThenDelete;
    });
    f.commands->deleteSelected();

    QCOMPARE(f.status(u"session-run1"_s), Core::SessionStatus::Deleting);
    QCOMPARE(f.status(u"session-paused"_s), Core::SessionStatus::Resuming);
}

void tst_SessionCommands::copySelectedIds_putsThemOnTheClipboard()
{
    Fixture f;
    f.table.selectionModel()->select(f.model.index(f.controller.store()->rowOf(u"session-run2"_s), 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy message(f.commands, &SessionCommands::message);
    f.actions.copyId()->trigger();

    QCOMPARE(QApplication::clipboard()->text(), u"session-run2"_s);
    QCOMPARE(message.count(), 1);
    QVERIFY2(message.at(0).at(0).toString().contains(u"session-run2"_s), qPrintable(message.at(0).at(0).toString()));

    f.selectAll();
    f.commands->copySelectedIds();
    QCOMPARE(QApplication::clipboard()->text().split(u'\n').size(), 4);
}

QTEST_MAIN(tst_SessionCommands)
#include "tst_sessioncommands.moc"
