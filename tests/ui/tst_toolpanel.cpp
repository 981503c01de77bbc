// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <core/tools/toolcallhistory.h>
#include <support/localserver.h>
#include <ui/tools/fieldeditor.h>
#include <ui/tools/resultview.h>
#include <ui/tools/schemaformwidget.h>
#include <ui/tools/toolbrowser.h>
#include <ui/tools/toolpanel.h>

#include <QAbstractItemModel>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ApiClient;
using AgentBay::Core::SessionStatus;
using AgentBay::Ui::ResultView;
using AgentBay::Ui::SchemaFormWidget;
using AgentBay::Ui::ToolPanel;

namespace {

constexpr int CallTimeoutMs = 30000;

// Applies pending layouts (nested layouts need a few passes), as the event loop would before
// the user could click, so that buttons have their real geometry.
void settleLayouts()
{
    for (int pass = 0; pass < 4; ++pass) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
}

} // namespace

class tst_ToolPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void shellEcho_ctrlEnter_showsHelloAndExitCodeZero();
    void shellFailing_showsStderrAndExitCode();
    void cancel_runningSleep_showsCancelledAtOnceAndCallingWorksAgain();
    void invalidJsonArguments_refusedBeforeSending();
    void missingRequiredArgument_refusedBeforeSending();
    void untouchedRequiredArgument_quietUntilCallRefused();
    void historyTab_listKeepsRows_detailsTakeTheRest();
    void toolSplit_narrowPanel_formGetsTheRoom();
    void toolSplit_movedByTheUser_restoredInANewPanel();
    void toolSplit_widePanel_listShowsEveryNameUncut();
    void formAndJson_switching_keepsTheValues();
    void pausedSession_disablesCallingAndSaysWhy_data();
    void pausedSession_disablesCallingAndSaysWhy();
    void history_survivesRecreatingThePanel();
    void history_loadArgumentsAndRerun();
    void toolSearch_filtersByNameAndDescription();
    void toolList_returnOnATool_putsTheCursorInItsFirstField();
    void copyAsCode_neverContainsTheKey();
    void noSession_showsAPlaceholder();
    void noTool_hidesTheArgumentsAndTheCallBar();
    void pickedTool_staysPickedAfterAMomentWithoutSession();
    void narrowPanel_callBarAndResultHeaderAreNotClipped_data();
    void narrowPanel_callBarAndResultHeaderAreNotClipped();
    void destroyedWithItsOwnerWhileCalling_reportsNothingAndStoresNothing();

private:
    std::unique_ptr<ToolPanel> makePanel();
    bool openShell(ToolPanel *panel);
    void typeCommand(ToolPanel *panel, const QString &command);
    void saveScreenshot(QWidget *widget, const QString &name);

    AgentBay::Test::LocalServer m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_sessionId;
    std::unique_ptr<QTemporaryDir> m_historyDir;
};

void tst_ToolPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    AgentBay::Core::Config config;
    config.endpoint = m_server.url();
    config.apiKey = m_server.apiKey();
    m_client = std::make_unique<ApiClient>(config);
    std::optional<AgentBay::Core::Result<AgentBay::Core::SessionData>> created;
    AgentBay::Core::CreateSessionParams params;
    params.imageId = u"linux_latest"_s;
    m_client->create(params, this, [&created](const AgentBay::Core::Result<AgentBay::Core::SessionData> &result) {
        created = result;
    });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 20000);
    QVERIFY2(created->ok(), qPrintable(created->errorMessage()));
    m_sessionId = created->value().sessionId;
}

void tst_ToolPanel::init()
{
    m_historyDir = std::make_unique<QTemporaryDir>();
}

void tst_ToolPanel::cleanup()
{
    m_historyDir.reset();
}

std::unique_ptr<ToolPanel> tst_ToolPanel::makePanel()
{
    auto panel = std::make_unique<ToolPanel>(m_client.get());
    panel->setHistoryDirectory(m_historyDir->path());
    panel->setEndpoint(m_server.url());
    panel->resize(1100, 760);
    return panel;
}

