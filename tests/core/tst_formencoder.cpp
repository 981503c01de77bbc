// SPDX-License-Identifier: MIT
#include <core/api/formencoder.h>

#include <QTest>

using namespace AgentBay::Core;

class tst_FormEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutEmptyValues_dropsOnlyEmptyValuesInOrder_data();
    void withoutEmptyValues_dropsOnlyEmptyValuesInOrder();
    void encode_withoutEmptyValues_noBareKeyInQuery();
};

void tst_FormEncoder::withoutEmptyValues_dropsOnlyEmptyValuesInOrder_data()
{
    QTest::addColumn<FormFields>("fields");
    QTest::addColumn<FormFields>("expected");
    const auto field = [](const char *key, const QString &value) {
        return qMakePair(QString::fromLatin1(key), value);
    };
    QTest::newRow("nothing") << FormFields() << FormFields();
    QTest::newRow("all set") << FormFields{field("A", QStringLiteral("1")), field("B", QStringLiteral("2"))}
                             << FormFields{field("A", QStringLiteral("1")), field("B", QStringLiteral("2"))};
    QTest::newRow("empty session id") << FormFields{field("SessionId", QString())} << FormFields();
    QTest::newRow("empty between set") << FormFields{field("A", QStringLiteral("1")),
        field("B", QString()),
        field("C", QStringLiteral("3"))}
                                       << FormFields{field("A", QStringLiteral("1")), field("C", QStringLiteral("3"))};
    // Only empty is dropped: a blank value is still a value.
    QTest::newRow("blank kept") << FormFields{field("A", QStringLiteral(" "))}
                                << FormFields{field("A", QStringLiteral(" "))};
}

void tst_FormEncoder::withoutEmptyValues_dropsOnlyEmptyValuesInOrder()
{
    QFETCH(FormFields, fields);
    QFETCH(FormFields, expected);
    QCOMPARE(FormEncoder::withoutEmptyValues(fields), expected);
}

void tst_FormEncoder::encode_withoutEmptyValues_noBareKeyInQuery()
{
    const FormFields fields{
        {QStringLiteral("Action"), QStringLiteral("GetSessionDetail")}, {QStringLiteral("SessionId"), QString()}};
    QCOMPARE(FormEncoder::encode(FormEncoder::withoutEmptyValues(fields)), QByteArray("Action=GetSessionDetail"));
}

QTEST_GUILESS_MAIN(tst_FormEncoder)
#include "tst_formencoder.moc"
