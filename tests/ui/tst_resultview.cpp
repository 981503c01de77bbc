// SPDX-License-Identifier: MIT
#include <ui/tools/resultview.h>

#include <QBuffer>
#include <QFrame>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ToolCallRecord;
using AgentBay::Ui::ResultView;

namespace {

QJsonObject text(const QString &value)
{
    return {{u"type"_s, u"text"_s}, {u"text"_s, value}};
}

QString shellText(const QString &out, const QString &err, int exitCode)
{
    return QString::fromUtf8(QJsonDocument(
        QJsonObject{{u"stdout"_s, out}, {u"stderr"_s, err}, {u"exit_code"_s, exitCode}, {u"traceId"_s, QString()}})
                                 .toJson(QJsonDocument::Compact));
}

QString pngBase64(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QString::fromLatin1(bytes.toBase64());
}

ToolCallRecord record(const QJsonArray &content, bool isError = false)
{
    ToolCallRecord r;
    r.toolName = u"shell"_s;
    r.durationMs = 42;
    r.requestId = u"7D3C1F0A-REQ"_s;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.outcome = isError ? ToolCallRecord::Outcome::ToolError : ToolCallRecord::Outcome::Ok;
    r.result = QJsonObject{{u"content"_s, content}, {u"isError"_s, isError}};
    return r;
}

// The cards in display order, by object name.
QStringList cardNames(const ResultView &view)
{
    QStringList names;
    const auto frames = view.findChildren<QFrame *>();
    QList<QFrame *> cards;
    for (QFrame *frame : frames) {
        if (frame->objectName().endsWith(u"Item"_s) || frame->objectName() == u"structuredContent"_s
            || frame->objectName() == u"errorBanner"_s || frame->objectName() == u"emptyResult"_s) {
            cards.append(frame);
        }
    }
    std::sort(cards.begin(), cards.end(), [](QFrame *a, QFrame *b) {
        return a->y() < b->y();
    });
    for (QFrame *card : cards) {
        names.append(card->objectName());
    }
    return names;
}

} // namespace

class tst_ResultView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showRecord_contentKinds_oneCardEach_data();
    void showRecord_contentKinds_oneCardEach();
    void showRecord_shellSuccess_showsStdoutAndExitCodeZero();
    void showRecord_shellFailure_showsStderrAndExitCodeApart();
    void showRecord_jsonText_isPrettyPrinted();
    void showRecord_image_isRendered();
    void showRecord_toolError_isShownAsAnError();
    void showRecord_failedCall_showsMessageCodeAndRequestId();
    void showRecord_header_showsDurationAndRequestId();
    void plainText_severalItems_joinsTheirTexts();
    void outputSchema_mismatchOnTop_matchQuietlyBelow_errorsNotChecked();
    void popOut_onlyWhenEnabled_andAsksForIt();
};

void tst_ResultView::showRecord_contentKinds_oneCardEach_data()
{
    QTest::addColumn<QJsonObject>("result");
    QTest::addColumn<QStringList>("cards");

    const QJsonObject image{{u"type"_s, u"image"_s}, {u"mimeType"_s, u"image/png"_s}, {u"data"_s, pngBase64(8, 6)}};
    const QJsonObject resource{{u"type"_s, u"resource"_s},
        {u"resource"_s,
            QJsonObject{{u"uri"_s, u"demo://r/1"_s}, {u"mimeType"_s, u"text/plain"_s}, {u"text"_s, u"body"_s}}}};
    const QJsonObject link{{u"type"_s, u"resource_link"_s}, {u"name"_s, u"Blob 1"_s}, {u"uri"_s, u"demo://blob/1"_s}};
    const QJsonObject audio{{u"type"_s, u"audio"_s}, {u"mimeType"_s, u"audio/wav"_s}, {u"data"_s, u"UklGRg=="_s}};
    const QJsonObject odd{{u"type"_s, u"hologram"_s}, {u"x"_s, 1}};

    QTest::newRow("text") << QJsonObject{{u"content"_s, QJsonArray{text(u"hello"_s)}}} << QStringList{u"textItem"_s};
    QTest::newRow("json text") << QJsonObject{{u"content"_s, QJsonArray{text(u"{\"a\":1}"_s)}}}
                               << QStringList{u"jsonItem"_s};
    QTest::newRow("shell") << QJsonObject{{u"content"_s, QJsonArray{text(shellText(u"x\n"_s, QString(), 0))}}}
                           << QStringList{u"shellItem"_s};
    QTest::newRow("image") << QJsonObject{{u"content"_s, QJsonArray{image}}} << QStringList{u"imageItem"_s};
    QTest::newRow("resource") << QJsonObject{{u"content"_s, QJsonArray{resource}}} << QStringList{u"resourceItem"_s};
    QTest::newRow("resource link") << QJsonObject{{u"content"_s, QJsonArray{link}}}
                                   << QStringList{u"resourceLinkItem"_s};
    QTest::newRow("audio") << QJsonObject{{u"content"_s, QJsonArray{audio}}} << QStringList{u"audioItem"_s};
    QTest::newRow("unknown type") << QJsonObject{{u"content"_s, QJsonArray{odd}}} << QStringList{u"unknownItem"_s};
    QTest::newRow("structured content") << QJsonObject{{u"content"_s, QJsonArray{text(u"a"_s)}},
        {u"structuredContent"_s, QJsonObject{{u"content"_s, u"a"_s}}}}
                                        << QStringList{u"textItem"_s, u"structuredContent"_s};
    QTest::newRow("several items in order")
        << QJsonObject{{u"content"_s, QJsonArray{text(u"one"_s), image, text(u"[1,2]"_s), link}}}
        << QStringList{u"textItem"_s, u"imageItem"_s, u"jsonItem"_s, u"resourceLinkItem"_s};
    QTest::newRow("empty") << QJsonObject{{u"content"_s, QJsonArray{}}} << QStringList{u"emptyResult"_s};
}

