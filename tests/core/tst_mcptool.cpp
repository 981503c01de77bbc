// SPDX-License-Identifier: MIT
#include <core/tools/mcptool.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using AgentBay::Core::McpContentItem;
using AgentBay::Core::McpToolResult;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject textItem(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
}

const QByteArray PngBytes = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");

} // namespace

class tst_McpTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromJson_everyContentType_keptWhole();
    void fromJson_jsonString_isDecoded();
    void fromJson_isErrorAndStructuredContent_kept();
    void fromJson_nonJsonString_becomesTheText();
    void firstText_firstItem_data();
    void firstText_firstItem();
    void shellOutput_payload_data();
    void shellOutput_payload();
};

void tst_McpTool::fromJson_everyContentType_keptWhole()
{
    const QJsonObject image{{QStringLiteral("type"), QStringLiteral("image")},
        {QStringLiteral("data"), QString::fromLatin1(PngBytes.toBase64())},
        {QStringLiteral("mimeType"), QStringLiteral("image/png")}};
    const QJsonObject audio{{QStringLiteral("type"), QStringLiteral("audio")},
        {QStringLiteral("data"), QString::fromLatin1(QByteArray("RIFF....WAVE").toBase64())},
        {QStringLiteral("mimeType"), QStringLiteral("audio/wav")}};
    const QJsonObject textResource{{QStringLiteral("type"), QStringLiteral("resource")},
        {QStringLiteral("resource"),
            QJsonObject{{QStringLiteral("uri"), QStringLiteral("file:///workspace/notes.txt")},
                {QStringLiteral("mimeType"), QStringLiteral("text/plain")},
                {QStringLiteral("text"), QStringLiteral("hello from a resource")}}}};
    const QJsonObject blobResource{{QStringLiteral("type"), QStringLiteral("resource")},
        {QStringLiteral("resource"),
            QJsonObject{{QStringLiteral("uri"), QStringLiteral("file:///workspace/a.bin")},
                {QStringLiteral("mimeType"), QStringLiteral("application/octet-stream")},
                {QStringLiteral("blob"), QString::fromLatin1(QByteArray("\x00\x01\x02", 3).toBase64())}}}};
    const QJsonObject link{{QStringLiteral("type"), QStringLiteral("resource_link")},
        {QStringLiteral("uri"), QStringLiteral("file:///workspace/report.md")},
        {QStringLiteral("name"), QStringLiteral("report.md")},
        {QStringLiteral("mimeType"), QStringLiteral("text/markdown")}};
    const QJsonObject future{{QStringLiteral("type"), QStringLiteral("hologram")}, {QStringLiteral("x"), 1}};
    const QJsonObject data{
        {QStringLiteral("content"),
            QJsonArray{textItem(QStringLiteral("first")), image, audio, textResource, blobResource, link, future}},
        {QStringLiteral("isError"), false}};

    const McpToolResult result = McpToolResult::fromJson(data);
    QCOMPARE(result.content.size(), 7);
    QVERIFY(!result.isError);

    QCOMPARE(result.content.at(0).type, McpContentItem::Type::Text);
    QCOMPARE(result.content.at(0).text, QStringLiteral("first"));

    const McpContentItem &img = result.content.at(1);
    QCOMPARE(img.type, McpContentItem::Type::Image);
    QCOMPARE(img.typeName, QStringLiteral("image"));
    QCOMPARE(img.data, PngBytes);
    QCOMPARE(img.mimeType, QStringLiteral("image/png"));
    QCOMPARE(img.raw, image);

    QCOMPARE(result.content.at(2).type, McpContentItem::Type::Audio);
    QCOMPARE(result.content.at(2).data, QByteArray("RIFF....WAVE"));
    QCOMPARE(result.content.at(2).mimeType, QStringLiteral("audio/wav"));

    const McpContentItem &res = result.content.at(3);
    QCOMPARE(res.type, McpContentItem::Type::Resource);
    QCOMPARE(res.uri, QStringLiteral("file:///workspace/notes.txt"));
    QCOMPARE(res.text, QStringLiteral("hello from a resource"));
    QCOMPARE(res.mimeType, QStringLiteral("text/plain"));

    QCOMPARE(result.content.at(4).type, McpContentItem::Type::Resource);
    QCOMPARE(result.content.at(4).data, QByteArray("\x00\x01\x02", 3));

    const McpContentItem &lnk = result.content.at(5);
    QCOMPARE(lnk.type, McpContentItem::Type::ResourceLink);
    QCOMPARE(lnk.uri, QStringLiteral("file:///workspace/report.md"));
    QCOMPARE(lnk.name, QStringLiteral("report.md"));
    QCOMPARE(lnk.mimeType, QStringLiteral("text/markdown"));

    QCOMPARE(result.content.at(6).type, McpContentItem::Type::Unknown);
    QCOMPARE(result.content.at(6).typeName, QStringLiteral("hologram"));
    QCOMPARE(result.content.at(6).raw, future); // kept, not dropped
}

void tst_McpTool::fromJson_jsonString_isDecoded()
{
    const QJsonObject data{
        {QStringLiteral("content"), QJsonArray{textItem(QStringLiteral("a")), textItem(QStringLiteral("b"))}},
        {QStringLiteral("isError"), false}};
    const McpToolResult fromString = McpToolResult::fromJson(QJsonValue(compact(data)));
    const McpToolResult fromObject = McpToolResult::fromJson(data);
    QCOMPARE(fromString.content.size(), 2);
    QCOMPARE(fromString.content, fromObject.content);
    QCOMPARE(fromString.content.at(1).text, QStringLiteral("b"));
    QVERIFY(fromString.raw.isObject()); // the decoded Data, not the string
}

