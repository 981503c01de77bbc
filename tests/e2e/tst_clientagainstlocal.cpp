// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <support/callbackprobe.h>
#include <support/localserver.h>

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <optional>

using namespace AgentBay::Core;
using AgentBay::Test::LocalServer;

namespace {

template <typename T>
using Probe = AgentBay::Test::CallbackProbe<T>;

constexpr int CallTimeoutMs = 30000;
const WaitOptions Wait{60000, 50};

} // namespace

Q_DECLARE_METATYPE(AgentBay::Core::SessionStatus)

class tst_ClientAgainstLocal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void create_withLabels_runningSessionWithItsTools();
    void get_existingAndEmptyId_followSdkChecks();
    void list_labelFilter_returnsOnlyMatchingSessions_data();
    void list_labelFilter_returnsOnlyMatchingSessions();
    void list_paging_page2WalksTokensAndPagesCoverAll();
    void listAll_pageSizeOne_collectsEverySession();
    void getSessionDetail_runningSession_reportsRunning();
    void labels_setThenGet_roundTripSpecialCharacters();
    void info_session_givesResourceUrl();
    void getLink_port30150_givesUrl();
    void getLink_portOutsideRange_refusedBeforeAnyRequest_data();
    void getLink_portOutsideRange_refusedBeforeAnyRequest();
    void listMcpTools_linux_fullInputSchema();
    void callMcpTool_shellEcho_textAndExitCodeZero();
    void callMcpTool_failingCommand_isError();
    void pauseResume_waitingForms_reportTransitionalStatuses();
    void delete_waitsUntilGone_thenNotFound();
    void delete_withSyncContext_syncsThenDeletes();
    void list_statusFilter_onlySessionsInThatStatus();
    void list_imageIdFilter_onlySessionsOfThatImage();
    void create_lifecyclePolicy_deadlinesReported_keepAliveMovesIdleOne();
    void create_manualRelease_noDeadlines();
    void keepAlive_unknownSession_isNotFound();
    void getLink_noPort_givesTheDefaultLink();

private:
    // Creates a session and returns its id (empty on failure, after a test failure was recorded).
    QString createSession(const Labels &labels, const QString &imageId = QStringLiteral("linux_latest"));

    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_session; // shared by the read-only cases
    QStringList m_listSessions; // the three sessions of the list cases
};

void tst_ClientAgainstLocal::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    QVERIFY(!m_server->apiKey().isEmpty());
    Config config;
    config.apiKey = m_server->apiKey();
    config.endpoint = m_server->url();
    config.timeoutMs = CallTimeoutMs;
    QCOMPARE(config.baseUrl().scheme(), QStringLiteral("http"));
    m_client = std::make_unique<ApiClient>(config);

    m_session = createSession({{QStringLiteral("suite"), QStringLiteral("e2e-shared")}});
    QVERIFY(!m_session.isEmpty());
    const QString parity[] = {QStringLiteral("odd"), QStringLiteral("even"), QStringLiteral("odd")};
    for (int i = 0; i < 3; ++i) {
        const QString id = createSession({{QStringLiteral("suite"), QStringLiteral("e2e-list")},
            {QStringLiteral("n"), QString::number(i + 1)},
            {QStringLiteral("parity"), parity[i]}});
        QVERIFY(!id.isEmpty());
        m_listSessions.append(id);
    }
}

void tst_ClientAgainstLocal::cleanupTestCase()
{
    m_client.reset();
    if (m_server) {
        m_server->stop();
    }
    m_server.reset();
}

QString tst_ClientAgainstLocal::createSession(const Labels &labels, const QString &imageId)
{
    CreateSessionParams params;
    params.imageId = imageId;
    params.labels = labels;
    Probe<SessionData> probe;
    m_client->create(params, &probe.context, probe.callback());
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
        QVERIFY2(probe.ok(), qPrintable(probe.why()));
    }();
    return probe.ok() ? probe.value().sessionId : QString();
}

