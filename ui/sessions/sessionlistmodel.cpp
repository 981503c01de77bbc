// SPDX-License-Identifier: MIT
#include "sessionlistmodel.h"

#include <QBrush>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QPalette>

#include <chrono>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

// Ages are shown in minutes at best, so repaint them rarely.
constexpr int AgeRepaintTicks = 15;

QString labelsText(const Core::Labels &labels)
{
    QStringList parts;
    parts.reserve(labels.size());
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
        parts.append(it.key() + u'=' + it.value());
    }
    return parts.join(u", "_s);
}

int statusSortKey(Core::SessionStatus status)
{
    // Live sessions first, then the ones on their way out.
    switch (status) {
    case Core::SessionStatus::Running:
        return 0;
    case Core::SessionStatus::Resuming:
        return 1;
    case Core::SessionStatus::Pausing:
        return 2;
    case Core::SessionStatus::Paused:
        return 3;
    case Core::SessionStatus::Deleting:
        return 4;
    case Core::SessionStatus::Error:
    case Core::SessionStatus::Failed:
        return 5;
    case Core::SessionStatus::Deleted:
    case Core::SessionStatus::Finish:
        return 6;
    case Core::SessionStatus::Unknown:
        break;
    }
    return 7;
}

} // namespace

SessionListModel::SessionListModel(SessionStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &SessionStore::rowsAboutToBeAppended, this, [this](int first, int last) {
        beginInsertRows({}, first, last);
    });
    connect(m_store, &SessionStore::rowsAppended, this, [this] {
        endInsertRows();
        updateTicker();
    });
    connect(m_store, &SessionStore::rowsAboutToBeRemoved, this, [this](int first, int last) {
        beginRemoveRows({}, first, last);
    });
    connect(m_store, &SessionStore::rowsRemoved, this, [this] {
        endRemoveRows();
        updateTicker();
    });
    connect(m_store, &SessionStore::aboutToBeCleared, this, &SessionListModel::beginResetModel);
    connect(m_store, &SessionStore::cleared, this, [this] {
        endResetModel();
        updateTicker();
    });
    connect(m_store, &SessionStore::rowChanged, this, &SessionListModel::emitRowChanged);
    m_ticker.setInterval(1s);
    connect(&m_ticker, &QTimer::timeout, this, &SessionListModel::tick);
    updateTicker();
}

SessionListModel::~SessionListModel() = default;

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_store->count();
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionListModel::statusText(Core::SessionStatus status)
{
    switch (status) {
    case Core::SessionStatus::Running:
        return tr("Running");
    case Core::SessionStatus::Pausing:
        return tr("Pausing");
    case Core::SessionStatus::Paused:
        return tr("Paused");
    case Core::SessionStatus::Resuming:
        return tr("Resuming");
    case Core::SessionStatus::Deleting:
        return tr("Deleting");
    case Core::SessionStatus::Deleted:
        return tr("Deleted");
    case Core::SessionStatus::Finish:
        return tr("Finished");
    case Core::SessionStatus::Error:
        return tr("Error");
    case Core::SessionStatus::Failed:
        return tr("Failed");
    case Core::SessionStatus::Unknown:
        break;
    }
    return tr("Unknown");
}