bool tst_ToolPanel::openShell(ToolPanel *panel)
{
    panel->setSession(m_sessionId, u"linux_latest"_s, SessionStatus::Running);
    QSignalSpy loaded(panel, &ToolPanel::toolsLoaded);
    if (panel->findChild<QTreeView *>(u"toolTree"_s)->model()->rowCount() == 0 && !loaded.wait(10000)) {
        return false;
    }
    const bool selected = panel->selectTool(u"shell"_s);
    settleLayouts();
    return selected;
}

void tst_ToolPanel::typeCommand(ToolPanel *panel, const QString &command)
{
    auto *form = panel->findChild<SchemaFormWidget *>(u"form"_s);
    auto *line = qobject_cast<QLineEdit *>(form->editor(u"command"_s)->inputWidget());
    QVERIFY(line);
    line->clear();
    QTest::keyClicks(line, command);
}

void tst_ToolPanel::saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("AGENTBAY_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        widget->show();
        QCoreApplication::processEvents(); // let pending layouts settle before the grab
        widget->grab().save(dir + u'/' + name + u".png"_s);
    }
}

void tst_ToolPanel::shellEcho_ctrlEnter_showsHelloAndExitCodeZero()
{
    auto panel = makePanel();
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    QVERIFY(openShell(panel.get()));
    typeCommand(panel.get(), u"echo hello"_s);
    QSignalSpy finished(panel.get(), &ToolPanel::callFinished);
    auto *line = panel->findChild<SchemaFormWidget *>(u"form"_s)->editor(u"command"_s)->inputWidget();
    line->setFocus();
    panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(panel.get()));
    QTest::keyClick(line, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(panel->isCalling());
    QVERIFY(finished.wait(CallTimeoutMs));
    QCOMPARE(finished.first().at(1).toBool(), true);

    auto *result = panel->findChild<ResultView *>(u"resultView"_s);
    auto *out = result->findChild<QPlainTextEdit *>(u"stdout"_s);
    QVERIFY(out);
    QCOMPARE(out->toPlainText().trimmed(), u"hello"_s);
    QCOMPARE(result->findChild<QLabel *>(u"exitCode"_s)->property("exitCode").toInt(), 0);
    QVERIFY(!result->record().requestId.isEmpty());
    saveScreenshot(panel.get(), u"toolpanel-shell-echo"_s);
}

void tst_ToolPanel::shellFailing_showsStderrAndExitCode()
{
    auto panel = makePanel();
    QVERIFY(openShell(panel.get()));
    typeCommand(panel.get(), u"echo oops >&2; exit 3"_s);
    QSignalSpy finished(panel.get(), &ToolPanel::callFinished);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"callButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(CallTimeoutMs));
    QCOMPARE(finished.first().at(1).toBool(), false);
    auto *result = panel->findChild<ResultView *>(u"resultView"_s);
    auto *err = result->findChild<QPlainTextEdit *>(u"stderr"_s);
    QVERIFY(err);
    QCOMPARE(err->toPlainText().trimmed(), u"oops"_s);
    QCOMPARE(result->findChild<QLabel *>(u"exitCode"_s)->property("exitCode").toInt(), 3);
    panel->show();
    saveScreenshot(panel.get(), u"toolpanel-shell-failure"_s);
}

