// SPDX-License-Identifier: MIT
// The Files tab against a real agentbay-local: listing with sizes, keys that stay in the list,
// upload by drop, Save as, drag out, rename, delete, previews, and Cancel in the transfer bar.
#include <core/api/apiclient.h>
#include <core/files/filetransfer.h>
#include <core/files/remotefiles.h>
#include <support/callbackprobe.h>
#include <support/localserver.h>
#include <ui/files/filelistview.h>
#include <ui/files/filepreview.h>
#include <ui/files/filespane.h>
#include <ui/files/remotefilemimedata.h>
#include <ui/files/remotefilemodel.h>
#include <ui/files/transferbar.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMainWindow>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace AgentBay::Core;
using namespace AgentBay::Ui;
using AgentBay::Test::LocalServer;

namespace {

template <typename T>
using Probe = AgentBay::Test::CallbackProbe<T>;

// Each listing or file call answers in milliseconds; the bounds allow a loaded machine.
constexpr int CallTimeoutMs = 30000;
constexpr int TransferTimeoutMs = 300000;

} // namespace

class tst_FilesPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void model_listsFolder_foldersFirstWithSizes();
    void keys_deleteInList_asksAndDeletes_neverReachesWindowDelete();
    void keys_enterOpensBackspaceGoesUpF2Renames();
    void drop_localFiles_uploadsIntoFolder();
    void saveAs_downloadsByteExact();
    void dragOut_fileUrlFilledOnDrop();
    void preview_textAndPng();
    void cancelButton_midUpload_leavesNothingBehind();
    void controls_allHaveAccessibleNames();

private:
    bool writeRemote(const QString &path, const QByteArray &bytes);
    // Opens a folder and waits until it is listed with every detail.
    bool openFolder(const QString &path);
    QModelIndex select(const QString &name);

    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_sessionId;
    std::unique_ptr<QMainWindow> m_window;
    QAction *m_windowDelete = nullptr;
    QAction *m_windowRefresh = nullptr;
    QPushButton *m_elsewhere = nullptr;
    FilesPane *m_pane = nullptr;
    QStringList m_questions;
    QString m_nextName;
    QTemporaryDir m_local;
};

void tst_FilesPane::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("agentbay.core.*.debug=false"));
    m_server = std::make_unique<LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    Config config;
    config.apiKey = m_server->apiKey();
    config.endpoint = m_server->url();
    config.timeoutMs = CallTimeoutMs;
    m_client = std::make_unique<ApiClient>(config);
    Probe<SessionData> created;
    m_client->create(CreateSessionParams{}, &created.context, created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.done(), CallTimeoutMs);
    QVERIFY2(created.ok(), qPrintable(created.why()));
    m_sessionId = created.value().sessionId;
}

void tst_FilesPane::init()
{
    // A window with the session manager's window-wide Delete and Refresh, as the app has.
    m_window = std::make_unique<QMainWindow>();
    m_windowDelete = new QAction(QStringLiteral("Delete session"), m_window.get());
    m_windowDelete->setShortcut(QKeySequence::Delete);
    m_windowRefresh = new QAction(QStringLiteral("Refresh sessions"), m_window.get());
    m_windowRefresh->setShortcut(QKeySequence::Refresh);
    m_window->addAction(m_windowDelete);
    m_window->addAction(m_windowRefresh);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    m_elsewhere = new QPushButton(QStringLiteral("Elsewhere"), central);
    m_pane = new FilesPane(central);
    layout->addWidget(m_elsewhere);
    layout->addWidget(m_pane);
    m_window->setCentralWidget(central);
    m_questions.clear();
    FilesPane::Prompts prompts;
    prompts.confirm = [this](QWidget *, const QString &question) {
        m_questions.append(question);
        return true;
    };
    prompts.askName = [this](QWidget *, const QString &title, const QString &) {
        m_questions.append(title);
        return m_nextName;
    };
    m_pane->setPrompts(prompts);
    m_window->resize(900, 600);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_pane->setSession(m_client.get(), m_sessionId);
}

void tst_FilesPane::cleanup()
{
    m_window.reset();
}

bool tst_FilesPane::writeRemote(const QString &path, const QByteArray &bytes)
{
    const QString local = m_local.filePath(QStringLiteral("w-") + RemoteFiles::nameOf(path));
    QFile file(local);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        return false;
    }
    file.close();
    FileTransfer up(m_client.get(), m_sessionId);
    QSignalSpy finished(&up, &FileTransfer::finished);
    up.upload(local, path);
    return (!up.isRunning() || finished.wait(TransferTimeoutMs)) && up.state() == FileTransfer::State::Succeeded;
}

