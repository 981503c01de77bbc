// SPDX-License-Identifier: MIT
// The session manager window end to end, offscreen, against a real agentbay-local.
#include <core/api/apiclient.h>
#include <support/localserver.h>
#include <ui/services/memorycredentialstore.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/services/urlopener.h>
#include <ui/sessions/createsessiondialog.h>
#include <ui/sessions/filterbar.h>
#include <ui/sessions/labeleditor.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/sessions/sessionfilterproxymodel.h>
#include <ui/sessions/sessionlistmodel.h>
#include <ui/sessions/sessiontableview.h>
#include <ui/window/activitylogmodel.h>
#include <ui/window/mainwindow.h>

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>
#include <optional>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Core::SessionStatus;
using Ui::MainWindow;
using Ui::SessionListModel;

namespace {

class RecordingUrlOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &url) override
    {
        opened.append(url);
        return true;
    }

    QList<QUrl> opened;
};

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void createDialog_createsSession_rowAppearsAndIsSelected();
    void createDialog_invalidLabels_createDisabled();
    void pause_showsPausingThenPaused_resumeReturnsToRunning();
    void actions_enabledOnlyWhereStatusAllows();
    void delete_confirmedWithIds_removesRow();
    void delete_pausedSession_offersResumeThenDelete();
    void delete_mixedSelectionDeleteOthers_keepsThePausedSession();
    void labelFilter_typing_hidesAndShowsRows();
    void labelFilter_invalid_markedAndNotApplied();
    void openDesktop_handsResourceUrlToOpener();
    void detailPane_showsInfoMaskedAndEditsLabels();
    void detailPane_portLink_opensThroughOpener();
    void activityLog_listsRequestsWithoutKey();
    void serverStopped_showsError_recoversWhenBack();
    void serverBack_clearsTheRefreshError();
    void layout_columnWidthsAndFirstSeenSurviveRestart();
    void layout_firstStart_detailsGetHalfTheWidthAndTheLogIsHidden();
    void destroyed_withRequestsInFlight_nothingReachesTheGoingWindow();

private:
    QString createSession(const Core::Labels &labels = {});
    SessionStatus statusOf(const QString &id) const;

    bool hasRow(const QString &id) const { return m_window->controller()->store()->rowOf(id) >= 0; }

    std::unique_ptr<Test::LocalServer> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Core::ApiClient> m_client;
    std::unique_ptr<Ui::MemoryCredentialStore> m_credentials;
    RecordingUrlOpener m_opener;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<Test::LocalServer>(m_dir.filePath(u"server"_s));
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
}

void tst_MainWindow::init()
{
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_client = std::make_unique<Core::ApiClient>(Core::Config{});
    m_credentials = std::make_unique<Ui::MemoryCredentialStore>();
    m_opener.opened.clear();
    m_window = std::make_unique<MainWindow>(m_client.get(), &m_opener, m_credentials.get(), m_settings.get());
    m_window->controller()->setWaitPollInterval(100ms);
    m_window->filterBar()->setServerDelayMs(50);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    m_window->connectTo(m_server->url(), m_server->apiKey());
    m_window->controller()->setRefreshInterval(300ms);
    QVERIFY(refreshed.wait(10000));
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_client.reset();
    m_credentials.reset();
}

QString tst_MainWindow::createSession(const Core::Labels &labels)
{
    std::optional<Core::Result<Core::SessionData>> result;
    Core::CreateSessionParams params;
    params.imageId = u"linux_latest"_s;
    params.labels = labels;
    m_window->controller()->create(params, this, [&result](const Core::Result<Core::SessionData> &r) {
        result = r;
    });
    if (!QTest::qWaitFor(
            [&result] {
                return result.has_value();
            },
            15000)
        || !result->ok()) {
        qWarning() << "create failed" << (result ? result->error().details() : u"timeout"_s);
        return {};
    }
    const QString id = result->value().sessionId;
    // Wait until the lazy details (labels) are in, as a user would see them.
    (void)QTest::qWaitFor(
        [this, id] {
            const Ui::SessionRow *row = m_window->controller()->store()->find(id);
            return row && row->labelsLoaded && row->detailsLoaded;
        },
        10000);
    return id;
}