void tst_ClientAgainstLocal::create_withLabels_runningSessionWithItsTools()
{
    CreateSessionParams params;
    params.labels = {{QStringLiteral("suite"), QStringLiteral("e2e-create")}};
    Probe<SessionData> probe;
    m_client->create(params, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    const SessionData &created = probe.value();
    static const QRegularExpression idPattern(QStringLiteral("^session-[a-z0-9]{20}$"));
    QVERIFY2(idPattern.match(created.sessionId).hasMatch(), qPrintable(created.sessionId));
    // Asked over plain http, the URLs are http and ws on the address the client used.
    QVERIFY2(created.resourceUrl.startsWith(m_server->url() + QStringLiteral("/sessions/") + created.sessionId),
        qPrintable(created.resourceUrl));
    QCOMPARE(created.wsUrl, QStringLiteral("ws") + m_server->url().mid(4) + QStringLiteral("/ws/") + created.sessionId);
    QVERIFY(!probe.result->requestId().isEmpty());

    Probe<SessionData> fetched;
    m_client->getSession(created.sessionId, &fetched.context, fetched.callback());
    QTRY_VERIFY_WITH_TIMEOUT(fetched.done(), CallTimeoutMs);
    QVERIFY2(fetched.ok(), qPrintable(fetched.why()));
    QCOMPARE(fetched.value().sessionId, created.sessionId);
    QCOMPARE(fetched.value().status, SessionStatus::Running);
    QVERIFY(!fetched.value().resourceUrl.isEmpty());
    const auto shell =
        std::find_if(fetched.value().toolList.cbegin(), fetched.value().toolList.cend(), [](const SessionTool &tool) {
            return tool.name == u"shell";
        });
    QVERIFY2(shell != fetched.value().toolList.cend(), "the session's ToolList names the shell tool");
}

void tst_ClientAgainstLocal::get_existingAndEmptyId_followSdkChecks()
{
    Probe<SessionData> existing;
    m_client->get(m_session, &existing.context, existing.callback());
    QTRY_VERIFY_WITH_TIMEOUT(existing.done(), CallTimeoutMs);
    QVERIFY2(existing.ok(), qPrintable(existing.why()));
    QCOMPARE(existing.value().sessionId, m_session);

    Probe<SessionData> unknown;
    const QString missing = QStringLiteral("session-00000000000000000000");
    m_client->get(missing, &unknown.context, unknown.callback());
    QTRY_VERIFY_WITH_TIMEOUT(unknown.done(), CallTimeoutMs);
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().isNotFound());
    QCOMPARE(unknown.error().code, QStringLiteral("InvalidMcpSession.NotFound"));
    QCOMPARE(unknown.error().httpStatus, 400);
    QVERIFY2(unknown.error().message.contains(missing), qPrintable(unknown.error().message));
    QVERIFY(!unknown.error().requestId.isEmpty());

    Probe<SessionData> empty;
    m_client->get(QString(), &empty.context, empty.callback());
    QTRY_VERIFY(empty.done());
    QCOMPARE(empty.error().kind, ApiError::Kind::InvalidArgument);
}

void tst_ClientAgainstLocal::list_labelFilter_returnsOnlyMatchingSessions_data()
{
    QTest::addColumn<Labels>("filter");
    QTest::addColumn<QList<int>>("expected"); // indexes into m_listSessions

    QTest::newRow("one label: all three")
        << Labels{{QStringLiteral("suite"), QStringLiteral("e2e-list")}} << QList<int>{0, 1, 2};
    QTest::newRow("two labels: every key must match") << Labels{{QStringLiteral("suite"), QStringLiteral("e2e-list")},
        {QStringLiteral("parity"), QStringLiteral("odd")}}
                                                      << QList<int>{0, 2};
    QTest::newRow("exact value") << Labels{{QStringLiteral("suite"), QStringLiteral("e2e-list")},
        {QStringLiteral("n"), QStringLiteral("2")}}
                                 << QList<int>{1};
    QTest::newRow("no match") << Labels{{QStringLiteral("suite"), QStringLiteral("e2e-list")},
        {QStringLiteral("n"), QStringLiteral("9")}}
                              << QList<int>{};
}