bool tst_FilesPane::openFolder(const QString &path)
{
    m_pane->goTo(path);
    return QTest::qWaitFor(
        [&] {
            return m_pane->folder() == path && !m_pane->model()->isLoading() && m_pane->model()->pendingDetails() == 0;
        },
        CallTimeoutMs);
}

QModelIndex tst_FilesPane::select(const QString &name)
{
    const int row = m_pane->model()->rowOf(name);
    if (row < 0) {
        return {};
    }
    const QModelIndex index = m_pane->model()->index(row, 0);
    m_pane->view()->setCurrentIndex(index);
    m_pane->view()->setFocus();
    return index;
}

void tst_FilesPane::model_listsFolder_foldersFirstWithSizes()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/m/zeta.txt"), QByteArray(1500, 'z')));
    QVERIFY(writeRemote(QStringLiteral("/workspace/m/alpha.bin"), QByteArray(3, '\0')));
    QVERIFY(writeRemote(QStringLiteral("/workspace/m/sub/inner.txt"), "x"));
    QSignalSpy loading(m_pane->model(), &RemoteFileModel::loadingChanged);
    m_pane->goTo(QStringLiteral("/workspace/m"));
    // While the folder is fetched, one Loading… row stands in for it.
    QCOMPARE(m_pane->model()->rowCount(), 1);
    QVERIFY(m_pane->model()->index(0, 0).data(RemoteFileModel::PlaceholderRole).toBool());
    QCOMPARE(m_pane->model()->index(0, 0).data().toString(), QStringLiteral("Loading…"));
    QVERIFY(openFolder(QStringLiteral("/workspace/m")));
    QVERIFY(loading.size() >= 2);
    RemoteFileModel *model = m_pane->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, RemoteFileModel::NameColumn).data().toString(), QStringLiteral("sub"));
    QCOMPARE(model->index(1, RemoteFileModel::NameColumn).data().toString(), QStringLiteral("alpha.bin"));
    QCOMPARE(model->index(2, RemoteFileModel::NameColumn).data().toString(), QStringLiteral("zeta.txt"));
    QCOMPARE(model->index(1, 0).data(RemoteFileModel::SizeRole).toLongLong(), 3);
    QCOMPARE(model->index(2, 0).data(RemoteFileModel::SizeRole).toLongLong(), 1500);
    QVERIFY(!model->index(2, RemoteFileModel::SizeColumn).data().toString().isEmpty());
    QVERIFY(!model->index(2, RemoteFileModel::ModifiedColumn).data().toString().isEmpty());
    QCOMPARE(model->index(0, RemoteFileModel::TypeColumn).data().toString(), QStringLiteral("Folder"));
    // By size, largest first: the folder stays on top.
    m_pane->view()->sortByColumn(RemoteFileModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("sub"));
    QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("zeta.txt"));
    QCOMPARE(m_pane->pathEdit()->text(), QStringLiteral("/workspace/m"));
}

void tst_FilesPane::keys_deleteInList_asksAndDeletes_neverReachesWindowDelete()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/k/victim.txt"), "bye"));
    QVERIFY(openFolder(QStringLiteral("/workspace/k")));
    QSignalSpy windowDelete(m_windowDelete, &QAction::triggered);
    QSignalSpy windowRefresh(m_windowRefresh, &QAction::triggered);
    QVERIFY(select(QStringLiteral("victim.txt")).isValid());
    QTRY_VERIFY(m_pane->view()->hasFocus());
    QTest::keyClick(m_pane->view(), Qt::Key_Delete);
    QCOMPARE(m_questions, QStringList{QStringLiteral("Delete /workspace/k/victim.txt?")});
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_pane->model()->isLoading() && m_pane->model()->rowOf(QStringLiteral("victim.txt")) < 0, CallTimeoutMs);
    QTest::keyClick(m_pane->view(), Qt::Key_F5);
    QCOMPARE(windowDelete.size(), 0);
    QCOMPARE(windowRefresh.size(), 0);
    // Outside the list the same keys are the window's again.
    m_elsewhere->setFocus();
    QTRY_VERIFY(m_elsewhere->hasFocus());
    QTest::keyClick(m_elsewhere, Qt::Key_Delete);
    QTest::keyClick(m_elsewhere, Qt::Key_F5);
    QCOMPARE(windowDelete.size(), 1);
    QCOMPARE(windowRefresh.size(), 1);
    QCOMPARE(m_questions.size(), 1);
}