SessionStatus tst_MainWindow::statusOf(const QString &id) const
{
    const Ui::SessionRow *row = m_window->controller()->store()->find(id);
    return row ? row->status : SessionStatus::Unknown;
}

void tst_MainWindow::createDialog_createsSession_rowAppearsAndIsSelected()
{
    m_window->createAction()->trigger();
    QPointer<Ui::CreateSessionDialog> dialog = m_window->findChild<Ui::CreateSessionDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->imageCombo()->currentText(), u"linux_latest"_s);
    QVERIFY(dialog->imageCombo()->isEditable());
    for (const QString &image : {u"code_latest"_s, u"browser_latest"_s, u"windows_latest"_s, u"mobile_latest"_s}) {
        QVERIFY(dialog->imageCombo()->findText(image) >= 0);
    }
    dialog->labelEditor()->addRow(u"purpose"_s, u"created-by-dialog"_s);
    QSignalSpy created(dialog.data(), &Ui::CreateSessionDialog::created);
    dialog->submit();
    QVERIFY(dialog->isRunning());
    QVERIFY(created.wait(15000));
    const QString id = created.at(0).at(0).toString();
    QVERIFY(id.startsWith(u"session-"_s));
    QTRY_VERIFY(!dialog); // closed and deleted
    QVERIFY(hasRow(id));
    QCOMPARE(m_window->currentId(), id);
    QCOMPARE(m_window->detailPane()->sessionId(), id);
    QTRY_COMPARE(m_window->controller()->store()->find(id)->labels.value(u"purpose"_s), u"created-by-dialog"_s);
}

void tst_MainWindow::createDialog_invalidLabels_createDisabled()
{
    Ui::CreateSessionDialog dialog(m_window->controller(), m_window.get());
    dialog.show();
    auto *create = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(create->isEnabled());
    dialog.labelEditor()->addRow(u"env"_s, QString());
    QVERIFY(!create->isEnabled());
    QVERIFY(dialog.labelEditor()->validationMessage().contains(u"empty"_s));
    dialog.labelEditor()->setLabels({{u"env"_s, u"ok"_s}});
    QVERIFY(create->isEnabled());
}

void tst_MainWindow::pause_showsPausingThenPaused_resumeReturnsToRunning()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    QList<SessionStatus> seen;
    Ui::SessionStore *store = m_window->controller()->store();
    connect(store, &Ui::SessionStore::rowChanged, this, [&seen, store, id] {
        const Ui::SessionRow *row = store->find(id);
        if (row && (seen.isEmpty() || seen.last() != row->status)) {
            seen.append(row->status);
        }
    });
    m_window->selectSession(id);
    QVERIFY(m_window->pauseAction()->isEnabled());
    QVERIFY(!m_window->resumeAction()->isEnabled());

    m_window->pauseAction()->trigger();
    QCOMPARE(statusOf(id), SessionStatus::Pausing); // at once, before any answer
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), SessionStatus::Paused, 15000);
    QVERIFY2(seen.indexOf(SessionStatus::Pausing) >= 0
            && seen.indexOf(SessionStatus::Pausing) < seen.lastIndexOf(SessionStatus::Paused),
        "PAUSING must be shown before PAUSED");
    QTRY_VERIFY(m_window->resumeAction()->isEnabled());
    QVERIFY(!m_window->pauseAction()->isEnabled());

    seen.clear();
    m_window->resumeAction()->trigger();
    QCOMPARE(statusOf(id), SessionStatus::Resuming);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), SessionStatus::Running, 15000);
    QCOMPARE(seen.first(), SessionStatus::Resuming);
    QCOMPARE(seen.last(), SessionStatus::Running);
    QCOMPARE(m_window->currentId(), id); // selection survived every update
}