QString SessionListModel::formatAge(qint64 seconds)
{
    if (seconds < 0) {
        seconds = 0;
    }
    if (seconds < 60) {
        return tr("%1s").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("%1m").arg(seconds / 60);
    }
    if (seconds < 86400) {
        const qint64 minutes = (seconds % 3600) / 60;
        return minutes ? tr("%1h %2m").arg(seconds / 3600).arg(minutes) : tr("%1h").arg(seconds / 3600);
    }
    return tr("%1d").arg(seconds / 86400);
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SessionRow &row = m_store->rows().at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return row.id;
        case StatusColumn:
            if (Core::isTransitional(row.status) && row.statusSince.isValid()) {
                return tr("%1 · %2").arg(statusText(row.status), formatAge(row.statusSince.secsTo(m_store->now())));
            }
            return statusText(row.status);
        case ImageColumn:
            return row.detailsLoaded ? (row.imageId.isEmpty() ? tr("—") : row.imageId) : tr("…");
        case LabelsColumn:
            return row.labelsLoaded ? labelsText(row.labels) : tr("…");
        case AgeColumn:
            return row.ageSince().isValid() ? formatAge(row.ageSince().secsTo(m_store->now())) : QString();
        case RegionColumn:
            return row.detailsLoaded ? (row.regionId.isEmpty() ? tr("—") : row.regionId) : tr("…");
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case IdColumn:
            return row.error.isEmpty() ? row.id : tr("%1\n\nLast action failed: %2").arg(row.id, row.error);
        case StatusColumn:
            return tr("%1 since %2")
                .arg(statusText(row.status),
                    QLocale().toString(row.statusSince.toLocalTime().time(), QLocale::LongFormat));
        case LabelsColumn: {
            if (!row.labelsLoaded) {
                return tr("Loading labels…");
            }
            if (row.labels.isEmpty()) {
                return tr("No labels");
            }
            QStringList lines;
            for (auto it = row.labels.constBegin(); it != row.labels.constEnd(); ++it) {
                lines.append(it.key() + u" = "_s + it.value());
            }
            return lines.join(u'\n');
        }
        case AgeColumn:
            return row.created.isValid()
                ? tr("Created %1").arg(QLocale().toString(row.created.toLocalTime(), QLocale::LongFormat))
                : tr("First seen %1 (the server does not say when it was created)")
                      .arg(QLocale().toString(row.firstSeen.toLocalTime(), QLocale::LongFormat));
        case ImageColumn:
        case RegionColumn:
            return row.detailsLoaded ? QVariant() : QVariant(tr("Loading details…"));
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == IdColumn && !row.error.isEmpty()) {
            return QIcon(u":/icons/error.svg"_s);
        }
        return {};
    case Qt::FontRole:
        if (column == IdColumn) {
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        }
        return {};
    case Qt::ForegroundRole:
        if ((column == ImageColumn || column == RegionColumn)
            && (!row.detailsLoaded || data(index).toString() == tr("—"))) {
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == AgeColumn) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case SessionIdRole:
        return row.id;
    case StatusRole:
        return int(row.status);
    case StatusSinceRole:
        return row.statusSince;
    case FirstSeenRole:
        return row.firstSeen;
    case LabelsRole:
        return QVariant::fromValue(row.labels);
    case LabelsLoadedRole:
        return row.labelsLoaded;
    case DetailsLoadedRole:
        return row.detailsLoaded;
    case ErrorRole:
        return row.error;
    case SortRole:
        switch (column) {
        case IdColumn:
            return row.id;
        case StatusColumn:
            return statusSortKey(row.status);
        case ImageColumn:
            return row.imageId.toLower();
        case LabelsColumn:
            return labelsText(row.labels).toLower();
        case AgeColumn:
            // Ascending age = newest first.
            return row.ageSince().isValid() ? -row.ageSince().toMSecsSinceEpoch() : qint64(0);
        case RegionColumn:
            return row.regionId.toLower();
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("Session");
        case StatusColumn:
            return tr("Status");
        case ImageColumn:
            return tr("Image");
        case LabelsColumn:
            return tr("Labels");
        case AgeColumn:
            return tr("Age");
        case RegionColumn:
            return tr("Region");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && section == AgeColumn) {
        return tr("Time since this app first saw the session");
    }
    if (role == Qt::TextAlignmentRole && section == AgeColumn) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SessionIdRole, "sessionId");
    names.insert(StatusRole, "status");
    names.insert(StatusSinceRole, "statusSince");
    names.insert(FirstSeenRole, "firstSeen");
    names.insert(LabelsRole, "labels");
    names.insert(LabelsLoadedRole, "labelsLoaded");
    names.insert(DetailsLoadedRole, "detailsLoaded");
    names.insert(ErrorRole, "error");
    names.insert(SortRole, "sortValue");
    return names;
}

void SessionListModel::emitRowChanged(int row, SessionStore::Part part)
{
    switch (part) {
    case SessionStore::Part::Status:
        Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn));
        updateTicker();
        return;
    case SessionStore::Part::Details:
        Q_EMIT dataChanged(index(row, ImageColumn), index(row, RegionColumn));
        return;
    case SessionStore::Part::Labels:
        Q_EMIT dataChanged(index(row, LabelsColumn), index(row, LabelsColumn));
        return;
    case SessionStore::Part::Error:
        Q_EMIT dataChanged(index(row, IdColumn), index(row, IdColumn));
        return;
    }
}

void SessionListModel::updateTicker()
{
    if (m_store->count() == 0) {
        m_ticker.stop();
    } else if (!m_ticker.isActive()) {
        m_ticker.start();
    }
}

void SessionListModel::tick()
{
    ++m_ticks;
    const QList<SessionRow> &rows = m_store->rows();
    for (int i = 0; i < rows.size(); ++i) {
        if (Core::isTransitional(rows.at(i).status)) {
            Q_EMIT dataChanged(index(i, StatusColumn), index(i, StatusColumn));
        }
    }
    if (m_ticks % AgeRepaintTicks == 0 && !rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, AgeColumn), index(int(rows.size()) - 1, AgeColumn), {Qt::DisplayRole});
    }
}

} // namespace AgentBay::Ui
