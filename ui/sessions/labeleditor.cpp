// SPDX-License-Identifier: MIT
#include "labeleditor.h"

#include <ui/common/apppalette.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

LabelEditor::LabelEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QPushButton(QIcon(u":/icons/create.svg"_s), tr("&Add label"), this))
    , m_remove(new QPushButton(QIcon(u":/icons/delete.svg"_s), tr("Remove"), this))
    , m_message(new QLabel(this))
{
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Not on every current-cell change: an editor opened by arrows or Tab selects its text, and
    // the next Space would overwrite it.
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
        | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Labels"));
    // Tab leaves the table (arrows move inside it); Delete removes the selected labels.
    m_table->setTabKeyNavigation(false);
    m_table->installEventFilter(this);
    // A label's mnemonic (the dialog's "&Labels:") lands in the table: QLabel gives the focus
    // only to a buddy that takes it, and Tab skips a widget with a proxy.
    setFocusPolicy(m_table->focusPolicy());
    setFocusProxy(m_table);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);

    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: %1;"_s.arg(AppPalette::errorText(palette()).name()));
    m_message->hide();
    m_remove->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow();
    });
    connect(m_remove, &QPushButton::clicked, this, &LabelEditor::removeSelectedRows);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_remove->setEnabled(!m_table->selectionModel()->selectedRows().isEmpty());
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_updating) {
            setModified(true);
            revalidate();
            Q_EMIT changed();
        }
    });
}

LabelEditor::~LabelEditor() = default;

bool LabelEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Only the table's own keys: a cell being edited gets its keys first, as text.
    if (watched == m_table && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Delete) && m_table->hasFocus()) {
        removeSelectedRows();
        return true;
    }
    // Space opens the cell for editing, keeping its text (it would otherwise replace it).
    if (watched == m_table && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space && m_table->hasFocus() && m_table->currentItem()) {
        m_table->editItem(m_table->currentItem());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void LabelEditor::setModified(bool modified)
{
    if (modified != m_modified) {
        m_modified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

void LabelEditor::setLabels(const Core::Labels &labels)
{
    // The cursor stays on the same label (after a save reads the labels back, say), or on the
    // same row when that label is gone.
    const QTableWidgetItem *current = m_table->currentItem();
    const int currentRow = current ? current->row() : -1;
    const int currentColumn = current ? current->column() : 0;
    const QTableWidgetItem *currentKeyItem = current ? m_table->item(currentRow, 0) : nullptr;
    const QString currentKey = currentKeyItem ? currentKeyItem->text().trimmed() : QString();
    m_updating = true;
    m_table->setRowCount(0);
    int restoreRow = -1;
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_table->setItem(row, 1, new QTableWidgetItem(it.value()));
        if (currentRow >= 0 && it.key() == currentKey) {
            restoreRow = row;
        }
    }
    if (currentRow >= 0 && restoreRow < 0 && m_table->rowCount() > 0) {
        restoreRow = std::min(currentRow, m_table->rowCount() - 1);
    }
    if (restoreRow >= 0) {
        m_table->setCurrentCell(restoreRow, currentColumn);
    }
    m_updating = false;
    setModified(false);
    revalidate();
}

QList<QPair<QString, QString>> LabelEditor::rows() const
{
    QList<QPair<QString, QString>> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *key = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        result.append({key ? key->text().trimmed() : QString(), value ? value->text().trimmed() : QString()});
    }
    return result;
}

Core::Labels LabelEditor::labels() const
{
    Core::Labels labels;
    const auto all = rows();
    for (const auto &[key, value] : all) {
        labels.insert(key, value);
    }
    return labels;
}

bool LabelEditor::isValid() const
{
    return m_valid;
}

QString LabelEditor::validationMessage() const
{
    return validate(rows());
}

QString LabelEditor::validate(const QList<QPair<QString, QString>> &rows)
{
    QSet<QString> seen;
    for (int i = 0; i < rows.size(); ++i) {
        const auto &[key, value] = rows.at(i);
        if (key.isEmpty()) {
            return tr("Row %1: the key is empty.").arg(i + 1);
        }
        if (value.isEmpty()) {
            return tr("Row %1: the value of \"%2\" is empty.").arg(i + 1).arg(key);
        }
        if (seen.contains(key)) {
            return tr("Row %1: the key \"%2\" is used twice.").arg(i + 1).arg(key);
        }
        seen.insert(key);
    }
    return {};
}

void LabelEditor::addRow(const QString &key, const QString &value)
{
    m_updating = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(key));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
    m_updating = false;
    setModified(true);
    revalidate();
    Q_EMIT changed();
    if (key.isEmpty()) {
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    }
}

void LabelEditor::removeSelectedRows()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    QList<int> rowsToRemove;
    for (const QModelIndex &index : selected) {
        rowsToRemove.append(index.row());
    }
    std::sort(rowsToRemove.begin(), rowsToRemove.end(), std::greater<>());
    for (const int row : rowsToRemove) {
        m_table->removeRow(row);
    }
    if (!rowsToRemove.isEmpty()) {
        setModified(true);
        revalidate();
        Q_EMIT changed();
    }
}

void LabelEditor::revalidate()
{
    const auto all = rows();
    // A new row nobody has typed into yet is not an error to show; it only keeps Create off.
    QList<QPair<QString, QString>> typed;
    for (const auto &row : all) {
        if (!row.first.isEmpty() || !row.second.isEmpty()) {
            typed.append(row);
        }
    }
    const QString shown = validate(typed);
    // Mark every offending cell, not only the first one the message names.
    m_updating = true;
    QHash<QString, int> keyCount;
    for (const auto &row : all) {
        ++keyCount[row.first];
    }
    // A tint that keeps the palette's text readable (light text on a dark one).
    const QColor bad = AppPalette::isDark(palette()) ? QColor(0x5c, 0x1f, 0x1f) : QColor(0xff, 0xeb, 0xee);
    for (int row = 0; row < all.size(); ++row) {
        const bool blank = all.at(row).first.isEmpty() && all.at(row).second.isEmpty();
        const bool keyBad = !blank && (all.at(row).first.isEmpty() || keyCount.value(all.at(row).first) > 1);
        const bool valueBad = !blank && all.at(row).second.isEmpty();
        if (QTableWidgetItem *item = m_table->item(row, 0)) {
            item->setBackground(keyBad ? QBrush(bad) : QBrush());
        }
        if (QTableWidgetItem *item = m_table->item(row, 1)) {
            item->setBackground(valueBad ? QBrush(bad) : QBrush());
        }
    }
    m_updating = false;
    m_message->setText(shown);
    m_message->setVisible(!shown.isEmpty());
    const bool valid = validate(all).isEmpty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

} // namespace AgentBay::Ui