void tst_MainWindow::actions_enabledOnlyWhereStatusAllows()
{
    const QString running = createSession();
    const QString paused = createSession();
    QVERIFY(!running.isEmpty() && !paused.isEmpty());
    m_window->controller()->pause({paused});
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(paused), SessionStatus::Paused, 15000);

    m_window->table()->clearSelection();
    QVERIFY(!m_window->pauseAction()->isEnabled());
    QVERIFY(!m_window->deleteAction()->isEnabled());
    QVERIFY(!m_window->copyIdAction()->isEnabled());

    m_window->selectSession(paused);
    QVERIFY(!m_window->pauseAction()->isEnabled());
    QVERIFY(m_window->resumeAction()->isEnabled());
    QVERIFY(!m_window->openDesktopAction()->isEnabled());
    QVERIFY(m_window->deleteAction()->isEnabled());

    // Both selected: each action works on the rows it applies to.
    const QModelIndex runningIndex =
        m_window->proxy()->mapFromSource(m_window->model()->index(m_window->controller()->store()->rowOf(running), 0));
    m_window->table()->selectionModel()->select(runningIndex, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(m_window->selectedIds().size(), 2);
    QVERIFY(m_window->pauseAction()->isEnabled());
    QVERIFY(m_window->resumeAction()->isEnabled());
    m_window->resumeAction()->trigger();
    QCOMPARE(statusOf(running), SessionStatus::Running); // not touched
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(paused), SessionStatus::Running, 15000);
}

void tst_MainWindow::delete_confirmedWithIds_removesRow()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    QStringList asked;
    m_window->setDeleteConfirmer([&asked](const QStringList &ids, bool anyPaused) {
        asked = ids;
        return anyPaused ? MainWindow::DeleteChoice::Cancel : MainWindow::DeleteChoice::Delete;
    });
    const QString other = createSession(); // so that a row remains
    QVERIFY(!other.isEmpty());
    m_window->selectSession(id);
    m_window->deleteAction()->trigger();
    QCOMPARE(asked, QStringList{id});
    QTRY_VERIFY_WITH_TIMEOUT(!hasRow(id), 15000);
    // The selection moves on to a remaining row, ready for the next Delete.
    QTRY_VERIFY(!m_window->currentId().isEmpty());
    QVERIFY(m_window->currentId() != id);
    // And it stays gone after the next refreshes.
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    QVERIFY(refreshed.wait(5000));
    QVERIFY(!hasRow(id));
}

void tst_MainWindow::delete_pausedSession_offersResumeThenDelete()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    m_window->controller()->pause({id});
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), SessionStatus::Paused, 15000);
    std::optional<bool> offered;
    m_window->setDeleteConfirmer([&offered](const QStringList &, bool anyPaused) {
        offered = anyPaused;
        return MainWindow::DeleteChoice::ResumeThenDelete;
    });
    m_window->selectSession(id);
    m_window->deleteAction()->trigger();
    QVERIFY(offered.has_value() && *offered);
    QTRY_VERIFY_WITH_TIMEOUT(!hasRow(id), 20000);
}

void tst_MainWindow::delete_mixedSelectionDeleteOthers_keepsThePausedSession()
{
    const QString paused = createSession();
    const QString running = createSession();
    QVERIFY(!paused.isEmpty() && !running.isEmpty());
    m_window->controller()->pause({paused});
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(paused), SessionStatus::Paused, 15000);
    m_window->selectSession(paused);
    const int row = m_window->controller()->store()->rowOf(running);
    const QModelIndex index = m_window->proxy()->mapFromSource(m_window->model()->index(row, 0));
    m_window->table()->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(m_window->selectedIds().size(), 2);

    QStringList asked;
    m_window->setDeleteConfirmer([&asked](const QStringList &ids, bool anyPaused) {
        asked = ids;
        return anyPaused ? MainWindow::DeleteChoice::Delete : MainWindow::DeleteChoice::Cancel;
    });
    m_window->deleteAction()->trigger();
    QCOMPARE(asked.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!hasRow(running), 15000);
    // The paused one is left alone: no refused request, no error.
    QVERIFY(hasRow(paused));
    QCOMPARE(statusOf(paused), SessionStatus::Paused);
    QVERIFY(m_window->errorLabel()->text().isEmpty());
}

