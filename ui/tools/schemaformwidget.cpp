// SPDX-License-Identifier: MIT
#include "schemaformwidget.h"

#include "fieldeditor.h"

#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::JsonSchemaForm;

SchemaFormWidget::SchemaFormWidget(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notice = new QLabel(this);
    m_notice->setObjectName(u"formNotice"_s);
    m_notice->setWordWrap(true);
    m_notice->setMargin(8);
    m_notice->hide();
    layout->addWidget(m_notice);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // No Tab stop of its own: Tab from the Form tab goes straight to the first field (the area
    // still scrolls to whichever field takes the focus).
    m_scroll->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_scroll, 1);
    setSchema({});
}

SchemaFormWidget::~SchemaFormWidget() = default;

void SchemaFormWidget::setSchema(const QJsonObject &schema)
{
    m_form = JsonSchemaForm::build(schema);
    m_editors.clear();
    m_touched.clear();
    m_revealed = false;

    auto *content = new QWidget;
    auto *form = new QFormLayout(content);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    for (const Core::SchemaField &field : std::as_const(m_form.fields)) {
        auto *editor = new FieldEditor(field, content);
        auto *label = new QLabel(FieldEditor::labelText(field), content);
        label->setToolTip(FieldEditor::toolTipText(field));
        label->setBuddy(editor->inputWidget());
        form->addRow(label, editor);
        connect(editor, &FieldEditor::edited, this, [this, name = field.name] {
            if (m_loading) {
                return;
            }
            m_touched.insert(name);
            refreshProblems();
            Q_EMIT edited();
        });
        m_editors.append(editor);
    }
    if (!m_form.supported) {
        m_notice->setText(tr("This tool's input schema is beyond the form: %1 Edit the arguments as JSON; "
                             "they are still checked for what the form understands.")
                              .arg(m_form.fallbackReason));
        m_notice->show();
        content->setEnabled(false);
        content->hide();
    } else if (m_form.fields.isEmpty()) {
        m_notice->setText(tr("This tool takes no arguments."));
        m_notice->show();
    } else {
        m_notice->hide();
    }
    m_scroll->setWidget(content); // deletes the previous form
    // The fields were made before the form joined the window, which put them last in its Tab
    // order: they go where the form is shown instead (before the call bar below it), in the
    // order they were made (top to bottom).
    QList<QWidget *> fields;
    for (QWidget *w = content->nextInFocusChain(); w != content && content->isAncestorOf(w);
         w = w->nextInFocusChain()) {
        if (w->focusPolicy() & Qt::TabFocus) {
            fields.append(w);
        }
    }
    // setTabOrder() only moves between widgets that take the focus: start from the last one
    // before this form (the Form tab, in the call form).
    QWidget *previous = previousInFocusChain();
    while (previous != this && (isAncestorOf(previous) || !(previous->focusPolicy() & Qt::TabFocus))) {
        previous = previous->previousInFocusChain();
    }
    for (QWidget *field : std::as_const(fields)) {
        if (previous == this) {
            break; // nothing before the form to follow
        }
        QWidget::setTabOrder(previous, field);
        previous = field;
    }
    setValue(JsonSchemaForm::initialArguments(m_form));
}

QJsonObject SchemaFormWidget::value() const
{
    QJsonObject args;
    for (const FieldEditor *editor : m_editors) {
        if (const auto value = editor->value()) {
            args.insert(editor->field().name, *value);
        }
    }
    return args;
}

bool SchemaFormWidget::setValue(const QJsonObject &args, QString *reason)
{
    if (!JsonSchemaForm::canRepresent(m_form, args, reason)) {
        return false;
    }
    m_loading = true;
    for (FieldEditor *editor : std::as_const(m_editors)) {
        const QString name = editor->field().name;
        editor->setValue(args.contains(name) ? std::optional<QJsonValue>(args.value(name)) : std::nullopt);
    }
    m_loading = false;
    refreshProblems();
    return true;
}

QList<Core::ValidationProblem> SchemaFormWidget::problems() const
{
    QList<Core::ValidationProblem> problems = JsonSchemaForm::validate(m_form, value());
    for (const FieldEditor *editor : m_editors) {
        problems += editor->localProblems(editor->field().name);
    }
    return problems;
}

void SchemaFormWidget::revealProblems()
{
    m_revealed = true;
    refreshProblems();
}

void SchemaFormWidget::refreshProblems()
{
    // An untouched empty field is not yet a mistake: it speaks up only once a call is attempted.
    const QList<Core::ValidationProblem> all = problemsRevealed() ? problems() : QList<Core::ValidationProblem>();
    for (FieldEditor *editor : std::as_const(m_editors)) {
        const QString name = editor->field().name;
        editor->showProblems(m_revealed || m_touched.contains(name) ? all : QList<Core::ValidationProblem>(), name);
    }
}

FieldEditor *SchemaFormWidget::editor(const QString &name) const
{
    for (FieldEditor *editor : m_editors) {
        if (editor->field().name == name) {
            return editor;
        }
    }
    return nullptr;
}

} // namespace AgentBay::Ui
