// SPDX-License-Identifier: MIT
#include "filespane.h"

#include "filelistview.h"
#include "filepreview.h"
#include "remotefilemimedata.h"
#include "remotefilemodel.h"
#include "transferbar.h"

#include <core/files/filetransfer.h>

#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVBoxLayout>

namespace AgentBay::Ui {

using Core::FileTransfer;
using Core::RemoteEntry;
using Core::RemoteFiles;

namespace {

FilesPane::Prompts dialogPrompts()
{
    FilesPane::Prompts prompts;
    prompts.confirm = [](QWidget *parent, const QString &question) {
        return QMessageBox::question(
                   parent, FilesPane::tr("Files"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
    prompts.askName = [](QWidget *parent, const QString &title, const QString &initial) {
        return QInputDialog::getText(parent, title, FilesPane::tr("Name:"), QLineEdit::Normal, initial);
    };
    prompts.askUploadFiles = [](QWidget *parent) {
        return QFileDialog::getOpenFileNames(parent, FilesPane::tr("Upload files"));
    };
    prompts.askSavePath = [](QWidget *parent, const QString &name) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        return QFileDialog::getSaveFileName(parent, FilesPane::tr("Save as"), QDir(folder).filePath(name));
    };
    return prompts;
}

// A name for a new entry of a folder: one path component.
bool isPlainName(const QString &name)
{
    return !name.isEmpty() && name != u"." && name != u".." && !name.contains(u'/') && !name.contains(QChar(0));
}

} // namespace

FilesPane::FilesPane(QWidget *parent)
    : QWidget(parent)
    , m_prompts(dialogPrompts())
    , m_model(new RemoteFileModel(this))
    , m_view(new FileListView(this))
    , m_preview(new FilePreview(this))
    , m_transferBar(new TransferBar(this))
    , m_path(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_split(new QSplitter(Qt::Horizontal, this))
{
    m_up = makeButton(tr("Up"), tr("Up one folder"), tr("Go to the parent folder (Backspace)"));
    m_home = makeButton(tr("Home"), tr("Workspace folder"), tr("Go to %1").arg(HomeFolder));
    m_refresh = makeButton(tr("Refresh"), tr("Refresh folder"), tr("List the folder again (F5)"));
    m_newFolder = makeButton(tr("New folder"), tr("New folder"), tr("Create a folder here"));
    m_upload = makeButton(tr("Upload…"), tr("Upload files"), tr("Upload files into this folder (or drop them here)"));
    m_save = makeButton(tr("Save as…"), tr("Save file as"), tr("Download the selected file (or drag it out)"));
    m_rename = makeButton(tr("Rename"), tr("Rename"), tr("Rename the selected entry (F2)"));
    m_delete = makeButton(tr("Delete"), tr("Delete"), tr("Delete the selected entry (Delete)"));
    m_up->setIcon(style()->standardIcon(QStyle::SP_FileDialogToParent));
    m_home->setIcon(style()->standardIcon(QStyle::SP_DirHomeIcon));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_newFolder->setIcon(style()->standardIcon(QStyle::SP_FileDialogNewFolder));
    m_path->setAccessibleName(tr("Folder path"));
    m_path->setPlaceholderText(tr("Path in the session"));
    m_path->setToolTip(tr("Type a path and press Enter to go there"));
    m_error->setAccessibleName(tr("Files error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 4px;"));
    m_error->hide();

    m_view->setModel(m_model);
    m_view->header()->setAccessibleName(tr("File columns"));
    m_view->sortByColumn(RemoteFileModel::NameColumn, Qt::AscendingOrder);
    m_view->header()->resizeSection(RemoteFileModel::NameColumn, 220);
    m_view->header()->resizeSection(RemoteFileModel::SizeColumn, 80);
    m_view->header()->resizeSection(RemoteFileModel::ModifiedColumn, 150);
    m_view->setDragDataMaker([this](const QModelIndex &index) -> QMimeData * {
        const RemoteEntry entry = m_model->entry(index.row());
        if (entry.path.isEmpty() || entry.isDirectory) {
            return nullptr;
        }
        return new RemoteFileMimeData([this, entry] {
            return materializeForDrag(entry);
        });
    });

    auto *bar = new QHBoxLayout;
    for (QToolButton *button : {m_up, m_home, m_refresh}) {
        bar->addWidget(button);
    }
    bar->addWidget(m_path, 1);
    for (QToolButton *button : {m_newFolder, m_upload, m_save, m_rename, m_delete}) {
        bar->addWidget(button);
    }
    m_split->addWidget(m_view);
    m_split->addWidget(m_preview);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_transferBar);
    setAccessibleName(tr("Session files"));

    connect(m_up, &QToolButton::clicked, this, &FilesPane::goUp);
    connect(m_home, &QToolButton::clicked, this, &FilesPane::goHome);
    connect(m_refresh, &QToolButton::clicked, this, &FilesPane::refresh);
    connect(m_newFolder, &QToolButton::clicked, this, &FilesPane::newFolder);
    connect(m_upload, &QToolButton::clicked, this, &FilesPane::chooseAndUpload);
    connect(m_save, &QToolButton::clicked, this, &FilesPane::saveSelectedAs);
    connect(m_rename, &QToolButton::clicked, this, &FilesPane::renameSelected);
    connect(m_delete, &QToolButton::clicked, this, &FilesPane::deleteSelected);
    connect(m_path, &QLineEdit::returnPressed, this, [this] {
        goTo(m_path->text());
        m_view->setFocus();
    });
    connect(m_view, &FileListView::openRequested, this, &FilesPane::openIndex);
    connect(m_view, &FileListView::upRequested, this, &FilesPane::goUp);
    connect(m_view, &FileListView::refreshRequested, this, &FilesPane::refresh);
    connect(m_view, &FileListView::renameRequested, this, &FilesPane::renameSelected);
    connect(m_view, &FileListView::deleteRequested, this, &FilesPane::deleteSelected);
    connect(m_view, &FileListView::filesDropped, this, &FilesPane::upload);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FilesPane::selectionChanged);
    connect(m_model, &RemoteFileModel::folderChanged, m_path, &QLineEdit::setText);
    connect(m_model, &RemoteFileModel::failed, this, &FilesPane::showError);
    connect(m_model, &RemoteFileModel::loaded, this, [this] {
        m_error->hide();
        const int row = m_model->rowOf(std::exchange(m_selectAfterLoad, {}));
        const QModelIndex index = m_model->index(qMax(row, 0), 0);
        if (index.isValid()) {
            m_view->setCurrentIndex(index);
        }
        if (row >= 0) {
            m_view->scrollTo(index);
        }
        updateActions();
    });
    connect(m_model, &RemoteFileModel::modelReset, this, [this] {
        m_preview->clear();
        updateActions();
    });
    updateActions();
}

FilesPane::~FilesPane()
{
    // Transfers end before the widgets they report to (an upload still deletes its temporary file).
    delete m_transfer;
    m_transfer = nullptr;
}

QToolButton *FilesPane::makeButton(const QString &text, const QString &accessibleName, const QString &tip)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setAccessibleName(accessibleName);
    button->setToolTip(tip);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

void FilesPane::setSession(Core::ApiClient *client, const QString &sessionId)
{
    if (client == m_client && sessionId == m_sessionId) {
        return;
    }
    m_client = client;
    m_sessionId = sessionId;
    m_queue.clear(); // waiting jobs were for the other session; the running one finishes
    m_preview->setSession(client, sessionId);
    m_model->setFiles(RemoteFiles(client, sessionId));
    m_error->hide();
    m_path->clear();
    m_homePending = client && !sessionId.isEmpty();
    if (m_homePending && isVisible()) {
        m_homePending = false;
        goHome();
    }
    updateActions();
}

void FilesPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_homePending, false)) {
        goHome();
    }
}

