// SPDX-License-Identifier: MIT
#include <ui/tools/fieldeditor.h>
#include <ui/tools/schemaformwidget.h>

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Ui::FieldEditor;
using AgentBay::Ui::SchemaFormWidget;

namespace {

QJsonObject json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        qFatal("bad test JSON: %s", text.constData());
    }
    return document.object();
}

QJsonObject wrap(const QByteArray &property, bool required)
{
    QJsonObject schema{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject{{u"value"_s, json(property)}}}};
    if (required) {
        schema.insert(u"required"_s, QJsonArray{u"value"_s});
    }
    return schema;
}

const QByteArray EveryKind = R"({"type":"object","properties":{
    "command":{"type":"string","description":"Shell command to run"},
    "code":{"type":"string"},
    "timeout_ms":{"type":"integer","minimum":1,"maximum":50000,"default":50000},
    "ratio":{"type":"number"},
    "hold":{"type":"boolean"},
    "force":{"type":"boolean"},
    "format":{"enum":["png","jpeg"],"default":"png"},
    "paths":{"type":"array","items":{"type":"string"}},
    "ports":{"type":"array","items":{"type":"integer"}},
    "edits":{"type":"array","items":{"type":"object","properties":{"oldText":{"type":"string"},"newText":{"type":"string"}},"required":["oldText","newText"]}},
    "envs":{"type":"object","additionalProperties":{"type":"string"}},
    "options":{"type":"object","properties":{"depth":{"type":"integer"},"follow":{"type":"boolean"}}},
    "extra":{"type":"object"}},
    "required":["command","force"]})";

} // namespace

class tst_SchemaFormWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setValue_eachKind_valueRoundTrips_data();
    void setValue_eachKind_valueRoundTrips();
    void typing_intoTheForm_producesTypedJson();
    void formJsonForm_everyKind_roundTrips();
    void setValue_notRepresentable_refusedAndFormKept();
    void problems_shownNextToTheirField_data();
    void problems_shownNextToTheirField();
    void problems_hiddenUntilRevealed();
    void problems_untouchedFieldQuiet_untilRevealed();
    void problems_touchedFieldEmptied_showsItsOwnOnly();
    void setSchema_beyondTheForm_showsWhy();
    void setSchema_requiredMarkedAndDefaultsPrefilled();
    void arrayEditor_addAndRemoveItems();
};

void tst_SchemaFormWidget::setValue_eachKind_valueRoundTrips_data()
{
    QTest::addColumn<QByteArray>("property");
    QTest::addColumn<bool>("required");
    QTest::addColumn<QByteArray>("args");

    QTest::newRow("string") << QByteArray(R"({"type":"string"})") << false << QByteArray(R"({"value":"héllo \"x\""})");
    QTest::newRow("multiline string") << QByteArray(R"({"type":"string","maxLength":1000})") << false
                                      << QByteArray(R"({"value":"a\nb"})");
    QTest::newRow("integer") << QByteArray(R"({"type":"integer","minimum":0})") << false
                             << QByteArray(R"({"value":42})");
    QTest::newRow("number") << QByteArray(R"({"type":"number"})") << false << QByteArray(R"({"value":0.1})");
    QTest::newRow("optional boolean") << QByteArray(R"({"type":"boolean"})") << false
                                      << QByteArray(R"({"value":false})");
    QTest::newRow("required boolean") << QByteArray(R"({"type":"boolean"})") << true << QByteArray(R"({"value":true})");
    QTest::newRow("enum") << QByteArray(R"({"enum":["up","down"]})") << false << QByteArray(R"({"value":"down"})");
    QTest::newRow("integer enum") << QByteArray(R"({"type":"integer","enum":[1,2,3]})") << true
                                  << QByteArray(R"({"value":3})");
    QTest::newRow("array of strings") << QByteArray(R"({"type":"array","items":{"type":"string"}})") << false
                                      << QByteArray(R"({"value":["a","b c"]})");
    QTest::newRow("array of numbers") << QByteArray(R"({"type":"array","items":{"type":"number"}})") << false
                                      << QByteArray(R"({"value":[1.5,2]})");
    QTest::newRow("empty required array")
        << QByteArray(R"({"type":"array","items":{"type":"string"}})") << true << QByteArray(R"({"value":[]})");
    QTest::newRow("nested object") << QByteArray(
        R"({"type":"object","properties":{"depth":{"type":"integer"},"name":{"type":"string"}}})")
                                   << false << QByteArray(R"({"value":{"depth":2,"name":"x"}})");
    QTest::newRow("map") << QByteArray(R"({"type":"object","additionalProperties":{"type":"string"}})") << false
                         << QByteArray(R"({"value":{"A":"1","B":"two"}})");
    QTest::newRow("free JSON") << QByteArray(R"({"type":"object"})") << false
                               << QByteArray(R"({"value":{"deep":[1,{"x":null}]}})");
    QTest::newRow("not set") << QByteArray(R"({"type":"string"})") << false << QByteArray("{}");
}

