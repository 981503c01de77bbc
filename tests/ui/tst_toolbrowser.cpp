// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <core/api/requestlogentry.h>
#include <support/localserver.h>
#include <ui/tools/toolbrowser.h>
#include <ui/tools/toollistmodel.h>

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ApiClient;
using AgentBay::Core::McpTool;
using AgentBay::Core::RequestLogEntry;
using AgentBay::Ui::ToolBrowser;
using AgentBay::Ui::ToolListModel;

namespace {

// A tool list from the real server (or a refused connection with its retries) on a loaded
// 2-core machine.
constexpr int LoadTimeoutMs = 20000;

int toolListRequests(const QSignalSpy &requests)
{
    int count = 0;
    for (const QList<QVariant> &args : requests) {
        count += args.at(0).value<RequestLogEntry>().action == u"ListMcpTools"_s ? 1 : 0;
    }
    return count;
}

QModelIndex indexOf(QTreeView *tree, const QString &name)
{
    const QAbstractItemModel *model = tree->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex server = model->index(row, 0);
        for (int child = 0; child < model->rowCount(server); ++child) {
            const QModelIndex index = model->index(child, 0, server);
            if (index.data(ToolListModel::ToolNameRole).toString() == name) {
                return index;
            }
        }
    }
    return {};
}

} // namespace

class tst_ToolBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showImage_fetchesOnce_thenFromTheCache();
    void userMakesAToolCurrent_emitsToolPicked_selectToolDoesNot();
    void search_matchesDescriptions_andHidesTheRest();
    void search_returnTakesTheFirstTool_downGoesIntoTheList();
    void loadFails_saysWhy_andRetryAsksAgain();
    void clear_emptiesTheList();
    void destroy_whileLoading_emitsNothingAndAborts();

private:
    AgentBay::Test::LocalServer m_server;
    std::unique_ptr<ApiClient> m_client;
};

void tst_ToolBrowser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    AgentBay::Core::Config config;
    config.endpoint = m_server.url();
    config.apiKey = m_server.apiKey();
    m_client = std::make_unique<ApiClient>(config);
}

void tst_ToolBrowser::showImage_fetchesOnce_thenFromTheCache()
{
    ToolBrowser browser(m_client.get());
    QSignalSpy requests(m_client.get(), &ApiClient::requestStarted);
    QSignalSpy loaded(&browser, &ToolBrowser::toolsLoaded);
    browser.showImage(u"linux_latest"_s);
    QCOMPARE(browser.findChild<QLabel *>(u"toolsStatus"_s)->text(), u"Loading tools…"_s);
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QVERIFY(loaded.first().at(0).toInt() > 3);
    QCOMPARE(loaded.first().at(0).toInt(), int(browser.tools().size()));
    QVERIFY(browser.tool(u"shell"_s));
    // "%n tool(s)": the English translation makes it "N tools"; without one the source text shows.
    const QString status = browser.findChild<QLabel *>(u"toolsStatus"_s)->text();
    QVERIFY2(status.startsWith(QString::number(browser.tools().size()) + u" tool"_s), qPrintable(status));
    QVERIFY(status.endsWith(u" · linux_latest"_s));
    QCOMPARE(toolListRequests(requests), 1);

    // The same image again (another session of it): at once, without asking.
    browser.clear();
    browser.showImage(u"linux_latest"_s);
    QCOMPARE(loaded.count(), 2);
    QCOMPARE(toolListRequests(requests), 1);
    QVERIFY(browser.tool(u"shell"_s));
}

void tst_ToolBrowser::userMakesAToolCurrent_emitsToolPicked_selectToolDoesNot()
{
    ToolBrowser browser(m_client.get());
    QSignalSpy loaded(&browser, &ToolBrowser::toolsLoaded);
    browser.showImage(u"linux_latest"_s);
    QVERIFY(!loaded.isEmpty() || loaded.wait(LoadTimeoutMs));
    auto *tree = browser.findChild<QTreeView *>(u"toolTree"_s);
    QSignalSpy picked(&browser, &ToolBrowser::toolPicked);

    QVERIFY(browser.selectTool(u"shell"_s));
    QCOMPARE(picked.count(), 0); // the owner asked for it: no echo
    QCOMPARE(tree->currentIndex().data(ToolListModel::ToolNameRole).toString(), u"shell"_s);
    QVERIFY(!browser.selectTool(u"no_such_tool"_s));

    const QModelIndex other = indexOf(tree, u"read_file"_s);
    QVERIFY(other.isValid());
    tree->setCurrentIndex(other); // what a click does
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.first().at(0).value<McpTool>().name, u"read_file"_s);

    tree->setCurrentIndex(other.parent()); // a server row is no tool
    QCOMPARE(picked.count(), 1);
}

