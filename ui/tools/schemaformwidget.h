// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/jsonschemaform.h>

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace AgentBay::Ui {

class FieldEditor;

// The argument form of one tool, generated from its input schema: one row per property
// (required first, marked), hints and descriptions, problems shown under each field.
// When the schema is beyond the form it shows why, and the caller edits raw JSON instead.
class SchemaFormWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaFormWidget)

public:
    explicit SchemaFormWidget(QWidget *parent = nullptr);
    ~SchemaFormWidget() override;

    // Rebuilds the form; starts with the defaults of required fields.
    void setSchema(const QJsonObject &schema);

    const Core::SchemaForm &form() const { return m_form; }

    bool isSupported() const { return m_form.supported; }

    QJsonObject value() const;
    // Shows args in the form if it can do so without changing them; else leaves the form as
    // it is, returns false and says why in reason.
    bool setValue(const QJsonObject &args, QString *reason = nullptr);
    // Schema problems of value() plus what the editors see (unparsable JSON in a field).
    QList<Core::ValidationProblem> problems() const;
    // From now on every problem is shown next to its field (a call was attempted); before
    // that only the fields the user edited show theirs.
    void revealProblems();

    // Whether any problem may be shown: a field was edited or a call attempted.
    bool problemsRevealed() const { return m_revealed || !m_touched.isEmpty(); }

    FieldEditor *editor(const QString &name) const;

Q_SIGNALS:
    void edited();

private:
    void refreshProblems();

    Core::SchemaForm m_form;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_notice = nullptr;
    QList<FieldEditor *> m_editors;
    QSet<QString> m_touched; // names of the fields the user edited
    bool m_revealed = false;
    bool m_loading = false;
};

} // namespace AgentBay::Ui
