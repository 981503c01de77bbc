// SPDX-License-Identifier: MIT
#include "callhistorypage.h"

#include "callhistorymodel.h"
#include "resultview.h"

#include <core/tools/toolcallhistoryexport.h>
#include <ui/common/flowlayout.h>

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::ToolCallRecord;

CallHistoryPage::CallHistoryPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_importBar = new QWidget(this);
    auto *importRow = new QHBoxLayout(m_importBar);
    importRow->setContentsMargins(0, 0, 0, 0);
    m_importNotice = new QLabel(m_importBar);
    m_importNotice->setObjectName(u"importNotice"_s);
    m_importNotice->setWordWrap(true);
    importRow->addWidget(m_importNotice, 1);
    auto *back = new QPushButton(tr("Back to this session's calls"), m_importBar);
    back->setObjectName(u"backToSession"_s);
    connect(back, &QPushButton::clicked, this, &CallHistoryPage::sessionHistoryRequested);
    importRow->addWidget(back);
    m_importBar->hide();
    layout->addWidget(m_importBar);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_model = new CallHistoryModel(this);
    m_view = new QTableView(split);
    m_view->setObjectName(u"historyView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection); // several rows: export them
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
    // The signals carry a copy: the owner may change the rows while it handles them.
    const auto emitForSelected = [this](void (CallHistoryPage::*signal)(const ToolCallRecord &)) {
        return [this, signal] {
            if (const ToolCallRecord *record = selectedRecord()) {
                Q_EMIT(this->*signal)(ToolCallRecord(*record));
            }
        };
    };
    connect(m_view, &QTableView::doubleClicked, this, emitForSelected(&CallHistoryPage::loadArgumentsRequested));
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

    // The buttons wrap onto a second row in a narrow pane instead of widening the Tools tab.
    auto *buttons = new FlowLayout;
    m_rerun = new QPushButton(tr("Re-run"), this);
    m_rerun->setObjectName(u"rerunButton"_s);
    m_rerun->setToolTip(tr("Call the same tool again with the same arguments"));
    connect(m_rerun, &QPushButton::clicked, this, emitForSelected(&CallHistoryPage::rerunRequested));
    buttons->addWidget(m_rerun);
    m_loadArguments = new QPushButton(tr("Load arguments"), this);
    m_loadArguments->setObjectName(u"loadArgumentsButton"_s);
    m_loadArguments->setToolTip(tr("Put this call's tool and arguments back into the form"));
    connect(m_loadArguments, &QPushButton::clicked, this, emitForSelected(&CallHistoryPage::loadArgumentsRequested));
    buttons->addWidget(m_loadArguments);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(u"exportHistoryButton"_s);
    exportButton->setToolTip(tr("Save the selected calls (or all) as JSON lines, without the API key"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        askFile(true);
    });
    buttons->addWidget(exportButton);
    auto *importButton = new QPushButton(tr("Import…"), this);
    importButton->setObjectName(u"importHistoryButton"_s);
    importButton->setToolTip(tr("View calls exported earlier"));
    connect(importButton, &QPushButton::clicked, this, [this] {
        askFile(false);
    });
    buttons->addWidget(importButton);
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
    m_imported = false;
    m_importBar->hide();
    m_model->setMaxRows(maxRows);
    m_model->setRecords(records);
    m_result->showMessage(
        m_model->rowCount() > 0 ? tr("Select a call to see its result.") : tr("No calls in this session yet."));
    updateButtons();
}

void CallHistoryPage::clear()
{
    m_imported = false;
    m_importBar->hide();
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

QList<ToolCallRecord> CallHistoryPage::records(bool selectedOnly) const
{
    QList<ToolCallRecord> out;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (int row = m_model->rowCount() - 1; row >= 0; --row) { // rows are newest first
        const bool wanted =
            !selectedOnly || std::any_of(selected.begin(), selected.end(), [row](const QModelIndex &index) {
                return index.row() == row;
            });
        if (wanted) {
            out.append(m_model->record(row));
        }
    }
    return out;
}

void CallHistoryPage::showImported(const QList<ToolCallRecord> &records, const QString &source)
{
    m_model->setMaxRows(qMax(1, int(records.size())));
    m_model->setRecords(records);
    m_imported = true;
    m_importNotice->setText(tr("Viewing %n call(s) imported from %1.", nullptr, int(records.size())).arg(source));
    m_importBar->show();
    m_result->showMessage(tr("Select a call to see its result."));
    updateButtons();
}

bool CallHistoryPage::exportTo(const QString &path, bool selectedOnly, QString *error) const
{
    return Core::ToolCallHistoryExport::writeFile(path, records(selectedOnly), m_secrets, error);
}

bool CallHistoryPage::importFrom(const QString &path, QString *error)
{
    const auto imported = Core::ToolCallHistoryExport::readFile(path, error);
    if (!imported) {
        return false;
    }
    showImported(*imported, QFileInfo(path).fileName());
    return true;
}

void CallHistoryPage::showNotice(const QString &text)
{
    m_importNotice->setText(text);
    m_importBar->show();
}

void CallHistoryPage::askFile(bool exporting)
{
    QString error;
    if (exporting) {
        // Several rows selected: just those; otherwise every call shown.
        const bool selectedOnly = m_view->selectionModel()->selectedRows().size() > 1;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export call history"), u"tool-calls.jsonl"_s, tr("JSON lines (*.jsonl)"));
        if (!path.isEmpty() && !exportTo(path, selectedOnly, &error)) {
            showNotice(error);
        }
        return;
    }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import call history"), {}, tr("JSON lines (*.jsonl *.json);;All files (*)"));
    if (!path.isEmpty() && !importFrom(path, &error)) {
        showNotice(error);
    }
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
    m_clear->setEnabled(m_model->rowCount() > 0 && !m_calling && !m_imported);
}

} // namespace AgentBay::Ui
