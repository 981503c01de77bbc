// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/toolcallhistory.h>

#include <QAbstractTableModel>
#include <QList>

namespace AgentBay::Ui {

// The calls of one session, newest first: time, tool, outcome, duration, arguments.
class CallHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallHistoryModel)

public:
    enum Column {
        TimeColumn,
        ToolColumn,
        OutcomeColumn,
        DurationColumn,
        ArgumentsColumn,
        ColumnCount,
    };

    explicit CallHistoryModel(QObject *parent = nullptr);
    ~CallHistoryModel() override;

    // Records oldest first, as ToolCallHistory::load returns them.
    void setRecords(const QList<Core::ToolCallRecord> &records);
    void addRecord(const Core::ToolCallRecord &record); // becomes row 0

    void setMaxRows(int maxRows) { m_maxRows = maxRows; }

    const Core::ToolCallRecord &record(int row) const { return m_records.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::ToolCallRecord> m_records; // newest first
    int m_maxRows = Core::ToolCallHistory::DefaultMaxCalls;
};

} // namespace AgentBay::Ui