void tst_ToolPanel::cancel_runningSleep_showsCancelledAtOnceAndCallingWorksAgain()
{
    using Outcome = AgentBay::Core::ToolCallRecord::Outcome;
    auto panel = makePanel();
    panel->show();
    QVERIFY(openShell(panel.get()));
    typeCommand(panel.get(), u"sleep 60"_s);
    auto *callButton = panel->findChild<QPushButton *>(u"callButton"_s);
    auto *cancelButton = panel->findChild<QToolButton *>(u"cancelButton"_s);
    QVERIFY(cancelButton);
    QVERIFY(!cancelButton->isEnabled()); // nothing to cancel yet
    QSignalSpy finished(panel.get(), &ToolPanel::callFinished);

    QTest::mouseClick(callButton, Qt::LeftButton);
    QVERIFY(panel->isCalling());
    QVERIFY(cancelButton->isEnabled());
    QVERIFY(!callButton->isEnabled());
    QTest::qWait(300); // let the request reach the server, so the cancel aborts a call in flight
    QVERIFY(panel->isCalling());

    QTest::mouseClick(cancelButton, Qt::LeftButton);
    // Cancelled, not finished: the 60 s command cannot have ended by itself. No clock: the
    // bound only ends a broken run on a loaded machine.
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isCalling(), 30000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toString(), u"shell"_s);
    QCOMPARE(finished.first().at(1).toBool(), false);

    // The result says so, and the panel is ready for the next call.
    auto *result = panel->findChild<ResultView *>(u"resultView"_s);
    QCOMPARE(result->record().outcome, Outcome::Cancelled);
    QCOMPARE(result->findChild<QLabel *>(u"status"_s)->text(), u"Cancelled"_s);
    QVERIFY(result->findChild<QWidget *>(u"errorBanner"_s));
    QVERIFY(!cancelButton->isEnabled());
    QVERIFY(callButton->isEnabled());
    saveScreenshot(panel.get(), u"toolpanel-cancelled"_s);

    // The history keeps the cancelled call (what was tried matters), on screen and on disk.
    auto *view = panel->findChild<QTableView *>(u"historyView"_s);
    QCOMPARE(view->model()->rowCount(), 1);
    const QList<AgentBay::Core::ToolCallRecord> stored =
        AgentBay::Core::ToolCallHistory(m_historyDir->path()).load(m_sessionId);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().outcome, Outcome::Cancelled);
    QCOMPARE(stored.first().arguments.value(u"command"_s).toString(), u"sleep 60"_s);

    // Calling again works.
    typeCommand(panel.get(), u"echo after"_s);
    QTest::mouseClick(callButton, Qt::LeftButton);
    QVERIFY(panel->isCalling());
    QVERIFY(finished.wait(CallTimeoutMs));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.last().at(1).toBool(), true);
    QCOMPARE(result->findChild<QPlainTextEdit *>(u"stdout"_s)->toPlainText().trimmed(), u"after"_s);
    QCOMPARE(view->model()->rowCount(), 2);
}

void tst_ToolPanel::invalidJsonArguments_refusedBeforeSending()
{
    auto panel = makePanel();
    QVERIFY(openShell(panel.get()));
    auto *tabs = panel->findChild<QTabWidget *>(u"argumentsTabs"_s);
    tabs->setCurrentIndex(1);
    auto *editor = panel->findChild<QPlainTextEdit *>(u"jsonEditor"_s);
    editor->setPlainText(u"{\"command\": \"echo hi\",,}"_s);
    auto *callButton = panel->findChild<QPushButton *>(u"callButton"_s);
    QVERIFY(!callButton->isEnabled());
    QVERIFY(panel->findChild<QLabel *>(u"jsonStatus"_s)->text().contains(u"Line 1"_s));

    QSignalSpy requests(m_client.get(), &ApiClient::requestStarted);
    panel->call(); // what Ctrl+Enter does
    QVERIFY(!panel->isCalling());
    QCOMPARE(requests.count(), 0);
    QVERIFY(panel->findChild<QLabel *>(u"callHint"_s)->text().contains(u"Not sent"_s));

    // Switching to the form would lose the text: refused, the JSON stays.
    tabs->setCurrentIndex(0);
    QCOMPARE(tabs->currentIndex(), 1);
    QCOMPARE(editor->toPlainText(), u"{\"command\": \"echo hi\",,}"_s);
}

void tst_ToolPanel::missingRequiredArgument_refusedBeforeSending()
{
    auto panel = makePanel();
    QVERIFY(openShell(panel.get()));
    auto *form = panel->findChild<SchemaFormWidget *>(u"form"_s);
    QSignalSpy requests(m_client.get(), &ApiClient::requestStarted);
    panel->call();
    QCOMPARE(requests.count(), 0);
    QCOMPARE(form->editor(u"command"_s)->problemText(), u"Required."_s);
    QVERIFY(!panel->findChild<QPushButton *>(u"callButton"_s)->isEnabled());
}

