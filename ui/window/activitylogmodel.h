// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/redaction.h>
#include <core/api/requestlogentry.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace AgentBay::Ui {

// Every request the client made (action, session, duration, outcome, request id), newest last,
// bounded. Fed by ApiClient::requestStarted/requestFinished. Known secrets are redacted from
// every text as a second line of defence (the client already never logs the key).
class ActivityLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityLogModel)

public:
    enum Column {
        TimeColumn,
        ActionColumn,
        SessionColumn,
        DurationColumn,
        OutcomeColumn,
        RequestIdColumn,
        ColumnCount,
    };

    enum Role {
        OkRole = Qt::UserRole + 1,
        FinishedRole,
    };

    explicit ActivityLogModel(QObject *parent = nullptr);
    ~ActivityLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMaxEntries(int max) { m_maxEntries = qMax(10, max); }

    void setSecrets(const QStringList &secrets);

    const Core::RequestLogEntry &entry(int row) const { return m_entries.at(row); }

public Q_SLOTS:
    void addStarted(const AgentBay::Core::RequestLogEntry &entry);
    void addFinished(const AgentBay::Core::RequestLogEntry &entry);
    void clear();

private:
    void trim();

    QList<Core::RequestLogEntry> m_entries;
    QHash<quint64, qsizetype> m_rows; // entry id -> index (offset by m_removed)
    QHash<quint64, int> m_repeats; // entry id -> how many identical successes it stands for
    qsizetype m_removed = 0;
    int m_maxEntries = 5000;
    Core::Redaction m_redaction;
};

} // namespace AgentBay::Ui
