// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QTableView>
#include <QTimer>

class QLabel;
class QMenu;
class QPushButton;

namespace AgentBay::Ui {

// The session table: columns sized for ids and badges, whole-row selection, a header menu to
// choose the columns, a hint over the empty table, and selection by session id. The columns a
// model marks with SessionListModel::FitOrderRole (the glance columns) show while they fit the
// table's width and hide, in that order, when it narrows, so that the table does not scroll
// sideways, until the user chooses the columns from the menu.
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

    // The saved columns (saveColumns(), or an older header state), or on first start the
    // columns that fit a window this wide.
    void restoreColumns(const QByteArray &state, int windowWidth);
    // The header state and whether the columns still follow the width, as one value.
    QByteArray saveColumns() const;

    // One checkable entry per column but the session id, and Fit to Width: the header's context
    // menu and View > Columns (so the keyboard reaches it too).
    QMenu *columnsMenu() const { return m_columnsMenu; }

    // Whether the optional columns still show as the width allows (no choice made yet).
    bool columnsFitWidth() const { return m_fitToWidth; }

    void setColumnsFitWidth(bool fit);

Q_SIGNALS:
    void retryRequested();
    void clearFiltersRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;
    // Tabbing in with nothing selected selects the current row (the first if none): the arrows,
    // Home and Delete then act on a session at once, not on a bare focus frame.
    void focusInEvent(QFocusEvent *event) override;
    // Rows are selected whole: Home and End go to the first and last session (as Ctrl+Home and
    // Ctrl+End do), not to the current row's first and last cell.
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;

private:
    void fillColumnsMenu();
    // Columns the model added later (the glance columns come with their proxy): their saved
    // widths and choices, else a width for their usual texts; then what fits.
    void adoptAddedColumns(int oldCount, int newCount);
    // Shows the optional columns in their order while they fit beside the others, hides the rest.
    void fitColumns();
    int optionalColumnWidth(int column) const; // also while hidden
    int fittingWidth(int column) const; // for its title and its usual texts
    // Ages count in seconds at first: the visible Age cells are repainted every second (a
    // paint, not a model change: selection and sort stay).
    void repaintAges();
    void showEmptyHint();

    QLabel *m_hint;
    // Over the empty table, and next after it in the Tab order (they are its children).
    QPushButton *m_retry;
    QPushButton *m_clearFilters;
    QMenu *m_columnsMenu;
    QTimer m_ageRepaint;
    QByteArray m_savedHeader; // applied again once the glance columns exist
    QHash<int, int> m_hiddenWidths; // an optional column's width before the fit hid it
    bool m_fitToWidth = true;
    int m_selectAfterRemoval = -1;
    int m_shown = 0;
    bool m_filtered = false;
    bool m_loaded = false;
    QString m_problem;
};

} // namespace AgentBay::Ui