void tst_ToolPanel::untouchedRequiredArgument_quietUntilCallRefused()
{
    auto panel = makePanel();
    QVERIFY(openShell(panel.get()));
    auto *form = panel->findChild<SchemaFormWidget *>(u"form"_s);
    auto *timeout = qobject_cast<QLineEdit *>(form->editor(u"timeout_ms"_s)->inputWidget());
    QVERIFY(timeout);
    timeout->clear();
    QTest::keyClicks(timeout, u"5000"_s);
    QCOMPARE(form->editor(u"command"_s)->problemText(), QString());
    QSignalSpy requests(m_client.get(), &ApiClient::requestStarted);
    panel->call();
    QCOMPARE(requests.count(), 0);
    QCOMPARE(form->editor(u"command"_s)->problemText(), u"Required."_s);
}

void tst_ToolPanel::historyTab_listKeepsRows_detailsTakeTheRest()
{
    auto panel = makePanel();
    panel->resize(900, 650); // about what an 800 px high window leaves the panel
    QVERIFY(openShell(panel.get()));
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    typeCommand(panel.get(), u"echo one"_s);
    QSignalSpy finished(panel.get(), &ToolPanel::callFinished);
    panel->call();
    QVERIFY(finished.wait(10000));
    panel->findChild<QTabWidget *>(u"outputTabs"_s)->setCurrentIndex(1);
    settleLayouts();
    auto *list = panel->findChild<QTableView *>(u"historyView"_s);
    auto *details = panel->findChild<ResultView *>(u"historyResult"_s);
    QVERIFY(list && details);
    const int rowHeight = list->verticalHeader()->defaultSectionSize();
    QVERIFY2(list->minimumHeight() >= 3 * rowHeight, qPrintable(QString::number(list->minimumHeight())));
    QVERIFY(list->height() >= list->minimumHeight());
    QVERIFY2(details->height() > list->height(),
        qPrintable(u"list %1, details %2"_s.arg(list->height()).arg(details->height())));
    // Growing the window gives the details the new room; the list stays as it is.
    const int listHeight = list->height();
    const int detailsHeight = details->height();
    panel->resize(900, 850);
    QTRY_VERIFY(details->height() > detailsHeight);
    QCOMPARE(list->height(), listHeight);
}

void tst_ToolPanel::toolSplit_narrowPanel_formGetsTheRoom()
{
    auto panel = makePanel();
    panel->resize(490, 700); // what a 1024 px wide window leaves the Tools tab
    QVERIFY(openShell(panel.get()));
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    settleLayouts();
    const QList<int> sizes = panel->findChild<QSplitter *>(u"toolSplitter"_s)->sizes();
    QCOMPARE(sizes.size(), 2);
    QVERIFY2(sizes.at(1) >= 2 * sizes.at(0), qPrintable(u"list %1, form %2"_s.arg(sizes.at(0)).arg(sizes.at(1))));
    // Not moved: nothing of its own to remember.
    QVERIFY(panel->saveLayout().isEmpty());
}

void tst_ToolPanel::toolSplit_widePanel_listShowsEveryNameUncut()
{
    auto panel = makePanel();
    panel->resize(1400, 900); // a 1920 px window's Tools tab
    QVERIFY(openShell(panel.get()));
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    settleLayouts();
    auto *browser = panel->findChild<AgentBay::Ui::ToolBrowser *>();
    QVERIFY(browser);
    // "wuying_filesystem (11)" and every tool name fit: the list is as wide as they need.
    QTRY_VERIFY2(browser->width() >= browser->fittingWidth(),
        qPrintable(u"list %1, names need %2"_s.arg(browser->width()).arg(browser->fittingWidth())));
    QVERIFY(browser->fittingWidth() > 150); // what the list used to get: names were cut
    QVERIFY(panel->saveLayout().isEmpty()); // still the user's to move
}

