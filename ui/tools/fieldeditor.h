// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/jsonschemaform.h>

#include <QJsonValue>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QVBoxLayout;

namespace AgentBay::Ui {

// The editor of one schema field: a line edit, a choice, a check box, a list of item
// editors, a group of property editors, key/value rows or a JSON text box, plus the
// field's description and its validation problem underneath. value() is empty when the
// field is not set (it is then left out of the arguments).
class FieldEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldEditor)

public:
    explicit FieldEditor(const Core::SchemaField &field, QWidget *parent = nullptr);
    ~FieldEditor() override;

    const Core::SchemaField &field() const { return m_field; }

    std::optional<QJsonValue> value() const;
    // The value must be representable (JsonSchemaForm::canRepresentValue); empty clears.
    void setValue(const std::optional<QJsonValue> &value);
    // Problems only the editor can see (JSON text that does not parse), at concrete paths.
    QList<Core::ValidationProblem> localProblems(const QString &path) const;
    // Shows the problems that belong here (path) and passes the others to nested editors.
    void showProblems(const QList<Core::ValidationProblem> &problems, const QString &path);
    // The problem text shown under this editor (tests, accessibility).
    QString problemText() const;

    // The widget that takes the input (for focus and tests).
    QWidget *inputWidget() const { return m_input; }

    QList<FieldEditor *> childEditors() const;

    // "command *" with the required marker, for the row label.
    static QString labelText(const Core::SchemaField &field);
    static QString toolTipText(const Core::SchemaField &field);

Q_SIGNALS:
    void edited();

private:
    struct Row
    {
        QPointer<QWidget> row;
        QPointer<QLineEdit> key; // Map rows only
        QPointer<FieldEditor> editor;
    };

    void buildScalar();
    void buildContainer();
    Row addRow(const std::optional<QJsonValue> &value, const QString &key = {});
    void removeRow(QWidget *row);
    void updateEmptyNote();
    QString childPath(const QString &path, int index) const;

    Core::SchemaField m_field;
    QPointer<QWidget> m_input;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_combo = nullptr;
    QCheckBox *m_check = nullptr;
    QVBoxLayout *m_rowsLayout = nullptr;
    QLabel *m_emptyNote = nullptr;
    QList<Row> m_rows; // Array items, Map entries, Object properties
    QLabel *m_problem = nullptr;
};

} // namespace AgentBay::Ui
