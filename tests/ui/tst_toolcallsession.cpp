// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <core/tools/toolcallhistory.h>
#include <support/localserver.h>
#include <ui/tools/toolcallsession.h>

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ApiClient;
using AgentBay::Core::McpTool;
using AgentBay::Core::ToolCallHistory;
using AgentBay::Core::ToolCallRecord;
using AgentBay::Ui::ToolCallSession;

namespace {

// A call to the real server (a session start, a shell command) on a loaded 2-core machine.
constexpr int CallTimeoutMs = 30000;

} // namespace

class tst_ToolCallSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void start_noSession_sendsNothing();
    void start_shellEcho_startsTicksFinishesAndStores();
    void start_whileCalling_isRefused();
    void cancel_runningCall_finishesCancelledAndIsStored();
    void finish_argumentsHoldTheApiKey_storedRedacted();
    void destroy_whileCalling_emitsNothingStoresNothingAndAborts();
    void drafts_keptPerSessionAndTool();
    void clearHistory_forgetsOnlyThisSession();

private:
    std::unique_ptr<ToolCallSession> makeSession();
    std::optional<ToolCallRecord> callShell(ToolCallSession *session, const QString &command);

    AgentBay::Test::LocalServer m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_sessionId;
    McpTool m_shell;
    std::unique_ptr<QTemporaryDir> m_historyDir;
};

void tst_ToolCallSession::initTestCase()
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
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), CallTimeoutMs);
    QVERIFY2(created->ok(), qPrintable(created->errorMessage()));
    m_sessionId = created->value().sessionId;

    std::optional<AgentBay::Core::Result<QList<McpTool>>> tools;
    m_client->listMcpTools(u"linux_latest"_s, this, [&tools](const AgentBay::Core::Result<QList<McpTool>> &result) {
        tools = result;
    });
    QTRY_VERIFY_WITH_TIMEOUT(tools.has_value(), CallTimeoutMs);
    QVERIFY(tools->ok());
    for (const McpTool &tool : tools->value()) {
        if (tool.name == u"shell"_s) {
            m_shell = tool;
        }
    }
    QCOMPARE(m_shell.name, u"shell"_s);
}

void tst_ToolCallSession::init()
{
    m_historyDir = std::make_unique<QTemporaryDir>();
}

std::unique_ptr<ToolCallSession> tst_ToolCallSession::makeSession()
{
    auto session = std::make_unique<ToolCallSession>(m_client.get());
    session->setHistoryDirectory(m_historyDir->path());
    session->setSessionId(m_sessionId);
    return session;
}

std::optional<ToolCallRecord> tst_ToolCallSession::callShell(ToolCallSession *session, const QString &command)
{
    QSignalSpy finished(session, &ToolCallSession::callFinished);
    if (!session->start(m_shell, {{u"command"_s, command}}, CallTimeoutMs) || !finished.wait(CallTimeoutMs)) {
        return std::nullopt;
    }
    return finished.first().at(0).value<ToolCallRecord>();
}

void tst_ToolCallSession::start_noSession_sendsNothing()
{
    ToolCallSession session(m_client.get());
    session.setHistoryDirectory(m_historyDir->path());
    QSignalSpy requests(m_client.get(), &ApiClient::requestStarted);
    QSignalSpy started(&session, &ToolCallSession::callStarted);
    QVERIFY(!session.start(m_shell, {{u"command"_s, u"true"_s}}, 1000));
    QVERIFY(!session.isCalling());
    QCOMPARE(requests.count(), 0);
    QCOMPARE(started.count(), 0);
    QVERIFY(session.history().isEmpty());
}

void tst_ToolCallSession::start_shellEcho_startsTicksFinishesAndStores()
{
    auto session = makeSession();
    QStringList order;
    connect(session.get(), &ToolCallSession::callStarted, this, [&order](const QString &tool) {
        order.append(u"started "_s + tool);
    });
    connect(session.get(), &ToolCallSession::callFinished, this, [&order](const ToolCallRecord &record) {
        order.append(u"finished "_s + record.toolName);
    });
    QSignalSpy ticked(session.get(), &ToolCallSession::callTicked);
    QSignalSpy finished(session.get(), &ToolCallSession::callFinished);
    // Long enough for a tick (every 100 ms) to come while it runs.
    QVERIFY(session->start(m_shell, {{u"command"_s, u"sleep 0.4; echo hello"_s}}, CallTimeoutMs));
    QVERIFY(session->isCalling());
    QCOMPARE(session->pending().toolName, u"shell"_s);
    QCOMPARE(session->pending().arguments.value(u"command"_s).toString(), u"sleep 0.4; echo hello"_s);
    QVERIFY(finished.wait(CallTimeoutMs));
    QVERIFY(!session->isCalling());
    QCOMPARE(order, QStringList({u"started shell"_s, u"finished shell"_s}));
    QVERIFY(ticked.count() >= 1);
    QCOMPARE(ticked.first().at(0).toString(), u"shell"_s);

    const auto record = finished.first().at(0).value<ToolCallRecord>();
    QCOMPARE(record.outcome, ToolCallRecord::Outcome::Ok);
    QCOMPARE(record.sessionId, m_sessionId);
    QVERIFY(record.durationMs >= 400);
    QVERIFY(!record.requestId.isEmpty());
    QVERIFY(finished.first().at(2).toString().isEmpty()); // stored without error
    // What the history holds is what was reported as stored.
    const QList<ToolCallRecord> history = session->history();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first(), finished.first().at(1).value<ToolCallRecord>());
    QCOMPARE(ToolCallHistory(m_historyDir->path()).load(m_sessionId), history);
}

