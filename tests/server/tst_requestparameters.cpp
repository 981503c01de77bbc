// SPDX-License-Identifier: MIT
#include <server/api/requestparameters.h>

#include <QTest>

using AgentBay::Server::RequestParameters;
using namespace Qt::Literals::StringLiterals;

class tst_RequestParameters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeForm_decodesEverySdkEncoding_data();
    void decodeForm_decodesEverySdkEncoding();
    void parseBool_acceptsEverySdkSpelling_data();
    void parseBool_acceptsEverySdkSpelling();
    void union_bodyWinsOverQuery();
    void invalidUtf8Name_namesTheParameter_data();
    void invalidUtf8Name_namesTheParameter();
};

void tst_RequestParameters::decodeForm_decodesEverySdkEncoding_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("plus is a space (python)")
        << QByteArray("Authorization=Bearer+akm-1") << u"Authorization"_s << u"Bearer akm-1"_s;
    QTest::newRow("%20 is a space (node)")
        << QByteArray("Authorization=Bearer%20akm-1") << u"Authorization"_s << u"Bearer akm-1"_s;
    QTest::newRow("%2B is a plus") << QByteArray("Expr=1%2B1") << u"Expr"_s << u"1+1"_s;
    QTest::newRow("json with spaces") << QByteArray("Labels=%7B%22a%22%3A+%22b+c%22%7D") << u"Labels"_s
                                      << u"{\"a\": \"b c\"}"_s;
    QTest::newRow("utf-8") << QByteArray("L=h%C3%A9llo") << u"L"_s << QString::fromUtf8("héllo");
    QTest::newRow("empty value") << QByteArray("Server=&Name=shell") << u"Server"_s << QString();
    QTest::newRow("no equals sign") << QByteArray("Flag&Name=x") << u"Flag"_s << QString();
    QTest::newRow("encoded & and =") << QByteArray("V=a%26b%3Dc") << u"V"_s << u"a&b=c"_s;
    QTest::newRow("broken escape kept") << QByteArray("V=100%") << u"V"_s << u"100%"_s;
}

void tst_RequestParameters::decodeForm_decodesEverySdkEncoding()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const RequestParameters params({}, encoded);
    QVERIFY(params.contains(key));
    QCOMPARE(params.value(key), value);
}

void tst_RequestParameters::parseBool_acceptsEverySdkSpelling_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected"); // -1 = not a boolean
    QTest::newRow("true") << u"true"_s << 1;
    QTest::newRow("True") << u"True"_s << 1;
    QTest::newRow("1") << u"1"_s << 1;
    QTest::newRow("false") << u"false"_s << 0;
    QTest::newRow("False") << u"False"_s << 0;
    QTest::newRow("0") << u"0"_s << 0;
    QTest::newRow("yes") << u"yes"_s << -1;
    QTest::newRow("empty") << QString() << -1;
}

void tst_RequestParameters::parseBool_acceptsEverySdkSpelling()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    const auto parsed = RequestParameters::parseBool(text);
    QCOMPARE(parsed.has_value() ? int(*parsed) : -1, expected);
}

void tst_RequestParameters::union_bodyWinsOverQuery()
{
    const RequestParameters params(
        "Action=GetSession&SessionId=from-query&Authorization=Bearer%20q", "SessionId=from-body");
    QCOMPARE(params.value(u"SessionId"_s), u"from-body"_s);
    QCOMPARE(params.value(u"Authorization"_s), u"Bearer q"_s);
    QVERIFY(params.inQuery(u"Action"_s));
    QVERIFY(!params.inQuery(u"Missing"_s));
    QCOMPARE(params.value(u"Missing"_s, u"fallback"_s), u"fallback"_s);
}

void tst_RequestParameters::invalidUtf8Name_namesTheParameter_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("name"); // empty: every parameter is valid UTF-8

    QTest::newRow("all valid") << QByteArray("Action=GetSession") << QByteArray("L=h%C3%A9llo") << QString();
    QTest::newRow("lone continuation byte in the body") << QByteArray() << QByteArray("Labels=%80") << u"Labels"_s;
    QTest::newRow("truncated sequence in the query") << QByteArray("SessionId=a%C3") << QByteArray() << u"SessionId"_s;
    QTest::newRow("overlong encoding") << QByteArray() << QByteArray("Args=%C0%AF") << u"Args"_s;
    QTest::newRow("raw byte, not escaped") << QByteArray() << QByteArray("Name=\xff") << u"Name"_s;
    QTest::newRow("in the key") << QByteArray() << QByteArray("K%FF=v") << QString::fromUtf8("K\xef\xbf\xbd");
    QTest::newRow("first by name") << QByteArray("Zed=%FF") << QByteArray("Args=%FF") << u"Args"_s;
}

void tst_RequestParameters::invalidUtf8Name_namesTheParameter()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, body);
    QFETCH(QString, name);
    QCOMPARE(RequestParameters(query, body).invalidUtf8Name(), name);
}

QTEST_APPLESS_MAIN(tst_RequestParameters)
#include "tst_requestparameters.moc"