void tst_McpTool::fromJson_isErrorAndStructuredContent_kept()
{
    const QJsonObject structured{{QStringLiteral("temperature"), 21.5}, {QStringLiteral("unit"), QStringLiteral("C")}};
    const QJsonObject data{{QStringLiteral("content"), QJsonArray{textItem(QStringLiteral("tool failed"))}},
        {QStringLiteral("isError"), true},
        {QStringLiteral("structuredContent"), structured}};
    const McpToolResult result = McpToolResult::fromJson(data);
    QVERIFY(result.isError);
    QVERIFY(result.structuredContent.has_value());
    QCOMPARE(result.structuredContent->toObject(), structured);
    QCOMPARE(result.firstText(), QStringLiteral("tool failed"));

    const McpToolResult plain = McpToolResult::fromJson(QJsonObject{{QStringLiteral("content"), QJsonArray()}});
    QVERIFY(!plain.isError);
    QVERIFY(!plain.structuredContent.has_value());
    QVERIFY(plain.content.isEmpty());
}

void tst_McpTool::fromJson_nonJsonString_becomesTheText()
{
    // Go SDK: Data that is a non-JSON string is a success with the raw string.
    const McpToolResult result = McpToolResult::fromJson(QJsonValue(QStringLiteral("plain legacy output")));
    QVERIFY(!result.isError);
    QCOMPARE(result.firstText(), QStringLiteral("plain legacy output"));
}

void tst_McpTool::firstText_firstItem_data()
{
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("expected");

    QTest::newRow("text item") << QJsonObject{{QStringLiteral("content"),
        QJsonArray{textItem(QStringLiteral("hi")), textItem(QStringLiteral("no"))}}}
                               << QStringLiteral("hi");
    QTest::newRow("no content") << QJsonObject{{QStringLiteral("content"), QJsonArray()}} << QString();
    QTest::newRow("bare string item") << QJsonObject{{QStringLiteral("content"), QJsonArray{QStringLiteral("bare")}}}
                                      << QStringLiteral("bare");
    QTest::newRow("blob fallback") << QJsonObject{{QStringLiteral("content"),
        QJsonArray{QJsonObject{
            {QStringLiteral("type"), QStringLiteral("x")}, {QStringLiteral("blob"), QStringLiteral("QUJD")}}}}}
                                   << QStringLiteral("QUJD");
    QTest::newRow("data fallback") << QJsonObject{{QStringLiteral("content"),
        QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
            {QStringLiteral("data"), QStringLiteral("iVBORw0KGgo=")},
            {QStringLiteral("mimeType"), QStringLiteral("image/png")}}}}}
                                   << QStringLiteral("iVBORw0KGgo=");
}

void tst_McpTool::firstText_firstItem()
{
    QFETCH(QJsonObject, data);
    QFETCH(QString, expected);
    QCOMPARE(McpToolResult::fromJson(data).firstText(), expected);
}

void tst_McpTool::shellOutput_payload_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<bool>("isShell");
    QTest::addColumn<QString>("stdOut");
    QTest::addColumn<QString>("stdErr");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("traceId");

    QTest::newRow("success") << QStringLiteral(R"({"stdout": "hello\n", "stderr": "", "exit_code": 0, "traceId": ""})")
                             << false << true << QStringLiteral("hello\n") << QString() << 0 << QString();
    QTest::newRow("non-zero exit") << QStringLiteral(
        R"({"stdout": "", "stderr": "oops", "exit_code": 3, "traceId": "t1"})")
                                   << false << true << QString() << QStringLiteral("oops") << 3 << QStringLiteral("t1");
    QTest::newRow("isError with errorCode") << QStringLiteral(
        R"({"errorCode": 1, "stderr": "cat: /nope: No such file or directory\n", "stdout": "", "traceId": "77f9"})")
                                            << true << true << QString()
                                            << QStringLiteral("cat: /nope: No such file or directory\n") << 1
                                            << QStringLiteral("77f9");
    QTest::newRow("legacy plain text is not a shell payload")
        << QStringLiteral("total 0\n") << false << false << QString() << QString() << 0 << QString();
    QTest::newRow("other json is not a shell payload")
        << QStringLiteral(R"({"width": 1, "height": 2})") << false << false << QString() << QString() << 0 << QString();
}

void tst_McpTool::shellOutput_payload()
{
    QFETCH(QString, text);
    QFETCH(bool, isError);
    QFETCH(bool, isShell);
    QFETCH(QString, stdOut);
    QFETCH(QString, stdErr);
    QFETCH(int, exitCode);
    QFETCH(QString, traceId);

    const QJsonObject data{
        {QStringLiteral("content"), QJsonArray{textItem(text)}}, {QStringLiteral("isError"), isError}};
    const auto output = McpToolResult::fromJson(data).shellOutput();
    QCOMPARE(output.has_value(), isShell);
    if (!isShell) {
        return;
    }
    QCOMPARE(output->stdOut, stdOut);
    QCOMPARE(output->stdErr, stdErr);
    QCOMPARE(output->exitCode, exitCode);
    QCOMPARE(output->traceId, traceId);
}

QTEST_APPLESS_MAIN(tst_McpTool)
#include "tst_mcptool.moc"
