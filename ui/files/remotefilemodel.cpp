// SPDX-License-Identifier: MIT
#include "remotefilemodel.h"

#include <QApplication>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>
#include <QStyle>

#include <algorithm>

namespace AgentBay::Ui {

using Core::RemoteEntry;
using Core::RemoteFiles;
using Core::Result;

RemoteFileModel::RemoteFileModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RemoteFileModel::~RemoteFileModel()
{
    delete m_loadContext;
}

void RemoteFileModel::setFiles(const RemoteFiles &files)
{
    beginResetModel();
    delete m_loadContext;
    m_files = files;
    m_entries.clear();
    m_queue.clear();
    m_inFlight = 0;
    m_error.clear();
    m_folder.clear();
    const bool wasLoading = std::exchange(m_loading, false);
    endResetModel();
    if (wasLoading) {
        Q_EMIT loadingChanged(false);
    }
}

void RemoteFileModel::setFolder(const QString &path)
{
    QString folder = path.trimmed().isEmpty() ? QStringLiteral("/") : path.trimmed();
    while (folder.size() > 1 && folder.endsWith(u'/')) {
        folder.chop(1);
    }
    const bool changed = folder != m_folder;
    m_folder = folder;
    if (changed) {
        Q_EMIT folderChanged(m_folder);
    }
    startLoad();
}

void RemoteFileModel::refresh()
{
    if (!m_folder.isEmpty()) {
        startLoad();
    }
}

void RemoteFileModel::startLoad()
{
    beginResetModel();
    delete m_loadContext;
    m_loadContext = new QObject(this);
    m_entries.clear();
    m_queue.clear();
    m_inFlight = 0;
    m_error.clear();
    m_loading = m_files.isValid();
    endResetModel();
    Q_EMIT loadingChanged(m_loading);
    if (!m_loading) {
        m_error = tr("No session");
        Q_EMIT failed(m_error);
        return;
    }
    const QString folder = m_folder;
    m_files.list(folder, m_loadContext, [this, folder](const Result<QList<RemoteEntry>> &r) {
        beginResetModel();
        m_loading = false;
        if (r.ok()) {
            m_entries = r.value();
        } else {
            m_error = r.errorMessage();
        }
        applySort();
        endResetModel();
        Q_EMIT loadingChanged(false);
        if (!r.ok()) {
            Q_EMIT failed(m_error);
            return;
        }
        for (const RemoteEntry &entry : std::as_const(m_entries)) {
            m_queue.append(entry.path);
        }
        Q_EMIT loaded();
        requestDetails();
    });
}

void RemoteFileModel::requestDetails()
{
    if (m_queue.isEmpty() && m_inFlight == 0) {
        applySortKeepingRows();
        Q_EMIT detailsComplete();
        return;
    }
    while (m_inFlight < m_window && !m_queue.isEmpty()) {
        const QString path = m_queue.takeFirst();
        ++m_inFlight;
        m_files.stat(path, m_loadContext, [this, path](const Result<RemoteEntry> &r) {
            --m_inFlight;
            const auto at = std::find_if(m_entries.begin(), m_entries.end(), [&](const RemoteEntry &e) {
                return e.path == path;
            });
            if (at != m_entries.end() && r.ok()) {
                const bool isDirectory = at->isDirectory;
                *at = r.value();
                at->path = path;
                at->name = RemoteFiles::nameOf(path);
                at->isDirectory = isDirectory || r.value().isDirectory;
                const int row = int(at - m_entries.begin());
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            requestDetails();
        });
    }
}

RemoteEntry RemoteFileModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : RemoteEntry{};
}

int RemoteFileModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).name == name) {
            return row;
        }
    }
    return -1;
}

int RemoteFileModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid()) {
        return 0;
    }
    return m_loading ? 1 : int(m_entries.size());
}

int RemoteFileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RemoteFileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    if (m_loading) {
        if (role == PlaceholderRole) {
            return true;
        }
        if (role == Qt::DisplayRole && index.column() == NameColumn) {
            return tr("Loading…");
        }
        if (role == Qt::AccessibleTextRole) {
            return tr("Loading %1").arg(m_folder);
        }
        return {};
    }
    const RemoteEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return e.name;
        case SizeColumn:
            return e.isDirectory || !e.hasDetails ? QString() : formatSize(e.size);
        case ModifiedColumn:
            return e.modified.isValid() ? QLocale().toString(e.modified.toLocalTime(), QLocale::ShortFormat)
                                        : QString();
        case TypeColumn:
            return typeText(e);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return e.hasDetails && !e.isDirectory
            ? tr("%1\n%2 bytes, %3").arg(e.path, QLocale().toString(e.size), e.permissions)
            : e.path;
    case Qt::DecorationRole:
        if (index.column() == NameColumn && qApp) {
            return qApp->style()->standardIcon(e.isDirectory ? QStyle::SP_DirIcon : QStyle::SP_FileIcon);
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case PathRole:
        return e.path;
    case IsDirectoryRole:
        return e.isDirectory;
    case SizeRole:
        return e.size;
    case PlaceholderRole:
        return false;
    default:
        return {};
    }
}

QVariant RemoteFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

Qt::ItemFlags RemoteFileModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || m_loading) {
        return Qt::NoItemFlags | Qt::ItemIsEnabled;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

void RemoteFileModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    applySortKeepingRows();
}

void RemoteFileModel::applySortKeepingRows()
{
    if (m_loading || m_entries.isEmpty()) {
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList paths;
    for (const QModelIndex &index : before) {
        paths.append(m_entries.value(index.row()).path);
    }
    applySort();
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const auto at = std::find_if(m_entries.cbegin(), m_entries.cend(), [&](const RemoteEntry &e) {
            return e.path == paths.at(i);
        });
        after.append(
            at == m_entries.cend() ? QModelIndex() : index(int(at - m_entries.cbegin()), before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void RemoteFileModel::applySort()
{
    const int column = m_sortColumn;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::stable_sort(m_entries.begin(), m_entries.end(), [&](const RemoteEntry &a, const RemoteEntry &b) {
        if (a.isDirectory != b.isDirectory) {
            return a.isDirectory; // folders first whichever way
        }
        int order = 0;
        switch (column) {
        case SizeColumn:
            order = a.size < b.size ? -1 : a.size > b.size ? 1 : 0;
            break;
        case ModifiedColumn:
            order = a.modified < b.modified ? -1 : b.modified < a.modified ? 1 : 0;
            break;
        case TypeColumn:
            order = QString::localeAwareCompare(typeText(a), typeText(b));
            break;
        default:
            break;
        }
        if (order == 0) {
            order = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        }
        if (order == 0) {
            order = QString::compare(a.name, b.name);
        }
        return ascending ? order < 0 : order > 0;
    });
}

QString RemoteFileModel::typeText(const RemoteEntry &entry) const
{
    if (entry.isDirectory) {
        return tr("Folder");
    }
    static const QMimeDatabase mimes;
    const QMimeType type = mimes.mimeTypeForFile(entry.name, QMimeDatabase::MatchExtension);
    return type.isDefault() ? tr("File") : type.comment();
}

QString RemoteFileModel::formatSize(qint64 bytes)
{
    if (bytes < 0) {
        return {};
    }
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace AgentBay::Ui
