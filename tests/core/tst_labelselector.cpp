// SPDX-License-Identifier: MIT
#include <core/sessions/labelselector.h>

#include <QtTest>

using AgentBay::Core::Labels;
using AgentBay::Core::LabelSelector;
using namespace Qt::StringLiterals;

class tst_LabelSelector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_validText_givesCanonicalTerms_data();
    void parse_validText_givesCanonicalTerms();
    void parse_invalidText_reportsErrorAndPosition_data();
    void parse_invalidText_reportsErrorAndPosition();
    void matches_labels_data();
    void matches_labels();
    void serverLabels_onlyEqualities_data();
    void serverLabels_onlyEqualities();
    void invalidSelector_matchesNothingAndSendsNothing();
    void equality_comparesParsedTerms();
};

void tst_LabelSelector::parse_validText_givesCanonicalTerms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<int>("termCount");

    QTest::newRow("empty") << QString() << QString() << 0;
    QTest::newRow("blank") << u"   "_s << QString() << 0;
    QTest::newRow("equals") << u"env=prod"_s << u"env=prod"_s << 1;
    QTest::newRow("not equals") << u"env!=prod"_s << u"env!=prod"_s << 1;
    QTest::newRow("exists") << u"team"_s << u"team"_s << 1;
    QTest::newRow("not exists") << u"!team"_s << u"!team"_s << 1;
    QTest::newRow("spaces trimmed") << u" env = prod ,  team "_s << u"env=prod,team"_s << 2;
    QTest::newRow("value with equals sign") << u"token=a=b"_s << u"token=a=b"_s << 1;
    QTest::newRow("unicode") << u"projet=démo"_s << u"projet=démo"_s << 1;
    QTest::newRow("all kinds") << u"a=1,b!=2,c,!d"_s << u"a=1,b!=2,c,!d"_s << 4;
}

void tst_LabelSelector::parse_validText_givesCanonicalTerms()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(int, termCount);

    const LabelSelector selector = LabelSelector::parse(text);
    QVERIFY2(selector.isValid(), qPrintable(selector.errorString()));
    QCOMPARE(selector.errorPosition(), -1);
    QCOMPARE(selector.terms().size(), termCount);
    QCOMPARE(selector.toString(), canonical);
    QCOMPARE(selector.isEmpty(), termCount == 0);
}

void tst_LabelSelector::parse_invalidText_reportsErrorAndPosition_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");

    QTest::newRow("double comma") << u"a=1,,b=2"_s << 4;
    QTest::newRow("trailing comma") << u"a=1,"_s << 4;
    QTest::newRow("leading comma") << u",a=1"_s << 0;
    QTest::newRow("missing key") << u"=prod"_s << 0;
    QTest::newRow("missing key before not-equals") << u"a=1, !=x"_s << 5;
    QTest::newRow("missing value") << u"env="_s << 4;
    QTest::newRow("missing value after not-equals") << u"env!= "_s << 5;
    QTest::newRow("bang inside key") << u"en!v"_s << 0;
    QTest::newRow("lone bang") << u"!"_s << 0;
}

void tst_LabelSelector::parse_invalidText_reportsErrorAndPosition()
{
    QFETCH(QString, text);
    QFETCH(int, position);

    const LabelSelector selector = LabelSelector::parse(text);
    QVERIFY(!selector.isValid());
    QVERIFY(!selector.errorString().isEmpty());
    QCOMPARE(selector.errorPosition(), position);
    QVERIFY(selector.terms().isEmpty());
}

void tst_LabelSelector::matches_labels_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<bool>("expected");

    const Labels prod{{u"env"_s, u"prod"_s}, {u"team"_s, u"core"_s}};
    const Labels dev{{u"env"_s, u"dev"_s}};

    QTest::newRow("empty matches all") << QString() << Labels() << true;
    QTest::newRow("equals hit") << u"env=prod"_s << prod << true;
    QTest::newRow("equals other value") << u"env=prod"_s << dev << false;
    QTest::newRow("equals missing key") << u"env=prod"_s << Labels() << false;
    QTest::newRow("equals is case sensitive") << u"env=Prod"_s << prod << false;
    QTest::newRow("not equals other value") << u"env!=prod"_s << dev << true;
    QTest::newRow("not equals missing key") << u"env!=prod"_s << Labels() << true;
    QTest::newRow("not equals same value") << u"env!=prod"_s << prod << false;
    QTest::newRow("exists hit") << u"team"_s << prod << true;
    QTest::newRow("exists miss") << u"team"_s << dev << false;
    QTest::newRow("not exists hit") << u"!team"_s << dev << true;
    QTest::newRow("not exists miss") << u"!team"_s << prod << false;
    QTest::newRow("and: both hold") << u"env=prod,team"_s << prod << true;
    QTest::newRow("and: one fails") << u"env=prod,!team"_s << prod << false;
    QTest::newRow("contradiction") << u"env=prod,env=dev"_s << prod << false;
}

void tst_LabelSelector::matches_labels()
{
    QFETCH(QString, text);
    QFETCH(Labels, labels);
    QFETCH(bool, expected);

    QCOMPARE(LabelSelector::parse(text).matches(labels), expected);
}

void tst_LabelSelector::serverLabels_onlyEqualities_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Labels>("server");
    QTest::addColumn<bool>("fullyServerSide");

    QTest::newRow("empty") << QString() << Labels() << true;
    QTest::newRow("one equality") << u"env=prod"_s << Labels{{u"env"_s, u"prod"_s}} << true;
    QTest::newRow("two equalities") << u"env=prod,team=core"_s << Labels{{u"env"_s, u"prod"_s}, {u"team"_s, u"core"_s}}
                                    << true;
    QTest::newRow("repeated equality") << u"env=prod,env=prod"_s << Labels{{u"env"_s, u"prod"_s}} << true;
    QTest::newRow("mixed keeps equalities") << u"env=prod,team,x!=1"_s << Labels{{u"env"_s, u"prod"_s}} << false;
    QTest::newRow("only local terms") << u"team,!x"_s << Labels() << false;
    QTest::newRow("contradiction sends nothing") << u"env=prod,env=dev"_s << Labels() << false;
}

void tst_LabelSelector::serverLabels_onlyEqualities()
{
    QFETCH(QString, text);
    QFETCH(Labels, server);
    QFETCH(bool, fullyServerSide);

    const LabelSelector selector = LabelSelector::parse(text);
    QCOMPARE(selector.serverLabels(), server);
    QCOMPARE(selector.isFullyServerSide(), fullyServerSide);
}

void tst_LabelSelector::invalidSelector_matchesNothingAndSendsNothing()
{
    const LabelSelector selector = LabelSelector::parse(u"env=prod,"_s);
    QVERIFY(!selector.isValid());
    QVERIFY(!selector.matches({{u"env"_s, u"prod"_s}}));
    QVERIFY(selector.serverLabels().isEmpty());
    QVERIFY(!selector.isFullyServerSide());
}

void tst_LabelSelector::equality_comparesParsedTerms()
{
    QCOMPARE(LabelSelector::parse(u"a=1, b"_s), LabelSelector::parse(u"a = 1,b"_s));
    QVERIFY(LabelSelector::parse(u"a=1"_s) != LabelSelector::parse(u"a=2"_s));
    QCOMPARE(LabelSelector::parse(QString()), LabelSelector());
}

QTEST_APPLESS_MAIN(tst_LabelSelector)
#include "tst_labelselector.moc"
