// SPDX-License-Identifier: MIT
#include "sessiontableview.h"

#include "sessionitemdelegate.h"
#include "sessionlistmodel.h"

#include <QDataStream>
#include <QFocusEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

// saveColumns()' value starts with this; anything else is a bare header state of older versions.
constexpr quint32 ColumnsMagic = 0x41424331; // "ABC1"

} // namespace

SessionTableView::SessionTableView(QWidget *parent)
    : QTableView(parent)
    , m_hint(new QLabel(viewport()))
    , m_retry(new QPushButton(QIcon(u":/icons/refresh.svg"_s), tr("&Retry"), viewport()))
    , m_clearFilters(new QPushButton(tr("C&lear filters"), viewport()))
    , m_columnsMenu(new QMenu(tr("&Columns"), this))
{
    setObjectName(u"sessionTable"_s);
    setItemDelegate(new SessionItemDelegate(this));
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    setContextMenuPolicy(Qt::CustomContextMenu);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    setAccessibleName(tr("Sessions"));
    // Tab leaves the table for the detail pane; the arrows move inside it.
    setTabKeyNavigation(false);
    m_ageRepaint.setInterval(std::chrono::seconds(1));
    connect(&m_ageRepaint, &QTimer::timeout, this, &SessionTableView::repaintAges);
    m_ageRepaint.start();

    m_hint->setObjectName(u"emptyHint"_s);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText); // not the disabled grey: 4.5:1
    m_hint->hide();
    m_retry->setObjectName(u"emptyRetry"_s);
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &SessionTableView::retryRequested);
    m_clearFilters->setObjectName(u"emptyClearFilters"_s);
    m_clearFilters->setToolTip(tr("Empty the label, status and id filters"));
    m_clearFilters->hide();
    connect(m_clearFilters, &QPushButton::clicked, this, &SessionTableView::clearFiltersRequested);
    auto *hintLayout = new QVBoxLayout(viewport());
    hintLayout->addStretch();
    hintLayout->addWidget(m_hint);
    hintLayout->addWidget(m_retry, 0, Qt::AlignHCenter);
    hintLayout->addWidget(m_clearFilters, 0, Qt::AlignHCenter);
    hintLayout->addStretch();

    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(false);
    // Right-click on the header: choose the columns (the session id always stays).
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &SessionTableView::fillColumnsMenu);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        m_columnsMenu->exec(header->mapToGlobal(pos));
    });
    connect(header, &QHeaderView::sectionCountChanged, this, &SessionTableView::adoptAddedColumns);
}

SessionTableView::~SessionTableView() = default;

void SessionTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        // Other rows may go first (a refresh) while the deleted ones are still selected: wait.
        if (m_selectAfterRemoval < 0 || !selectedIds().isEmpty()) {
            return;
        }
        const int rowCount = this->model()->rowCount();
        if (rowCount > 0) {
            selectIndex(this->model()->index(std::min(m_selectAfterRemoval, rowCount - 1), 0));
        }
        m_selectAfterRemoval = -1;
    });
    sortByColumn(SessionListModel::AgeColumn, Qt::AscendingOrder);
    horizontalHeader()->setSectionResizeMode(SessionListModel::LabelsColumn, QHeaderView::Stretch);
    const int charWidth = fontMetrics().averageCharWidth();
    const QFontMetrics fixedMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setColumnWidth(SessionListModel::IdColumn, fixedMetrics.horizontalAdvance(u"session-0123456789abcdefghij"_s) + 24);
    setColumnWidth(SessionListModel::StatusColumn, charWidth * 16);
    setColumnWidth(SessionListModel::ImageColumn, charWidth * 14);
    setColumnWidth(SessionListModel::AgeColumn, charWidth * 7);
    setColumnWidth(SessionListModel::RegionColumn, charWidth * 11);
}

QStringList SessionTableView::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = selectionModel()->selectedRows(SessionListModel::IdColumn);
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows) {
        ids.append(index.data(SessionListModel::SessionIdRole).toString());
    }
    return ids;
}