QString FilesPane::folder() const
{
    return m_model->folder();
}

void FilesPane::goTo(const QString &path)
{
    const QString target = path.trimmed();
    if (target.isEmpty() || !m_model->files().isValid()) {
        return;
    }
    // Relative paths are the session's: under its workspace.
    m_model->setFolder(target.startsWith(u'/') ? target : RemoteFiles::join(HomeFolder, target));
}

void FilesPane::goUp()
{
    const QString here = folder();
    if (here.isEmpty() || here == u"/") {
        return;
    }
    m_selectAfterLoad = RemoteFiles::nameOf(here);
    goTo(RemoteFiles::parentOf(here));
}

void FilesPane::goHome()
{
    goTo(HomeFolder);
}

void FilesPane::refresh()
{
    const RemoteEntry entry = selectedEntry();
    m_selectAfterLoad = entry.name;
    m_model->refresh();
}

RemoteEntry FilesPane::selectedEntry() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().data(RemoteFileModel::PlaceholderRole).toBool()) {
        return {};
    }
    return m_model->entry(rows.first().row());
}

void FilesPane::openIndex(const QModelIndex &index)
{
    const RemoteEntry entry = m_model->entry(index.row());
    if (entry.path.isEmpty()) {
        return;
    }
    if (entry.isDirectory) {
        goTo(entry.path);
    } else {
        m_preview->showEntry(entry);
    }
}

