// SPDX-License-Identifier: MIT
#include "sessionlistmodel.h"

#include <QBrush>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QLoggingCategory>
#include <QPalette>
#include <QSet>

#include <chrono>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

Q_LOGGING_CATEGORY(lcSessionListModel, "agentbay.ui.sessionlistmodel")

namespace {

// Rows created here (e.g. by the create dialog) may be missing from a refresh that was already
// on its way; keep them this long before trusting the server's list.
constexpr qint64 UnconfirmedGraceMs = 10000;
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

SessionListModel::SessionListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] {
        return QDateTime::currentDateTimeUtc();
    })
{
    m_ticker.setInterval(1s);
    connect(&m_ticker, &QTimer::timeout, this, &SessionListModel::tick);
}

SessionListModel::~SessionListModel() = default;

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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
    const SessionRow &row = m_rows.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return row.id;
        case StatusColumn:
            if (Core::isTransitional(row.status) && row.statusSince.isValid()) {
                return tr("%1 · %2").arg(statusText(row.status), formatAge(row.statusSince.secsTo(now())));
            }
            return statusText(row.status);
        case ImageColumn:
            return row.detailsLoaded ? (row.imageId.isEmpty() ? tr("—") : row.imageId) : tr("…");
        case LabelsColumn:
            return row.labelsLoaded ? labelsText(row.labels) : tr("…");
        case AgeColumn:
            return row.firstSeen.isValid() ? formatAge(row.firstSeen.secsTo(now())) : QString();
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
            return tr("First seen %1").arg(QLocale().toString(row.firstSeen.toLocalTime(), QLocale::LongFormat));
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
            return row.firstSeen.isValid() ? -row.firstSeen.toMSecsSinceEpoch() : qint64(0);
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

void SessionListModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime SessionListModel::now() const
{
    return m_clock();
}

SessionRow SessionListModel::makeRow(const QString &id, Core::SessionStatus status, const QDateTime &at) const
{
    SessionRow row;
    row.id = id;
    row.status = status;
    row.statusSince = at;
    row.firstSeen = m_knownFirstSeen.value(id, at);
    return row;
}

void SessionListModel::applyRefresh(const QList<Core::SessionSummary> &sessions)
{
    if (sessions == m_lastRefresh) {
        return; // nothing changed: not a single signal
    }
    const QDateTime at = now();

    // The common case: the same sessions in the same order, a few statuses moved. Compare in
    // step with the previous answer instead of hashing all of them.
    if (sessions.size() == m_lastRefresh.size() && m_rows.size() == sessions.size()) {
        bool sameIds = true;
        QList<qsizetype> changed;
        for (qsizetype i = 0; i < sessions.size(); ++i) {
            const Core::SessionSummary &next = sessions.at(i);
            const Core::SessionSummary &previous = m_lastRefresh.at(i);
            if (next.sessionId != previous.sessionId) {
                sameIds = false;
                break;
            }
            if (next.status != previous.status) {
                changed.append(i);
            }
        }
        if (sameIds) {
            m_lastRefresh = sessions;
            for (const qsizetype i : changed) {
                const Core::SessionSummary &next = sessions.at(i);
                const int row = rowOf(next.sessionId);
                if (row < 0 || m_rows.at(row).status == next.status) {
                    continue;
                }
                SessionRow &r = m_rows[row];
                r.status = next.status;
                r.statusSince = at;
                r.confirmed = true;
                emitRowChanged(row, StatusColumn, StatusColumn);
            }
            updateTicker();
            return;
        }
    }
    m_lastRefresh = sessions;

    QHash<QString, Core::SessionStatus> incoming;
    incoming.reserve(sessions.size());
    for (const Core::SessionSummary &summary : sessions) {
        incoming.insert(summary.sessionId, summary.status);
    }

    QStringList removed;
    removeRowsWhere([&](const SessionRow &row) {
        if (incoming.contains(row.id)) {
            return false;
        }
        // A row added here a moment ago may simply be newer than this list.
        if (!row.confirmed && row.firstSeen.msecsTo(at) < UnconfirmedGraceMs) {
            return false;
        }
        removed.append(row.id);
        return true;
    });

    for (int i = 0; i < m_rows.size(); ++i) {
        SessionRow &row = m_rows[i];
        const auto it = incoming.constFind(row.id);
        if (it == incoming.constEnd()) {
            continue;
        }
        row.confirmed = true;
        if (*it == row.status) {
            continue;
        }
        row.status = *it;
        row.statusSince = at;
        emitRowChanged(i, StatusColumn, StatusColumn);
    }

    QList<SessionRow> added;
    QStringList addedIds;
    for (const Core::SessionSummary &summary : sessions) {
        if (m_index.contains(summary.sessionId)) {
            continue;
        }
        // Ids repeated within one answer (pages shifting under us) are added once.
        m_index.insert(summary.sessionId, int(m_rows.size() + added.size()));
        added.append(makeRow(summary.sessionId, summary.status, at));
        added.last().confirmed = true;
        addedIds.append(summary.sessionId);
    }
    if (!added.isEmpty()) {
        appendRows(added);
    }

    if (!removed.isEmpty()) {
        Q_EMIT sessionsRemoved(removed);
    }
    if (!addedIds.isEmpty()) {
        Q_EMIT sessionsAdded(addedIds);
    }
    updateTicker();
}