void tst_FilesPane::keys_enterOpensBackspaceGoesUpF2Renames()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/nav/inner/old.txt"), "data"));
    QVERIFY(openFolder(QStringLiteral("/workspace/nav")));
    QVERIFY(select(QStringLiteral("inner")).isValid());
    QTest::keyClick(m_pane->view(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_pane->folder(), QStringLiteral("/workspace/nav/inner"), CallTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->rowOf(QStringLiteral("old.txt")) >= 0, CallTimeoutMs);
    QVERIFY(select(QStringLiteral("old.txt")).isValid());
    m_nextName = QStringLiteral("new name.txt");
    QTest::keyClick(m_pane->view(), Qt::Key_F2);
    QCOMPARE(m_questions, QStringList{QStringLiteral("Rename old.txt")});
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->rowOf(QStringLiteral("new name.txt")) >= 0, CallTimeoutMs);
    QCOMPARE(m_pane->model()->rowOf(QStringLiteral("old.txt")), -1);
    QTest::keyClick(m_pane->view(), Qt::Key_Backspace);
    QTRY_COMPARE_WITH_TIMEOUT(m_pane->folder(), QStringLiteral("/workspace/nav"), CallTimeoutMs);
    // Back up, the folder we came from is the current row.
    QTRY_VERIFY_WITH_TIMEOUT(!m_pane->model()->isLoading(), CallTimeoutMs);
    QCOMPARE(m_pane->view()->currentIndex().data().toString(), QStringLiteral("inner"));
    // The path bar goes anywhere the session can see.
    m_pane->pathEdit()->setText(QStringLiteral("/"));
    QTest::keyClick(m_pane->pathEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_pane->model()->isLoading() && m_pane->folder() == u"/", CallTimeoutMs);
    QVERIFY2(m_pane->model()->rowOf(QStringLiteral("workspace")) >= 0, qPrintable(m_pane->model()->errorString()));
}

void tst_FilesPane::drop_localFiles_uploadsIntoFolder()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/drop/keep.txt"), "k"));
    QVERIFY(openFolder(QStringLiteral("/workspace/drop")));
    const QString local = m_local.filePath(QStringLiteral("dropped.bin"));
    QFile file(local);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(200000, '\x7f'));
    file.close();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(local)});
    QWidget *target = m_pane->view()->viewport();
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QSignalSpy finished(m_pane, &FilesPane::transferFinished);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(finished.wait(TransferTimeoutMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->pendingDetails() == 0 && !m_pane->model()->isLoading()
            && m_pane->model()->rowOf(QStringLiteral("dropped.bin")) >= 0,
        CallTimeoutMs);
    const int row = m_pane->model()->rowOf(QStringLiteral("dropped.bin"));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_pane->model()->index(row, 0).data(RemoteFileModel::SizeRole).toLongLong(), 200000, CallTimeoutMs);
    // The same name again replaces only after a yes.
    QVERIFY(m_questions.isEmpty());
    m_pane->upload({local});
    QCOMPARE(m_questions, QStringList{QStringLiteral("Replace /workspace/drop/dropped.bin?")});
    QVERIFY(finished.wait(TransferTimeoutMs));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
}

void tst_FilesPane::saveAs_downloadsByteExact()
{
    QByteArray bytes(300000, Qt::Uninitialized);
    for (int i = 0; i < bytes.size(); ++i) {
        bytes[i] = char(i * 7 + i / 256);
    }
    QVERIFY(writeRemote(QStringLiteral("/workspace/save/data.bin"), bytes));
    QVERIFY(openFolder(QStringLiteral("/workspace/save")));
    QVERIFY(select(QStringLiteral("data.bin")).isValid());
    const QString local = m_local.filePath(QStringLiteral("saved.bin"));
    FilesPane::Prompts prompts;
    prompts.askSavePath = [&](QWidget *, const QString &name) {
        m_questions.append(name);
        return local;
    };
    m_pane->setPrompts(prompts);
    QSignalSpy finished(m_pane, &FilesPane::transferFinished);
    m_pane->saveSelectedAs();
    QCOMPARE(m_questions, QStringList{QStringLiteral("data.bin")});
    QVERIFY(finished.wait(TransferTimeoutMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QFile saved(local);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), bytes);
}

