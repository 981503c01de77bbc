// SPDX-License-Identifier: MIT
#include <ui/tools/toollistmodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::McpTool;
using AgentBay::Ui::ToolListModel;

namespace {

McpTool tool(const QString &name, const QString &server, const QString &description = {})
{
    McpTool t;
    t.name = name;
    t.server = server;
    t.description = description;
    return t;
}

QStringList rows(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex server = model.index(row, 0);
        lines.append(server.data().toString());
        for (int child = 0; child < model.rowCount(server); ++child) {
            lines.append(u"  "_s + model.index(child, 0, server).data().toString());
        }
    }
    return lines;
}

} // namespace

class tst_ToolListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setTools_groupsByServer_sortedByName();
    void setTools_sameTools_emitsNothing();
    void setTools_otherTools_resetsOnce();
    void toolRows_carryNameServerAndSearchText();
    void serverRows_areNotSelectable();
    void toolAndIndexOfTool_findByName_data();
    void toolAndIndexOfTool_findByName();
    void recursiveFilter_onSearchText_keepsTheServerRow();
};

void tst_ToolListModel::setTools_groupsByServer_sortedByName()
{
    ToolListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTools({tool(u"write_file"_s, u"filesystem"_s),
        tool(u"shell"_s, u"shell_server"_s),
        tool(u"read_file"_s, u"filesystem"_s),
        tool(u"orphan"_s, QString())});
    QCOMPARE(rows(model),
        QStringList({u"(no server) (1)"_s,
            u"  orphan"_s,
            u"filesystem (2)"_s,
            u"  read_file"_s,
            u"  write_file"_s,
            u"shell_server (1)"_s,
            u"  shell"_s}));
    QCOMPARE(model.tools().size(), 4);
}

void tst_ToolListModel::setTools_sameTools_emitsNothing()
{
    ToolListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<McpTool> tools{tool(u"shell"_s, u"s"_s)};
    model.setTools(tools);
    // A poll that brings the same list must not reset the view (selection, scroll, expansion).
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setTools(tools);
    QCOMPARE(aboutToReset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
}

void tst_ToolListModel::setTools_otherTools_resetsOnce()
{
    ToolListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTools({tool(u"shell"_s, u"s"_s)});
    QStringList events;
    connect(&model, &QAbstractItemModel::modelAboutToBeReset, this, [&events] {
        events.append(u"aboutToReset"_s);
    });
    connect(&model, &QAbstractItemModel::modelReset, this, [&events] {
        events.append(u"reset"_s);
    });
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&events](const QModelIndex &parent, int first, int last) {
        events.append(u"inserted %1 %2-%3"_s.arg(parent.isValid() ? u"child"_s : u"top"_s).arg(first).arg(last));
    });
    model.setTools({tool(u"a"_s, u"x"_s), tool(u"b"_s, u"y"_s)});
    // One reset for the old rows, then one top-level insert per server (its tools inside).
    QCOMPARE(events, QStringList({u"aboutToReset"_s, u"reset"_s, u"inserted top 0-0"_s, u"inserted top 1-1"_s}));
    QCOMPARE(rows(model), QStringList({u"x (1)"_s, u"  a"_s, u"y (1)"_s, u"  b"_s}));
}

void tst_ToolListModel::toolRows_carryNameServerAndSearchText()
{
    ToolListModel model;
    model.setTools({tool(u"shell"_s, u"srv"_s, u"Runs a command"_s)});
    const QModelIndex server = model.index(0, 0);
    QCOMPARE(server.data(ToolListModel::ToolNameRole).toString(), QString());
    QCOMPARE(server.data(ToolListModel::ServerRole).toString(), u"srv"_s);
    QCOMPARE(server.data(Qt::ToolTipRole).toString(), u"srv (1)"_s);
    const QModelIndex shell = model.index(0, 0, server);
    QCOMPARE(shell.data(ToolListModel::ToolNameRole).toString(), u"shell"_s);
    QCOMPARE(shell.data(ToolListModel::ServerRole).toString(), u"srv"_s);
    QCOMPARE(shell.data(ToolListModel::SearchTextRole).toString(), u"shell\nRuns a command"_s);
    QCOMPARE(shell.data(Qt::ToolTipRole).toString(), u"Runs a command"_s);
    QVERIFY(!(shell.flags() & Qt::ItemIsEditable));
}

void tst_ToolListModel::serverRows_areNotSelectable()
{
    ToolListModel model;
    model.setTools({tool(u"shell"_s, u"srv"_s)});
    const QModelIndex server = model.index(0, 0);
    QVERIFY(!(server.flags() & Qt::ItemIsSelectable));
    QVERIFY(!(server.flags() & Qt::ItemIsEditable));
    QVERIFY(model.index(0, 0, server).flags() & Qt::ItemIsSelectable);
}

void tst_ToolListModel::toolAndIndexOfTool_findByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("found");
    QTest::newRow("first server") << u"read_file"_s << true;
    QTest::newRow("second server") << u"shell"_s << true;
    QTest::newRow("unknown") << u"nope"_s << false;
    QTest::newRow("a server's name is not a tool") << u"filesystem"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_ToolListModel::toolAndIndexOfTool_findByName()
{
    QFETCH(QString, name);
    QFETCH(bool, found);
    ToolListModel model;
    model.setTools({tool(u"read_file"_s, u"filesystem"_s), tool(u"shell"_s, u"shell_server"_s)});
    QCOMPARE(model.tool(name).has_value(), found);
    const QModelIndex index = model.indexOfTool(name);
    QCOMPARE(index.isValid(), found);
    if (found) {
        QCOMPARE(model.tool(name)->name, name);
        QCOMPARE(index.data(ToolListModel::ToolNameRole).toString(), name);
    }
}

void tst_ToolListModel::recursiveFilter_onSearchText_keepsTheServerRow()
{
    ToolListModel model;
    model.setTools({tool(u"read_file"_s, u"filesystem"_s, u"Reads a file"_s),
        tool(u"shell"_s, u"shell_server"_s, u"Runs a command"_s)});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterRole(ToolListModel::SearchTextRole);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterFixedString(u"COMMAND"_s); // matches the description only
    QCOMPARE(rows(proxy), QStringList({u"shell_server (1)"_s, u"  shell"_s}));
    proxy.setFilterFixedString(u"file"_s);
    QCOMPARE(rows(proxy), QStringList({u"filesystem (1)"_s, u"  read_file"_s}));
}

QTEST_MAIN(tst_ToolListModel)
#include "tst_toollistmodel.moc"
