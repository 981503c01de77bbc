// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <core/sessions/labelselector.h>
#include <core/tools/resultcomparison.h>
#include <support/localserver.h>
#include <ui/tools/fanoutpage.h>
#include <ui/tools/fanoutresultcard.h>
#include <ui/tools/fanoutrun.h>
#include <ui/tools/fieldeditor.h>
#include <ui/tools/resultview.h>
#include <ui/tools/resultwindow.h>
#include <ui/tools/schemaformwidget.h>
#include <ui/tools/toolpanel.h>

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ApiClient;
using AgentBay::Core::LabelSelector;
using AgentBay::Core::McpTool;
using AgentBay::Core::ToolCallRecord;
using AgentBay::Ui::FanOutPage;
using AgentBay::Ui::FanOutRun;
using ItemState = AgentBay::Ui::FanOutRun::ItemState;

namespace {

constexpr int RunTimeoutMs = 60000; // five sandboxed shells on a shared, busy machine
const QString Probe = u"cat mark 2>/dev/null || echo none"_s;

McpTool shellTool()
{
    McpTool tool;
    tool.name = u"shell"_s;
    tool.server = u"wuying_shell"_s;
    return tool;
}

} // namespace

// Fan-out against a real agentbay-local: five sessions labelled fanout=t (the third also
// odd=yes, and only it has a file "mark"), and one unlabelled session that must never be hit.
class tst_FanOutRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bySelector_runsOnTheFiveLabelledSessions_andFindsTheOddOne();
    void selectorBeyondTheService_checkedLocally();
    void panel_fanOutByLabel_showsFiveResultsAndTheirDifference();
    void cancel_stopsTheRest_andNeverExceedsTheConcurrency();
    void imageResults_showAsThumbnails();
    void targets_handPickedSessionsWinOverAnOfferedSelector();

private:
    QString createSession(const AgentBay::Core::Labels &labels);
    bool shell(const QString &sessionId, const QString &command);

    AgentBay::Test::LocalServer m_server;
    std::unique_ptr<ApiClient> m_client;
    QStringList m_labelled;
    QString m_unlabelled;
};

QString tst_FanOutRun::createSession(const AgentBay::Core::Labels &labels)
{
    std::optional<AgentBay::Core::Result<AgentBay::Core::SessionData>> created;
    AgentBay::Core::CreateSessionParams params;
    params.imageId = u"linux_latest"_s;
    params.labels = labels;
    m_client->create(params, this, [&created](const AgentBay::Core::Result<AgentBay::Core::SessionData> &result) {
        created = result;
    });
    if (!QTest::qWaitFor(
            [&created] {
                return created.has_value();
            },
            20000)
        || !created->ok()) {
        return {};
    }
    return created->value().sessionId;
}

bool tst_FanOutRun::shell(const QString &sessionId, const QString &command)
{
    std::optional<bool> ok;
    m_client->callMcpTool(sessionId,
        u"shell"_s,
        QJsonObject{{u"command"_s, command}},
        {},
        this,
        [&ok](const AgentBay::Core::Result<AgentBay::Core::McpToolResult> &result) {
            ok = result.ok() && !result.value().isError;
        });
    return QTest::qWaitFor(
               [&ok] {
                   return ok.has_value();
               },
               30000)
        && *ok;
}

void tst_FanOutRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server.setExtraArguments({u"--max-sessions"_s, u"10"_s});
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    AgentBay::Core::Config config;
    config.endpoint = m_server.url();
    config.apiKey = m_server.apiKey();
    m_client = std::make_unique<ApiClient>(config);
    for (int i = 0; i < 5; ++i) {
        AgentBay::Core::Labels labels{{u"fanout"_s, u"t"_s}};
        if (i == 2) {
            labels.insert(u"odd"_s, u"yes"_s);
        }
        m_labelled.append(createSession(labels));
        QVERIFY(!m_labelled.last().isEmpty());
    }
    m_unlabelled = createSession({});
    QVERIFY(!m_unlabelled.isEmpty());
    QVERIFY(shell(m_labelled.at(2), u"echo special > mark"_s));
}

