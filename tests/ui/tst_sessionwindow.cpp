// SPDX-License-Identifier: MIT
// The session window as a keyboard user meets it, offscreen, against a real agentbay-local:
// shortcut scope, focus order, unsaved labels, masked URL, error clearing, action state and
// the unreachable server.
#include <core/api/apiclient.h>
#include <support/localserver.h>
#include <ui/common/banner.h>
#include <ui/services/localserverlauncher.h>
#include <ui/services/memorycredentialstore.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>
#include <ui/sessions/filterbar.h>
#include <ui/sessions/labeleditor.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/sessions/sessionfilterproxymodel.h>
#include <ui/sessions/sessionlistmodel.h>
#include <ui/sessions/sessiontableview.h>
#include <ui/window/activitylogmodel.h>
#include <ui/window/localserverstatus.h>
#include <ui/window/mainwindow.h>

#include <QAction>
#include <QApplication>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

#include <memory>
#include <optional>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Core::SessionStatus;
using Ui::MainWindow;

namespace {

class NullUrlOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &) override { return true; }
};

// Answers the next message box with the given button as soon as it is shown.
void answerNextBox(QMessageBox::StandardButton button, QString *text = nullptr)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            return;
        }
        if (text) {
            *text = box->text();
        }
        box->button(button)->click();
        timer->deleteLater();
    });
    timer->start();
}

// English plural forms, as the app's English translation gives them: "%n session(s)" reads
// "1 session", "2 sessions". Only a text written with %n and its count can come out right.
class EnglishNumerus final : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int n) const override
    {
        const QString source = QString::fromUtf8(sourceText);
        if (n < 0 || !source.contains(u"%n"_s) || !source.contains(u"(s)"_s)) {
            return {};
        }
        return QString(source).replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    }

    bool isEmpty() const override { return false; }
};

// The next widget Tab would reach from w.
QWidget *nextTabStop(QWidget *w)
{
    for (QWidget *next = w->nextInFocusChain(); next && next != w; next = next->nextInFocusChain()) {
        if ((next->focusPolicy() & Qt::TabFocus) && next->isVisible() && next->isEnabled()) {
            return next;
        }
    }
    return nullptr;
}

} // namespace

class tst_SessionWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shortcuts_deleteInTheLabelsTable_removesTheLabelNotTheSession();
    void keyboard_tabLeavesTheTableForTheDetailTabs_altDigitPicksATab();
    void unsavedLabels_askSaveDiscardCancel_beforeTheSelectionMoves();
    void resourceUrl_authCodeMasked_revealShowsBoth();
    void errors_clearWhenTheSameActionSucceeds_theLogKeepsThem();
    void actions_followTheConnectionAndDeletesAtOnce_counterWithoutFilter();
    void unreachableServer_emptyStateSaysSoWithRetry_newDisabled();
    void noMatch_clearFiltersFromTheKeyboard_bringsTheRowsBack();
    void saveLabels_focusStaysInTheLabelsTable_onTheSameLabel();
    void sessionCount_pluralForms();
    void newSession_isSelected_evenUnderTheGlanceColumns();
    void selection_keptWhileTypingAFilter();
    void actions_followTheSessionSelectedWhileTypingAFilter();
    void keyboard_tabFromTheTabBarEntersThePage();
    void unsandboxedLocalServer_windowWarns();

private:
    QString createSession(const Core::Labels &labels = {});

    bool hasRow(const QString &id) const { return m_window->controller()->store()->rowOf(id) >= 0; }

    std::unique_ptr<Test::LocalServer> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Core::ApiClient> m_client;
    std::unique_ptr<Ui::MemoryCredentialStore> m_credentials;
    NullUrlOpener m_opener;
    EnglishNumerus m_numerus;
    std::unique_ptr<MainWindow> m_window;
};

void tst_SessionWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QCoreApplication::installTranslator(&m_numerus);
    m_server = std::make_unique<Test::LocalServer>(m_dir.filePath(u"server"_s));
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
}

