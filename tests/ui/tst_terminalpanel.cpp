// SPDX-License-Identifier: MIT
// The Terminal tab against a real agentbay-local: a terminal per session opens on the first
// visit, keys typed reach the shell and its answer is drawn, terminals survive selecting
// another session and coming back, New terminal and closing a tab.
#include "../server/rawapi.h"

#include <core/api/apiclient.h>
#include <core/config/config.h>
#include <core/terminal/terminalchannel.h>
#include <ui/terminal/terminalpanel.h>
#include <ui/terminal/terminalscreen.h>
#include <ui/terminal/terminalsessionpage.h>
#include <ui/terminal/terminalview.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <tests/support/localserver.h>

using namespace AgentBay;
using namespace AgentBay::Test;
using namespace AgentBay::Ui;

namespace {

// Whether any line of the screen or its scrollback holds text.
bool shows(const TerminalView *view, const QString &text)
{
    const TerminalScreen *screen = view->screen();
    for (int line = 0; line < screen->scrollbackSize() + screen->rows(); ++line) {
        if (screen->lineText(line).contains(text)) {
            return true;
        }
    }
    return false;
}

} // namespace

class tst_TerminalPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void typing_runsInTheSessionsShell();
    void terminals_surviveSwitchingSessions();
    void newTerminal_andClose();

private:
    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<RawApi> m_api;
    std::unique_ptr<Core::ApiClient> m_client;
    std::unique_ptr<TerminalPanel> m_panel;
    QString m_first;
    QString m_second;
};

void tst_TerminalPanel::initTestCase()
{
    m_server = std::make_unique<LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    m_api = std::make_unique<RawApi>(m_server->url(), m_server->apiKey());
    Core::Config config;
    config.endpoint = m_server->url();
    config.apiKey = m_server->apiKey();
    m_client = std::make_unique<Core::ApiClient>(config);
    m_first = m_api->createSession();
    m_second = m_api->createSession();
    QVERIFY(!m_first.isEmpty() && !m_second.isEmpty());
    m_panel = std::make_unique<TerminalPanel>(m_client.get());
    m_panel->resize(800, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void tst_TerminalPanel::cleanupTestCase()
{
    m_panel.reset();
    m_client.reset();
    m_api.reset();
    m_server.reset();
}

void tst_TerminalPanel::typing_runsInTheSessionsShell()
{
    m_panel->setSession(m_first);
    TerminalSessionPage *page = m_panel->page(m_first);
    QVERIFY(page);
    QCOMPARE(page->terminalCount(), 1);
    TerminalView *view = page->terminal(0);
    QSignalSpy ready(page, &TerminalSessionPage::terminalReady);
    // Connecting and starting a shell in the sandbox: bounded generously for a loaded machine.
    QVERIFY(ready.wait(20000));
    QTest::keyClicks(view, "echo typed-$((40+2))");
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(shows(view, QStringLiteral("typed-42")), 15000);
    // The shell knows the widget's size.
    QTest::keyClicks(view, "stty size");
    QTest::keyClick(view, Qt::Key_Return);
    const QString size = QStringLiteral("%1 %2").arg(view->screen()->rows()).arg(view->screen()->cols());
    QTRY_VERIFY_WITH_TIMEOUT(shows(view, size), 15000);
}

void tst_TerminalPanel::terminals_surviveSwitchingSessions()
{
    m_panel->setSession(m_first);
    TerminalSessionPage *first = m_panel->page(m_first);
    QVERIFY(first && first->terminalCount() >= 1);
    TerminalView *view = first->terminal(0);
    QTRY_VERIFY_WITH_TIMEOUT(first->channel()->isOpen(), 20000);

    m_panel->setSession(m_second);
    TerminalSessionPage *second = m_panel->page(m_second);
    QVERIFY(second && second != first);
    QCOMPARE(m_panel->currentPage(), second);

    m_panel->setSession(m_first);
    QCOMPARE(m_panel->currentPage(), first);
    QCOMPARE(first->terminal(0), view);
    QVERIFY(first->channel()->isOpen());
    QTest::keyClicks(view, "echo back-$((50+5))");
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(shows(view, QStringLiteral("back-55")), 15000);
}

void tst_TerminalPanel::newTerminal_andClose()
{
    m_panel->setSession(m_first);
    TerminalSessionPage *page = m_panel->page(m_first);
    const int before = page->terminalCount();
    QSignalSpy ready(page, &TerminalSessionPage::terminalReady);
    page->newTerminalButton()->click();
    QCOMPARE(page->terminalCount(), before + 1);
    QVERIFY(ready.wait(20000));
    TerminalView *added = page->terminal(before);
    QTest::keyClicks(added, "echo second-tab-$((60+6))");
    QTest::keyClick(added, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(shows(added, QStringLiteral("second-tab-66")), 15000);
    QVERIFY(!shows(page->terminal(0), QStringLiteral("second-tab-66")));

    QSignalSpy answered(page->channel(), &Core::TerminalChannel::answered);
    page->closeTerminal(before);
    QCOMPARE(page->terminalCount(), before);
    QVERIFY(answered.wait(10000)); // the shell was ended on the server
    QCOMPARE(answered.first().at(1).toString(), QString());
}

QTEST_MAIN(tst_TerminalPanel)
#include "tst_terminalpanel.moc"