void tst_ToolPanel::toolSplit_movedByTheUser_restoredInANewPanel()
{
    QByteArray state;
    {
        auto panel = makePanel();
        QVERIFY(openShell(panel.get()));
        panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
        settleLayouts();
        auto *splitter = panel->findChild<QSplitter *>(u"toolSplitter"_s);
        QSplitterHandle *handle = splitter->handle(1);
        const QPoint start = handle->rect().center();
        const QPoint end = start + QPoint(80, 0);
        QMouseEvent press(
            QEvent::MouseButtonPress, start, handle->mapToGlobal(start), Qt::LeftButton, Qt::LeftButton, {});
        QCoreApplication::sendEvent(handle, &press);
        QMouseEvent move(QEvent::MouseMove, end, handle->mapToGlobal(end), Qt::NoButton, Qt::LeftButton, {});
        QCoreApplication::sendEvent(handle, &move);
        QMouseEvent release(QEvent::MouseButtonRelease, end, handle->mapToGlobal(end), Qt::LeftButton, {}, {});
        QCoreApplication::sendEvent(handle, &release);
        QVERIFY(splitter->sizes().at(0) > 200);
        state = panel->saveLayout();
        QVERIFY(!state.isEmpty());
    }
    auto panel = makePanel();
    QVERIFY(panel->restoreLayout(state)); // before it is shown, as the window does
    QVERIFY(openShell(panel.get()));
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    settleLayouts();
    QVERIFY(panel->findChild<QSplitter *>(u"toolSplitter"_s)->sizes().at(0) > 200);
    QCOMPARE(panel->saveLayout(), state); // kept as restored until moved again
    QVERIFY(!panel->restoreLayout("garbage"));
}

void tst_ToolPanel::formAndJson_switching_keepsTheValues()
{
    auto panel = makePanel();
    QVERIFY(openShell(panel.get()));
    typeCommand(panel.get(), u"ls -la"_s);
    auto *tabs = panel->findChild<QTabWidget *>(u"argumentsTabs"_s);
    auto *editor = panel->findChild<QPlainTextEdit *>(u"jsonEditor"_s);
    tabs->setCurrentIndex(1);
    QCOMPARE(panel->currentArguments().value(), QJsonObject({{u"command"_s, u"ls -la"_s}}));
    QVERIFY(editor->toPlainText().contains(u"\"ls -la\""_s));
    editor->setPlainText(u"{\"command\": \"pwd\", \"cwd\": \"sub\"}"_s);
    tabs->setCurrentIndex(0);
    QCOMPARE(tabs->currentIndex(), 0);
    auto *form = panel->findChild<SchemaFormWidget *>(u"form"_s);
    QCOMPARE(form->value(), QJsonObject({{u"command"_s, u"pwd"_s}, {u"cwd"_s, u"sub"_s}}));
    QCOMPARE(panel->currentArguments().value(), form->value());
}

void tst_ToolPanel::pausedSession_disablesCallingAndSaysWhy_data()
{
    QTest::addColumn<SessionStatus>("status");
    QTest::addColumn<QString>("says");
    QTest::newRow("paused") << SessionStatus::Paused << u"paused"_s;
    QTest::newRow("pausing") << SessionStatus::Pausing << u"being paused"_s;
    QTest::newRow("resuming") << SessionStatus::Resuming << u"resuming"_s;
    QTest::newRow("deleting") << SessionStatus::Deleting << u"being deleted"_s;
    QTest::newRow("deleted") << SessionStatus::Deleted << u"deleted"_s;
}