void tst_SessionWindow::init()
{
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_client = std::make_unique<Core::ApiClient>(Core::Config{});
    m_credentials = std::make_unique<Ui::MemoryCredentialStore>();
    m_window = std::make_unique<MainWindow>(m_client.get(), &m_opener, m_credentials.get(), m_settings.get());
    m_window->controller()->setWaitPollInterval(100ms);
    m_window->filterBar()->setServerDelayMs(50);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    m_window->connectTo(m_server->url(), m_server->apiKey());
    m_window->controller()->setRefreshInterval(300ms);
    QVERIFY(refreshed.wait(10000));
}

void tst_SessionWindow::cleanup()
{
    m_window.reset();
    m_client.reset();
    m_credentials.reset();
}

QString tst_SessionWindow::createSession(const Core::Labels &labels)
{
    std::optional<Core::Result<Core::SessionData>> result;
    Core::CreateSessionParams params;
    params.labels = labels;
    m_window->controller()->create(params, this, [&result](const Core::Result<Core::SessionData> &r) {
        result = r;
    });
    // Creating a session on agentbay-local takes well under a second; 15 s covers a busy machine.
    if (!QTest::qWaitFor(
            [&result] {
                return result.has_value();
            },
            15000)
        || !result->ok()) {
        return {};
    }
    const QString id = result->value().sessionId;
    (void)QTest::qWaitFor(
        [this, id] {
            const Ui::SessionRow *row = m_window->controller()->store()->find(id);
            return row && row->labelsLoaded && row->detailsLoaded;
        },
        10000);
    return id;
}

void tst_SessionWindow::shortcuts_deleteInTheLabelsTable_removesTheLabelNotTheSession()
{
    const QString id = createSession({{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}});
    QVERIFY(!id.isEmpty());
    int asked = 0;
    m_window->setDeleteConfirmer([&asked](const QStringList &, bool) {
        ++asked;
        return MainWindow::DeleteChoice::Cancel;
    });
    m_window->selectSession(id);
    Ui::SessionDetailPane *pane = m_window->detailPane();
    pane->tabs()->setCurrentIndex(Ui::SessionDetailPane::LabelsTab);
    auto *labels = pane->labelEditor()->findChild<QTableWidget *>();
    QVERIFY(labels);
    QTRY_COMPARE(labels->rowCount(), 2);
    labels->setFocus();
    labels->selectRow(0);
    QTest::keyClick(labels, Qt::Key_Delete);
    QCOMPARE(asked, 0); // the session's Delete stayed out of it
    QCOMPARE(labels->rowCount(), 1);
    QVERIFY(pane->labelEditor()->isModified());

    // In the session table, Delete is the session's.
    pane->labelEditor()->setLabels({{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}}); // nothing unsaved
    m_window->table()->setFocus();
    QTest::keyClick(m_window->table(), Qt::Key_Delete);
    QCOMPARE(asked, 1);
}

void tst_SessionWindow::keyboard_tabLeavesTheTableForTheDetailTabs_altDigitPicksATab()
{
    const QString first = createSession();
    const QString second = createSession();
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    m_window->selectSession(first);
    Ui::SessionTableView *table = m_window->table();
    QTabBar *tabs = m_window->detailPane()->tabs()->tabBar();

    // A linear order: filter bar, then the table, then the detail tabs.
    QWidget *afterFilter = m_window->filterBar()->selectorEdit();
    while (afterFilter && m_window->filterBar()->isAncestorOf(afterFilter)) {
        afterFilter = nextTabStop(afterFilter);
    }
    QCOMPARE(afterFilter, table);
    QCOMPARE(nextTabStop(table), tabs);

    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), tabs);
    QCOMPARE(m_window->currentId(), first); // Tab did not walk the table

    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::AltModifier);
    QCOMPARE(m_window->detailPane()->tabs()->currentIndex(), int(Ui::SessionDetailPane::LinksTab));
    QCOMPARE(QApplication::focusWidget(), tabs);
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::AltModifier);
    QCOMPARE(m_window->detailPane()->tabs()->currentIndex(), int(Ui::SessionDetailPane::LabelsTab));
}