void tst_FilesPane::dragOut_fileUrlFilledOnDrop()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/drag/out.txt"), "dragged out"));
    QVERIFY(openFolder(QStringLiteral("/workspace/drag")));
    const QModelIndex index = select(QStringLiteral("out.txt"));
    QVERIFY(index.isValid());
    std::unique_ptr<QMimeData> data(m_pane->view()->makeDragData(index));
    QVERIFY(data);
    auto *remote = qobject_cast<RemoteFileMimeData *>(data.get());
    QVERIFY(remote);
    QVERIFY(data->hasUrls());
    QVERIFY(!remote->isMaterialized()); // nothing fetched until a drop target asks
    const QList<QUrl> urls = data->urls();
    QCOMPARE(urls.size(), 1);
    QVERIFY(urls.first().isLocalFile());
    QCOMPARE(QFileInfo(urls.first().toLocalFile()).fileName(), QStringLiteral("out.txt"));
    QFile file(urls.first().toLocalFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("dragged out"));
    // Folders are not dragged out.
    QVERIFY(writeRemote(QStringLiteral("/workspace/drag/dir/x"), "x"));
    QVERIFY(openFolder(QStringLiteral("/workspace/drag")));
    QVERIFY(!m_pane->view()->makeDragData(select(QStringLiteral("dir"))));
}

void tst_FilesPane::preview_textAndPng()
{
    QImage picture(40, 30, QImage::Format_RGB32);
    picture.fill(Qt::darkCyan);
    QByteArray png;
    QBuffer buffer(&png);
    QVERIFY(buffer.open(QIODevice::WriteOnly) && picture.save(&buffer, "PNG"));
    QVERIFY(writeRemote(QStringLiteral("/workspace/pv/picture.png"), png));
    QByteArray text;
    for (int line = 0; text.size() < 100000; ++line) {
        text += "line " + QByteArray::number(line) + " – ünïcode\n";
    }
    QVERIFY(writeRemote(QStringLiteral("/workspace/pv/notes.txt"), text));
    QVERIFY(writeRemote(QStringLiteral("/workspace/pv/blob.dat"), QByteArray("\x00\x01\x02", 3)));
    QVERIFY(openFolder(QStringLiteral("/workspace/pv")));
    FilePreview *preview = m_pane->preview();
    QSignalSpy ready(preview, &FilePreview::previewReady);

    QVERIFY(select(QStringLiteral("picture.png")).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(preview->shown(), FilePreview::Shown::Image, CallTimeoutMs);
    QCOMPARE(preview->imageSize(), QSize(40, 30));

    QVERIFY(select(QStringLiteral("notes.txt")).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(preview->shown(), FilePreview::Shown::Text, CallTimeoutMs);
    QVERIFY(preview->text().startsWith(QStringLiteral("line 0 – ünïcode\nline 1")));
    // Only the head of a long file is fetched.
    QVERIFY(preview->text().toUtf8().size() <= FilePreview::TextPreviewBytes);
    QVERIFY(preview->text().toUtf8().size() > FilePreview::TextPreviewBytes - 8);

    QVERIFY(select(QStringLiteral("blob.dat")).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(preview->shown(), FilePreview::Shown::Message, CallTimeoutMs);
    QVERIFY2(preview->text().startsWith(QStringLiteral("Binary file")), qPrintable(preview->text()));
}

void tst_FilesPane::cancelButton_midUpload_leavesNothingBehind()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/cx/keep.txt"), "k"));
    QVERIFY(openFolder(QStringLiteral("/workspace/cx")));
    const QString local = m_local.filePath(QStringLiteral("huge.bin"));
    QFile file(local);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(8 * 1024 * 1024));
    file.close();
    QSignalSpy finished(m_pane, &FilesPane::transferFinished);
    m_pane->upload({local});
    QVERIFY(m_pane->currentTransfer());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_pane->transferBar()->progressBar()->value() > 100 || !finished.isEmpty(), TransferTimeoutMs);
    QVERIFY(m_pane->transferBar()->cancelButton()->isVisible());
    QTest::mouseClick(m_pane->transferBar()->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(CallTimeoutMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!m_pane->transferBar()->cancelButton()->isVisible());
    // Nothing new in the folder, hidden temporary files included.
    Probe<QList<RemoteEntry>> listed;
    RemoteFiles(m_client.get(), m_sessionId).list(QStringLiteral("/workspace/cx"), &listed.context, listed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(listed.done(), CallTimeoutMs);
    QVERIFY2(listed.ok(), qPrintable(listed.why()));
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().first().name, QStringLiteral("keep.txt"));
}

void tst_FilesPane::controls_allHaveAccessibleNames()
{
    QStringList unnamed;
    const QList<QWidget *> widgets = m_pane->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget)
            || qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QProgressBar *>(widget);
        if (control && widget->accessibleName().isEmpty()) {
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName());
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", ")));
}

QTEST_MAIN(tst_FilesPane)
#include "tst_filespane.moc"
