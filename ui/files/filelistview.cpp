// SPDX-License-Identifier: MIT
#include "filelistview.h"

#include <QDrag>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMimeData>

namespace AgentBay::Ui {

FileListView::FileListView(QWidget *parent)
    : QTreeView(parent)
{
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setUniformRowHeights(true);
    setSortingEnabled(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(false);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::CopyAction);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::Interactive);
    setAccessibleName(tr("Files"));
    setAccessibleDescription(
        tr("Enter opens, Backspace goes up, F2 renames, Delete deletes, F5 refreshes; drop files here to upload"));
    connect(this, &QTreeView::doubleClicked, this, &FileListView::openRequested);
}

FileListView::~FileListView() = default;

bool FileListView::isOwnKey(const QKeyEvent *event)
{
    if (event->modifiers() & ~(Qt::KeypadModifier)) {
        return false;
    }
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Backspace:
    case Qt::Key_F2:
    case Qt::Key_Delete:
    case Qt::Key_F5:
        return true;
    default:
        return false;
    }
}

bool FileListView::event(QEvent *event)
{
    // Claiming the key here keeps the shortcut map from giving it to a window-wide action.
    if (event->type() == QEvent::ShortcutOverride && isOwnKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QTreeView::event(event);
}

void FileListView::keyPressEvent(QKeyEvent *event)
{
    if (!isOwnKey(event)) {
        return QTreeView::keyPressEvent(event);
    }
    const QModelIndex current = currentIndex();
    const bool onEntry = current.isValid() && selectionModel() && selectionModel()->isRowSelected(current.row(), {});
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (onEntry) {
            Q_EMIT openRequested(current);
        }
        break;
    case Qt::Key_Backspace:
        Q_EMIT upRequested();
        break;
    case Qt::Key_F2:
        if (onEntry) {
            Q_EMIT renameRequested(current);
        }
        break;
    case Qt::Key_Delete:
        if (onEntry) {
            Q_EMIT deleteRequested(current);
        }
        break;
    case Qt::Key_F5:
        Q_EMIT refreshRequested();
        break;
    default:
        break;
    }
    event->accept();
}

QStringList FileListView::localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls()) {
        return paths;
    }
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) {
            paths.append(url.toLocalFile());
        }
    }
    return paths;
}

void FileListView::dragEnterEvent(QDragEnterEvent *event)
{
    // Our own rows dragged back in are not uploads.
    if (event->source() != this && !localFiles(event->mimeData()).isEmpty()) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    event->ignore();
}

void FileListView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->source() != this && event->mimeData()->hasUrls()) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    event->ignore();
}

void FileListView::dropEvent(QDropEvent *event)
{
    const QStringList paths = event->source() == this ? QStringList() : localFiles(event->mimeData());
    if (paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT filesDropped(paths);
}

void FileListView::startDrag(Qt::DropActions supportedActions)
{
    Q_UNUSED(supportedActions)
    const QModelIndex current = currentIndex();
    QMimeData *data = makeDragData(current);
    if (!data) {
        return;
    }
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

} // namespace AgentBay::Ui