void tst_MainWindow::labelFilter_typing_hidesAndShowsRows()
{
    const QString alpha = createSession({{u"team"_s, u"alpha"_s}});
    const QString beta = createSession({{u"team"_s, u"beta"_s}});
    QVERIFY(!alpha.isEmpty() && !beta.isEmpty());
    const auto visible = [this](const QString &id) {
        const int row = m_window->controller()->store()->rowOf(id);
        return row >= 0 && m_window->proxy()->mapFromSource(m_window->model()->index(row, 0)).isValid();
    };
    QVERIFY(visible(alpha) && visible(beta));

    QLineEdit *edit = m_window->filterBar()->selectorEdit();
    QTest::keyClicks(edit, u"team=alpha"_s);
    QVERIFY(visible(alpha)); // applied locally at once, no request needed
    QVERIFY(!visible(beta));

    // The filter is also sent to the server and survives its refreshes.
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    QVERIFY(refreshed.wait(5000));
    QVERIFY(refreshed.wait(5000));
    QVERIFY(visible(alpha));
    QVERIFY(!visible(beta));

    edit->clear();
    QTRY_VERIFY_WITH_TIMEOUT(visible(alpha) && visible(beta), 5000);
    QTest::keyClicks(edit, u"team!=alpha"_s);
    QVERIFY(!visible(alpha));
    QVERIFY(visible(beta));
    edit->clear();
}

void tst_MainWindow::labelFilter_invalid_markedAndNotApplied()
{
    QLineEdit *edit = m_window->filterBar()->selectorEdit();
    QTest::keyClicks(edit, u"team=alpha,"_s);
    QVERIFY(edit->styleSheet().contains(u"border"_s));
    QVERIFY(edit->toolTip().contains(u"comma"_s, Qt::CaseInsensitive));
    QCOMPARE(m_window->proxy()->labelSelector().toString(), u"team=alpha"_s); // the last valid prefix
    QTest::keyClick(edit, Qt::Key_Backspace);
    QVERIFY(edit->styleSheet().isEmpty());
}

void tst_MainWindow::openDesktop_handsResourceUrlToOpener()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    std::optional<Core::Result<Core::SessionInfo>> info;
    m_client->info(id, this, [&info](const Core::Result<Core::SessionInfo> &r) {
        info = r;
    });
    QTRY_VERIFY(info.has_value());
    QVERIFY(info->ok());
    QVERIFY(!info->value().resourceUrl.isEmpty());

    m_window->selectSession(id);
    QVERIFY(m_window->openDesktopAction()->isEnabled());
    m_window->openDesktopAction()->trigger();
    QTRY_COMPARE(m_opener.opened.size(), 1);
    QCOMPARE(m_opener.opened.first(), QUrl(info->value().resourceUrl));
}

void tst_MainWindow::detailPane_showsInfoMaskedAndEditsLabels()
{
    const QString id = createSession({{u"keep"_s, u"me"_s}});
    QVERIFY(!id.isEmpty());
    Ui::SessionDetailPane *pane = m_window->detailPane();
    QSignalSpy infoLoaded(pane, &Ui::SessionDetailPane::infoLoaded);
    m_window->selectSession(id);
    QVERIFY(infoLoaded.wait(10000));
    QCOMPARE(pane->authCodeEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(pane->authCodeEdit()->text(), pane->info().authCode);
    pane->authCodeRevealButton()->click();
    QCOMPARE(pane->authCodeEdit()->echoMode(), QLineEdit::Normal);

    pane->tabs()->setCurrentIndex(Ui::SessionDetailPane::LabelsTab);
    QCOMPARE(pane->labelEditor()->labels(), (Core::Labels{{u"keep"_s, u"me"_s}}));
    QVERIFY(!pane->saveLabelsButton()->isEnabled());
    pane->labelEditor()->addRow(u"keep"_s, u"twice"_s); // duplicate key
    QVERIFY(!pane->saveLabelsButton()->isEnabled());
    pane->labelEditor()->setLabels({{u"keep"_s, u"me"_s}, {u"stage"_s, u"beta"_s}});
    pane->labelEditor()->setModified(true);
    pane->labelEditor()->addRow(u"owner"_s, u"ops"_s);
    QVERIFY(pane->saveLabelsButton()->isEnabled());
    QSignalSpy saved(pane, &Ui::SessionDetailPane::labelsSaved);
    pane->saveLabelsButton()->click();
    QVERIFY(saved.wait(10000));

    const Core::Labels expected{{u"keep"_s, u"me"_s}, {u"stage"_s, u"beta"_s}, {u"owner"_s, u"ops"_s}};
    std::optional<Core::Result<Core::Labels>> stored;
    m_client->getLabels(id, this, [&stored](const Core::Result<Core::Labels> &r) {
        stored = r;
    });
    QTRY_VERIFY(stored.has_value());
    QCOMPARE(stored->value(), expected);
    QCOMPARE(m_window->controller()->store()->find(id)->labels, expected);
}

void tst_MainWindow::detailPane_portLink_opensThroughOpener()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    Ui::SessionDetailPane *pane = m_window->detailPane();
    m_window->selectSession(id);
    pane->tabs()->setCurrentIndex(Ui::SessionDetailPane::LinksTab);
    QCOMPARE(pane->portSpin()->minimum(), 30100);
    QCOMPARE(pane->portSpin()->maximum(), 30199);
    pane->portSpin()->setValue(30150);
    QSignalSpy ready(pane, &Ui::SessionDetailPane::linkReady);
    pane->getLinkButton()->click();
    QVERIFY(ready.wait(10000));
    const QString link = ready.at(0).at(0).toString();
    QVERIFY(!link.isEmpty());
    QCOMPARE(pane->linkEdit()->text(), link);
    pane->openLinkButton()->click();
    QCOMPARE(m_opener.opened.size(), 1);
    QCOMPARE(m_opener.opened.first(), QUrl(link));
}

