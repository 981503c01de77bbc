// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/session.h>

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace AgentBay::Ui {

// A key/value table for session labels with add/remove buttons and validation as you type:
// keys and values must be non-empty and keys unique. Invalid cells are marked and explained.
class LabelEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelEditor)

public:
    explicit LabelEditor(QWidget *parent = nullptr);
    ~LabelEditor() override;

    void setLabels(const Core::Labels &labels);
    Core::Labels labels() const; // only meaningful when isValid()
    bool isValid() const;
    QString validationMessage() const; // empty when valid

    bool isModified() const { return m_modified; }

    QTableWidget *table() const { return m_table; }

    void setModified(bool modified);

    // Validation as a pure function of the rows, for tests and the create dialog.
    static QString validate(const QList<QPair<QString, QString>> &rows);

public Q_SLOTS:
    void addRow(const QString &key = {}, const QString &value = {});
    void removeSelectedRows();

Q_SIGNALS:
    void changed();
    void validityChanged(bool valid);
    void modifiedChanged(bool modified);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QList<QPair<QString, QString>> rows() const;
    void revalidate();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
    bool m_valid = true;
    bool m_modified = false;
    bool m_updating = false;
};

} // namespace AgentBay::Ui