void FilesPane::selectionChanged()
{
    const RemoteEntry entry = selectedEntry();
    if (entry.path.isEmpty()) {
        m_preview->clear();
    } else {
        m_preview->showEntry(entry);
    }
    updateActions();
}

void FilesPane::updateActions()
{
    const bool session = m_model->files().isValid();
    const RemoteEntry entry = selectedEntry();
    const bool selected = !entry.path.isEmpty();
    m_up->setEnabled(session && !folder().isEmpty() && folder() != u"/");
    m_home->setEnabled(session);
    m_refresh->setEnabled(session);
    m_path->setEnabled(session);
    m_newFolder->setEnabled(session);
    m_upload->setEnabled(session);
    m_save->setEnabled(selected && !entry.isDirectory);
    m_rename->setEnabled(selected);
    m_delete->setEnabled(selected);
}

void FilesPane::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        Q_EMIT statusMessage(message);
    }
}

void FilesPane::afterChange(const Core::Result<Core::Empty> &r, const QString &select, const QString &what)
{
    if (!r.ok()) {
        showError(tr("%1 failed: %2").arg(what, r.errorMessage()));
        return;
    }
    m_selectAfterLoad = select;
    m_model->refresh();
}

void FilesPane::newFolder()
{
    if (!m_model->files().isValid() || !m_prompts.askName) {
        return;
    }
    const QString name = m_prompts.askName(this, tr("New folder"), tr("New folder")).trimmed();
    if (name.isEmpty()) {
        return;
    }
    if (!isPlainName(name)) {
        return showError(tr("A folder name cannot contain \"/\""));
    }
    m_model->files().makeDirectory(
        RemoteFiles::join(folder(), name), this, [this, name](const Core::Result<Core::Empty> &r) {
            afterChange(r, name, tr("New folder"));
        });
}

void FilesPane::renameSelected()
{
    const RemoteEntry entry = selectedEntry();
    if (entry.path.isEmpty() || !m_prompts.askName) {
        return;
    }
    const QString name = m_prompts.askName(this, tr("Rename %1").arg(entry.name), entry.name).trimmed();
    if (name.isEmpty() || name == entry.name) {
        return;
    }
    if (!isPlainName(name)) {
        return showError(tr("A name cannot contain \"/\""));
    }
    m_model->files().move(entry.path,
        RemoteFiles::join(RemoteFiles::parentOf(entry.path), name),
        this,
        [this, name](const Core::Result<Core::Empty> &r) {
            afterChange(r, name, tr("Rename"));
        });
}

void FilesPane::deleteSelected()
{
    const RemoteEntry entry = selectedEntry();
    if (entry.path.isEmpty() || !m_prompts.confirm) {
        return;
    }
    const QString question = entry.isDirectory ? tr("Delete the folder %1 and everything in it?").arg(entry.path)
                                               : tr("Delete %1?").arg(entry.path);
    if (!m_prompts.confirm(this, question)) {
        return;
    }
    m_model->files().remove(entry.path, this, [this](const Core::Result<Core::Empty> &r) {
        afterChange(r, {}, tr("Delete"));
    });
}

void FilesPane::chooseAndUpload()
{
    if (m_model->files().isValid() && m_prompts.askUploadFiles) {
        upload(m_prompts.askUploadFiles(this));
    }
}