QString SessionTableView::currentId() const
{
    const QModelIndex current = selectionModel()->currentIndex();
    if (!current.isValid() || !selectionModel()->isRowSelected(current.row(), current.parent())) {
        return {};
    }
    return current.data(SessionListModel::SessionIdRole).toString();
}

int SessionTableView::firstSelectedRow() const
{
    int first = -1;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        first = first < 0 ? row.row() : std::min(first, row.row());
    }
    return first;
}

void SessionTableView::selectAfterRemoval(int row)
{
    m_selectAfterRemoval = row;
}

void SessionTableView::selectIndex(const QModelIndex &index)
{
    if (!index.isValid()) {
        return;
    }
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
}

void SessionTableView::updateEmptyHint(int shown, bool filtered, bool loaded)
{
    m_shown = shown;
    m_filtered = filtered;
    m_loaded = loaded;
    showEmptyHint();
}

void SessionTableView::setConnectionProblem(const QString &problem)
{
    if (problem != m_problem) {
        m_problem = problem;
        showEmptyHint();
    }
}

QString SessionTableView::emptyHintText() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

void SessionTableView::showEmptyHint()
{
    QString text;
    if (m_shown > 0) {
        text.clear();
    } else if (!m_problem.isEmpty()) {
        // Not "no sessions": the sessions may well exist, the server just cannot say.
        text = m_problem;
    } else if (m_filtered) {
        // With a filter, the server may already have left the others out of the list.
        text = tr("No session matches the filter.");
    } else if (!m_loaded) {
        text = tr("Loading sessions…");
    } else {
        text = tr("No sessions yet.\nCreate one with New Session (Ctrl+N).");
    }
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
    // A button about to hide hands the focus back to the table rather than to whatever follows.
    const bool retry = m_shown == 0 && !m_problem.isEmpty();
    const bool clear = m_shown == 0 && m_problem.isEmpty() && m_filtered;
    if ((m_retry->hasFocus() && !retry) || (m_clearFilters->hasFocus() && !clear)) {
        setFocus(Qt::OtherFocusReason);
    }
    m_retry->setVisible(retry);
    m_clearFilters->setVisible(clear);
}

void SessionTableView::restoreColumns(const QByteArray &state, int windowWidth)
{
    QByteArray header = state;
    QDataStream in(state);
    quint32 magic = 0;
    in >> magic;
    if (magic == ColumnsMagic) {
        quint8 version = 0;
        bool fit = true;
        in >> version >> fit >> header;
        m_fitToWidth = in.status() != QDataStream::Ok || fit;
    }
    // The glance columns come later (with their proxy): their part of the state waits for them.
    m_savedHeader = header;
    if (horizontalHeader()->restoreState(header)) {
        return;
    }
    // Every local session says "local": leave the room to the labels (the header menu shows it).
    setColumnHidden(SessionListModel::RegionColumn, true);
    if (windowWidth < 1150) {
        // A small screen: the labels matter more here than the image (shown in Overview), and
        // ids elide in the middle ("session-89to…1eezrk") to leave them room.
        setColumnHidden(SessionListModel::ImageColumn, true);
        const QFontMetrics fixedMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        setColumnWidth(SessionListModel::IdColumn, fixedMetrics.horizontalAdvance(u"session-0123456789"_s) + 24);
    }
}

QByteArray SessionTableView::saveColumns() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << ColumnsMagic << quint8(1) << m_fitToWidth << horizontalHeader()->saveState();
    return state;
}

void SessionTableView::setColumnsFitWidth(bool fit)
{
    m_fitToWidth = fit;
    fitColumns();
}

void SessionTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitColumns();
}

void SessionTableView::focusInEvent(QFocusEvent *event)
{
    const QModelIndex current = currentIndex();
    QTableView::focusInEvent(event);
    const Qt::FocusReason reason = event->reason();
    const bool byKeyboard =
        reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason || reason == Qt::ShortcutFocusReason;
    if (!byKeyboard || !model() || model()->rowCount() == 0 || selectionModel()->hasSelection()) {
        return;
    }
    selectIndex(current.isValid() ? current : model()->index(0, SessionListModel::IdColumn));
}