void tst_SessionWindow::unsavedLabels_askSaveDiscardCancel_beforeTheSelectionMoves()
{
    const QString a = createSession({{u"k"_s, u"a"_s}});
    const QString b = createSession({{u"k"_s, u"b"_s}});
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    Ui::SessionDetailPane *pane = m_window->detailPane();
    QTabWidget *tabs = pane->tabs();
    m_window->selectSession(a);
    QCOMPARE(tabs->tabText(Ui::SessionDetailPane::LabelsTab), u"Labels"_s);
    pane->labelEditor()->addRow(u"owner"_s, u"ops"_s);
    QVERIFY(tabs->tabText(Ui::SessionDetailPane::LabelsTab).contains(u"•"_s));

    // Cancel: the selection stays, and so do the edits.
    QString asked;
    answerNextBox(QMessageBox::Cancel, &asked);
    m_window->selectSession(b);
    QVERIFY(asked.contains(a));
    QCOMPARE(m_window->currentId(), a);
    QCOMPARE(pane->sessionId(), a);
    QCOMPARE(pane->labelEditor()->labels().value(u"owner"_s), u"ops"_s);

    // Save: the edits go to the service, and the selection moves on.
    answerNextBox(QMessageBox::Save);
    m_window->selectSession(b);
    QCOMPARE(m_window->currentId(), b);
    QCOMPARE(pane->sessionId(), b);
    QCOMPARE(tabs->tabText(Ui::SessionDetailPane::LabelsTab), u"Labels"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->store()->find(a)->labels,
        (Core::Labels{{u"k"_s, u"a"_s}, {u"owner"_s, u"ops"_s}}),
        10000);

    // Discard: the edits are dropped.
    pane->labelEditor()->addRow(u"temp"_s, u"x"_s);
    answerNextBox(QMessageBox::Discard);
    m_window->selectSession(a);
    QCOMPARE(pane->sessionId(), a);
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(m_window->controller()->store()->find(b)->labels, (Core::Labels{{u"k"_s, u"b"_s}}));
}

void tst_SessionWindow::resourceUrl_authCodeMasked_revealShowsBoth()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    Ui::SessionDetailPane *pane = m_window->detailPane();
    QSignalSpy infoLoaded(pane, &Ui::SessionDetailPane::infoLoaded);
    m_window->selectSession(id);
    QVERIFY(infoLoaded.wait(10000));
    const QString code = pane->info().authCode;
    QVERIFY(!code.isEmpty());
    QVERIFY(pane->info().resourceUrl.contains(code)); // agentbay-local puts it in the URL
    QLineEdit *url = pane->resourceUrlEdit();
    QVERIFY(!url->text().contains(code));
    QVERIFY(url->text().contains(u"••••"_s));
    QCOMPARE(pane->authCodeEdit()->echoMode(), QLineEdit::Password);

    pane->authCodeRevealButton()->click();
    QCOMPARE(url->text(), pane->info().resourceUrl);
    QCOMPARE(pane->authCodeEdit()->echoMode(), QLineEdit::Normal);
    pane->authCodeRevealButton()->click();
    QVERIFY(!url->text().contains(code));
}

void tst_SessionWindow::errors_clearWhenTheSameActionSucceeds_theLogKeepsThem()
{
    Core::CreateSessionParams refused;
    refused.imageId = u"no_such_image_here"_s;
    QSignalSpy failed(m_window->controller(), &Ui::SessionController::actionFailed);
    m_window->controller()->create(refused, this, {});
    QVERIFY(failed.wait(10000));
    QVERIFY(m_window->errorLabel()->text().contains(u"Create"_s));

    QVERIFY(!createSession().isEmpty());
    QTRY_VERIFY(m_window->errorLabel()->text().isEmpty());

    // The activity log still has the refused create.
    Ui::ActivityLogModel *log = m_window->activityLog();
    bool keptFailure = false;
    for (int row = 0; row < log->rowCount(); ++row) {
        const QModelIndex index = log->index(row, 0);
        keptFailure |= index.data(Ui::ActivityLogModel::FinishedRole).toBool()
            && !index.data(Ui::ActivityLogModel::OkRole).toBool();
    }
    QVERIFY(keptFailure);
}

