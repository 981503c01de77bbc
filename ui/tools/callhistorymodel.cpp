// SPDX-License-Identifier: MIT
#include "callhistorymodel.h"

#include <ui/common/apppalette.h>

#include <QBrush>
#include <QColor>
#include <QDate>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::ToolCallRecord;

CallHistoryModel::CallHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

CallHistoryModel::~CallHistoryModel() = default;

void CallHistoryModel::setRecords(const QList<ToolCallRecord> &records)
{
    beginResetModel();
    m_records.clear();
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
        m_records.append(*it);
    }
    endResetModel();
}

void CallHistoryModel::addRecord(const ToolCallRecord &record)
{
    beginInsertRows({}, 0, 0);
    m_records.prepend(record);
    endInsertRows();
    if (m_records.size() > m_maxRows) {
        beginRemoveRows({}, m_maxRows, int(m_records.size()) - 1);
        m_records.resize(m_maxRows);
        endRemoveRows();
    }
}

int CallHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int CallHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size()) {
        return {};
    }
    const ToolCallRecord &record = m_records.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn: {
            // Today's calls by time only: the date would crowd out the arguments.
            const QDateTime local = record.startedAt.toLocalTime();
            return local.date() == QDate::currentDate() ? QLocale().toString(local.time(), u"HH:mm:ss"_s)
                                                        : QLocale().toString(local, QLocale::ShortFormat);
        }
        case ToolColumn:
            return record.toolName;
        case OutcomeColumn:
            return ToolCallRecord::outcomeName(record.outcome);
        case DurationColumn:
            return tr("%1 ms").arg(QLocale().toString(record.durationMs));
        case ArgumentsColumn: {
            // One line to recognise the call by: key=value, strings as they are.
            QStringList parts;
            for (auto it = record.arguments.constBegin(); it != record.arguments.constEnd(); ++it) {
                const QJsonValue value = it.value();
                QString text = value.isString() ? value.toString()
                    : value.isObject()
                    ? QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))
                    : value.isArray() ? QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact))
                                      : value.toVariant().toString();
                parts.append(it.key() + u'=' + text.simplified());
            }
            return parts.join(u", "_s);
        }
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        return QString::fromUtf8(QJsonDocument(record.arguments).toJson(QJsonDocument::Compact));
    }
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn
        && (record.outcome == ToolCallRecord::Outcome::Failed
            || record.outcome == ToolCallRecord::Outcome::ToolError)) {
        return QBrush(AppPalette::errorText(QGuiApplication::palette()));
    }
    if (role == Qt::TextAlignmentRole && index.column() == DurationColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant CallHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ToolColumn:
        return tr("Tool");
    case OutcomeColumn:
        return tr("Result");
    case DurationColumn:
        return tr("Duration");
    case ArgumentsColumn:
        return tr("Arguments");
    default:
        return {};
    }
}

} // namespace AgentBay::Ui
