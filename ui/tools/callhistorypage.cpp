// SPDX-License-Identifier: MIT
#include "callhistorypage.h"

#include "callhistorymodel.h"
#include "resultview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::ToolCallRecord;

CallHistoryPage::CallHistoryPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_model = new CallHistoryModel(this);
    m_view = new QTableView(split);
    m_view->setObjectName(u"historyView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    // Compact rows; the arguments (what tells calls apart) get the remaining width.
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (const int column : {int(CallHistoryModel::TimeColumn),
             int(CallHistoryModel::ToolColumn),
             int(CallHistoryModel::OutcomeColumn),
             int(CallHistoryModel::DurationColumn)}) {
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    m_view->setAlternatingRowColors(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CallHistoryPage::showSelection);
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (const ToolCallRecord *record = selectedRecord()) {
            Q_EMIT loadArgumentsRequested(ToolCallRecord(*record));
        }
    });
    m_result = new ResultView(split);
    m_result->setObjectName(u"historyResult"_s);
    m_result->showMessage(tr("Select a call to see its result."));
    split->addWidget(m_view);
    split->addWidget(m_result);
    split->setChildrenCollapsible(false);
    // The list keeps a few rows in view (it scrolls); the selected call's details, which need
    // the room, take whatever height is left, also when the window grows.
    const int rowHeight = m_view->verticalHeader()->defaultSectionSize();
    const int chrome = m_view->horizontalHeader()->sizeHint().height() + 2 * m_view->frameWidth();
    m_view->setMinimumHeight(chrome + 3 * rowHeight);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({chrome + 4 * rowHeight, 1000});
    layout->addWidget(split, 1);

    // The signals carry a copy: the owner may change the rows while it handles them.
    auto *buttons = new QHBoxLayout;
    m_rerun = new QPushButton(tr("Re-run"), this);
    m_rerun->setObjectName(u"rerunButton"_s);
    m_rerun->setToolTip(tr("Call the same tool again with the same arguments"));
    connect(m_rerun, &QPushButton::clicked, this, [this] {
        if (const ToolCallRecord *record = selectedRecord()) {
            Q_EMIT rerunRequested(ToolCallRecord(*record));
        }
    });
    buttons->addWidget(m_rerun);
    m_loadArguments = new QPushButton(tr("Load arguments"), this);
    m_loadArguments->setObjectName(u"loadArgumentsButton"_s);
    m_loadArguments->setToolTip(tr("Put this call's tool and arguments back into the form"));
    connect(m_loadArguments, &QPushButton::clicked, this, [this] {
        if (const ToolCallRecord *record = selectedRecord()) {
            Q_EMIT loadArgumentsRequested(ToolCallRecord(*record));
        }
    });
    buttons->addWidget(m_loadArguments);
    buttons->addStretch(1);
    m_clear = new QPushButton(tr("Clear history"), this);
    m_clear->setObjectName(u"clearHistoryButton"_s);
    connect(m_clear, &QPushButton::clicked, this, &CallHistoryPage::clearRequested);
    buttons->addWidget(m_clear);
    layout->addLayout(buttons);
    updateButtons();
}

CallHistoryPage::~CallHistoryPage() = default;

void CallHistoryPage::setRecords(const QList<ToolCallRecord> &records, int maxRows)
{
    m_model->setMaxRows(maxRows);
    m_model->setRecords(records);
    m_result->showMessage(
        m_model->rowCount() > 0 ? tr("Select a call to see its result.") : tr("No calls in this session yet."));
    updateButtons();
}

void CallHistoryPage::clear()
{
    m_model->setRecords({});
    updateButtons();
}

void CallHistoryPage::addRecord(const ToolCallRecord &record)
{
    m_model->addRecord(record);
    if (!selectedRecord()) {
        m_result->showMessage(tr("Select a call to see its result.")); // not "No calls yet" any more
    }
    updateButtons();
}

int CallHistoryPage::rowCount() const
{
    return m_model->rowCount();
}

const ToolCallRecord *CallHistoryPage::selectedRecord() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->rowCount()) {
        return nullptr;
    }
    return &m_model->record(rows.first().row());
}

void CallHistoryPage::setCallState(bool calling, bool blocked)
{
    m_calling = calling;
    m_blocked = blocked;
    updateButtons();
}

void CallHistoryPage::showSelection()
{
    if (const ToolCallRecord *record = selectedRecord()) {
        m_result->showRecord(*record);
    }
    updateButtons();
}

void CallHistoryPage::updateButtons()
{
    const bool hasSelection = selectedRecord() != nullptr;
    m_rerun->setEnabled(hasSelection && !m_calling && !m_blocked);
    m_loadArguments->setEnabled(hasSelection);
    m_clear->setEnabled(m_model->rowCount() > 0 && !m_calling);
}

} // namespace AgentBay::Ui