void tst_FanOutRun::bySelector_runsOnTheFiveLabelledSessions_andFindsTheOddOne()
{
    FanOutRun run(m_client.get());
    QSignalSpy finished(&run, &FanOutRun::finished);
    QVERIFY(run.startOnSelector(shellTool(), {{u"command"_s, Probe}}, LabelSelector::parse(u"fanout=t"_s), 30000));
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(run.items().size(), 5);
    QStringList hit = run.sessionIds();
    hit.sort();
    QStringList expected = m_labelled;
    expected.sort();
    QCOMPARE(hit, expected);
    QList<AgentBay::Core::ComparableResult> results;
    for (const FanOutRun::Item &item : run.items()) {
        QCOMPARE(item.state, ItemState::Done);
        QCOMPARE(item.record.outcome, ToolCallRecord::Outcome::Ok);
        QVERIFY(!item.record.requestId.isEmpty());
        results.append(AgentBay::Core::ComparableResult::from(item.record));
    }
    const int reference = AgentBay::Core::ResultComparison::referenceIndex(results);
    QVERIFY(results.at(reference).text.contains(u"none"_s));
    QCOMPARE(AgentBay::Core::ResultComparison::agreeing(results, reference), 4);
    const int odd = int(run.sessionIds().indexOf(m_labelled.at(2)));
    QCOMPARE(AgentBay::Core::ResultComparison::differingPaths(results.at(reference).json, results.at(odd).json),
        QStringList{u"stdout"_s});
}

void tst_FanOutRun::selectorBeyondTheService_checkedLocally()
{
    FanOutRun run(m_client.get());
    QSignalSpy finished(&run, &FanOutRun::finished);
    QVERIFY(run.startOnSelector(
        shellTool(), {{u"command"_s, u"true"_s}}, LabelSelector::parse(u"fanout=t,odd!=yes"_s), 30000));
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(run.items().size(), 4);
    QVERIFY(!run.sessionIds().contains(m_labelled.at(2)));
    QVERIFY(!run.sessionIds().contains(m_unlabelled));

    QSignalSpy failed(&run, &FanOutRun::resolveFailed);
    QVERIFY(!run.startOnSelector(shellTool(), {}, LabelSelector::parse(QString()), 1000)); // not "everything"
    QCOMPARE(failed.size(), 1);
}

