// SPDX-License-Identifier: MIT
#include <server/api/pagetoken.h>

#include <QTest>

using AgentBay::Server::PageToken;
using namespace Qt::Literals::StringLiterals;

class tst_PageToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encode_decode_roundTrips_data();
    void encode_decode_roundTrips();
    void decode_foreignText_isRejected_data();
    void decode_foreignText_isRejected();
};

void tst_PageToken::encode_decode_roundTrips_data()
{
    QTest::addColumn<qint64>("sequence");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("small") << qint64(7);
    QTest::newRow("large") << qint64(9'000'000'000LL);
}

void tst_PageToken::encode_decode_roundTrips()
{
    QFETCH(qint64, sequence);
    const QString token = PageToken::encode(sequence);
    QVERIFY(!token.contains(QString::number(sequence)) || sequence == 0); // opaque, not the number itself
    const auto decoded = PageToken::decode(token);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, sequence);
}

void tst_PageToken::decode_foreignText_isRejected_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("plain number") << u"10"_s;
    QTest::newRow("not base64") << u"***"_s;
    QTest::newRow("base64 of something else") << QString::fromLatin1(QByteArray("offset:10").toBase64());
    QTest::newRow("negative") << QString::fromLatin1(QByteArray("abl1:-3").toBase64(QByteArray::Base64UrlEncoding));
    QTest::newRow("not a number") << QString::fromLatin1(QByteArray("abl1:xx").toBase64(QByteArray::Base64UrlEncoding));
    QTest::newRow("non-latin") << QString::fromUtf8("änï");
}

void tst_PageToken::decode_foreignText_isRejected()
{
    QFETCH(QString, token);
    QVERIFY(!PageToken::decode(token).has_value());
}

QTEST_APPLESS_MAIN(tst_PageToken)
#include "tst_pagetoken.moc"