void tst_SessionWindow::actions_followTheConnectionAndDeletesAtOnce_counterWithoutFilter()
{
    const QString gone = createSession();
    const QString kept = createSession();
    QVERIFY(!gone.isEmpty() && !kept.isEmpty());
    QTRY_COMPARE(m_window->filterBar()->countLabel()->text(),
        u"%1 sessions"_s.arg(m_window->controller()->store()->count())); // two at least

    // After a delete the row below is selected and its actions are there at once.
    m_window->setDeleteConfirmer([](const QStringList &, bool) {
        return MainWindow::DeleteChoice::Delete;
    });
    m_window->selectSession(gone);
    m_window->deleteAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!hasRow(gone), 15000);
    QVERIFY(!m_window->currentId().isEmpty());
    const Ui::SessionRow *row = m_window->controller()->store()->find(m_window->currentId());
    QVERIFY(row);
    QCOMPARE(m_window->pauseAction()->isEnabled(), Core::canPause(row->status));
    QCOMPARE(m_window->deleteAction()->isEnabled(), Core::canDelete(row->status));
    QVERIFY(!m_window->filterBar()->countLabel()->text().contains(u" of "_s));

    // Another endpoint nobody answers on: no sessions, no session actions.
    m_window->selectSession(kept);
    QVERIFY(m_window->pauseAction()->isEnabled());
    m_window->connectTo(u"http://127.0.0.1:9"_s, u"key"_s);
    QCOMPARE(m_window->controller()->store()->count(), 0);
    QVERIFY(!m_window->pauseAction()->isEnabled());
    QVERIFY(!m_window->deleteAction()->isEnabled());
    QVERIFY(!m_window->openDesktopAction()->isEnabled());
    QVERIFY(!m_window->copyIdAction()->isEnabled());
}

void tst_SessionWindow::unreachableServer_emptyStateSaysSoWithRetry_newDisabled()
{
    QSignalSpy failed(m_window->connection(), &Ui::ConnectionController::refreshFailed);
    m_window->connectTo(u"http://127.0.0.1:9"_s, u"key"_s);
    QVERIFY(failed.wait(15000));
    Ui::SessionTableView *table = m_window->table();
    QTRY_VERIFY(table->emptyHintText().contains(u"Cannot reach"_s));
    QVERIFY(!table->emptyHintText().contains(u"No sessions yet"_s));
    QCOMPARE(table->emptyHintText().count(u"Cannot reach"_s), 1); // the message does not repeat itself
    auto *retry = table->viewport()->findChild<QPushButton *>(u"emptyRetry"_s);
    QVERIFY(retry && retry->isVisibleTo(table));
    QVERIFY(!m_window->createAction()->isEnabled());
    auto *banner = m_window->findChild<Ui::Banner *>();
    QVERIFY(banner && !banner->isVisibleTo(m_window.get())); // said once, not twice

    // Retry asks again (and fails again, saying it once more in the same place).
    failed.clear();
    retry->click();
    QVERIFY(failed.wait(15000));
    QVERIFY(table->emptyHintText().contains(u"Cannot reach"_s));

    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    m_window->connectTo(m_server->url(), m_server->apiKey());
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!table->emptyHintText().contains(u"Cannot reach"_s));
    QVERIFY(m_window->createAction()->isEnabled());
}

void tst_SessionWindow::noMatch_clearFiltersFromTheKeyboard_bringsTheRowsBack()
{
    const QString id = createSession({{u"env"_s, u"demo"_s}});
    QVERIFY(!id.isEmpty());
    Ui::SessionTableView *table = m_window->table();
    QPushButton *clear = table->clearFiltersButton();
    QVERIFY(!clear->isVisibleTo(table)); // nothing is filtered yet
    Ui::FilterBar *filters = m_window->filterBar();
    QTest::keyClicks(filters->selectorEdit(), u"env=nowhere"_s);
    QTest::keyClicks(filters->idEdit(), u"zzz"_s);
    QTRY_COMPARE(m_window->proxy()->rowCount(), 0);
    QTRY_VERIFY(table->emptyHintText().contains(u"matches"_s));
    QVERIFY(clear->isVisibleTo(table));

    // Reached with Tab right after the table, and pressed with Space.
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QCOMPARE(nextTabStop(table), clear);
    QTest::keyClick(table, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), clear);
    QTest::keyClick(clear, Qt::Key_Space);
    QVERIFY(filters->selectorEdit()->text().isEmpty());
    QVERIFY(filters->idEdit()->text().isEmpty());
    QVERIFY(!filters->isFiltering());
    // The server-side label filter goes too: every session is listed again, this one included.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->store()->rowOf(id) >= 0, 10000);
    QTRY_COMPARE(m_window->proxy()->rowCount(), m_window->controller()->store()->count());
    QVERIFY(!clear->isVisibleTo(table));
    QVERIFY(table->emptyHintText().isEmpty());
    QCOMPARE(QApplication::focusWidget(), table); // not lost with the button
}