void tst_ResultView::showRecord_contentKinds_oneCardEach()
{
    QFETCH(QJsonObject, result);
    QFETCH(QStringList, cards);
    ResultView view;
    view.resize(800, 2000);
    ToolCallRecord r = record({});
    r.result = result;
    view.show();
    view.showRecord(r);
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();
    QCOMPARE(cardNames(view), cards);
}

void tst_ResultView::showRecord_shellSuccess_showsStdoutAndExitCodeZero()
{
    ResultView view;
    view.showRecord(record({text(shellText(u"hello\n"_s, QString(), 0))}));
    auto *out = view.findChild<QPlainTextEdit *>(u"stdout"_s);
    auto *code = view.findChild<QLabel *>(u"exitCode"_s);
    QVERIFY(out && code);
    QCOMPARE(out->toPlainText(), u"hello\n"_s);
    QCOMPARE(code->property("exitCode").toInt(), 0);
    QCOMPARE(code->text(), u"exit code 0"_s);
    QVERIFY(!view.findChild<QPlainTextEdit *>(u"stderr"_s)); // nothing on stderr: no empty box
}

void tst_ResultView::showRecord_shellFailure_showsStderrAndExitCodeApart()
{
    ResultView view;
    // The isError form of protocol.md 6.1 uses errorCode.
    const QString payload = QString::fromUtf8(QJsonDocument(
        QJsonObject{{u"errorCode"_s, 2},
            {u"stdout"_s, u"partial"_s},
            {u"stderr"_s, u"ls: cannot access 'nope'\n"_s},
            {u"traceId"_s, u"abc"_s}}).toJson(QJsonDocument::Compact));
    view.showRecord(record({text(payload)}, true));
    QCOMPARE(view.findChild<QPlainTextEdit *>(u"stderr"_s)->toPlainText(), u"ls: cannot access 'nope'\n"_s);
    QCOMPARE(view.findChild<QPlainTextEdit *>(u"stdout"_s)->toPlainText(), u"partial"_s);
    QCOMPARE(view.findChild<QLabel *>(u"exitCode"_s)->property("exitCode").toInt(), 2);
}

void tst_ResultView::showRecord_jsonText_isPrettyPrinted()
{
    ResultView view;
    view.showRecord(record({text(u"{\"cpu_count\":2,\"mem\":{\"used\":1}}"_s)}));
    auto *box = view.findChild<QFrame *>(u"jsonItem"_s)->findChild<QPlainTextEdit *>(u"text"_s);
    QVERIFY(box);
    QVERIFY(box->toPlainText().contains(u"\n    \"cpu_count\": 2,\n"_s));
}

void tst_ResultView::showRecord_image_isRendered()
{
    ResultView view;
    view.showRecord(record(
        {QJsonObject{{u"type"_s, u"image"_s}, {u"mimeType"_s, u"image/png"_s}, {u"data"_s, pngBase64(64, 32)}}}));
    auto *picture = view.findChild<QLabel *>(u"image"_s);
    QVERIFY(picture);
    QCOMPARE(picture->pixmap().size(), QSize(64, 32));
    QVERIFY(view.findChild<QPushButton *>(u"saveAs"_s));
    QVERIFY(view.findChild<QFrame *>(u"imageItem"_s)->findChild<QLabel *>(u"caption"_s)->text().contains(u"64 × 32"_s));
}