void tst_ToolCallSession::start_whileCalling_isRefused()
{
    auto session = makeSession();
    QSignalSpy finished(session.get(), &ToolCallSession::callFinished);
    QVERIFY(session->start(m_shell, {{u"command"_s, u"sleep 60"_s}}, CallTimeoutMs));
    QSignalSpy requests(m_client.get(), &ApiClient::requestStarted);
    QVERIFY(!session->start(m_shell, {{u"command"_s, u"echo second"_s}}, CallTimeoutMs));
    QCOMPARE(requests.count(), 0);
    QCOMPARE(session->pending().arguments.value(u"command"_s).toString(), u"sleep 60"_s);
    session->cancel();
    QCOMPARE(finished.count(), 1); // a cancel answers at once
}

void tst_ToolCallSession::cancel_runningCall_finishesCancelledAndIsStored()
{
    auto session = makeSession();
    QSignalSpy finished(session.get(), &ToolCallSession::callFinished);
    QVERIFY(session->start(m_shell, {{u"command"_s, u"sleep 60"_s}}, CallTimeoutMs));
    session->cancel();
    // Cancelled, not finished: the 60 s command cannot have ended by itself.
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, CallTimeoutMs);
    QVERIFY(!session->isCalling());
    const auto record = finished.first().at(0).value<ToolCallRecord>();
    QCOMPARE(record.outcome, ToolCallRecord::Outcome::Cancelled);
    QVERIFY(!record.errorMessage.isEmpty());
    // What was tried matters: the cancelled call is in the history.
    QCOMPARE(session->history().size(), 1);
    QCOMPARE(session->history().first().outcome, ToolCallRecord::Outcome::Cancelled);
    session->cancel(); // nothing runs: nothing happens
    QCOMPARE(finished.count(), 1);
}

void tst_ToolCallSession::finish_argumentsHoldTheApiKey_storedRedacted()
{
    auto session = makeSession();
    const auto record = callShell(session.get(), u"echo ok #"_s + m_server.apiKey());
    QVERIFY(record);
    QVERIFY(record->arguments.value(u"command"_s).toString().contains(m_server.apiKey())); // as sent
    const QList<ToolCallRecord> stored = ToolCallHistory(m_historyDir->path()).load(m_sessionId);
    QCOMPARE(stored.size(), 1);
    QVERIFY(!stored.first().arguments.value(u"command"_s).toString().contains(m_server.apiKey()));
    QVERIFY(stored.first().arguments.value(u"command"_s).toString().contains(u"***"_s));
}

void tst_ToolCallSession::destroy_whileCalling_emitsNothingStoresNothingAndAborts()
{
    auto session = makeSession();
    QSignalSpy finished(session.get(), &ToolCallSession::callFinished);
    QSignalSpy inFlight(m_client.get(), &ApiClient::inFlightCountChanged);
    QVERIFY(session->start(m_shell, {{u"command"_s, u"sleep 60"_s}}, CallTimeoutMs));
    QCOMPARE(m_client->inFlightCount(), 1);
    session.reset();
    // The owner of a session being destroyed is being destroyed too: no word back to it, and
    // nothing written for a call nobody will see.
    QCOMPARE(finished.count(), 0);
    QVERIFY(ToolCallHistory(m_historyDir->path()).load(m_sessionId).isEmpty());
    // The request itself is gone, not left running with no one to answer.
    QCOMPARE(m_client->inFlightCount(), 0);
    QVERIFY(!inFlight.isEmpty());
    QCOMPARE(inFlight.last().at(0).toInt(), 0);
    // Nothing arrives later either.
    QTest::qWait(200);
    QCOMPARE(finished.count(), 0);
}

void tst_ToolCallSession::drafts_keptPerSessionAndTool()
{
    ToolCallSession session(m_client.get());
    const ToolCallSession::Draft draft{true, u"{\"command\": \"ls\"}"_s, {{u"command"_s, u"ls"_s}}};
    session.saveDraft(u"shell"_s, draft); // no session yet: not kept
    QVERIFY(!session.draft(u"shell"_s));
    session.setSessionId(u"session-a"_s);
    session.saveDraft(u"shell"_s, draft);
    QCOMPARE(session.draft(u"shell"_s), draft);
    QVERIFY(!session.draft(u"read_file"_s));
    session.setSessionId(u"session-b"_s);
    QVERIFY(!session.draft(u"shell"_s)); // another session's shell starts fresh
    session.setSessionId(u"session-a"_s);
    QCOMPARE(session.draft(u"shell"_s), draft);
}

void tst_ToolCallSession::clearHistory_forgetsOnlyThisSession()
{
    ToolCallHistory history(m_historyDir->path());
    ToolCallRecord other;
    other.sessionId = u"session-other"_s;
    other.toolName = u"shell"_s;
    QVERIFY(!history.append(other).id.isEmpty());
    auto session = makeSession();
    QVERIFY(callShell(session.get(), u"true"_s));
    QCOMPARE(session->history().size(), 1);
    session->clearHistory();
    QVERIFY(session->history().isEmpty());
    QCOMPARE(history.load(u"session-other"_s).size(), 1);
}

QTEST_GUILESS_MAIN(tst_ToolCallSession)
#include "tst_toolcallsession.moc"