void tst_MainWindow::activityLog_listsRequestsWithoutKey()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    Ui::ActivityLogModel *log = m_window->activityLog();
    QTRY_VERIFY(log->rowCount() > 0);
    bool sawCreate = false;
    for (int row = 0; row < log->rowCount(); ++row) {
        for (int column = 0; column < Ui::ActivityLogModel::ColumnCount; ++column) {
            QVERIFY(!log->index(row, column).data().toString().contains(m_server->apiKey()));
        }
        if (log->index(row, Ui::ActivityLogModel::ActionColumn).data().toString() == u"CreateMcpSession"_s) {
            sawCreate = true;
            QVERIFY(!log->index(row, Ui::ActivityLogModel::RequestIdColumn).data().toString().isEmpty());
            QVERIFY(log->index(row, Ui::ActivityLogModel::DurationColumn).data().toString().endsWith(u"ms"_s));
        }
    }
    QVERIFY(sawCreate);
}

void tst_MainWindow::serverStopped_showsError_recoversWhenBack()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    m_window->selectSession(id);
    const int port = QUrl(m_server->url()).port();

    m_server->stop();
    QSignalSpy failed(m_window->controller(), &Ui::SessionController::refreshFailed);
    m_window->refreshAction()->trigger();
    QVERIFY(failed.wait(15000));
    QTRY_VERIFY(!m_window->errorLabel()->text().isEmpty());
    QVERIFY(m_window->errorLabel()->text().contains(u"Refresh failed"_s));
    QVERIFY(hasRow(id)); // nothing is thrown away while the server is away

    // The user tries an action meanwhile: the failure lands on the row, no dialog.
    m_window->pauseAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->controller()->store()->find(id)->error.isEmpty(), 15000);
    QVERIFY(!QApplication::activeModalWidget());

    QVERIFY2(m_server->start(port), qPrintable(m_server->lastError()));
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    QVERIFY(refreshed.wait(15000));
    QVERIFY(hasRow(id));
    QCOMPARE(m_window->currentId(), id);
    QVERIFY(!m_window->controller()->lastRefreshFailed());
    // The failed action stays the last error; the refresh error does not come back.
    QVERIFY(!m_window->errorLabel()->text().contains(u"Refresh failed"_s));
}

void tst_MainWindow::serverBack_clearsTheRefreshError()
{
    const int port = QUrl(m_server->url()).port();
    m_server->stop();
    QSignalSpy failed(m_window->controller(), &Ui::SessionController::refreshFailed);
    m_window->refreshAction()->trigger();
    QVERIFY(failed.wait(15000));
    QTRY_VERIFY(m_window->errorLabel()->text().contains(u"Refresh failed"_s));

    QVERIFY2(m_server->start(port), qPrintable(m_server->lastError()));
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    QVERIFY(refreshed.wait(15000));
    // Connected again: no stale "Refresh failed" in red.
    QVERIFY(m_window->errorLabel()->text().isEmpty());
}

