// SPDX-License-Identifier: MIT
// The detail pane without a session says why: a filter that hides every session is named as
// such (with Clear filters), never "Create one", which is only for a profile without sessions.
#include <core/api/apiclient.h>
#include <ui/services/memorycredentialstore.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>
#include <ui/sessions/filterbar.h>
#include <ui/sessions/sessiondetailemptypage.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/window/mainwindow.h>

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentBay;

namespace {

class NoOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &) override { return true; }
};

} // namespace

class tst_SessionDetailEmptyPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void states_data();
    void states();
    void window_filterHidesEverySession_saysSoAndClearsIt();
};

void tst_SessionDetailEmptyPage::states_data()
{
    QTest::addColumn<int>("shown");
    QTest::addColumn<bool>("filtered");
    QTest::addColumn<bool>("loaded");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("clearOffered");
    QTest::newRow("loading") << 0 << false << false << QStringLiteral("Select a session") << false;
    QTest::newRow("no sessions") << 0 << false << true << QStringLiteral("Create one") << false;
    QTest::newRow("filter hides all") << 0 << true << true << QStringLiteral("matches the filter") << true;
    QTest::newRow("rows, none selected") << 3 << true << true << QStringLiteral("Select a session") << false;
}

void tst_SessionDetailEmptyPage::states()
{
    QFETCH(int, shown);
    QFETCH(bool, filtered);
    QFETCH(bool, loaded);
    QFETCH(QString, expected);
    QFETCH(bool, clearOffered);
    Ui::SessionDetailEmptyPage page;
    page.show();
    page.setListState(shown, filtered, loaded);
    QVERIFY2(page.text().contains(expected), qPrintable(page.text()));
    QCOMPARE(page.clearFiltersButton()->isVisible(), clearOffered);
}

void tst_SessionDetailEmptyPage::window_filterHidesEverySession_saysSoAndClearsIt()
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    Core::Config config;
    config.endpoint = QStringLiteral("http://127.0.0.1:9"); // nothing listens: no network
    Core::ApiClient client(config);
    Ui::MemoryCredentialStore credentials;
    NoOpener opener;
    Ui::MainWindow window(&client, &opener, &credentials, &settings);
    window.controller()->store()->applyRefresh(
        {Core::SessionSummary{QStringLiteral("session-aaaa"), Core::SessionStatus::Running, {}, {}, {}},
            Core::SessionSummary{QStringLiteral("session-bbbb"), Core::SessionStatus::Running, {}, {}, {}}});
    window.resize(1024, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::SessionDetailEmptyPage *empty = window.detailPane()->emptyPage();
    QTRY_VERIFY(empty->isVisible());
    QVERIFY2(!empty->text().contains(QStringLiteral("Create one")), qPrintable(empty->text()));

    // An id filter that nothing matches: both sessions exist, the filter hides them.
    QTest::keyClicks(window.filterBar()->idEdit(), QStringLiteral("no-such-session"));
    QTRY_VERIFY2(empty->text().contains(QStringLiteral("matches the filter")), qPrintable(empty->text()));
    QVERIFY(!empty->text().contains(QStringLiteral("Create one")));
    QPushButton *clear = empty->clearFiltersButton();
    QVERIFY(clear->isVisible());

    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(window.filterBar()->idEdit()->text().isEmpty());
    QTRY_VERIFY2(empty->text().contains(QStringLiteral("Select a session")), qPrintable(empty->text()));
    QVERIFY(!clear->isVisible());
}

QTEST_MAIN(tst_SessionDetailEmptyPage)
#include "tst_sessiondetailemptypage.moc"