void tst_SchemaFormWidget::setValue_eachKind_valueRoundTrips()
{
    QFETCH(QByteArray, property);
    QFETCH(bool, required);
    QFETCH(QByteArray, args);
    SchemaFormWidget form;
    form.setSchema(wrap(property, required));
    QVERIFY(form.isSupported());
    QString reason;
    QVERIFY2(form.setValue(json(args), &reason), qPrintable(reason));
    QCOMPARE(form.value(), json(args));
    QVERIFY(form.problems().isEmpty());
}

void tst_SchemaFormWidget::typing_intoTheForm_producesTypedJson()
{
    SchemaFormWidget form;
    form.setSchema(json(EveryKind));
    auto *command = qobject_cast<QLineEdit *>(form.editor(u"command"_s)->inputWidget());
    auto *timeout = qobject_cast<QLineEdit *>(form.editor(u"timeout_ms"_s)->inputWidget());
    auto *format = qobject_cast<QComboBox *>(form.editor(u"format"_s)->inputWidget());
    auto *force = qobject_cast<QCheckBox *>(form.editor(u"force"_s)->inputWidget());
    QVERIFY(command && timeout && format && force);
    QTest::keyClicks(command, u"echo hi"_s);
    QTest::keyClicks(timeout, u"5000"_s);
    format->setCurrentIndex(format->findText(u"jpeg"_s));
    force->setChecked(true);
    QCOMPARE(form.value(), json(R"({"command":"echo hi","timeout_ms":5000,"format":"jpeg","force":true})"));
    QVERIFY(form.value().value(u"timeout_ms"_s).isDouble());
}

void tst_SchemaFormWidget::formJsonForm_everyKind_roundTrips()
{
    const QJsonObject args = json(R"j({"command":"ls","code":"print(1)\nprint(2)","timeout_ms":10,"ratio":2.5,
        "hold":false,"force":true,"format":"jpeg","paths":["a","b"],"ports":[30100],
        "edits":[{"oldText":"x","newText":"y"}],"envs":{"HOME":"/tmp"},"options":{"depth":3},
        "extra":{"k":[true]}})j");
    SchemaFormWidget first;
    first.setSchema(json(EveryKind));
    QVERIFY(first.setValue(args));
    // Form -> JSON text -> a fresh form -> JSON: nothing changes on the way.
    const QByteArray text = QJsonDocument(first.value()).toJson();
    SchemaFormWidget second;
    second.setSchema(json(EveryKind));
    QString reason;
    QVERIFY2(second.setValue(QJsonDocument::fromJson(text).object(), &reason), qPrintable(reason));
    QCOMPARE(second.value(), args);
    QVERIFY(second.problems().isEmpty());
}

void tst_SchemaFormWidget::setValue_notRepresentable_refusedAndFormKept()
{
    SchemaFormWidget form;
    form.setSchema(json(EveryKind));
    QVERIFY(form.setValue(json(R"({"command":"keep","force":false})")));
    QString reason;
    QVERIFY(!form.setValue(json(R"({"command":"x","unknown":1})"), &reason));
    QVERIFY(reason.contains(u"unknown"_s));
    QVERIFY(!form.setValue(json(R"({"timeout_ms":"soon"})"), &reason));
    QCOMPARE(form.value().value(u"command"_s).toString(), u"keep"_s);
}

void tst_SchemaFormWidget::problems_shownNextToTheirField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");

    QTest::newRow("integer text") << u"timeout_ms"_s << u"abc"_s << u"Must be a whole number."_s;
    QTest::newRow("integer fraction") << u"timeout_ms"_s << u"1.5"_s << u"Must be a whole number."_s;
    QTest::newRow("below minimum") << u"timeout_ms"_s << u"0"_s << u"Must be at least 1."_s;
    QTest::newRow("above maximum") << u"timeout_ms"_s << u"99999"_s << u"Must be at most 50000."_s;
    QTest::newRow("number text") << u"ratio"_s << u"1,5"_s << u"Must be a number."_s;
    QTest::newRow("bad JSON") << u"extra"_s << u"{\"a\":"_s << u"Not valid JSON"_s;
    QTest::newRow("JSON not an object") << u"extra"_s << u"[1]"_s << u"Must be a JSON object."_s;
}

