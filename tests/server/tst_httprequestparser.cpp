// SPDX-License-Identifier: MIT
// The HTTP/1.1 request parser on its own: every framing rule, fed whole and byte by byte.
#include <server/http/httprequestparser.h>

#include <QTest>

using AgentBay::Server::HttpRequest;
using AgentBay::Server::HttpRequestParser;
using Event = HttpRequestParser::Event;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int heads = 0;
    int errorStatus = 0; // 0 = no error
    QByteArray unparsed;
};

// Feeds the bytes in pieces of `step` (0 = all at once) and collects every complete request.
Outcome parse(const QByteArray &bytes, qsizetype step = 0, const HttpRequestParser::Limits &limits = {})
{
    HttpRequestParser parser(limits);
    Outcome out;
    const qsizetype piece = step > 0 ? step : qMax<qsizetype>(1, bytes.size());
    for (qsizetype at = 0; at < bytes.size() && out.errorStatus == 0; at += piece) {
        parser.feed(QByteArrayView(bytes.constData() + at, qMin(piece, bytes.size() - at)));
        for (;;) {
            const Event event = parser.next();
            if (event == Event::NeedMore) {
                break;
            }
            if (event == Event::Error) {
                out.errorStatus = parser.errorStatus();
                break;
            }
            if (event == Event::HeadReady) {
                ++out.heads;
                continue;
            }
            out.requests.append(parser.takeRequest());
        }
    }
    out.unparsed = parser.takeUnparsed();
    return out;
}

QByteArray post(const QByteArray &extraHeaders, const QByteArray &body = {})
{
    return "POST /?Action=GetSession HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n" + body;
}

} // namespace

class tst_HttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentLengthBody_isReadWhole();
    void chunkedBody_isJoinedWithExtensionsAndTrailers();
    void chunkedBody_overTheCap_isRefusedBeforeItsDataArrives();
    void brokenFraming_isRefusedWithItsStatus_data();
    void brokenFraming_isRefusedWithItsStatus();
    void keepAlive_followsVersionAndConnection_data();
    void keepAlive_followsVersionAndConnection();
    void pipelinedRequests_areReadOneAfterAnother();
    void headerLimits_holdHoweverTheBytesAreSplit();
    void head_isReportedBeforeTheBody();
    void expectContinue_isReported();
    void leadingEmptyLines_areIgnored();
    void bareLf_endsLines();
    void unparsedBytes_afterARequestAreHandedBack();
    void readingHeadAndIdle_followTheBytes();
};

void tst_HttpRequestParser::contentLengthBody_isReadWhole()
{
    for (const qsizetype step : {0, 1, 7}) {
        const Outcome out = parse(post("Content-Length: 11\r\n", "Authorizati"), step);
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 1);
        const HttpRequest &r = out.requests.constFirst();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/?Action=GetSession"));
        QCOMPARE(r.path(), QByteArray("/"));
        QCOMPARE(r.query(), QByteArray("Action=GetSession"));
        QCOMPARE(r.header("HOST"), QByteArray("127.0.0.1"));
        QCOMPARE(r.body, QByteArray("Authorizati"));
        QCOMPARE(r.contentLength, 11);
        QVERIFY(!r.chunked);
    }
}

void tst_HttpRequestParser::chunkedBody_isJoinedWithExtensionsAndTrailers()
{
    const QByteArray bytes = post("Transfer-Encoding: chunked\r\n",
        "5\r\nhello\r\n"
        "1;name=value;other=\"quoted\"\r\n \r\n"
        "A \r\n0123456789\r\n"
        "0\r\nX-Checksum: 42\r\n\r\n");
    for (const qsizetype step : {0, 1, 3}) {
        const Outcome out = parse(bytes, step);
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 1);
        QCOMPARE(out.requests.constFirst().body, QByteArray("hello 0123456789"));
        QVERIFY(out.requests.constFirst().chunked);
        QCOMPARE(out.requests.constFirst().trailers.size(), 1);
        QCOMPARE(out.requests.constFirst().trailers.constFirst().second, QByteArray("42"));
    }
}

void tst_HttpRequestParser::chunkedBody_overTheCap_isRefusedBeforeItsDataArrives()
{
    HttpRequestParser::Limits limits;
    limits.maxBodyBytes = 100;
    // Two chunks that fit one by one, not together; the second one's data never arrives.
    HttpRequestParser parser(limits);
    parser.feed(post("Transfer-Encoding: chunked\r\n", "3c\r\n" + QByteArray(60, 'a') + "\r\n3c\r\n"));
    QCOMPARE(parser.next(), Event::HeadReady);
    QCOMPARE(parser.next(), Event::Error);
    QCOMPARE(parser.errorStatus(), 413);

    // Exactly the cap is fine.
    const Outcome fits =
        parse(post("Transfer-Encoding: chunked\r\n",
                  "32\r\n" + QByteArray(50, 'a') + "\r\n32\r\n" + QByteArray(50, 'b') + "\r\n0\r\n\r\n"),
            0,
            limits);
    QCOMPARE(fits.errorStatus, 0);
    QCOMPARE(fits.requests.constFirst().body.size(), 100);
}