void tst_SessionWindow::saveLabels_focusStaysInTheLabelsTable_onTheSameLabel()
{
    const QString id = createSession({{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}, {u"c"_s, u"3"_s}});
    QVERIFY(!id.isEmpty());
    m_window->selectSession(id);
    Ui::SessionDetailPane *pane = m_window->detailPane();
    pane->tabs()->setCurrentIndex(Ui::SessionDetailPane::LabelsTab);
    QTableWidget *labels = pane->labelEditor()->table();
    QTRY_COMPARE(labels->rowCount(), 3);
    labels->setCurrentCell(1, 1);
    labels->item(1, 1)->setText(u"22"_s); // b = 22
    QVERIFY(pane->labelEditor()->isModified());

    QPushButton *save = pane->saveLabelsButton();
    save->setFocus();
    QTRY_VERIFY(save->hasFocus());
    QSignalSpy saved(pane, &Ui::SessionDetailPane::labelsSaved);
    QTest::keyClick(save, Qt::Key_Space);
    QVERIFY(saved.wait(10000));
    QCOMPARE(m_window->controller()->store()->find(id)->labels.value(u"b"_s), u"22"_s);
    QCOMPARE(QApplication::focusWidget(), labels);
    QVERIFY(labels->currentItem());
    QCOMPARE(labels->item(labels->currentRow(), 0)->text(), u"b"_s);
    QCOMPARE(labels->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_window->currentId(), id); // the session stays selected

    // Ctrl+S saves from the table itself (Alt+S is the Session menu's).
    labels->setCurrentCell(2, 1);
    labels->item(2, 1)->setText(u"33"_s);
    saved.clear();
    QTest::keyClick(labels, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(saved.wait(10000));
    QCOMPARE(m_window->controller()->store()->find(id)->labels.value(u"c"_s), u"33"_s);
    QCOMPARE(QApplication::focusWidget(), labels);
    QCOMPARE(labels->item(labels->currentRow(), 0)->text(), u"c"_s);
}

void tst_SessionWindow::sessionCount_pluralForms()
{
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    Ui::FilterBar *filters = m_window->filterBar();
    const QString one = createSession({{u"plural"_s, u"one"_s}});
    QVERIFY(!one.isEmpty());
    // The server's label filter leaves exactly this one.
    filters->selectorEdit()->setText(u"plural=one"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->store()->count(), 1, 10000);
    QTRY_COMPARE(filters->countLabel()->text(), u"1 session"_s);
    QVERIFY(!createSession({{u"plural"_s, u"one"_s}}).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(filters->countLabel()->text(), u"2 sessions"_s, 10000);
}

void tst_SessionWindow::newSession_isSelected_evenUnderTheGlanceColumns()
{
    // Another proxy between the model and the window's filter, as the tray's glance columns are.
    auto *between = new QIdentityProxyModel(m_window.get());
    between->setSourceModel(m_window->model());
    m_window->proxy()->setSourceModel(between);
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    QTest::failOnWarning(QRegularExpression(u"."_s));
    m_window->selectSession(id);
    QCOMPARE(m_window->currentId(), id);
}

void tst_SessionWindow::selection_keptWhileTypingAFilter()
{
    const QString other = createSession({{u"env"_s, u"other"_s}});
    const QString id = createSession({{u"env"_s, u"keep"_s}});
    QVERIFY(!id.isEmpty() && !other.isEmpty());
    m_window->selectSession(id);
    QCOMPARE(m_window->currentId(), id);
    // On the way to "env=keep", "env=k" hides the row for a moment (and the server's filter
    // may drop it from the list): once the selector matches it again, it is selected again.
    Ui::FilterBar *filters = m_window->filterBar();
    QTest::keyClicks(filters->selectorEdit(), u"env=k"_s);
    QTRY_VERIFY(m_window->currentId().isEmpty());
    QTest::keyClicks(filters->selectorEdit(), u"eep"_s);
    QTRY_COMPARE(m_window->currentId(), id);
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    QVERIFY(refreshed.wait(5000)); // the server's filter has answered too
    QCOMPARE(m_window->currentId(), id);
    QCOMPARE(m_window->detailPane()->sessionId(), id);
}

void tst_SessionWindow::actions_followTheSessionSelectedWhileTypingAFilter()
{
    // Seen under X11: a session just created and selected, "env=dev" typed into the filter,
    // the row and its details still shown, yet Pause and Delete disabled.
    const QString other = createSession({{u"env"_s, u"other"_s}});
    const QString id = createSession({{u"env"_s, u"dev"_s}});
    QVERIFY(!id.isEmpty() && !other.isEmpty());
    m_window->selectSession(id);
    m_window->table()->setFocus();
    QTRY_VERIFY(m_window->pauseAction()->isEnabled());
    Ui::FilterBar *filters = m_window->filterBar();
    QTest::keyClicks(filters->selectorEdit(), u"env=dev"_s);
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    QVERIFY(refreshed.wait(5000)); // the server's filter has answered
    QVERIFY(refreshed.wait(5000)); // and a poll after it
    QCOMPARE(m_window->currentId(), id);
    QCOMPARE(m_window->table()->selectedIds(), QStringList{id});
    QVERIFY(m_window->pauseAction()->isEnabled());
    QVERIFY(m_window->deleteAction()->isEnabled());
}

void tst_SessionWindow::keyboard_tabFromTheTabBarEntersThePage()
{
    const QString id = createSession({{u"env"_s, u"tab"_s}});
    QVERIFY(!id.isEmpty());
    m_window->resize(1000, 700); // narrow: the tab bar shows its scroll arrows
    m_window->selectSession(id);
    Ui::SessionTableView *table = m_window->table();
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Tab);
    QTabBar *tabBar = m_window->detailPane()->tabs()->tabBar();
    QCOMPARE(QApplication::focusWidget(), tabBar); // the header's copy button is no stop between
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), tabBar);
    // One Tab from the tab bar lands in the page: the labels table, then its buttons.
    QTest::keyClick(tabBar, Qt::Key_Tab);
    QTableWidget *labels = m_window->detailPane()->labelEditor()->table();
    QCOMPARE(QApplication::focusWidget(), labels);
    QTest::keyClick(labels, Qt::Key_Tab);
    auto *add = qobject_cast<QPushButton *>(QApplication::focusWidget());
    QVERIFY(add);
    QCOMPARE(add->text(), u"&Add label"_s);
}

