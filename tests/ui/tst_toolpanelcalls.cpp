// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <core/tools/toolcallhistoryexport.h>
#include <support/localserver.h>
#include <ui/tools/callhistorypage.h>
#include <ui/tools/fanoutpage.h>
#include <ui/tools/fanoutrun.h>
#include <ui/tools/fieldeditor.h>
#include <ui/tools/resultview.h>
#include <ui/tools/resultwindow.h>
#include <ui/tools/savedcallspage.h>
#include <ui/tools/schemaformwidget.h>
#include <ui/tools/toolcallform.h>
#include <ui/tools/toolpanel.h>

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ApiClient;
using AgentBay::Core::SessionStatus;
using AgentBay::Core::ToolCallRecord;
using AgentBay::Ui::ResultView;
using AgentBay::Ui::SchemaFormWidget;
using AgentBay::Ui::ToolPanel;

namespace {

constexpr int CallTimeoutMs = 30000;

// Answers the next destructive-tool question as a user would; counts the questions asked.
class BoxAnswerer : public QObject
{
public:
    BoxAnswerer(bool run, bool dontAskAgain)
    {
        connect(&m_timer, &QTimer::timeout, this, [this, run, dontAskAgain] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != u"destructiveConfirm"_s) {
                return;
            }
            ++asked;
            box->findChild<QCheckBox *>(u"dontAskAgain"_s)->setChecked(dontAskAgain);
            QAbstractButton *button = run
                ? static_cast<QAbstractButton *>(box->findChild<QPushButton *>(u"runAnyway"_s))
                : box->button(QMessageBox::Cancel);
            button->click();
        });
        m_timer.start(20);
    }

    int asked = 0;

private:
    QTimer m_timer;
};

} // namespace

class tst_ToolPanelCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void destructiveTool_asksFirst_cancelRunsNothing_dontAskAgainHolds();
    void annotations_shownAsBadges();
    void outputSchema_realResultsMatch_craftedMismatchShown();
    void outputSchema_runCodeAnswersMatch();
    void savedCalls_surviveARestart_runInOneClick_roundTripExportImport();
    void historyExport_reimportsIdentically_withoutTheKey();
    void afterACall_formKeepsItsRoom_andTheResultPopsOut_data();
    void afterACall_formKeepsItsRoom_andTheResultPopsOut();

private:
    std::unique_ptr<ToolPanel> makePanel();
    bool openTool(ToolPanel *panel, const QString &tool);
    void setField(ToolPanel *panel, const QString &field, const QString &text);
    bool callAndWait(ToolPanel *panel);
    bool shell(const QString &command, QString *stdOut = nullptr);

    AgentBay::Test::LocalServer m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_sessionId;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ToolPanelCalls::initTestCase()
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

void tst_ToolPanelCalls::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

std::unique_ptr<ToolPanel> tst_ToolPanelCalls::makePanel()
{
    auto panel = std::make_unique<ToolPanel>(m_client.get());
    panel->setHistoryDirectory(m_dir->filePath(u"history"_s));
    panel->setSavedCallsLocation(m_dir->filePath(u"saved"_s), u"test profile"_s);
    panel->setEndpoint(m_server.url());
    panel->resize(1100, 760);
    return panel;
}

bool tst_ToolPanelCalls::openTool(ToolPanel *panel, const QString &tool)
{
    panel->setSession(m_sessionId, u"linux_latest"_s, SessionStatus::Running);
    QSignalSpy loaded(panel, &ToolPanel::toolsLoaded);
    if (panel->findChild<QTreeView *>(u"toolTree"_s)->model()->rowCount() == 0 && !loaded.wait(10000)) {
        return false;
    }
    return panel->selectTool(tool);
}

void tst_ToolPanelCalls::setField(ToolPanel *panel, const QString &field, const QString &text)
{
    auto *form = panel->findChild<SchemaFormWidget *>(u"form"_s);
    auto *line = qobject_cast<QLineEdit *>(form->editor(field)->inputWidget());
    QVERIFY(line);
    line->clear();
    QTest::keyClicks(line, text);
}

bool tst_ToolPanelCalls::callAndWait(ToolPanel *panel)
{
    QSignalSpy finished(panel, &ToolPanel::callFinished);
    panel->call();
    return panel->isCalling() && finished.wait(CallTimeoutMs);
}

