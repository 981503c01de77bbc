// SPDX-License-Identifier: MIT
#include "fieldeditor.h"

#include <ui/common/apppalette.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSet>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::JsonSchemaForm;
using Core::SchemaField;
using Core::ValidationProblem;
using Kind = Core::SchemaField::Kind;

namespace {

bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble()) {
        return a.toDouble() == b.toDouble();
    }
    return a == b;
}

QString jsonText(const QJsonValue &value, QJsonDocument::JsonFormat format)
{
    if (value.isObject()) {
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(format)).trimmed();
    }
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(format)).trimmed();
    }
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// Parses any JSON value, scalars included.
std::optional<QJsonValue> parseJsonValue(const QString &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(u"["_s.append(text).append(u"\n]"_s).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        if (error) {
            *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : FieldEditor::tr("expected exactly one value");
        }
        return std::nullopt;
    }
    return document.array().first();
}

QLabel *smallLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

int textHeight(const QWidget *widget, int lines)
{
    return widget->fontMetrics().lineSpacing() * lines + 12;
}

} // namespace

FieldEditor::FieldEditor(const SchemaField &field, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
{
    setObjectName(u"field:"_s + (field.path.isEmpty() ? u"item"_s : field.path));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    if (field.kind == Kind::Array || field.kind == Kind::Map || field.kind == Kind::Object) {
        buildContainer();
    } else {
        buildScalar();
    }
    layout->addWidget(m_input);
    if (!field.description.isEmpty() && !field.name.isEmpty()) {
        layout->addWidget(smallLabel(field.description, this));
    }
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, AppPalette::errorText(palette));
    m_problem->setPalette(palette);
    m_problem->hide();
    layout->addWidget(m_problem);
    setToolTip(toolTipText(field));
}

FieldEditor::~FieldEditor() = default;

void FieldEditor::buildScalar()
{
    const QString hint = m_field.hint();
    switch (m_field.kind) {
    case Kind::String:
        if (m_field.multiline) {
            m_text = new QPlainTextEdit(this);
            m_text->setTabChangesFocus(true);
            m_text->setPlaceholderText(hint);
            if (m_field.name.compare(u"code"_s, Qt::CaseInsensitive) == 0) {
                m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            }
            m_text->setFixedHeight(textHeight(m_text, 5));
            connect(m_text, &QPlainTextEdit::textChanged, this, &FieldEditor::edited);
            m_input = m_text;
        } else {
            m_line = new QLineEdit(this);
            m_line->setPlaceholderText(hint);
            connect(m_line, &QLineEdit::textChanged, this, &FieldEditor::edited);
            m_input = m_line;
        }
        break;
    case Kind::Number:
    case Kind::Integer:
        m_line = new QLineEdit(this);
        m_line->setPlaceholderText(hint);
        m_line->setMaximumWidth(240);
        connect(m_line, &QLineEdit::textChanged, this, &FieldEditor::edited);
        m_input = m_line;
        break;
    case Kind::Boolean:
        if (m_field.required) {
            m_check = new QCheckBox(this);
            m_check->setChecked(m_field.defaultValue.value_or(QJsonValue(false)).toBool());
            connect(m_check, &QCheckBox::toggled, this, &FieldEditor::edited);
            m_input = m_check;
        } else {
            m_combo = new QComboBox(this);
            m_combo->addItem(m_field.defaultValue
                    ? tr("not set (default %1)").arg(JsonSchemaForm::valueText(*m_field.defaultValue))
                    : tr("not set"),
                -1);
            m_combo->addItem(u"true"_s, 1);
            m_combo->addItem(u"false"_s, 0);
            m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
            connect(m_combo, &QComboBox::currentIndexChanged, this, &FieldEditor::edited);
            m_input = m_combo;
        }
        break;
    case Kind::Enum:
        m_combo = new QComboBox(this);
        if (!m_field.required) {
            m_combo->addItem(m_field.defaultValue
                    ? tr("not set (default %1)").arg(JsonSchemaForm::valueText(*m_field.defaultValue))
                    : tr("not set"),
                -1);
        }
        for (int i = 0; i < m_field.enumValues.size(); ++i) {
            m_combo->addItem(JsonSchemaForm::valueText(m_field.enumValues.at(i)), i);
        }
        m_combo->setCurrentIndex(m_field.required ? -1 : 0);
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_combo->setPlaceholderText(tr("choose…"));
        connect(m_combo, &QComboBox::currentIndexChanged, this, &FieldEditor::edited);
        m_input = m_combo;
        break;
    case Kind::Json:
    default:
        m_text = new QPlainTextEdit(this);
        m_text->setTabChangesFocus(true);
        m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_text->setPlaceholderText(
            m_field.jsonType == u"object"_s ? tr("JSON object, e.g. {\"KEY\": \"value\"}") : tr("any JSON value"));
        m_text->setFixedHeight(textHeight(m_text, 3));
        connect(m_text, &QPlainTextEdit::textChanged, this, &FieldEditor::edited);
        m_input = m_text;
        break;
    }
}