void tst_ClientAgainstLocal::list_labelFilter_returnsOnlyMatchingSessions()
{
    QFETCH(Labels, filter);
    QFETCH(QList<int>, expected);
    ListSessionParams params;
    params.labels = filter;
    params.limit = 50;
    Probe<SessionListPage> probe;
    m_client->list(params, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QSet<QString> ids;
    for (const SessionSummary &summary : probe.value().sessions) {
        ids.insert(summary.sessionId);
        QCOMPARE(summary.status, SessionStatus::Running);
    }
    QSet<QString> wanted;
    for (const int index : expected) {
        wanted.insert(m_listSessions.at(index));
    }
    QCOMPARE(ids, wanted);
    QCOMPARE(probe.value().totalCount, int(expected.size()));
    QVERIFY(probe.value().nextToken.isEmpty());
}

void tst_ClientAgainstLocal::list_paging_page2WalksTokensAndPagesCoverAll()
{
    QSignalSpy started(m_client.get(), &ApiClient::requestStarted);
    ListSessionParams params;
    params.labels = {{QStringLiteral("suite"), QStringLiteral("e2e-list")}};
    params.limit = 2;

    Probe<SessionListPage> first;
    m_client->list(params, &first.context, first.callback());
    QTRY_VERIFY_WITH_TIMEOUT(first.done(), CallTimeoutMs);
    QVERIFY2(first.ok(), qPrintable(first.why()));
    QCOMPARE(first.value().sessions.size(), 2);
    QCOMPARE(first.value().totalCount, 3);
    QVERIFY(!first.value().nextToken.isEmpty());
    QCOMPARE(started.size(), 1);

    params.page = 2;
    Probe<SessionListPage> second;
    m_client->list(params, &second.context, second.callback());
    QTRY_VERIFY_WITH_TIMEOUT(second.done(), CallTimeoutMs);
    QVERIFY2(second.ok(), qPrintable(second.why()));
    QCOMPARE(second.value().sessions.size(), 1);
    QVERIFY(second.value().nextToken.isEmpty());
    QCOMPARE(started.size(), 3); // one skip request, then the page itself

    QSet<QString> ids;
    for (const SessionSummary &summary : first.value().sessions + second.value().sessions) {
        ids.insert(summary.sessionId);
    }
    QCOMPARE(ids, QSet<QString>(m_listSessions.cbegin(), m_listSessions.cend()));

    params.page = 3;
    Probe<SessionListPage> third;
    m_client->list(params, &third.context, third.callback());
    QTRY_VERIFY_WITH_TIMEOUT(third.done(), CallTimeoutMs);
    QVERIFY(!third.ok()); // no third page of three sessions by two
    QVERIFY(!third.error().message.isEmpty());
}

void tst_ClientAgainstLocal::listAll_pageSizeOne_collectsEverySession()
{
    QSignalSpy started(m_client.get(), &ApiClient::requestStarted);
    Probe<QList<SessionSummary>> probe;
    m_client->listAll({{QStringLiteral("suite"), QStringLiteral("e2e-list")}},
        QStringLiteral("RUNNING"),
        1,
        &probe.context,
        probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().size(), 3);
    QVERIFY(started.size() >= 3 && started.size() <= 4);
}

void tst_ClientAgainstLocal::getSessionDetail_runningSession_reportsRunning()
{
    Probe<SessionDetail> probe;
    m_client->getSessionDetail(m_session, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().status, SessionStatus::Running);
    QVERIFY(!probe.value().raw.isEmpty());
}

void tst_ClientAgainstLocal::labels_setThenGet_roundTripSpecialCharacters()
{
    const Labels labels{{QStringLiteral("suite"), QStringLiteral("e2e-shared")},
        {QStringLiteral("tricky"), QStringLiteral("a+b&c=d%e é 漢")},
        {QStringLiteral("semi;colon"), QStringLiteral("x y")}};
    Probe<Empty> set;
    m_client->setLabels(m_session, labels, &set.context, set.callback());
    QTRY_VERIFY_WITH_TIMEOUT(set.done(), CallTimeoutMs);
    QVERIFY2(set.ok(), qPrintable(set.why()));

    Probe<Labels> get;
    m_client->getLabels(m_session, &get.context, get.callback());
    QTRY_VERIFY_WITH_TIMEOUT(get.done(), CallTimeoutMs);
    QVERIFY2(get.ok(), qPrintable(get.why()));
    QCOMPARE(get.value(), labels);

    // And the list filter finds the session by the tricky value.
    ListSessionParams params;
    params.labels = {{QStringLiteral("tricky"), QStringLiteral("a+b&c=d%e é 漢")}};
    Probe<SessionListPage> list;
    m_client->list(params, &list.context, list.callback());
    QTRY_VERIFY_WITH_TIMEOUT(list.done(), CallTimeoutMs);
    QVERIFY2(list.ok(), qPrintable(list.why()));
    QCOMPARE(list.value().sessions.size(), 1);
    QCOMPARE(list.value().sessions.first().sessionId, m_session);
}

void tst_ClientAgainstLocal::info_session_givesResourceUrl()
{
    Probe<SessionInfo> probe;
    m_client->info(m_session, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QCOMPARE(probe.value().sessionId, m_session);
    const QUrl url(probe.value().resourceUrl);
    QVERIFY2(url.isValid() && !url.host().isEmpty(), qPrintable(probe.value().resourceUrl));
}

void tst_ClientAgainstLocal::getLink_port30150_givesUrl()
{
    LinkParams params;
    params.protocolType = QStringLiteral("https");
    params.port = 30150;
    Probe<QString> probe;
    m_client->getLink(m_session, params, &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    const QUrl url(probe.value());
    QVERIFY2(url.isValid() && url.scheme() == u"http", qPrintable(probe.value()));
    QCOMPARE(url.port(), QUrl(m_server->url()).port());
}

void tst_ClientAgainstLocal::getLink_portOutsideRange_refusedBeforeAnyRequest_data()
{
    QTest::addColumn<int>("port");
    QTest::newRow("30099") << 30099;
    QTest::newRow("30200") << 30200;
}

void tst_ClientAgainstLocal::getLink_portOutsideRange_refusedBeforeAnyRequest()
{
    QFETCH(int, port);
    QSignalSpy started(m_client.get(), &ApiClient::requestStarted);
    LinkParams params;
    params.port = port;
    Probe<QString> probe;
    m_client->getLink(m_session, params, &probe.context, probe.callback());
    QTRY_VERIFY(probe.done());
    QVERIFY(!probe.ok());
    QCOMPARE(probe.error().kind, ApiError::Kind::InvalidArgument);
    QCOMPARE(started.size(), 0);
}

void tst_ClientAgainstLocal::listMcpTools_linux_fullInputSchema()
{
    Probe<QList<McpTool>> probe;
    m_client->listMcpTools(QStringLiteral("linux_latest"), &probe.context, probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    QStringList names;
    for (const McpTool &tool : probe.value()) {
        names.append(tool.name);
        QVERIFY2(!tool.inputSchema.isEmpty(), qPrintable(tool.name));
        QCOMPARE(tool.inputSchema.value(QStringLiteral("type")).toString(), QStringLiteral("object"));
    }
    QVERIFY2(names.contains(QStringLiteral("shell")), qPrintable(names.join(u',')));
    QVERIFY2(names.contains(QStringLiteral("read_file")), qPrintable(names.join(u',')));
    const McpTool shell = *std::find_if(probe.value().cbegin(), probe.value().cend(), [](const McpTool &tool) {
        return tool.name == u"shell";
    });
    QVERIFY(!shell.server.isEmpty());
    const QJsonObject properties = shell.inputSchema.value(QStringLiteral("properties")).toObject();
    QVERIFY(properties.contains(QStringLiteral("command")));
    QVERIFY(shell.inputSchema.value(QStringLiteral("required")).toArray().contains(QStringLiteral("command")));
}

void tst_ClientAgainstLocal::callMcpTool_shellEcho_textAndExitCodeZero()
{
    Probe<McpToolResult> probe;
    m_client->callMcpTool(m_session,
        QStringLiteral("shell"),
        QJsonObject{{QStringLiteral("command"), QStringLiteral("echo hello")}, {QStringLiteral("timeout_ms"), 20000}},
        CallToolOptions(),
        &probe.context,
        probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why()));
    const McpToolResult &result = probe.value();
    QVERIFY(!result.isError);
    QVERIFY(!result.content.isEmpty());
    QCOMPARE(result.content.first().type, McpContentItem::Type::Text);
    const auto shell = result.shellOutput();
    QVERIFY2(shell.has_value(), qPrintable(result.firstText()));
    QCOMPARE(shell->exitCode, 0);
    QCOMPARE(shell->stdOut.trimmed(), QStringLiteral("hello"));
}

void tst_ClientAgainstLocal::callMcpTool_failingCommand_isError()
{
    Probe<McpToolResult> probe;
    m_client->callMcpTool(m_session,
        QStringLiteral("shell"),
        QJsonObject{{QStringLiteral("command"), QStringLiteral("echo oops >&2; exit 3")}},
        CallToolOptions(),
        &probe.context,
        probe.callback());
    QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
    QVERIFY2(probe.ok(), qPrintable(probe.why())); // a tool-level failure is still a delivered result
    QVERIFY(probe.value().isError);
    const auto shell = probe.value().shellOutput();
    QVERIFY2(shell.has_value(), qPrintable(probe.value().firstText()));
    QCOMPARE(shell->exitCode, 3);
    QVERIFY(shell->stdErr.contains(QStringLiteral("oops")));
}

void tst_ClientAgainstLocal::pauseResume_waitingForms_reportTransitionalStatuses()
{
    const QString id = createSession({{QStringLiteral("suite"), QStringLiteral("e2e-pause")}});
    QVERIFY(!id.isEmpty());

    QList<SessionStatus> pauseSeen;
    Probe<SessionStatus> paused;
    m_client->pause(id, Wait, &paused.context, paused.callback(), [&pauseSeen](SessionStatus status) {
        pauseSeen.append(status);
    });
    QTRY_VERIFY_WITH_TIMEOUT(paused.done(), Wait.timeoutMs);
    QVERIFY2(paused.ok(), qPrintable(paused.why()));
    QCOMPARE(paused.value(), SessionStatus::Paused);
    QCOMPARE(pauseSeen, (QList<SessionStatus>{SessionStatus::Pausing, SessionStatus::Paused}));

    Probe<SessionData> whilePaused;
    m_client->getSession(id, &whilePaused.context, whilePaused.callback());
    QTRY_VERIFY_WITH_TIMEOUT(whilePaused.done(), CallTimeoutMs);
    QCOMPARE(whilePaused.value().status, SessionStatus::Paused);

    QList<SessionStatus> resumeSeen;
    Probe<SessionStatus> resumed;
    m_client->resume(id, Wait, &resumed.context, resumed.callback(), [&resumeSeen](SessionStatus status) {
        resumeSeen.append(status);
    });
    QTRY_VERIFY_WITH_TIMEOUT(resumed.done(), Wait.timeoutMs);
    QVERIFY2(resumed.ok(), qPrintable(resumed.why()));
    QCOMPARE(resumed.value(), SessionStatus::Running);
    QCOMPARE(resumeSeen, (QList<SessionStatus>{SessionStatus::Resuming, SessionStatus::Running}));
}

void tst_ClientAgainstLocal::delete_waitsUntilGone_thenNotFound()
{
    const QString id = createSession({{QStringLiteral("suite"), QStringLiteral("e2e-delete")}});
    QVERIFY(!id.isEmpty());
    QList<SessionStatus> seen;
    Probe<Empty> deleted;
    m_client->deleteSession(id, false, Wait, &deleted.context, deleted.callback(), [&seen](SessionStatus status) {
        seen.append(status);
    });
    QTRY_VERIFY_WITH_TIMEOUT(deleted.done(), Wait.timeoutMs);
    QVERIFY2(deleted.ok(), qPrintable(deleted.why()));
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.first(), SessionStatus::Deleting);

    Probe<SessionData> after;
    m_client->getSession(id, &after.context, after.callback());
    QTRY_VERIFY_WITH_TIMEOUT(after.done(), CallTimeoutMs);
    QVERIFY(!after.ok());
    QVERIFY(after.error().isNotFound());
    QCOMPARE(after.error().code, QStringLiteral("InvalidMcpSession.NotFound"));

    Probe<SessionDetail> detail;
    m_client->getSessionDetail(id, &detail.context, detail.callback());
    QTRY_VERIFY_WITH_TIMEOUT(detail.done(), CallTimeoutMs);
    QVERIFY(!detail.ok());
    QVERIFY(detail.error().isNotFound());

    ListSessionParams params;
    params.labels = {{QStringLiteral("suite"), QStringLiteral("e2e-delete")}};
    Probe<SessionListPage> list;
    m_client->list(params, &list.context, list.callback());
    QTRY_VERIFY_WITH_TIMEOUT(list.done(), CallTimeoutMs);
    QVERIFY2(list.ok(), qPrintable(list.why()));
    QVERIFY(list.value().sessions.isEmpty());
}

void tst_ClientAgainstLocal::delete_withSyncContext_syncsThenDeletes()
{
    // SyncContext, the wait on GetContextInfo (nothing to upload here), then the deletion.
    const QString id = createSession({{QStringLiteral("suite"), QStringLiteral("e2e-sync-delete")}});
    QVERIFY(!id.isEmpty());
    Probe<Empty> deleted;
    m_client->deleteSession(id, true, Wait, &deleted.context, deleted.callback());
    QTRY_VERIFY_WITH_TIMEOUT(deleted.done(), Wait.timeoutMs);
    QVERIFY2(deleted.ok(), qPrintable(deleted.why()));

    Probe<SessionData> after;
    m_client->getSession(id, &after.context, after.callback());
    QTRY_VERIFY_WITH_TIMEOUT(after.done(), CallTimeoutMs);
    QVERIFY(!after.ok());
    QVERIFY(after.error().isNotFound());
}

void tst_ClientAgainstLocal::list_statusFilter_onlySessionsInThatStatus()
{
    const Labels labels{{QStringLiteral("suite"), QStringLiteral("e2e-status")}};
    const QString running = createSession(labels);
    const QString paused = createSession(labels);
    QVERIFY(!running.isEmpty() && !paused.isEmpty());
    Probe<SessionStatus> pause;
    m_client->pause(paused, Wait, &pause.context, pause.callback());
    QTRY_VERIFY_WITH_TIMEOUT(pause.done(), Wait.timeoutMs);
    QVERIFY2(pause.ok(), qPrintable(pause.why()));

    for (const auto &[status, expected] :
        {std::pair{QStringLiteral("PAUSED"), paused}, std::pair{QStringLiteral("RUNNING"), running}}) {
        ListSessionParams params;
        params.labels = labels;
        params.status = status;
        Probe<SessionListPage> page;
        m_client->list(params, &page.context, page.callback());
        QTRY_VERIFY_WITH_TIMEOUT(page.done(), CallTimeoutMs);
        QVERIFY2(page.ok(), qPrintable(page.why()));
        QCOMPARE(page.value().sessions.size(), 1);
        QCOMPARE(page.value().sessions.first().sessionId, expected);

        Probe<QList<SessionSummary>> all;
        m_client->listAll(params, &all.context, all.callback());
        QTRY_VERIFY_WITH_TIMEOUT(all.done(), CallTimeoutMs);
        QVERIFY2(all.ok(), qPrintable(all.why()));
        QCOMPARE(all.value().size(), 1);
        QCOMPARE(all.value().first().sessionId, expected);
    }
}

void tst_ClientAgainstLocal::list_imageIdFilter_onlySessionsOfThatImage()
{
    const Labels labels{{QStringLiteral("suite"), QStringLiteral("e2e-image")}};
    const QString linux = createSession(labels, QStringLiteral("linux_latest"));
    const QString code = createSession(labels, QStringLiteral("code_latest"));
    QVERIFY(!linux.isEmpty() && !code.isEmpty());
    for (const auto &[image, expected] :
        {std::pair{QStringLiteral("linux_latest"), linux}, std::pair{QStringLiteral("code_latest"), code}}) {
        ListSessionParams params;
        params.labels = labels;
        params.imageId = image;
        Probe<SessionListPage> page;
        m_client->list(params, &page.context, page.callback());
        QTRY_VERIFY_WITH_TIMEOUT(page.done(), CallTimeoutMs);
        QVERIFY2(page.ok(), qPrintable(page.why()));
        QCOMPARE(page.value().sessions.size(), 1);
        const SessionSummary &item = page.value().sessions.first();
        QCOMPARE(item.sessionId, expected);
        QCOMPARE(item.imageId, image);
        QVERIFY(!item.appInstanceId.isEmpty());
        QVERIFY(item.times.created.isValid());
    }
}

void tst_ClientAgainstLocal::create_lifecyclePolicy_deadlinesReported_keepAliveMovesIdleOne()
{
    CreateSessionParams params;
    params.labels = {{QStringLiteral("suite"), QStringLiteral("e2e-lifecycle")}};
    params.lifecycle = LifecyclePolicy{5, 30, false};
    Probe<SessionData> created;
    m_client->create(params, &created.context, created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.done(), CallTimeoutMs);
    QVERIFY2(created.ok(), qPrintable(created.why()));
    const QString id = created.value().sessionId;

    Probe<SessionData> before;
    m_client->getSession(id, &before.context, before.callback());
    QTRY_VERIFY_WITH_TIMEOUT(before.done(), CallTimeoutMs);
    QVERIFY2(before.ok(), qPrintable(before.why()));
    const SessionTimes times = before.value().times;
    QVERIFY(times.created.isValid());
    // The server counts in whole seconds: the deadlines are the policy's minutes after creation
    // (the idle one after the last activity, at most a few seconds later here).
    QCOMPARE(times.maxRuntimeDeadline, times.created.addSecs(30 * 60));
    QVERIFY(times.idleReleaseDeadline.isValid());
    const qint64 idleAfter = times.created.secsTo(times.idleReleaseDeadline);
    QVERIFY2(idleAfter >= 5 * 60 && idleAfter <= 5 * 60 + 60, qPrintable(QString::number(idleAfter)));

    Probe<Empty> kept;
    m_client->keepAlive(id, &kept.context, kept.callback());
    QTRY_VERIFY_WITH_TIMEOUT(kept.done(), CallTimeoutMs);
    QVERIFY2(kept.ok(), qPrintable(kept.why()));
    Probe<SessionData> after;
    m_client->getSession(id, &after.context, after.callback());
    QTRY_VERIFY_WITH_TIMEOUT(after.done(), CallTimeoutMs);
    QVERIFY2(after.ok(), qPrintable(after.why()));
    QVERIFY(after.value().times.idleReleaseDeadline >= times.idleReleaseDeadline);
    QCOMPARE(after.value().times.maxRuntimeDeadline, times.maxRuntimeDeadline); // keep-alive moves only the idle one
    QCOMPARE(after.value().status, SessionStatus::Running);
}

void tst_ClientAgainstLocal::create_manualRelease_noDeadlines()
{
    CreateSessionParams params;
    params.labels = {{QStringLiteral("suite"), QStringLiteral("e2e-manual")}};
    params.lifecycle = LifecyclePolicy{5, 30, true};
    Probe<SessionData> created;
    m_client->create(params, &created.context, created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.done(), CallTimeoutMs);
    QVERIFY2(created.ok(), qPrintable(created.why()));
    Probe<SessionData> session;
    m_client->getSession(created.value().sessionId, &session.context, session.callback());
    QTRY_VERIFY_WITH_TIMEOUT(session.done(), CallTimeoutMs);
    QVERIFY2(session.ok(), qPrintable(session.why()));
    QVERIFY(session.value().times.created.isValid());
    QVERIFY(!session.value().times.idleReleaseDeadline.isValid());
    QVERIFY(!session.value().times.maxRuntimeDeadline.isValid());
}

void tst_ClientAgainstLocal::keepAlive_unknownSession_isNotFound()
{
    Probe<Empty> kept;
    m_client->keepAlive(QStringLiteral("session-does-not-exist"), &kept.context, kept.callback());
    QTRY_VERIFY_WITH_TIMEOUT(kept.done(), CallTimeoutMs);
    QVERIFY(!kept.ok());
    QVERIFY(kept.error().isNotFound());
    QCOMPARE(kept.error().code, QStringLiteral("InvalidMcpSession.NotFound"));
}

void tst_ClientAgainstLocal::getLink_noPort_givesTheDefaultLink()
{
    Probe<QString> link;
    m_client->getLink(m_session, LinkParams(), &link.context, link.callback());
    QTRY_VERIFY_WITH_TIMEOUT(link.done(), CallTimeoutMs);
    QVERIFY2(link.ok(), qPrintable(link.why()));
    const QUrl url(link.value());
    QVERIFY2(url.isValid() && !url.host().isEmpty(), qPrintable(link.value()));
}

QTEST_GUILESS_MAIN(tst_ClientAgainstLocal)
#include "tst_clientagainstlocal.moc"
