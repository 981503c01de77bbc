// SPDX-License-Identifier: MIT
#pragma once

#include <core/files/remotefiles.h>

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace AgentBay::Ui {

// One folder of a session at a time, fetched only when it is opened. Names and kinds arrive
// with one list_directory call and show at once; size and modification time follow per entry
// (get_file_info, a few calls in flight), so a big folder is browsable before it is complete.
// While the folder loads, a single "Loading…" row stands in for it. Folders sort first.
class RemoteFileModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteFileModel)

public:
    enum Column {
        NameColumn,
        SizeColumn,
        ModifiedColumn,
        TypeColumn,
        ColumnCount
    };

    enum Role {
        PathRole = Qt::UserRole + 1,
        IsDirectoryRole,
        SizeRole, // qint64, -1 unknown
        PlaceholderRole, // true on the Loading… / error row
    };

    explicit RemoteFileModel(QObject *parent = nullptr);
    ~RemoteFileModel() override;

    // A new session (or none: an invalid RemoteFiles); the listing empties.
    void setFiles(const Core::RemoteFiles &files);

    const Core::RemoteFiles &files() const { return m_files; }

    // Opens a folder (fetched now, whatever was shown before).
    void setFolder(const QString &path);
    void refresh();

    QString folder() const { return m_folder; }

    bool isLoading() const { return m_loading; }

    // The last failure to list the folder (empty when it listed).
    QString errorString() const { return m_error; }

    // Details still to come for this many entries.
    int pendingDetails() const { return int(m_queue.size()) + m_inFlight; }

    // Entries (no placeholder); rowOf: -1 when absent.
    int entryCount() const { return int(m_entries.size()); }

    Core::RemoteEntry entry(int row) const;
    int rowOf(const QString &name) const;

    // For tests and the benchmark: details kept in flight at once (default 4).
    void setDetailWindow(int calls) { m_window = qMax(1, calls); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString formatSize(qint64 bytes);

Q_SIGNALS:
    void folderChanged(const QString &path);
    void loadingChanged(bool loading);
    // The folder listed (details may still be arriving) / could not be listed.
    void loaded();
    void failed(const QString &message);
    // Every entry's details arrived.
    void detailsComplete();

private:
    void startLoad();
    void requestDetails();
    void applySort();
    // Sorts again and keeps selections and the current row on the same entries.
    void applySortKeepingRows();
    QString typeText(const Core::RemoteEntry &entry) const;

    Core::RemoteFiles m_files{nullptr, {}};
    QString m_folder;
    QList<Core::RemoteEntry> m_entries;
    bool m_loading = false;
    QString m_error;
    // Parent of every pending call of the current listing: replaced on each load, so the
    // answers about a folder no longer shown are dropped.
    QPointer<QObject> m_loadContext;
    QList<QString> m_queue; // paths waiting for details
    int m_inFlight = 0;
    int m_window = 4;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace AgentBay::Ui
