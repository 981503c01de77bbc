// SPDX-License-Identifier: MIT
#include "activitylogview.h"

#include "activitylogmodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

ActivityLogView::ActivityLogView(ActivityLogModel *log, QWidget *parent)
    : QTableView(parent)
{
    setModel(log);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(false);
    setWordWrap(false);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionResizeMode(ActivityLogModel::OutcomeColumn, QHeaderView::Stretch);
    const int charWidth = fontMetrics().averageCharWidth();
    const QFontMetrics fixedMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setColumnWidth(ActivityLogModel::TimeColumn, fontMetrics().horizontalAdvance(u"00:00:00.000"_s) + 16);
    setColumnWidth(ActivityLogModel::ActionColumn, charWidth * 24);
    setColumnWidth(
        ActivityLogModel::SessionColumn, fixedMetrics.horizontalAdvance(u"session-0123456789abcdefghij"_s) + 16);
    setColumnWidth(ActivityLogModel::DurationColumn, charWidth * 10);
    setColumnWidth(ActivityLogModel::RequestIdColumn,
        fixedMetrics.horizontalAdvance(u"00000000-0000-0000-0000-000000000000"_s) + 16);
    setAccessibleName(tr("Activity log"));
    connect(log, &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *bar = verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2) {
            QMetaObject::invokeMethod(this, &QTableView::scrollToBottom, Qt::QueuedConnection);
        }
    });
}

ActivityLogView::~ActivityLogView() = default;

} // namespace AgentBay::Ui