void SessionListModel::setStatus(const QString &id, Core::SessionStatus status)
{
    const int row = rowOf(id);
    if (row < 0) {
        if (Core::isGone(status)) {
            return;
        }
        appendRows({makeRow(id, status, now())});
        Q_EMIT sessionsAdded({id});
        updateTicker();
        return;
    }
    if (Core::isGone(status)) {
        removeSession(id);
        return;
    }
    SessionRow &r = m_rows[row];
    if (r.status == status) {
        return;
    }
    r.status = status;
    r.statusSince = now();
    emitRowChanged(row, StatusColumn, StatusColumn);
    updateTicker();
}

void SessionListModel::removeSession(const QString &id)
{
    if (!m_index.contains(id)) {
        return;
    }
    removeRowsWhere([&id](const SessionRow &row) {
        return row.id == id;
    });
    Q_EMIT sessionsRemoved({id});
    updateTicker();
}

void SessionListModel::setDetails(const QString &id, const Core::SessionDetail &detail)
{
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    SessionRow &r = m_rows[row];
    if (r.detailsLoaded && r.imageId == detail.imageId && r.regionId == detail.regionId
        && r.policyId == detail.policyId) {
        return;
    }
    r.detailsLoaded = true;
    r.imageId = detail.imageId;
    r.regionId = detail.regionId;
    r.policyId = detail.policyId;
    emitRowChanged(row, ImageColumn, RegionColumn);
}

void SessionListModel::setLabels(const QString &id, const Core::Labels &labels)
{
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    SessionRow &r = m_rows[row];
    if (r.labelsLoaded && r.labels == labels) {
        return;
    }
    r.labelsLoaded = true;
    r.labels = labels;
    emitRowChanged(row, LabelsColumn, LabelsColumn);
}

void SessionListModel::setError(const QString &id, const QString &error)
{
    const int row = rowOf(id);
    if (row < 0 || m_rows.at(row).error == error) {
        return;
    }
    m_rows[row].error = error;
    emitRowChanged(row, IdColumn, IdColumn);
}

void SessionListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_lastRefresh.clear();
    endResetModel();
    updateTicker();
}

int SessionListModel::rowOf(const QString &id) const
{
    return m_index.value(id, -1);
}

const SessionRow *SessionListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

const SessionRow *SessionListModel::find(const QString &id) const
{
    return rowAt(rowOf(id));
}

QHash<QString, QDateTime> SessionListModel::firstSeenTimes() const
{
    QHash<QString, QDateTime> times;
    times.reserve(m_rows.size());
    for (const SessionRow &row : m_rows) {
        times.insert(row.id, row.firstSeen);
    }
    return times;
}

void SessionListModel::setKnownFirstSeen(const QHash<QString, QDateTime> &times)
{
    m_knownFirstSeen = times;
}

void SessionListModel::appendRows(const QList<SessionRow> &rows)
{
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(rows);
    rebuildIndex(first);
    endInsertRows();
}

void SessionListModel::removeRowsWhere(const std::function<bool(const SessionRow &)> &gone)
{
    // Walk backwards and remove contiguous runs, so each run is one rowsRemoved.
    int lowest = int(m_rows.size());
    int end = int(m_rows.size()) - 1;
    while (end >= 0) {
        if (!gone(m_rows.at(end))) {
            --end;
            continue;
        }
        int start = end;
        while (start > 0 && gone(m_rows.at(start - 1))) {
            --start;
        }
        beginRemoveRows({}, start, end);
        for (int i = start; i <= end; ++i) {
            m_index.remove(m_rows.at(i).id);
        }
        m_rows.remove(start, end - start + 1);
        endRemoveRows();
        lowest = start;
        end = start - 1;
    }
    if (lowest < m_rows.size()) {
        rebuildIndex(lowest);
    }
}

void SessionListModel::rebuildIndex(int fromRow)
{
    for (int i = fromRow; i < m_rows.size(); ++i) {
        m_index.insert(m_rows.at(i).id, i);
    }
}

void SessionListModel::emitRowChanged(int row, int firstColumn, int lastColumn)
{
    Q_EMIT dataChanged(index(row, firstColumn), index(row, lastColumn));
}

void SessionListModel::updateTicker()
{
    if (m_rows.isEmpty()) {
        m_ticker.stop();
    } else if (!m_ticker.isActive()) {
        m_ticker.start();
    }
}

void SessionListModel::tick()
{
    ++m_ticks;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (Core::isTransitional(m_rows.at(i).status)) {
            emitRowChanged(i, StatusColumn, StatusColumn);
        }
    }
    if (m_ticks % AgeRepaintTicks == 0 && !m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, AgeColumn), index(int(m_rows.size()) - 1, AgeColumn), {Qt::DisplayRole});
    }
}

} // namespace AgentBay::Ui