bool tst_ToolPanelCalls::shell(const QString &command, QString *stdOut)
{
    std::optional<AgentBay::Core::Result<AgentBay::Core::McpToolResult>> answer;
    m_client->callMcpTool(m_sessionId,
        u"shell"_s,
        QJsonObject{{u"command"_s, command}},
        {},
        this,
        [&answer](const AgentBay::Core::Result<AgentBay::Core::McpToolResult> &result) {
            answer = result;
        });
    if (!QTest::qWaitFor(
            [&answer] {
                return answer.has_value();
            },
            CallTimeoutMs)
        || !answer->ok()) {
        return false;
    }
    if (stdOut) {
        *stdOut = answer->value().shellOutput().value_or(AgentBay::Core::ShellOutput()).stdOut;
    }
    return true;
}

void tst_ToolPanelCalls::destructiveTool_asksFirst_cancelRunsNothing_dontAskAgainHolds()
{
    QVERIFY(shell(u"echo keep > victim1; echo keep > victim2"_s));
    auto panel = makePanel();
    QVERIFY(openTool(panel.get(), u"delete_file"_s));
    setField(panel.get(), u"path"_s, u"victim1"_s);
    QSignalSpy finished(panel.get(), &ToolPanel::callFinished);
    {
        BoxAnswerer no(false, false);
        panel->call();
        QCOMPARE(no.asked, 1);
    }
    QVERIFY(!panel->isCalling());
    QCOMPARE(finished.size(), 0);
    panel->setSelectedSessions({m_sessionId});
    {
        BoxAnswerer no(false, false); // on many sessions it asks once, before anything is sent
        QVERIFY(!panel->runFanOut());
        QCOMPARE(no.asked, 1);
    }
    QVERIFY(panel->fanOutPage()->runner()->items().isEmpty());
    QString out;
    QVERIFY(shell(u"ls victim1"_s, &out));
    QCOMPARE(out.trimmed(), u"victim1"_s); // still there

    {
        BoxAnswerer yes(true, true);
        QVERIFY(callAndWait(panel.get()));
        QCOMPARE(yes.asked, 1);
    }
    QVERIFY(finished.last().at(1).toBool());
    QVERIFY(shell(u"ls victim1 2>/dev/null || echo gone"_s, &out));
    QCOMPARE(out.trimmed(), u"gone"_s);

    setField(panel.get(), u"path"_s, u"victim2"_s);
    BoxAnswerer watcher(false, false);
    QVERIFY(callAndWait(panel.get())); // "don't ask again" holds for this tool
    QCOMPARE(watcher.asked, 0);

    QVERIFY(openTool(panel.get(), u"list_directory"_s)); // read-only tools never ask
    setField(panel.get(), u"path"_s, u"."_s);
    QVERIFY(callAndWait(panel.get()));
    QCOMPARE(watcher.asked, 0);
}

void tst_ToolPanelCalls::annotations_shownAsBadges()
{
    auto panel = makePanel();
    QVERIFY(openTool(panel.get(), u"move_file"_s));
    auto *badges = panel->findChild<QLabel *>(u"toolBadges"_s);
    QVERIFY(badges->text().contains(u"destructive"_s));
    QVERIFY(!badges->text().contains(u"read-only"_s));
    QVERIFY(panel->selectTool(u"read_file"_s));
    QVERIFY(badges->text().contains(u"read-only"_s));
    QVERIFY(!badges->text().contains(u"destructive"_s));
    QVERIFY(panel->selectTool(u"shell"_s));
    QVERIFY(badges->text().contains(u"output schema"_s));
    QVERIFY(badges->text().contains(u"open world"_s));
}