void tst_MainWindow::layout_columnWidthsAndFirstSeenSurviveRestart()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    const QDateTime firstSeen = m_window->controller()->store()->find(id)->firstSeen;
    m_window->table()->setColumnHidden(SessionListModel::ImageColumn, false); // hidden on small screens
    m_window->table()->setColumnWidth(SessionListModel::ImageColumn, 222);
    m_window->close();
    m_window.reset();

    m_window = std::make_unique<MainWindow>(m_client.get(), &m_opener, m_credentials.get(), m_settings.get());
    m_window->show();
    QCOMPARE(m_window->table()->columnWidth(SessionListModel::ImageColumn), 222);
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    m_window->connectTo(m_server->url(), m_server->apiKey());
    QVERIFY(refreshed.wait(10000));
    QVERIFY(hasRow(id));
    QCOMPARE(m_window->controller()->store()->find(id)->firstSeen, firstSeen);
}

void tst_MainWindow::layout_firstStart_detailsGetHalfTheWidthAndTheLogIsHidden()
{
    QSettings fresh(m_dir.filePath(u"first-start.ini"_s), QSettings::IniFormat);
    fresh.clear();
    MainWindow window(m_client.get(), &m_opener, m_credentials.get(), &fresh);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The window fits the screen it starts on.
    const QRect available = window.screen()->availableGeometry();
    QVERIFY(window.width() <= available.width() && window.height() <= available.height());
    auto *splitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
    QVERIFY(splitter);
    const QList<int> sizes = splitter->sizes();
    QCOMPARE(sizes.size(), 2);
    // The detail pane (with the Tools tab) gets at least ~45 % of the width.
    QVERIFY2(sizes.at(1) * 100 >= (sizes.at(0) + sizes.at(1)) * 45,
        qPrintable(u"%1 / %2"_s.arg(sizes.at(0)).arg(sizes.at(1))));
    QVERIFY(window.table()->isColumnHidden(SessionListModel::RegionColumn));
    // On a small screen the labels keep their room: the image column waits in the header menu.
    QCOMPARE(window.table()->isColumnHidden(SessionListModel::ImageColumn), window.width() < 1150);
    QVERIFY(!window.table()->isColumnHidden(SessionListModel::LabelsColumn));
    auto *log = window.findChild<QDockWidget *>(u"activityDock"_s);
    QVERIFY(log);
    QVERIFY(!log->isVisible());
}

void tst_MainWindow::destroyed_withRequestsInFlight_nothingReachesTheGoingWindow()
{
    // Quitting with a session selected: the detail pane's info request and the Tools tab's tool
    // list are on their way, and the panes cancel them as they are destroyed. The client reports
    // each cancellation at once; none of that may reach a window whose parts are already gone.
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    m_window.reset();
    for (int round = 0; round < 20; ++round) {
        auto window = std::make_unique<MainWindow>(m_client.get(), &m_opener, m_credentials.get(), m_settings.get());
        QSignalSpy refreshed(window->controller(), &Ui::SessionController::refreshed);
        window->connectTo(m_server->url(), m_server->apiKey());
        QVERIFY(refreshed.wait(10000));
        window->detailPane()->tabs()->setCurrentIndex(Ui::SessionDetailPane::ToolsTab);
        window->selectSession(id);
        QCOMPARE(window->detailPane()->sessionId(), id);
        QVERIFY(m_client->inFlightCount() > 0);

        // The controller is the first thing the window's slots read: once it is gone, the client
        // must not report into the window any more.
        bool controllerGone = false;
        int reportsAfter = 0;
        QObject watcher;
        connect(window->controller(), &QObject::destroyed, &watcher, [&controllerGone] {
            controllerGone = true;
        });
        connect(m_client.get(), &Core::ApiClient::inFlightCountChanged, &watcher, [&] {
            reportsAfter += controllerGone ? 1 : 0;
        });
        window.reset();
        QCOMPARE(reportsAfter, 0);
    }
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