void tst_ToolPanel::pausedSession_disablesCallingAndSaysWhy()
{
    QFETCH(SessionStatus, status);
    QFETCH(QString, says);
    auto panel = makePanel();
    panel->show();
    QVERIFY(openShell(panel.get()));
    typeCommand(panel.get(), u"echo hi"_s);
    auto *callButton = panel->findChild<QPushButton *>(u"callButton"_s);
    QVERIFY(callButton->isEnabled());
    panel->setSession(m_sessionId, u"linux_latest"_s, status);
    QVERIFY(!callButton->isEnabled());
    auto *notice = panel->findChild<QLabel *>(u"sessionNotice"_s);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(says), qPrintable(notice->text()));
    // Said once, in the banner: not again in red under the Call button, nor when a call is tried.
    auto *hint = panel->findChild<QLabel *>(u"callHint"_s);
    QVERIFY2(!hint->text().contains(says), qPrintable(hint->text()));
    QSignalSpy requests(m_client.get(), &ApiClient::requestStarted);
    panel->call();
    QCOMPARE(requests.count(), 0);
    QVERIFY2(!hint->text().contains(says), qPrintable(hint->text()));
    QVERIFY(notice->isVisible());
    panel->setSession(m_sessionId, u"linux_latest"_s, SessionStatus::Running);
    QVERIFY(callButton->isEnabled());
    QVERIFY(!notice->isVisible());
}

void tst_ToolPanel::history_survivesRecreatingThePanel()
{
    {
        auto panel = makePanel();
        QVERIFY(openShell(panel.get()));
        typeCommand(panel.get(), u"echo first"_s);
        QSignalSpy finished(panel.get(), &ToolPanel::callFinished);
        panel->call();
        QVERIFY(finished.wait(CallTimeoutMs));
        typeCommand(panel.get(), u"echo second"_s);
        panel->call();
        QVERIFY(finished.wait(CallTimeoutMs));
    }
    auto panel = makePanel();
    panel->setSession(m_sessionId, u"linux_latest"_s, SessionStatus::Running);
    auto *view = panel->findChild<QTableView *>(u"historyView"_s);
    QCOMPARE(view->model()->rowCount(), 2);
    QCOMPARE(view->model()->index(0, 1).data().toString(), u"shell"_s); // newest first
    view->selectRow(0);
    auto *historyResult = panel->findChild<ResultView *>(u"historyResult"_s);
    QCOMPARE(historyResult->record().arguments.value(u"command"_s).toString(), u"echo second"_s);
    QCOMPARE(historyResult->findChild<QPlainTextEdit *>(u"stdout"_s)->toPlainText().trimmed(), u"second"_s);

    // Another session has its own (empty) history.
    panel->setSession(u"session-00000000000000000000"_s, u"linux_latest"_s, SessionStatus::Running);
    QCOMPARE(view->model()->rowCount(), 0);
}

void tst_ToolPanel::history_loadArgumentsAndRerun()
{
    auto panel = makePanel();
    QVERIFY(openShell(panel.get()));
    typeCommand(panel.get(), u"echo again"_s);
    QSignalSpy finished(panel.get(), &ToolPanel::callFinished);
    panel->call();
    QVERIFY(finished.wait(CallTimeoutMs));
    typeCommand(panel.get(), u"echo other"_s);

    auto *view = panel->findChild<QTableView *>(u"historyView"_s);
    view->selectRow(0);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"loadArgumentsButton"_s), Qt::LeftButton);
    QCOMPARE(panel->currentArguments().value(), QJsonObject({{u"command"_s, u"echo again"_s}}));

    QTest::mouseClick(panel->findChild<QPushButton *>(u"rerunButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(CallTimeoutMs));
    QCOMPARE(view->model()->rowCount(), 2);
    auto *result = panel->findChild<ResultView *>(u"resultView"_s);
    QCOMPARE(result->findChild<QPlainTextEdit *>(u"stdout"_s)->toPlainText().trimmed(), u"again"_s);
}

void tst_ToolPanel::toolSearch_filtersByNameAndDescription()
{
    auto panel = makePanel();
    QVERIFY(openShell(panel.get()));
    auto *tree = panel->findChild<QTreeView *>(u"toolTree"_s);
    const auto countTools = [tree] {
        int tools = 0;
        for (int row = 0; row < tree->model()->rowCount(); ++row) {
            tools += tree->model()->rowCount(tree->model()->index(row, 0));
        }
        return tools;
    };
    const int all = countTools();
    QVERIFY(all > 3);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"toolSearch"_s), u"SHELL"_s);
    QVERIFY(countTools() >= 1);
    QVERIFY(countTools() < all);
    panel->findChild<QLineEdit *>(u"toolSearch"_s)->setText(u"no-such-tool-anywhere"_s);
    QCOMPARE(countTools(), 0);
}

