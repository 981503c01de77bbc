// SPDX-License-Identifier: MIT
#include <ui/sessions/labeleditor.h>

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using AgentBay::Ui::LabelEditor;
using Rows = QList<QPair<QString, QString>>;

class tst_LabelEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_rows_data();
    void validate_rows();
    void editing_emitsValidityChanges();
    void setLabels_roundTripsAndClearsModified();
};

void tst_LabelEditor::validate_rows_data()
{
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<QString>("messagePart"); // empty = valid

    QTest::newRow("no labels") << Rows{} << QString();
    QTest::newRow("good") << Rows{{u"env"_s, u"prod"_s}, {u"team"_s, u"a b"_s}} << QString();
    QTest::newRow("empty key") << Rows{{QString(), u"prod"_s}} << u"key is empty"_s;
    QTest::newRow("empty value") << Rows{{u"env"_s, QString()}} << u"value of \"env\" is empty"_s;
    QTest::newRow("duplicate key") << Rows{{u"env"_s, u"a"_s}, {u"env"_s, u"b"_s}} << u"used twice"_s;
    QTest::newRow("row number") << Rows{{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}, {QString(), u"3"_s}} << u"Row 3"_s;
}

void tst_LabelEditor::validate_rows()
{
    QFETCH(Rows, rows);
    QFETCH(QString, messagePart);
    const QString message = LabelEditor::validate(rows);
    if (messagePart.isEmpty()) {
        QVERIFY2(message.isEmpty(), qPrintable(message));
    } else {
        QVERIFY2(message.contains(messagePart), qPrintable(message));
    }
}

void tst_LabelEditor::editing_emitsValidityChanges()
{
    LabelEditor editor;
    QSignalSpy validity(&editor, &LabelEditor::validityChanged);
    QVERIFY(editor.isValid());
    editor.addRow(u"env"_s, QString());
    QVERIFY(!editor.isValid());
    QCOMPARE(validity.count(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), false);
    QVERIFY(editor.isModified());
    editor.setLabels({{u"env"_s, u"prod"_s}});
    QVERIFY(editor.isValid());
    QCOMPARE(validity.count(), 2);
}

void tst_LabelEditor::setLabels_roundTripsAndClearsModified()
{
    LabelEditor editor;
    const AgentBay::Core::Labels labels{{u"env"_s, u"prod"_s}, {u"ünïcode"_s, u"a=b&c+d"_s}};
    editor.setLabels(labels);
    QCOMPARE(editor.labels(), labels);
    QVERIFY(!editor.isModified());
    editor.addRow(u"  spaced  "_s, u"  trimmed "_s);
    QCOMPARE(editor.labels().value(u"spaced"_s), u"trimmed"_s);
}

QTEST_MAIN(tst_LabelEditor)
#include "tst_labeleditor.moc"