void tst_ToolPanelCalls::outputSchema_realResultsMatch_craftedMismatchShown()
{
    using State = AgentBay::Core::OutputSchemaVerdict::State;
    auto panel = makePanel();
    auto *result = panel->findChild<ResultView *>(u"resultView"_s);
    // agentbay-local's declared schemas are honest: its real answers match them.
    for (const QString &tool : {u"get_metrics"_s, u"shell"_s}) {
        QVERIFY(openTool(panel.get(), tool));
        if (tool == u"shell"_s) {
            setField(panel.get(), u"command"_s, u"echo hi"_s);
        }
        QVERIFY(callAndWait(panel.get()));
        QVERIFY2(result->outputVerdict().state == State::Matches, qPrintable(result->outputVerdict().summary()));
        QVERIFY(!result->findChild<QWidget *>(u"schemaMismatch"_s));
    }

    // A result that breaks the schema: the mismatch is shown next to the result.
    const auto shellTool = panel->findChild<AgentBay::Ui::ToolCallForm *>();
    QVERIFY(shellTool);
    ToolCallRecord crafted = result->record();
    crafted.result = QJsonObject{
        {u"content"_s, QJsonArray{}}, {u"structuredContent"_s, QJsonObject{{u"stdout"_s, 42}, {u"stderr"_s, u""_s}}}};
    result->showRecord(crafted); // the schema set by the last shell call stays
    QCOMPARE(result->outputVerdict().state, State::Mismatch);
    auto *problems = result->findChild<QLabel *>(u"schemaProblems"_s);
    QVERIFY(problems && problems->isVisibleTo(result));
    QVERIFY2(problems->text().contains(u"stdout"_s) && problems->text().contains(u"exit_code"_s),
        qPrintable(problems->text()));
}

void tst_ToolPanelCalls::outputSchema_runCodeAnswersMatch()
{
    std::optional<AgentBay::Core::Result<AgentBay::Core::SessionData>> created;
    AgentBay::Core::CreateSessionParams params;
    params.imageId = u"code_latest"_s;
    m_client->create(params, this, [&created](const AgentBay::Core::Result<AgentBay::Core::SessionData> &result) {
        created = result;
    });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 20000);
    QVERIFY2(created->ok(), qPrintable(created->errorMessage()));
    auto panel = makePanel();
    panel->setSession(created->value().sessionId, u"code_latest"_s, SessionStatus::Running);
    QSignalSpy loaded(panel.get(), &ToolPanel::toolsLoaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(panel->selectTool(u"run_code"_s));
    auto *editor = panel->findChild<SchemaFormWidget *>(u"form"_s)->editor(u"code"_s)->inputWidget();
    QVERIFY(editor);
    QTest::keyClicks(editor, u"print('hi')"_s);
    QVERIFY(callAndWait(panel.get()));
    auto *result = panel->findChild<ResultView *>(u"resultView"_s);
    QVERIFY2(result->outputVerdict().state == AgentBay::Core::OutputSchemaVerdict::State::Matches,
        qPrintable(result->outputVerdict().summary() + u" · "_s + result->plainText()));
}

void tst_ToolPanelCalls::savedCalls_surviveARestart_runInOneClick_roundTripExportImport()
{
    {
        auto panel = makePanel();
        QVERIFY(openTool(panel.get(), u"shell"_s));
        setField(panel.get(), u"command"_s, u"echo saved-call-ran"_s);
        QVERIFY(panel->saveCurrentCall(u"Checks"_s, u"say it"_s));
        setField(panel.get(), u"command"_s, u"uname -s"_s);
        QVERIFY(panel->saveCurrentCall(u"Checks"_s, u"kernel"_s));
        setField(panel.get(), u"command"_s, u"df -h ."_s);
        QVERIFY(panel->saveCurrentCall(u"Checks"_s, u"disk usage"_s));
    }
    QFile file(m_dir->filePath(u"saved/test_profile.json"_s));
    QVERIFY(file.exists());
    QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());

    auto panel = makePanel(); // as after a restart
    QVERIFY(openTool(panel.get(), u"get_metrics"_s)); // another tool is picked: the saved call picks its own
    AgentBay::Ui::SavedCallsPage *page = panel->savedCallsPage();
    QCOMPARE(page->currentCollection(), u"Checks"_s);
    auto *list = page->findChild<QListWidget *>(u"savedCalls"_s);
    QCOMPARE(list->count(), 3);
    list->setCurrentRow(0);
    QVERIFY(list->currentItem()->text().startsWith(u"say it"_s));
    QSignalSpy finished(panel.get(), &ToolPanel::callFinished);
    QTest::mouseClick(page->findChild<QPushButton *>(u"runSaved"_s), Qt::LeftButton);
    QVERIFY(panel->isCalling());
    QVERIFY(finished.wait(CallTimeoutMs));
    QCOMPARE(panel->currentToolName(), u"shell"_s);
    auto *result = panel->findChild<ResultView *>(u"resultView"_s);
    QVERIFY2(result->plainText().contains(u"saved-call-ran"_s), qPrintable(result->plainText()));

    const QString shots = qEnvironmentVariable("AGENTBAY_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        panel->findChild<QTabWidget *>(u"outputTabs"_s)->setCurrentWidget(page);
        panel->resize(1100, 700);
        panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
        QCoreApplication::processEvents();
        panel->grab().save(shots + u"/savedcalls.png"_s);
    }

    const QString exported = m_dir->filePath(u"checks.json"_s);
    QVERIFY(page->exportFile(exported));
    QFile out(exported);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QVERIFY(!out.readAll().contains(m_server.apiKey().toUtf8()));

    AgentBay::Ui::SavedCallsPage fresh;
    fresh.setStore(m_dir->filePath(u"other"_s), u"other"_s, {});
    QVERIFY(fresh.importFile(exported));
    QCOMPARE(fresh.store().collections(), page->store().collections());
    AgentBay::Ui::SavedCallsPage reread; // the import was saved too
    reread.setStore(m_dir->filePath(u"other"_s), u"other"_s, {});
    QCOMPARE(reread.store().collections(), page->store().collections());
}