void tst_ToolPanel::toolList_returnOnATool_putsTheCursorInItsFirstField()
{
    // From the keyboard: search, Tab into the list, Return on the tool, type its arguments.
    auto panel = makePanel();
    panel->show();
    panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(panel.get()));
    QVERIFY(openShell(panel.get()));
    auto *tree = panel->findChild<QTreeView *>(u"toolTree"_s);
    tree->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(tree->hasFocus());
    QVERIFY(tree->currentIndex().data().toString() == u"shell"_s);
    QTest::keyClick(tree, Qt::Key_Return);
    auto *form = panel->findChild<SchemaFormWidget *>(u"form"_s);
    QWidget *command = form->editor(u"command"_s)->inputWidget();
    QTRY_VERIFY2(command->hasFocus(),
        qPrintable(QApplication::focusWidget()
                ? QString::fromLatin1(QApplication::focusWidget()->metaObject()->className())
                : u"nothing"_s));
}

void tst_ToolPanel::copyAsCode_neverContainsTheKey()
{
    auto panel = makePanel();
    QVERIFY(openShell(panel.get()));
    typeCommand(panel.get(), u"echo hello"_s);
    for (const QString &snippet : {panel->pythonSnippet(), panel->curlSnippet()}) {
        QVERIFY(!snippet.contains(m_server.apiKey()));
        QVERIFY(snippet.contains(u"AGENTBAY_API_KEY"_s));
        QVERIFY(snippet.contains(m_sessionId));
        QVERIFY(snippet.contains(u"echo hello"_s));
    }
    QVERIFY(panel->curlSnippet().contains(m_server.url() + u"/?Action=CallMcpTool"_s));
}

void tst_ToolPanel::noSession_showsAPlaceholder()
{
    auto panel = makePanel();
    panel->show();
    panel->setSession({}, {}, SessionStatus::Unknown);
    QVERIFY(panel->findChild<QLabel *>(u"placeholder"_s)->isVisible());
    QSignalSpy requests(m_client.get(), &ApiClient::requestStarted);
    panel->call();
    QCOMPARE(requests.count(), 0);
}

void tst_ToolPanel::noTool_hidesTheArgumentsAndTheCallBar()
{
    auto panel = makePanel();
    panel->show();
    panel->setSession(m_sessionId, u"linux_latest"_s, SessionStatus::Running);
    QSignalSpy loaded(panel.get(), &ToolPanel::toolsLoaded);
    QVERIFY(panel->findChild<QTreeView *>(u"toolTree"_s)->model()->rowCount() > 0 || loaded.wait(10000));
    QVERIFY(panel->currentToolName().isEmpty());
    // No "This tool takes no arguments." before a tool is even picked.
    QVERIFY(!panel->findChild<QTabWidget *>(u"argumentsTabs"_s)->isVisible());
    QVERIFY(!panel->findChild<QPushButton *>(u"callButton"_s)->isVisible());
    QVERIFY(panel->findChild<QTabWidget *>(u"outputTabs"_s)->isVisible()); // history stays at hand
    QVERIFY(panel->selectTool(u"shell"_s));
    QVERIFY(panel->findChild<QTabWidget *>(u"argumentsTabs"_s)->isVisible());
    QVERIFY(panel->findChild<QPushButton *>(u"callButton"_s)->isVisible());
}

void tst_ToolPanel::pickedTool_staysPickedAfterAMomentWithoutSession()
{
    auto panel = makePanel();
    QVERIFY(openShell(panel.get()));
    // Ctrl+clicking a second row passes through "no current session" in the window.
    panel->setSession({}, {}, SessionStatus::Unknown);
    QVERIFY(panel->currentToolName().isEmpty());
    panel->setSession(m_sessionId, u"linux_latest"_s, SessionStatus::Running);
    QTRY_COMPARE(panel->currentToolName(), u"shell"_s);
}