void tst_SchemaFormWidget::problems_shownNextToTheirField()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(QString, message);
    SchemaFormWidget form;
    form.setSchema(json(EveryKind));
    form.show();
    QWidget *input = form.editor(field)->inputWidget();
    if (auto *line = qobject_cast<QLineEdit *>(input)) {
        QTest::keyClicks(line, typed);
    } else {
        qobject_cast<QPlainTextEdit *>(input)->setPlainText(typed);
    }
    QVERIFY2(form.editor(field)->problemText().contains(message), qPrintable(form.editor(field)->problemText()));
    // The required command is still empty but untouched: no problem next to it, none next to this field.
    QCOMPARE(form.editor(u"command"_s)->problemText(), QString());
    QVERIFY(!form.editor(field)->problemText().contains(u"Required"_s));
    auto *problemLabel = form.editor(field)->findChild<QLabel *>(u"problem"_s, Qt::FindDirectChildrenOnly);
    QVERIFY(problemLabel && problemLabel->isVisible());
}

void tst_SchemaFormWidget::problems_hiddenUntilRevealed()
{
    SchemaFormWidget form;
    form.setSchema(json(EveryKind));
    QVERIFY(!form.problems().isEmpty()); // command is required and empty
    QCOMPARE(form.editor(u"command"_s)->problemText(), QString());
    form.revealProblems();
    QCOMPARE(form.editor(u"command"_s)->problemText(), u"Required."_s);
}

void tst_SchemaFormWidget::problems_untouchedFieldQuiet_untilRevealed()
{
    SchemaFormWidget form;
    form.setSchema(json(EveryKind));
    form.show();
    QTest::keyClicks(qobject_cast<QLineEdit *>(form.editor(u"timeout_ms"_s)->inputWidget()), u"5"_s);
    QVERIFY(form.problemsRevealed());
    QVERIFY(!form.problems().isEmpty());
    QCOMPARE(form.editor(u"command"_s)->problemText(), QString()); // required and empty, but untouched
    // A call attempt shows every problem, the untouched field's too.
    form.revealProblems();
    QCOMPARE(form.editor(u"command"_s)->problemText(), u"Required."_s);
}

void tst_SchemaFormWidget::problems_touchedFieldEmptied_showsItsOwnOnly()
{
    SchemaFormWidget form;
    form.setSchema(json(R"({"type":"object","properties":{"command":{"type":"string"},"cwd":{"type":"string"}},
        "required":["command","cwd"]})"));
    form.show();
    auto *command = qobject_cast<QLineEdit *>(form.editor(u"command"_s)->inputWidget());
    QTest::keyClicks(command, u"x"_s);
    QCOMPARE(form.editor(u"command"_s)->problemText(), QString());
    command->clear();
    QCOMPARE(form.editor(u"command"_s)->problemText(), u"Required."_s);
    QCOMPARE(form.editor(u"cwd"_s)->problemText(), QString());
}

void tst_SchemaFormWidget::setSchema_beyondTheForm_showsWhy()
{
    SchemaFormWidget form;
    form.setSchema(json(R"({"type":"object","properties":{"target":{"$ref":"#/$defs/T"}}})"));
    QVERIFY(!form.isSupported());
    auto *notice = form.findChild<QLabel *>(u"formNotice"_s);
    QVERIFY(notice);
    QVERIFY(notice->text().contains(u"$ref"_s));
    QVERIFY(!form.setValue(json(R"({"target":1})")));
}

void tst_SchemaFormWidget::setSchema_requiredMarkedAndDefaultsPrefilled()
{
    SchemaFormWidget form;
    form.setSchema(json(R"({"type":"object","properties":{
        "format":{"enum":["png","jpeg"],"default":"jpeg"},"note":{"type":"string","default":"n"}},
        "required":["format"]})"));
    QCOMPARE(form.value(), json(R"({"format":"jpeg"})")); // optional defaults stay hints
    QVERIFY(FieldEditor::labelText(form.editor(u"format"_s)->field()).contains(u"*"_s));
    QVERIFY(!FieldEditor::labelText(form.editor(u"note"_s)->field()).contains(u"*"_s));
    auto *note = qobject_cast<QLineEdit *>(form.editor(u"note"_s)->inputWidget());
    QCOMPARE(note->placeholderText(), u"default n"_s);
}

void tst_SchemaFormWidget::arrayEditor_addAndRemoveItems()
{
    SchemaFormWidget form;
    form.setSchema(wrap(R"({"type":"array","items":{"type":"string"}})", false));
    form.show();
    FieldEditor *list = form.editor(u"value"_s);
    auto *add = list->findChild<QToolButton *>(u"add"_s);
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(list->childEditors().size(), 2);
    QTest::keyClicks(qobject_cast<QLineEdit *>(list->childEditors().at(0)->inputWidget()), u"first"_s);
    QTest::keyClicks(qobject_cast<QLineEdit *>(list->childEditors().at(1)->inputWidget()), u"second"_s);
    QCOMPARE(form.value(), json(R"({"value":["first","second"]})"));
    auto *remove = list->childEditors().at(0)->parentWidget()->findChild<QToolButton *>(u"remove"_s);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(form.value(), json(R"({"value":["second"]})"));
}

QTEST_MAIN(tst_SchemaFormWidget)
#include "tst_schemaformwidget.moc"