void tst_SessionWindow::unsandboxedLocalServer_windowWarns()
{
    // bubblewrap works here: plain processes are forced, as --allow-unsandboxed falls back to.
    qputenv("AGENTBAY_LOCAL_ISOLATION", "process");
    Test::LocalServer unsandboxed(m_dir.filePath(u"unsandboxed"_s));
    unsandboxed.setExtraArguments({u"--allow-unsandboxed"_s});
    const bool started = unsandboxed.start();
    qunsetenv("AGENTBAY_LOCAL_ISOLATION");
    QVERIFY2(started, qPrintable(unsandboxed.lastError()));
    Ui::Banner *banner = m_window->sandboxBanner();
    QVERIFY(!banner->isVisibleTo(m_window.get()));

    m_window->launcher()->setDataDir(unsandboxed.dataDir());
    m_window->launcher()->setProgram({}); // find this one, start none
    QSignalSpy connected(m_window.get(), &MainWindow::connected);
    m_window->activateProfile(Ui::Profile::localName());
    QVERIFY(connected.wait(15000));
    QVERIFY(!m_window->launcher()->serverInfo().sandboxed);
    QTRY_VERIFY(banner->isVisibleTo(m_window.get()));
    QVERIFY2(banner->text().contains(u"without a sandbox"_s), qPrintable(banner->text()));
    QVERIFY(m_window->localServerStatus()->label()->text().contains(u"no sandbox"_s));

    // Another server, sandboxed: the warning goes.
    QSignalSpy back(m_window.get(), &MainWindow::connected);
    m_window->connectTo(m_server->url(), m_server->apiKey());
    QVERIFY(back.count() > 0 || back.wait(10000));
    QTRY_VERIFY(!banner->isVisibleTo(m_window.get()));
}

QTEST_MAIN(tst_SessionWindow)
#include "tst_sessionwindow.moc"