void FieldEditor::buildContainer()
{
    if (m_field.kind == Kind::Object) {
        auto *frame = new QFrame(this);
        frame->setFrameShape(QFrame::StyledPanel);
        auto *form = new QFormLayout(frame);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (const SchemaField &child : std::as_const(m_field.children)) {
            auto *editor = new FieldEditor(child, frame);
            auto *label = new QLabel(labelText(child), frame);
            label->setToolTip(toolTipText(child));
            form->addRow(label, editor);
            connect(editor, &FieldEditor::edited, this, &FieldEditor::edited);
            m_rows.append({editor, nullptr, editor});
        }
        m_input = frame;
        return;
    }
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setSpacing(4);
    layout->addLayout(m_rowsLayout);
    m_emptyNote = smallLabel(m_field.required ? tr("Empty.") : tr("Not set."), box);
    layout->addWidget(m_emptyNote);
    auto *add = new QToolButton(box);
    add->setObjectName(u"add"_s);
    add->setText(m_field.kind == Kind::Array ? tr("+ Add item") : tr("+ Add entry"));
    add->setAutoRaise(true);
    connect(add, &QToolButton::clicked, this, [this] {
        const Row row = addRow(std::nullopt);
        if (row.key) {
            row.key->setFocus();
        } else if (row.editor && row.editor->inputWidget()) {
            row.editor->inputWidget()->setFocus();
        }
        Q_EMIT edited();
    });
    layout->addWidget(add, 0, Qt::AlignLeft);
    m_input = box;
}

FieldEditor::Row FieldEditor::addRow(const std::optional<QJsonValue> &value, const QString &key)
{
    auto *rowWidget = new QWidget(m_input);
    auto *layout = new QHBoxLayout(rowWidget);
    layout->setContentsMargins(0, 0, 0, 0);
    Row row;
    row.row = rowWidget;
    if (m_field.kind == Kind::Map) {
        auto *keyEdit = new QLineEdit(key, rowWidget);
        keyEdit->setPlaceholderText(tr("key"));
        keyEdit->setMaximumWidth(180);
        connect(keyEdit, &QLineEdit::textChanged, this, &FieldEditor::edited);
        layout->addWidget(keyEdit, 0, Qt::AlignTop);
        row.key = keyEdit;
    }
    SchemaField itemField = m_field.children.value(0);
    itemField.required = true;
    auto *editor = new FieldEditor(itemField, rowWidget);
    editor->setValue(value);
    connect(editor, &FieldEditor::edited, this, &FieldEditor::edited);
    layout->addWidget(editor, 1);
    row.editor = editor;
    auto *remove = new QToolButton(rowWidget);
    remove->setObjectName(u"remove"_s);
    remove->setText(u"✕"_s);
    remove->setToolTip(m_field.kind == Kind::Array ? tr("Remove this item") : tr("Remove this entry"));
    remove->setAutoRaise(true);
    connect(remove, &QToolButton::clicked, this, [this, rowWidget] {
        removeRow(rowWidget);
        Q_EMIT edited();
    });
    layout->addWidget(remove, 0, Qt::AlignTop);
    m_rowsLayout->addWidget(rowWidget);
    m_rows.append(row);
    updateEmptyNote();
    return row;
}

void FieldEditor::removeRow(QWidget *row)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).row == row) {
            m_rows.removeAt(i);
            break;
        }
    }
    row->hide();
    row->deleteLater();
    updateEmptyNote();
}

void FieldEditor::updateEmptyNote()
{
    if (m_emptyNote) {
        m_emptyNote->setVisible(m_rows.isEmpty());
    }
}