void tst_HttpRequestParser::brokenFraming_isRefusedWithItsStatus_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");

    QTest::newRow("two equal content lengths") << post("Content-Length: 5\r\nContent-Length: 5\r\n", "hello") << 400;
    QTest::newRow("two different content lengths")
        << post("Content-Length: 5\r\nContent-Length: 500\r\n", "hello") << 400;
    QTest::newRow("content length list") << post("Content-Length: 5, 5\r\n", "hello") << 400;
    QTest::newRow("content length not a number") << post("Content-Length: ten\r\n") << 400;
    QTest::newRow("content length negative") << post("Content-Length: -5\r\n") << 400;
    QTest::newRow("content length with sign") << post("Content-Length: +5\r\n", "hello") << 400;
    QTest::newRow("content length empty") << post("Content-Length:\r\n") << 400;
    QTest::newRow("content length overflows") << post("Content-Length: 99999999999999999999999\r\n") << 400;
    QTest::newRow("content length over the cap") << post("Content-Length: 9999999999\r\n") << 413;
    QTest::newRow("content length and chunked")
        << post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n") << 400;
    QTest::newRow("chunked and content length")
        << post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "0\r\n\r\n") << 400;
    QTest::newRow("chunked not last") << post("Transfer-Encoding: chunked, gzip\r\n") << 400;
    QTest::newRow("chunked twice") << post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n") << 400;
    QTest::newRow("unknown coding") << post("Transfer-Encoding: gzip, chunked\r\n") << 501;
    QTest::newRow("identity only") << post("Transfer-Encoding: identity\r\n") << 400;
    QTest::newRow("chunked in HTTP/1.0") << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                         << 400;
    QTest::newRow("chunk size not hex") << post("Transfer-Encoding: chunked\r\n", "zz\r\n") << 400;
    QTest::newRow("chunk size missing") << post("Transfer-Encoding: chunked\r\n", ";ext\r\n") << 400;
    QTest::newRow("chunk size overflows") << post("Transfer-Encoding: chunked\r\n", "1000000000000000000\r\n") << 400;
    QTest::newRow("chunk size huge") << post("Transfer-Encoding: chunked\r\n", "fffffffffff\r\n") << 413;
    QTest::newRow("chunk data too long") << post("Transfer-Encoding: chunked\r\n", "3\r\nhello\r\n0\r\n\r\n") << 400;
    QTest::newRow("chunk extension with control byte")
        << post("Transfer-Encoding: chunked\r\n", QByteArray("1;a=\x01\r\nx\r\n0\r\n\r\n")) << 400;
    QTest::newRow("chunk line without end")
        << post("Transfer-Encoding: chunked\r\n", "1;" + QByteArray(5000, 'e')) << 400;
    QTest::newRow("too many trailers") << post(
        "Transfer-Encoding: chunked\r\n", "0\r\n" + QByteArray("T: v\r\n").repeated(101) + "\r\n")
                                       << 431;
    QTest::newRow("header block too large") << post("X-Big: " + QByteArray(70000, 'a') + "\r\n") << 431;
    QTest::newRow("header block without end") << post("X-Big: " + QByteArray(70000, 'a')) << 431;
    QTest::newRow("too many headers") << post(QByteArray("X-N: v\r\n").repeated(100)) << 431;
    QTest::newRow("request line too long")
        << QByteArray("GET /" + QByteArray(65 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n") << 414;
    QTest::newRow("obs-fold") << post("X-A: one\r\n two\r\n") << 400;
    QTest::newRow("space before colon") << post("Content-Length : 5\r\n", "hello") << 400;
    QTest::newRow("no colon") << post("Content-Length 5\r\n") << 400;
    QTest::newRow("bare CR") << post("X-A: a\rb\r\n") << 400;
    QTest::newRow("NUL in value") << post(QByteArray("X-A: a\0b\r\n", 10)) << 400;
    QTest::newRow("NUL in target") << QByteArray("GET /\0 HTTP/1.1\r\nHost: x\r\n\r\n", 29) << 400;
    QTest::newRow("no Host in HTTP/1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
    QTest::newRow("two spaces in request line") << QByteArray("GET  / HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("HTTP/2 request line") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
    QTest::newRow("PRI preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
    QTest::newRow("TLS ClientHello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n", 20)
                                     << 400;
    QTest::newRow("unknown expectation") << post("Expect: something\r\nContent-Length: 0\r\n") << 417;
}

void tst_HttpRequestParser::brokenFraming_isRefusedWithItsStatus()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    // The verdict must not depend on how TCP happened to split the bytes.
    for (const qsizetype step : {0, 1, 13}) {
        const Outcome out = parse(bytes, step);
        QVERIFY2(out.requests.isEmpty(), QByteArray::number(step).constData());
        QCOMPARE(out.errorStatus, status);
    }
}

void tst_HttpRequestParser::keepAlive_followsVersionAndConnection_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << false;
    QTest::newRow("1.1 Close in a list") << QByteArray(
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, Close\r\n\r\n")
                                         << false;
    QTest::newRow("1.1 keep-alive") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n")
                                    << true;
    QTest::newRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
}

void tst_HttpRequestParser::keepAlive_followsVersionAndConnection()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    const Outcome out = parse(head);
    QCOMPARE(out.errorStatus, 0);
    QCOMPARE(out.requests.size(), 1);
    QCOMPARE(out.requests.constFirst().keepAlive, keepAlive);
}

void tst_HttpRequestParser::pipelinedRequests_areReadOneAfterAnother()
{
    const QByteArray bytes = post("Content-Length: 3\r\n", "one")
        + post("Transfer-Encoding: chunked\r\n", "3\r\ntwo\r\n0\r\n\r\n") + "GET /three HTTP/1.1\r\nHost: x\r\n\r\n"
        + post("Content-Length: 4\r\n", "four");
    for (const qsizetype step : {0, 1, 5}) {
        const Outcome out = parse(bytes, step);
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 4);
        QCOMPARE(out.heads, 4);
        QCOMPARE(out.requests.at(0).body, QByteArray("one"));
        QCOMPARE(out.requests.at(1).body, QByteArray("two"));
        QCOMPARE(out.requests.at(2).target, QByteArray("/three"));
        QVERIFY(out.requests.at(2).body.isEmpty());
        QCOMPARE(out.requests.at(3).body, QByteArray("four"));
    }
}

void tst_HttpRequestParser::headerLimits_holdHoweverTheBytesAreSplit()
{
    HttpRequestParser::Limits limits;
    limits.maxHeaderBytes = 200;
    limits.maxHeaderCount = 3;
    const QByteArray three = post("A: 1\r\nB: 2\r\n"); // Host + 2 = 3 fields
    QCOMPARE(parse(three, 1, limits).errorStatus, 0);
    QCOMPARE(parse(post("A: 1\r\nB: 2\r\nC: 3\r\n"), 1, limits).errorStatus, 431);
    const QByteArray big = post("A: " + QByteArray(200, 'x') + "\r\n");
    QCOMPARE(parse(big, 0, limits).errorStatus, 431);
    QCOMPARE(parse(big, 1, limits).errorStatus, 431);
}

void tst_HttpRequestParser::head_isReportedBeforeTheBody()
{
    HttpRequestParser parser;
    parser.feed(post("Content-Length: 1000000\r\nAuthorization: Bearer x\r\n"));
    QCOMPARE(parser.next(), Event::HeadReady);
    QCOMPARE(parser.request().contentLength, 1000000);
    QCOMPARE(parser.request().header("authorization"), QByteArray("Bearer x"));
    QCOMPARE(parser.next(), Event::NeedMore);
    parser.feed(QByteArray(999999, 'a'));
    QCOMPARE(parser.next(), Event::NeedMore);
    parser.feed("b");
    QCOMPARE(parser.next(), Event::MessageComplete);
    QCOMPARE(parser.takeRequest().body.size(), 1000000);
}

void tst_HttpRequestParser::expectContinue_isReported()
{
    const Outcome out = parse(post("Expect: 100-continue\r\nContent-Length: 2\r\n", "ok"));
    QCOMPARE(out.errorStatus, 0);
    QVERIFY(out.requests.constFirst().expectsContinue);
    QVERIFY(!parse(post("Content-Length: 2\r\n", "ok")).requests.constFirst().expectsContinue);
}

void tst_HttpRequestParser::leadingEmptyLines_areIgnored()
{
    const Outcome out = parse("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(out.errorStatus, 0);
    QCOMPARE(out.requests.size(), 1);
}

void tst_HttpRequestParser::bareLf_endsLines()
{
    const Outcome out = parse("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n2\nab\n0\n\n");
    QCOMPARE(out.errorStatus, 0);
    QCOMPARE(out.requests.constFirst().body, QByteArray("ab"));
}

void tst_HttpRequestParser::unparsedBytes_afterARequestAreHandedBack()
{
    HttpRequestParser parser;
    parser.feed("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x05hello");
    QCOMPARE(parser.next(), Event::HeadReady);
    QCOMPARE(parser.next(), Event::MessageComplete);
    QCOMPARE(parser.takeRequest().target, QByteArray("/ws"));
    QCOMPARE(parser.unparsedBytes(), 7);
    QCOMPARE(parser.takeUnparsed(), QByteArray("\x81\x05hello"));
}

void tst_HttpRequestParser::readingHeadAndIdle_followTheBytes()
{
    HttpRequestParser parser;
    QVERIFY(parser.isIdle());
    QVERIFY(!parser.isReadingHead());
    parser.feed("GE");
    QCOMPARE(parser.next(), Event::NeedMore);
    QVERIFY(!parser.isIdle());
    QVERIFY(parser.isReadingHead());
    parser.feed("T / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n");
    QCOMPARE(parser.next(), Event::HeadReady);
    QVERIFY(!parser.isReadingHead());
    QCOMPARE(parser.next(), Event::NeedMore);
    parser.feed("ok");
    QCOMPARE(parser.next(), Event::MessageComplete);
    parser.takeRequest();
    QVERIFY(parser.isIdle());
}

QTEST_GUILESS_MAIN(tst_HttpRequestParser)
#include "tst_httprequestparser.moc"
