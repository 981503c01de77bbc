// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTreeView>

#include <functional>

namespace AgentBay::Ui {

// The listing of a session folder. Its keys belong to it alone: Enter opens, Backspace goes up,
// F2 renames, Delete deletes and F5 refreshes only while the list has the focus, and they
// never reach a window-wide shortcut on the same key (the session's Delete, the window's F5).
// Local files dropped on it are to be uploaded; a file dragged out of it is fetched lazily.
class FileListView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileListView)

public:
    explicit FileListView(QWidget *parent = nullptr);
    ~FileListView() override;

    // Makes the drag data of a row (a file URL filled in on drop); nullptr = no drag.
    using DragDataMaker = std::function<QMimeData *(const QModelIndex &index)>;

    void setDragDataMaker(DragDataMaker maker) { m_dragData = std::move(maker); }

    // The drag data of a row as startDrag() makes it (the caller owns it).
    QMimeData *makeDragData(const QModelIndex &index) const
    {
        return index.isValid() && m_dragData ? m_dragData(index) : nullptr;
    }

Q_SIGNALS:
    void openRequested(const QModelIndex &index);
    void upRequested();
    void renameRequested(const QModelIndex &index);
    void deleteRequested(const QModelIndex &index);
    void refreshRequested();
    void filesDropped(const QStringList &localPaths);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    static bool isOwnKey(const QKeyEvent *event);
    static QStringList localFiles(const QMimeData *data);

    DragDataMaker m_dragData;
};

} // namespace AgentBay::Ui