void tst_FanOutRun::panel_fanOutByLabel_showsFiveResultsAndTheirDifference()
{
    QTemporaryDir dir;
    AgentBay::Ui::ToolPanel panel(m_client.get());
    panel.setHistoryDirectory(dir.path());
    panel.setSavedCallsLocation(dir.path(), u"test"_s);
    panel.setEndpoint(m_server.url());
    panel.resize(1280, 1000);
    panel.setSession(m_unlabelled, u"linux_latest"_s, AgentBay::Core::SessionStatus::Running);
    QSignalSpy loaded(&panel, &AgentBay::Ui::ToolPanel::toolsLoaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(panel.selectTool(u"shell"_s));
    auto *form = panel.findChild<AgentBay::Ui::SchemaFormWidget *>(u"form"_s);
    auto *line = qobject_cast<QLineEdit *>(form->editor(u"command"_s)->inputWidget());
    QVERIFY(line);
    QTest::keyClicks(line, Probe);
    panel.setLabelSelector(u"fanout=t"_s);
    FanOutPage *page = panel.fanOutPage();
    QSignalSpy finished(page->runner(), &FanOutRun::finished);
    QVERIFY(panel.runFanOut());
    QCOMPARE(panel.findChild<QTabWidget *>(u"outputTabs"_s)->currentWidget(), page);
    QVERIFY(finished.wait(RunTimeoutMs));

    const auto cards = page->cards();
    QCOMPARE(cards.size(), 5);
    int differing = 0;
    for (const AgentBay::Ui::FanOutResultCard *card : cards) {
        if (card->differs()) {
            ++differing;
            QCOMPARE(card->sessionId(), m_labelled.at(2));
            QVERIFY(card->text().contains(u"special"_s));
            QVERIFY(!card->highlightedLines().isEmpty()); // the stdout line is marked
        }
    }
    QCOMPARE(differing, 1);

    // Any result opens in a full result view, in a window of its own.
    AgentBay::Ui::FanOutResultCard *odd = nullptr;
    for (AgentBay::Ui::FanOutResultCard *card : cards) {
        odd = card->differs() ? card : odd;
    }
    QTest::mouseClick(odd->findChild<QPushButton *>(u"open"_s), Qt::LeftButton);
    auto *window = page->findChild<AgentBay::Ui::ResultWindow *>();
    QVERIFY(window && window->isWindow());
    QCOMPARE(window->view()->record().sessionId, m_labelled.at(2));
    QVERIFY(window->view()->plainText().contains(u"special"_s));
    window->close();
    QVERIFY2(page->progressText().contains(u"5 of 5"_s), qPrintable(page->progressText()));
    QVERIFY(page->referenceIndex() >= 0);

    // Copy as code: the loops name every session and never the key.
    const QString python = page->pythonSnippet();
    const QString shellLoop = page->shellSnippet();
    for (const QString &id : m_labelled) {
        QVERIFY(python.contains(id));
        QVERIFY(shellLoop.contains(id));
    }
    QVERIFY(!python.contains(m_server.apiKey()) && !shellLoop.contains(m_server.apiKey()));
    QVERIFY(shellLoop.contains(u"$AGENTBAY_API_KEY"_s) && python.contains(u"AGENTBAY_API_KEY"_s));
    // The panel's endpoint reaches the loops (the profile's server, not a default one).
    QVERIFY2(shellLoop.contains(m_server.url()), qPrintable(shellLoop));

    const QString shots = qEnvironmentVariable("AGENTBAY_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCoreApplication::processEvents();
        panel.grab().save(shots + u"/fanout.png"_s);
    }
}

void tst_FanOutRun::cancel_stopsTheRest_andNeverExceedsTheConcurrency()
{
    FanOutRun run(m_client.get());
    run.setConcurrency(2);
    int maxRunning = 0;
    connect(&run, &FanOutRun::itemChanged, this, [&run, &maxRunning] {
        int running = 0;
        for (const FanOutRun::Item &item : run.items()) {
            running += item.state == ItemState::Running ? 1 : 0;
        }
        maxRunning = qMax(maxRunning, running);
    });
    QSignalSpy finished(&run, &FanOutRun::finished);
    QVERIFY(run.start(shellTool(), {{u"command"_s, u"sleep 30"_s}}, m_labelled, 60000));
    QCOMPARE(maxRunning, 2);
    run.cancel();
    QCOMPARE(finished.size(), 1); // at once: nothing waits for the sleeps
    QVERIFY(!run.isActive());
    int cancelled = 0;
    int skipped = 0;
    for (const FanOutRun::Item &item : run.items()) {
        cancelled += item.state == ItemState::Done && item.record.outcome == ToolCallRecord::Outcome::Cancelled ? 1 : 0;
        skipped += item.state == ItemState::Skipped ? 1 : 0;
    }
    QCOMPARE(cancelled, 2);
    QCOMPARE(skipped, 3);
    QCOMPARE(maxRunning, 2);
}

void tst_FanOutRun::imageResults_showAsThumbnails()
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    ToolCallRecord record;
    record.result = QJsonObject{{u"content"_s,
        QJsonArray{QJsonObject{{u"type"_s, u"image"_s},
            {u"mimeType"_s, u"image/png"_s},
            {u"data"_s, QString::fromLatin1(png.toBase64())}}}}};
    const auto result = AgentBay::Core::ComparableResult::from(record);
    QCOMPARE(result.kind, AgentBay::Core::ComparableResult::Kind::Image);
    AgentBay::Ui::FanOutResultCard card(u"s-1"_s);
    card.setResult(result, u"ok"_s, u"#2e7d32"_s, {}, QString(), false);
    auto *thumbnail = card.findChild<QLabel *>(u"resultImage"_s);
    QVERIFY(thumbnail->isVisibleTo(&card));
    QCOMPARE(thumbnail->pixmap().size(), QSize(64, 48));
    QVERIFY(!card.findChild<QWidget *>(u"resultText"_s)->isVisibleTo(&card));
}

void tst_FanOutRun::targets_handPickedSessionsWinOverAnOfferedSelector()
{
    FanOutPage page(m_client.get());
    auto *run = page.findChild<QPushButton *>(u"fanOutRun"_s);
    auto *bySelector = page.findChild<QRadioButton *>(u"selectorMode"_s);
    QVERIFY(!run->isEnabled()); // no target yet
    page.setLabelSelector(u"team=qa"_s);
    QVERIFY(bySelector->isChecked());
    QVERIFY(run->isEnabled());
    page.setSelectedSessions({u"s-1"_s, u"s-2"_s});
    page.setLabelSelector(u"team=dev"_s); // e.g. the list's filter changed
    QVERIFY(!bySelector->isChecked());
    QVERIFY(page.findChild<QRadioButton *>(u"selectedMode"_s)->text().contains(u"2"_s));
    QCOMPARE(page.findChild<QLineEdit *>(u"selectorEdit"_s)->text(), u"team=dev"_s);
}

QTEST_MAIN(tst_FanOutRun)
#include "tst_fanoutrun.moc"
