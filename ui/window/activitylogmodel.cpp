// SPDX-License-Identifier: MIT
#include "activitylogmodel.h"

#include <ui/common/apppalette.h>

#include <QBrush>
#include <QColor>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

ActivityLogModel::ActivityLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ActivityLogModel::~ActivityLogModel() = default;

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void ActivityLogModel::setSecrets(const QStringList &secrets)
{
    m_redaction.setSecrets(secrets);
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::RequestLogEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(entry.started.toLocalTime().time(), u"HH:mm:ss.zzz"_s);
        case ActionColumn:
            return entry.attempt > 1 ? tr("%1 (attempt %2)").arg(entry.action).arg(entry.attempt) : entry.action;
        case SessionColumn:
            return entry.sessionId;
        case DurationColumn:
            return entry.finished ? tr("%1 ms").arg(entry.durationMs) : tr("…");
        case OutcomeColumn:
            if (!entry.finished) {
                return tr("in flight");
            }
            if (const int times = m_repeats.value(entry.id, 1); entry.ok && times > 1) {
                return tr("OK (%n times)", nullptr, times);
            }
            return m_redaction.apply(entry.ok ? tr("OK") : entry.outcome);
        case RequestIdColumn:
            return entry.requestId;
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && entry.finished && !entry.ok) {
            return QBrush(AppPalette::errorText(QGuiApplication::palette()));
        }
        if (index.column() == OutcomeColumn && entry.finished && entry.ok) {
            return QBrush(AppPalette::okText(QGuiApplication::palette()));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::FontRole:
        if (index.column() == SessionColumn || index.column() == RequestIdColumn) {
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        }
        return {};
    case OkRole:
        return entry.ok;
    case FinishedRole:
        return entry.finished;
    default:
        return {};
    }
}

QVariant ActivityLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActionColumn:
        return tr("Action");
    case SessionColumn:
        return tr("Session");
    case DurationColumn:
        return tr("Duration");
    case OutcomeColumn:
        return tr("Outcome");
    case RequestIdColumn:
        return tr("Request id");
    default:
        return {};
    }
}

void ActivityLogModel::addStarted(const Core::RequestLogEntry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    m_rows.insert(entry.id, row + m_removed);
    endInsertRows();
    trim();
}

void ActivityLogModel::addFinished(const Core::RequestLogEntry &entry)
{
    const auto it = m_rows.constFind(entry.id);
    if (it == m_rows.constEnd()) {
        addStarted(entry);
        return;
    }
    const int row = int(*it - m_removed);
    if (row < 0 || row >= m_entries.size()) {
        return;
    }
    m_entries[row] = entry;
    // The poll's own ListSession every few seconds would bury everything else: a success that
    // repeats the row above it (same action and session) folds into that row, counted.
    if (entry.ok && row == m_entries.size() - 1 && row > 0) {
        const Core::RequestLogEntry &previous = m_entries.at(row - 1);
        if (previous.finished && previous.ok && previous.action == entry.action
            && previous.sessionId == entry.sessionId) {
            const quint64 previousId = previous.id;
            const int times = m_repeats.value(previousId, 1);
            m_repeats.remove(previousId);
            beginRemoveRows({}, row, row);
            m_entries.removeLast();
            m_rows.remove(entry.id);
            endRemoveRows();
            m_rows.remove(previousId);
            m_entries[row - 1] = entry;
            m_rows.insert(entry.id, row - 1 + m_removed);
            m_repeats.insert(entry.id, times + 1);
            Q_EMIT dataChanged(index(row - 1, 0), index(row - 1, ColumnCount - 1));
            return;
        }
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ActivityLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_rows.clear();
    m_repeats.clear();
    m_removed = 0;
    endResetModel();
}

void ActivityLogModel::trim()
{
    if (m_entries.size() <= m_maxEntries) {
        return;
    }
    // Drop a tenth at a time so trimming is rare.
    const int count = int(m_entries.size()) - m_maxEntries + m_maxEntries / 10;
    beginRemoveRows({}, 0, count - 1);
    for (int i = 0; i < count; ++i) {
        m_rows.remove(m_entries.at(i).id);
        m_repeats.remove(m_entries.at(i).id);
    }
    m_entries.remove(0, count);
    m_removed += count;
    endRemoveRows();
}

} // namespace AgentBay::Ui
