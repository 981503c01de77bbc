// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>
#include <QTimer>

class QLabel;
class QPushButton;

namespace AgentBay::Ui {

// The session table: columns sized for ids and badges, whole-row selection, a header menu to
// choose the columns, a hint over the empty table, and selection by session id.
class SessionTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionTableView)

public:
    explicit SessionTableView(QWidget *parent = nullptr);
    ~SessionTableView() override;

    // Sizes the columns and sorts newest first once the model's columns exist.
    void setModel(QAbstractItemModel *model) override;

    QStringList selectedIds() const;
    // The current row's session, if it is selected.
    QString currentId() const;
    // Lowest selected row, -1 when none.
    int firstSelectedRow() const;
    // Once rows are removed and nothing is selected, selects this row (or the last one): after
    // Delete, the row below takes the selection, so Delete, Delete, … works from the keyboard.
    void selectAfterRemoval(int row);
    // sourceIndex: the session's index in the model under the proxy, if any.
    void selectIndex(const QModelIndex &index);

    // Says over an empty table why it is empty: still loading, filtered, or no sessions yet.
    // filtered: a filter is set; a table that a filter empties offers Clear filters.
    void updateEmptyHint(int shown, bool filtered, bool loaded);
    // The server cannot be reached (empty: it can): an empty table says so, with Retry.
    void setConnectionProblem(const QString &problem);

    QString connectionProblem() const { return m_problem; }

    QString emptyHintText() const; // what an empty table says, for tests

    QPushButton *retryButton() const { return m_retry; }

    QPushButton *clearFiltersButton() const { return m_clearFilters; }

    // The saved header state, or on first start the columns that fit a window this wide.
    void restoreColumns(const QByteArray &state, int windowWidth);

Q_SIGNALS:
    void retryRequested();
    void clearFiltersRequested();

private:
    // Ages count in seconds at first: the visible Age cells are repainted every second (a
    // paint, not a model change: selection and sort stay).
    void repaintAges();
    void showEmptyHint();

    QLabel *m_hint;
    // Over the empty table, and next after it in the Tab order (they are its children).
    QPushButton *m_retry;
    QPushButton *m_clearFilters;
    QTimer m_ageRepaint;
    int m_selectAfterRemoval = -1;
    int m_shown = 0;
    bool m_filtered = false;
    bool m_loaded = false;
    QString m_problem;
};

} // namespace AgentBay::Ui