std::optional<QJsonValue> FieldEditor::value() const
{
    switch (m_field.kind) {
    case Kind::String: {
        const QString text = m_text ? m_text->toPlainText() : m_line->text();
        if (text.isEmpty()) {
            return std::nullopt;
        }
        return QJsonValue(text);
    }
    case Kind::Number:
    case Kind::Integer: {
        const QString text = m_line->text().trimmed();
        if (text.isEmpty()) {
            return std::nullopt;
        }
        bool ok = false;
        const qlonglong whole = text.toLongLong(&ok);
        if (ok) {
            return QJsonValue(whole);
        }
        const double number = text.toDouble(&ok);
        if (ok) {
            return QJsonValue(number);
        }
        return QJsonValue(text); // shown as a problem ("Must be a number"), never sent
    }
    case Kind::Boolean:
        if (m_check) {
            return QJsonValue(m_check->isChecked());
        }
        if (m_combo->currentData().toInt() < 0) {
            return std::nullopt;
        }
        return QJsonValue(m_combo->currentData().toInt() == 1);
    case Kind::Enum: {
        const int index = m_combo->currentIndex() < 0 ? -1 : m_combo->currentData().toInt();
        if (index < 0 || index >= m_field.enumValues.size()) {
            return std::nullopt;
        }
        return m_field.enumValues.at(index);
    }
    case Kind::Json: {
        const QString text = m_text->toPlainText();
        if (text.trimmed().isEmpty()) {
            return std::nullopt;
        }
        // Unparsable text stays text here; localProblems() reports it, so it is never sent.
        return parseJsonValue(text, nullptr).value_or(QJsonValue(text));
    }
    case Kind::Array: {
        QJsonArray array;
        for (const Row &row : m_rows) {
            array.append(row.editor->value().value_or(QJsonValue(QJsonValue::Null)));
        }
        if (array.isEmpty() && !m_field.required) {
            return std::nullopt;
        }
        return array;
    }
    case Kind::Map: {
        QJsonObject object;
        for (const Row &row : m_rows) {
            const QString key = row.key->text();
            const auto itemValue = row.editor->value();
            if (key.isEmpty() && !itemValue) {
                continue;
            }
            object.insert(key, itemValue.value_or(QJsonValue(QJsonValue::Null)));
        }
        if (object.isEmpty() && !m_field.required) {
            return std::nullopt;
        }
        return object;
    }
    case Kind::Object: {
        QJsonObject object;
        for (const Row &row : m_rows) {
            if (const auto childValue = row.editor->value()) {
                object.insert(row.editor->field().name, *childValue);
            }
        }
        if (object.isEmpty() && !m_field.required) {
            return std::nullopt;
        }
        return object;
    }
    }
    return std::nullopt;
}

void FieldEditor::setValue(const std::optional<QJsonValue> &value)
{
    switch (m_field.kind) {
    case Kind::String: {
        const QString text = value ? value->toString() : QString();
        if (m_text) {
            m_text->setPlainText(text);
        } else {
            m_line->setText(text);
        }
        break;
    }
    case Kind::Number:
    case Kind::Integer:
        m_line->setText(value ? JsonSchemaForm::valueText(*value) : QString());
        break;
    case Kind::Boolean:
        if (m_check) {
            m_check->setChecked(value ? value->toBool() : m_field.defaultValue.value_or(QJsonValue(false)).toBool());
        } else {
            m_combo->setCurrentIndex(!value ? 0 : (value->toBool() ? 1 : 2));
        }
        break;
    case Kind::Enum: {
        int target = m_field.required ? -1 : 0;
        if (value) {
            for (int i = 0; i < m_combo->count(); ++i) {
                const int index = m_combo->itemData(i).toInt();
                if (index >= 0 && sameJson(m_field.enumValues.at(index), *value)) {
                    target = i;
                    break;
                }
            }
        }
        m_combo->setCurrentIndex(target);
        break;
    }
    case Kind::Json:
        m_text->setPlainText(value ? jsonText(*value, QJsonDocument::Compact) : QString());
        break;
    case Kind::Array: {
        while (!m_rows.isEmpty()) {
            removeRow(m_rows.last().row);
        }
        const QJsonArray array = value ? value->toArray() : QJsonArray();
        for (const QJsonValue &item : array) {
            addRow(item);
        }
        break;
    }
    case Kind::Map: {
        while (!m_rows.isEmpty()) {
            removeRow(m_rows.last().row);
        }
        const QJsonObject object = value ? value->toObject() : QJsonObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            addRow(it.value(), it.key());
        }
        break;
    }
    case Kind::Object: {
        const QJsonObject object = value ? value->toObject() : QJsonObject();
        for (const Row &row : std::as_const(m_rows)) {
            const QString name = row.editor->field().name;
            row.editor->setValue(object.contains(name) ? std::optional<QJsonValue>(object.value(name)) : std::nullopt);
        }
        break;
    }
    }
}