void tst_ResultView::showRecord_toolError_isShownAsAnError()
{
    ResultView view;
    view.showRecord(record({text(u"MCP error -32602: Tool nope not found"_s)}, true));
    QCOMPARE(view.findChild<QLabel *>(u"status"_s)->text(), u"Tool error"_s);
    QVERIFY(view.findChild<QFrame *>(u"errorBanner"_s));
    QCOMPARE(view.findChild<QFrame *>(u"textItem"_s)->findChild<QPlainTextEdit *>(u"text"_s)->toPlainText(),
        u"MCP error -32602: Tool nope not found"_s);
}

void tst_ResultView::showRecord_failedCall_showsMessageCodeAndRequestId()
{
    ResultView view;
    ToolCallRecord r;
    r.toolName = u"shell"_s;
    r.outcome = ToolCallRecord::Outcome::Failed;
    r.errorMessage = u"Session not found"_s;
    r.errorCode = u"InvalidMcpSession.NotFound"_s;
    r.requestId = u"REQ-9"_s;
    view.showRecord(r);
    QCOMPARE(view.findChild<QLabel *>(u"status"_s)->text(), u"Failed"_s);
    const QString error = view.findChild<QLabel *>(u"errorText"_s)->text();
    QVERIFY(error.contains(u"Session not found"_s));
    QVERIFY(error.contains(u"InvalidMcpSession.NotFound"_s));
    QVERIFY(error.contains(u"REQ-9"_s));
    QVERIFY(view.jsonText().contains(u"InvalidMcpSession.NotFound"_s));
}

void tst_ResultView::showRecord_header_showsDurationAndRequestId()
{
    ResultView view;
    view.showRecord(record({text(u"x"_s)}));
    const QString meta = view.findChild<QLabel *>(u"meta"_s)->text();
    QVERIFY(meta.contains(u"42 ms"_s));
    QVERIFY(meta.contains(u"7D3C1F0A-REQ"_s));
    QCOMPARE(view.findChild<QLabel *>(u"status"_s)->text(), u"OK"_s);

    // A full UUID is shown short (the header must fit a narrow pane) and kept whole in the tooltip.
    ToolCallRecord uuid = record({text(u"x"_s)});
    uuid.requestId = u"7BFF0D0C-62E9-4ED2-8302-625A066C12AB"_s;
    view.showRecord(uuid);
    auto *metaLabel = view.findChild<QLabel *>(u"meta"_s);
    QVERIFY(metaLabel->text().contains(u"7BFF0D0C…"_s));
    QVERIFY(!metaLabel->text().contains(uuid.requestId));
    QVERIFY(metaLabel->toolTip().contains(uuid.requestId));
}

void tst_ResultView::plainText_severalItems_joinsTheirTexts()
{
    ResultView view;
    view.showRecord(record({text(u"first"_s), text(shellText(u"out\n"_s, u"err\n"_s, 1))}));
    QCOMPARE(view.plainText(), u"first\nout\nerr\n"_s);
}

void tst_ResultView::outputSchema_mismatchOnTop_matchQuietlyBelow_errorsNotChecked()
{
    using State = AgentBay::Core::OutputSchemaVerdict::State;
    ResultView view;
    view.setOutputSchema(QJsonDocument::fromJson("{\"type\": \"object\", \"required\": [\"exit_code\"], "
                                                 "\"properties\": {\"exit_code\": {\"type\": \"integer\"}}}")
                             .object());
    view.showRecord(record({text(u"{\"exit_code\": \"zero\"}"_s)}));
    QCOMPARE(view.outputVerdict().state, State::Mismatch);
    auto *problems = view.findChild<QLabel *>(u"schemaProblems"_s);
    QVERIFY(problems && problems->text().contains(u"exit_code"_s));

    view.showRecord(record({text(u"{\"exit_code\": 0}"_s)}));
    QCOMPARE(view.outputVerdict().state, State::Matches);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the old cards go later
    QVERIFY(!view.findChild<QLabel *>(u"schemaProblems"_s));

    view.showRecord(record({text(u"{\"exit_code\": \"zero\"}"_s)}, true)); // a tool error follows no schema
    QCOMPARE(view.outputVerdict().state, State::NotDeclared);

    view.setOutputSchema({});
    view.showRecord(record({text(u"{\"exit_code\": \"zero\"}"_s)}));
    QCOMPARE(view.outputVerdict().state, State::NotDeclared);
}

void tst_ResultView::popOut_onlyWhenEnabled_andAsksForIt()
{
    ResultView view;
    view.showRecord(record({text(u"x"_s)}));
    auto *button = view.findChild<QAbstractButton *>(u"popOut"_s);
    QVERIFY(button);
    QVERIFY(!button->isVisibleTo(&view));
    view.setPopOutEnabled(true);
    QVERIFY(button->isVisibleTo(&view));
    QSignalSpy asked(&view, &ResultView::popOutRequested);
    button->click();
    QCOMPARE(asked.size(), 1);
}

QTEST_MAIN(tst_ResultView)
#include "tst_resultview.moc"