void tst_ToolBrowser::search_matchesDescriptions_andHidesTheRest()
{
    ToolBrowser browser(m_client.get());
    QSignalSpy loaded(&browser, &ToolBrowser::toolsLoaded);
    browser.showImage(u"linux_latest"_s);
    QVERIFY(!loaded.isEmpty() || loaded.wait(LoadTimeoutMs));
    auto *tree = browser.findChild<QTreeView *>(u"toolTree"_s);
    const McpTool shell = *browser.tool(u"shell"_s);
    QVERIFY(!shell.description.isEmpty());
    // A word of the description, not of the name.
    const QString word = shell.description.section(u' ', 0, 0).toUpper();
    browser.findChild<QLineEdit *>(u"toolSearch"_s)->setText(word);
    QVERIFY(indexOf(tree, u"shell"_s).isValid());
    QVERIFY(tree->isExpanded(indexOf(tree, u"shell"_s).parent()));
    browser.findChild<QLineEdit *>(u"toolSearch"_s)->setText(u"no-such-tool-anywhere"_s);
    QCOMPARE(tree->model()->rowCount(), 0);
    browser.findChild<QLineEdit *>(u"toolSearch"_s)->clear();
    QVERIFY(indexOf(tree, u"read_file"_s).isValid());
}

void tst_ToolBrowser::search_returnTakesTheFirstTool_downGoesIntoTheList()
{
    ToolBrowser browser(m_client.get());
    QSignalSpy loaded(&browser, &ToolBrowser::toolsLoaded);
    browser.show();
    browser.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&browser));
    browser.showImage(u"linux_latest"_s);
    QVERIFY(!loaded.isEmpty() || loaded.wait(LoadTimeoutMs));
    auto *tree = browser.findChild<QTreeView *>(u"toolTree"_s);
    auto *search = browser.findChild<QLineEdit *>(u"toolSearch"_s);
    QSignalSpy activated(&browser, &ToolBrowser::toolActivated);
    search->setFocus();
    QTRY_VERIFY(search->hasFocus());

    QTest::keyClicks(search, u"shell"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(0).value<McpTool>().name, u"shell"_s);
    QCOMPARE(tree->currentIndex().data(ToolListModel::ToolNameRole).toString(), u"shell"_s);

    search->clear();
    tree->setCurrentIndex({});
    QTest::keyClicks(search, u"read_"_s);
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(tree->hasFocus());
    QVERIFY(tree->currentIndex().data(ToolListModel::ToolNameRole).toString().startsWith(u"read_"_s));

    search->setText(u"no-such-tool-anywhere"_s);
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(activated.count(), 1); // nothing shown, nothing taken
}

void tst_ToolBrowser::loadFails_saysWhy_andRetryAsksAgain()
{
    // A port nobody listens on: every attempt is refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    AgentBay::Core::Config config;
    config.endpoint = u"http://127.0.0.1:%1"_s.arg(port);
    config.apiKey = u"key"_s;
    ApiClient client(config);

    ToolBrowser browser(&client);
    QSignalSpy loaded(&browser, &ToolBrowser::toolsLoaded);
    QSignalSpy requests(&client, &ApiClient::requestStarted);
    auto *status = browser.findChild<QLabel *>(u"toolsStatus"_s);
    auto *retry = browser.findChild<QPushButton *>(u"retryTools"_s);
    browser.show();
    browser.showImage(u"linux_latest"_s);
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), LoadTimeoutMs);
    QVERIFY2(status->text().startsWith(u"Could not load the tools: "_s), qPrintable(status->text()));
    QCOMPARE(loaded.count(), 0);
    const int before = toolListRequests(requests);
    QVERIFY(before >= 1);

    // A failure is not cached: Retry asks again.
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(status->text(), u"Loading tools…"_s);
    QVERIFY(!retry->isVisible());
    QVERIFY(toolListRequests(requests) > before);
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), LoadTimeoutMs);
    QCOMPARE(loaded.count(), 0);
}

void tst_ToolBrowser::clear_emptiesTheList()
{
    ToolBrowser browser(m_client.get());
    QSignalSpy loaded(&browser, &ToolBrowser::toolsLoaded);
    browser.showImage(u"linux_latest"_s);
    QVERIFY(!loaded.isEmpty() || loaded.wait(LoadTimeoutMs));
    browser.clear();
    QVERIFY(browser.tools().isEmpty());
    QCOMPARE(browser.findChild<QTreeView *>(u"toolTree"_s)->model()->rowCount(), 0);
    QVERIFY(!browser.selectTool(u"shell"_s));
}

void tst_ToolBrowser::destroy_whileLoading_emitsNothingAndAborts()
{
    auto browser = std::make_unique<ToolBrowser>(m_client.get());
    QSignalSpy loaded(browser.get(), &ToolBrowser::toolsLoaded);
    browser->showImage(u"image-never-asked-for-before"_s); // not cached: a request goes out
    QCOMPARE(m_client->inFlightCount(), 1);
    browser.reset();
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(m_client->inFlightCount(), 0);
}

QTEST_MAIN(tst_ToolBrowser)
#include "tst_toolbrowser.moc"