void FilesPane::upload(const QStringList &localPaths)
{
    if (!m_model->files().isValid()) {
        return;
    }
    for (const QString &local : localPaths) {
        const QString name = QFileInfo(local).fileName();
        if (!QFileInfo(local).isFile()) {
            continue;
        }
        const int row = m_model->rowOf(name);
        if (row >= 0 && m_model->entry(row).isDirectory) {
            showError(tr("%1 is a folder in the session; the file was not uploaded").arg(name));
            continue;
        }
        if (row >= 0
            && (!m_prompts.confirm || !m_prompts.confirm(this, tr("Replace %1?").arg(m_model->entry(row).path)))) {
            continue;
        }
        enqueue(Job{true, local, RemoteFiles::join(folder(), name)});
    }
}

void FilesPane::saveSelectedAs()
{
    const RemoteEntry entry = selectedEntry();
    if (entry.path.isEmpty() || entry.isDirectory || !m_prompts.askSavePath) {
        return;
    }
    const QString local = m_prompts.askSavePath(this, entry.name);
    if (!local.isEmpty()) {
        enqueue(Job{false, local, entry.path});
    }
}

void FilesPane::enqueue(const Job &job)
{
    m_queue.append(job);
    if (!m_transfer) {
        startNext();
    }
}

void FilesPane::startNext()
{
    if (m_queue.isEmpty() || !m_client) {
        return;
    }
    m_current = m_queue.takeFirst();
    m_transfer = new FileTransfer(m_client, m_sessionId, this);
    connect(m_transfer, &FileTransfer::finished, this, &FilesPane::transferDone);
    const QString name = RemoteFiles::nameOf(m_current.remote);
    m_transferBar->track(m_transfer, m_current.upload ? tr("Uploading %1").arg(name) : tr("Downloading %1").arg(name));
    if (m_current.upload) {
        m_transfer->upload(m_current.local, m_current.remote);
    } else {
        m_transfer->download(m_current.remote, m_current.local);
    }
}

void FilesPane::transferDone()
{
    FileTransfer *done = std::exchange(m_transfer, nullptr);
    done->deleteLater();
    const QString name = RemoteFiles::nameOf(m_current.remote);
    const bool ok = done->state() == FileTransfer::State::Succeeded;
    QString message;
    if (ok) {
        message = m_current.upload ? tr("Uploaded %1").arg(name) : tr("Saved %1 to %2").arg(name, m_current.local);
    } else if (done->state() == FileTransfer::State::Cancelled) {
        message = m_current.upload ? tr("Upload of %1 cancelled").arg(name) : tr("Download of %1 cancelled").arg(name);
    } else {
        message = done->errorString();
        showError(message);
    }
    m_transferBar->showOutcome(message);
    if (m_current.upload && done->remotePath().startsWith(folder() + u'/')
        && m_sessionId == m_model->files().sessionId()) {
        m_selectAfterLoad = ok ? name : selectedEntry().name;
        m_model->refresh();
    }
    Q_EMIT transferFinished(ok, message);
    startNext();
}

QString FilesPane::materializeForDrag(const RemoteEntry &entry)
{
    if (!m_client) {
        return {};
    }
    if (!m_dragDir || !m_dragDir->isValid()) {
        m_dragDir = std::make_unique<QTemporaryDir>();
    }
    // One folder per drag: the same name may be dragged twice, from two folders.
    const QString folder = m_dragDir->filePath(QString::number(QDateTime::currentMSecsSinceEpoch()));
    QDir().mkpath(folder);
    const QString local = QDir(folder).filePath(entry.name);
    FileTransfer transfer(m_client, m_sessionId);
    m_transferBar->track(&transfer, tr("Downloading %1").arg(entry.name));
    QEventLoop loop;
    connect(&transfer, &FileTransfer::finished, &loop, &QEventLoop::quit);
    transfer.download(entry.path, local);
    if (transfer.isRunning()) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    const bool ok = transfer.state() == FileTransfer::State::Succeeded;
    m_transferBar->showOutcome(ok ? tr("Downloaded %1 for the drop").arg(entry.name) : transfer.errorString());
    return ok ? local : QString();
}

} // namespace AgentBay::Ui