void tst_ToolPanel::narrowPanel_callBarAndResultHeaderAreNotClipped_data()
{
    // The Tools tab's width in a 1280 and a 1024 pixel wide window, and when squeezed further.
    QTest::addColumn<int>("width");
    QTest::newRow("wide") << 1100;
    QTest::newRow("1280 window") << 600;
    QTest::newRow("1024 window") << 480;
    QTest::newRow("squeezed") << 420;
}

void tst_ToolPanel::narrowPanel_callBarAndResultHeaderAreNotClipped()
{
    QFETCH(int, width);
    auto panel = makePanel();
    panel->resize(width, 700);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    QVERIFY(openShell(panel.get()));
    typeCommand(panel.get(), u"echo fits"_s);
    QSignalSpy finished(panel.get(), &ToolPanel::callFinished);
    panel->call();
    QVERIFY(finished.wait(CallTimeoutMs));
    settleLayouts();
    QVERIFY(panel->findChild<QWidget *>(u"callBar"_s)->isVisible());

    // Every control of the call bar and of the result header gets at least the width it asks
    // for (no cut "Cancel" or "Timeou"), and stays inside the panel.
    const QRect panelRect = panel->rect();
    const auto checkNotClipped = [&](QWidget *container) {
        QVERIFY(container);
        const QList<QWidget *> children = container->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
        for (QWidget *child : children) {
            if (!child->isVisible() || qobject_cast<QMenu *>(child)) {
                continue;
            }
            const QString name = child->objectName().isEmpty() ? QString::fromLatin1(child->metaObject()->className())
                                                               : child->objectName();
            QVERIFY2(child->width() >= child->sizeHint().width(),
                qPrintable(u"%1: %2 < %3"_s.arg(name).arg(child->width()).arg(child->sizeHint().width())));
            const QRect inPanel(child->mapTo(panel.get(), QPoint(0, 0)), child->size());
            QVERIFY2(panelRect.contains(inPanel), qPrintable(name));
        }
    };
    checkNotClipped(panel->findChild<QWidget *>(u"callBar"_s));
    auto *result = panel->findChild<ResultView *>(u"resultView"_s);
    checkNotClipped(result->findChild<QLabel *>(u"status"_s)->parentWidget());
    // Narrow: the secondary buttons keep their icon and tooltip, not a cut label.
    auto *cancel = panel->findChild<QToolButton *>(u"cancelButton"_s);
    QVERIFY(!cancel->icon().isNull());
    QVERIFY(!cancel->toolTip().isEmpty());
    saveScreenshot(panel.get(), u"toolpanel-width-%1"_s.arg(width));
}

void tst_ToolPanel::destroyedWithItsOwnerWhileCalling_reportsNothingAndStoresNothing()
{
    // The owner (the detail pane in the main window) is destroyed first and takes the panel
    // with it while a call runs: nothing may reach the half-destroyed owner.
    auto owner = std::make_unique<QWidget>();
    auto *panel = new ToolPanel(m_client.get(), owner.get());
    panel->setHistoryDirectory(m_historyDir->path());
    QVERIFY(openShell(panel));
    typeCommand(panel, u"sleep 60"_s);
    bool reported = false;
    connect(panel, &ToolPanel::callFinished, owner.get(), [&reported] {
        reported = true;
    });
    panel->call();
    QVERIFY(panel->isCalling());
    QCOMPARE(m_client->inFlightCount(), 1);
    owner.reset();
    QVERIFY(!reported);
    // The request is aborted, not left running for no one, and no record is written for it.
    QCOMPARE(m_client->inFlightCount(), 0);
    QVERIFY(AgentBay::Core::ToolCallHistory(m_historyDir->path()).load(m_sessionId).isEmpty());
}

QTEST_MAIN(tst_ToolPanel)
#include "tst_toolpanel.moc"