QString FieldEditor::childPath(const QString &path, int index) const
{
    const Row &row = m_rows.at(index);
    switch (m_field.kind) {
    case Kind::Array:
        return path + u'[' + QString::number(index) + u']';
    case Kind::Map:
        return path + u'.' + row.key->text();
    default:
        return path + u'.' + row.editor->field().name;
    }
}

QList<ValidationProblem> FieldEditor::localProblems(const QString &path) const
{
    QList<ValidationProblem> problems;
    if (m_field.kind == Kind::Json) {
        const QString text = m_text->toPlainText();
        QString error;
        if (!text.trimmed().isEmpty() && !parseJsonValue(text, &error)) {
            problems.append({path, tr("Not valid JSON: %1.").arg(error)});
        }
    }
    QSet<QString> keys;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        if (m_field.kind == Kind::Map) {
            const QString key = row.key->text();
            if (key.isEmpty() && row.editor->value()) {
                problems.append({path, tr("Every entry needs a key.")});
            } else if (!key.isEmpty() && keys.contains(key)) {
                problems.append({path, tr("The key \"%1\" is used twice.").arg(key)});
            }
            keys.insert(key);
        }
        problems += row.editor->localProblems(childPath(path, i));
    }
    return problems;
}

void FieldEditor::showProblems(const QList<ValidationProblem> &problems, const QString &path)
{
    QStringList mine;
    QStringList childPaths;
    for (int i = 0; i < m_rows.size(); ++i) {
        childPaths.append(childPath(path, i));
    }
    for (const ValidationProblem &problem : problems) {
        if (problem.path == path) {
            mine.append(problem.message);
            continue;
        }
        const bool inside = problem.path.startsWith(path + u'.') || problem.path.startsWith(path + u'[');
        if (!inside) {
            continue;
        }
        const bool claimed = std::any_of(childPaths.begin(), childPaths.end(), [&problem](const QString &child) {
            return problem.path == child || problem.path.startsWith(child + u'.')
                || problem.path.startsWith(child + u'[');
        });
        if (!claimed) {
            mine.append(problem.path.mid(path.size()).remove(0, problem.path.at(path.size()) == u'.' ? 1 : 0) + u": "_s
                + problem.message);
        }
    }
    mine.removeDuplicates();
    m_problem->setText(mine.join(u'\n'));
    m_problem->setVisible(!mine.isEmpty());
    for (int i = 0; i < m_rows.size(); ++i) {
        m_rows.at(i).editor->showProblems(problems, childPaths.at(i));
    }
}

QString FieldEditor::problemText() const
{
    return m_problem->text();
}

QList<FieldEditor *> FieldEditor::childEditors() const
{
    QList<FieldEditor *> editors;
    for (const Row &row : m_rows) {
        editors.append(row.editor);
    }
    return editors;
}

QString FieldEditor::labelText(const SchemaField &field)
{
    const QString name = field.name.toHtmlEscaped();
    if (field.required) {
        return u"<b>%1</b>&nbsp;<span style=\"color:%2\">*</span>"_s.arg(
            name, AppPalette::errorText(QGuiApplication::palette()).name());
    }
    return name;
}

QString FieldEditor::toolTipText(const SchemaField &field)
{
    QStringList lines;
    if (!field.description.isEmpty()) {
        lines.append(field.description);
    }
    QString kind = JsonSchemaForm::kindName(field.kind);
    if (field.required) {
        kind = tr("%1, required").arg(kind);
    }
    const QString hint = field.hint();
    lines.append(hint.isEmpty() ? kind : kind + u" · "_s + hint);
    return lines.join(u'\n');
}

} // namespace AgentBay::Ui