void tst_ToolPanelCalls::historyExport_reimportsIdentically_withoutTheKey()
{
    auto panel = makePanel();
    QVERIFY(openTool(panel.get(), u"shell"_s));
    setField(panel.get(), u"command"_s, u"echo one"_s);
    QVERIFY(callAndWait(panel.get()));
    setField(panel.get(), u"command"_s, QString(u"echo "_s + m_server.apiKey())); // a key in a result
    QVERIFY(callAndWait(panel.get()));
    auto *history = panel->findChild<AgentBay::Ui::CallHistoryPage *>();
    const QList<ToolCallRecord> shown = history->records();
    QCOMPARE(shown.size(), 2);

    const QString path = m_dir->filePath(u"calls.jsonl"_s);
    QString error;
    QVERIFY2(panel->exportHistory(path, false, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QVERIFY(!data.contains(m_server.apiKey().toUtf8()));
    QCOMPARE(data.count('\n'), 2);

    QVERIFY2(panel->importHistory(path, &error), qPrintable(error));
    QVERIFY(history->isShowingImported());
    QCOMPARE(history->records(), shown); // the history stored them without the key already
    QCOMPARE(*AgentBay::Core::ToolCallHistoryExport::readFile(path, &error), shown);
    QVERIFY(history->findChild<QLabel *>(u"importNotice"_s)->text().contains(u"calls.jsonl"_s));
    QTest::mouseClick(history->findChild<QPushButton *>(u"backToSession"_s), Qt::LeftButton);
    QVERIFY(!history->isShowingImported());
}

void tst_ToolPanelCalls::afterACall_formKeepsItsRoom_andTheResultPopsOut_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("small") << QSize(900, 560);
    QTest::newRow("large") << QSize(1400, 1000);
}

void tst_ToolPanelCalls::afterACall_formKeepsItsRoom_andTheResultPopsOut()
{
    QFETCH(QSize, size);
    auto panel = makePanel();
    panel->resize(size);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    QVERIFY(openTool(panel.get(), u"shell"_s));
    setField(panel.get(), u"command"_s, u"seq 1 200"_s);
    QVERIFY(callAndWait(panel.get()));
    QCoreApplication::processEvents();
    auto *split = panel->findChild<QSplitter *>(u"outputSplitter"_s);
    const QList<int> sizes = split->sizes();
    QVERIFY2(sizes.at(0) >= 200, qPrintable(u"form %1 px"_s.arg(sizes.at(0))));
    QVERIFY2(sizes.at(1) >= 150, qPrintable(u"result %1 px"_s.arg(sizes.at(1))));

    // The split the user leaves is remembered in the panel's layout.
    split->setSizes({sizes.at(0) + 30, sizes.at(1) - 30});
    Q_EMIT split->splitterMoved(sizes.at(0) + 30, 1);
    const QByteArray state = panel->saveLayout();
    auto other = makePanel();
    QVERIFY(other->restoreLayout(state));
    QCOMPARE(other->saveLayout(), state);

    AgentBay::Ui::ResultWindow *window = panel->popOutResult();
    QVERIFY(window);
    QVERIFY(window->isWindow());
    QCOMPARE(window->view()->record(), panel->findChild<ResultView *>(u"resultView"_s)->record());
    window->close(); // deletes itself
}

QTEST_MAIN(tst_ToolPanelCalls)
#include "tst_toolpanelcalls.moc"