QModelIndex SessionTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    if (cursorAction == MoveHome || cursorAction == MoveEnd) {
        modifiers |= Qt::ControlModifier;
    }
    return QTableView::moveCursor(cursorAction, modifiers);
}

void SessionTableView::fillColumnsMenu()
{
    m_columnsMenu->clear();
    if (!model()) {
        return;
    }
    for (int column = SessionListModel::IdColumn + 1; column < model()->columnCount(); ++column) {
        QAction *action = m_columnsMenu->addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        connect(action, &QAction::toggled, this, [this, column](bool shown) {
            m_fitToWidth = false; // the user's choice from now on, also after a restart
            setColumnHidden(column, !shown);
        });
    }
    m_columnsMenu->addSeparator();
    QAction *fit = m_columnsMenu->addAction(tr("Fit to &Width"));
    fit->setCheckable(true);
    fit->setChecked(m_fitToWidth);
    fit->setToolTip(tr("Show CPU, Memory, Remaining and Disk as far as the table's width allows"));
    connect(fit, &QAction::toggled, this, &SessionTableView::setColumnsFitWidth);
}

void SessionTableView::adoptAddedColumns(int oldCount, int newCount)
{
    if (newCount <= oldCount || !model()) {
        return;
    }
    if (m_savedHeader.isEmpty() || !horizontalHeader()->restoreState(m_savedHeader)) {
        for (int column = oldCount; column < newCount; ++column) {
            if (model()->headerData(column, Qt::Horizontal, SessionListModel::FitOrderRole).isValid()) {
                setColumnWidth(column, fittingWidth(column));
            }
        }
    }
    fitColumns();
}

void SessionTableView::fitColumns()
{
    if (!m_fitToWidth || !model()) {
        return;
    }
    // The room beside the columns that always show; the labels keep enough for a chip and "+1"
    // ("env prod +1"): they are what the user sorts sessions by, while the selected session's
    // usage is in its Overview anyway.
    int room = viewport()->width();
    QList<std::pair<int, int>> optional; // (order, column)
    for (int column = 0; column < model()->columnCount(); ++column) {
        const QVariant order = model()->headerData(column, Qt::Horizontal, SessionListModel::FitOrderRole);
        if (order.isValid()) {
            optional.append({order.toInt(), column});
        } else if (column == SessionListModel::LabelsColumn && !isColumnHidden(column)) {
            room -= fontMetrics().averageCharWidth() * 15; // it stretches into what is left
        } else {
            room -= columnWidth(column); // 0 when hidden
        }
    }
    std::sort(optional.begin(), optional.end());
    bool fits = true; // in their order: a later column never shows where an earlier one did not fit
    for (const auto &[order, column] : std::as_const(optional)) {
        const int width = optionalColumnWidth(column);
        fits = fits && width <= room;
        if (fits) {
            room -= width;
        }
        if (fits == isColumnHidden(column)) {
            if (!fits) {
                m_hiddenWidths.insert(column, columnWidth(column)); // the header gives it back when shown
            }
            setColumnHidden(column, !fits);
        }
    }
}

int SessionTableView::optionalColumnWidth(int column) const
{
    if (!isColumnHidden(column) && columnWidth(column) > 0) {
        return columnWidth(column);
    }
    const auto hidden = m_hiddenWidths.constFind(column);
    return hidden != m_hiddenWidths.cend() ? hidden.value() : fittingWidth(column);
}

int SessionTableView::fittingWidth(int column) const
{
    // Wide enough for its title with the sort arrow and for its usual texts.
    const QHeaderView *header = horizontalHeader();
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const int title = header->fontMetrics().horizontalAdvance(model()->headerData(column, Qt::Horizontal).toString())
        + header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + 2 * margin;
    const int text = fontMetrics().horizontalAdvance(
                         model()->headerData(column, Qt::Horizontal, SessionListModel::WidestTextRole).toString())
        + 16;
    return std::max(title, text);
}

void SessionTableView::repaintAges()
{
    const int column = SessionListModel::AgeColumn;
    if (isColumnHidden(column)) {
        return;
    }
    viewport()->update(QRect(columnViewportPosition(column), 0, columnWidth(column), viewport()->height()));
}

} // namespace AgentBay::Ui
