// SPDX-License-Identifier: MIT
#include <ui/tools/resultcards.h>

#include <QFrame>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::McpContentItem;
using AgentBay::Ui::ResultCards;

namespace {

McpContentItem textItem(const QString &text)
{
    McpContentItem item;
    item.type = McpContentItem::Type::Text;
    item.typeName = u"text"_s;
    item.text = text;
    return item;
}

} // namespace

class tst_ResultCards : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void jsonInText_onlyWholeObjectsAndArrays_data();
    void jsonInText_onlyWholeObjectsAndArrays();
    void isShellPayload_needsBothStreamsAndACode_data();
    void isShellPayload_needsBothStreamsAndACode();
    void prettyJson_scalarsStayOnOneLine();
    void cards_goBeforeTheStretch_inOrder();
    void shellPayload_withoutCode_onToolError_showsExitCodeOne();
    void clear_leavesOnlyTheStretch();

private:
    std::unique_ptr<QWidget> m_content;
    QVBoxLayout *m_items = nullptr;
};

void tst_ResultCards::init()
{
    m_content = std::make_unique<QWidget>();
    m_items = new QVBoxLayout(m_content.get());
    m_items->addStretch(1);
}

void tst_ResultCards::cleanup()
{
    m_content.reset();
}

void tst_ResultCards::jsonInText_onlyWholeObjectsAndArrays_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("json");
    QTest::newRow("object") << u"{\"a\": 1}"_s << true;
    QTest::newRow("array with spaces around") << u"  [1, 2]\n"_s << true;
    QTest::newRow("number") << u"42"_s << false;
    QTest::newRow("string") << u"\"hi\""_s << false;
    QTest::newRow("broken object") << u"{\"a\": }"_s << false;
    QTest::newRow("text that mentions braces") << u"{ not json }"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_ResultCards::jsonInText_onlyWholeObjectsAndArrays()
{
    QFETCH(QString, text);
    QFETCH(bool, json);
    QCOMPARE(ResultCards::jsonInText(text).has_value(), json);
}

void tst_ResultCards::isShellPayload_needsBothStreamsAndACode_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<bool>("shell");
    QTest::newRow("exit_code") << QJsonObject{{u"stdout"_s, u""_s}, {u"stderr"_s, u""_s}, {u"exit_code"_s, 0}} << true;
    QTest::newRow("errorCode") << QJsonObject{{u"stdout"_s, u"x"_s}, {u"stderr"_s, u""_s}, {u"errorCode"_s, 2}} << true;
    QTest::newRow("no code") << QJsonObject{{u"stdout"_s, u"x"_s}, {u"stderr"_s, u""_s}} << false;
    QTest::newRow("no stderr") << QJsonObject{{u"stdout"_s, u"x"_s}, {u"exit_code"_s, 0}} << false;
    QTest::newRow("stdout not text") << QJsonObject{{u"stdout"_s, 1}, {u"stderr"_s, u""_s}, {u"exit_code"_s, 0}}
                                     << false;
}

void tst_ResultCards::isShellPayload_needsBothStreamsAndACode()
{
    QFETCH(QJsonObject, object);
    QFETCH(bool, shell);
    QCOMPARE(ResultCards::isShellPayload(object), shell);
}

void tst_ResultCards::prettyJson_scalarsStayOnOneLine()
{
    QCOMPARE(ResultCards::prettyJson(QJsonValue(3)), u"3"_s);
    QCOMPARE(ResultCards::prettyJson(QJsonValue(u"a"_s)), u"\"a\""_s);
    QCOMPARE(ResultCards::prettyJson(QJsonObject{{u"a"_s, 1}}), u"{\n    \"a\": 1\n}"_s);
}

void tst_ResultCards::cards_goBeforeTheStretch_inOrder()
{
    ResultCards cards(m_content.get(), m_items);
    cards.addTextItem(0, textItem(u"plain"_s), false);
    cards.addTextItem(1, textItem(u"{\"a\": 1}"_s), false);
    cards.addNote(u"a note"_s);
    QCOMPARE(m_items->count(), 4);
    QCOMPARE(m_items->itemAt(0)->widget()->objectName(), u"textItem"_s);
    QCOMPARE(m_items->itemAt(1)->widget()->objectName(), u"jsonItem"_s);
    QCOMPARE(qobject_cast<QLabel *>(m_items->itemAt(2)->widget())->text(), u"a note"_s);
    QVERIFY(m_items->itemAt(3)->spacerItem()); // the stretch stays last
    auto *json = m_items->itemAt(1)->widget()->findChild<QPlainTextEdit *>(u"text"_s);
    QCOMPARE(json->toPlainText(), u"{\n    \"a\": 1\n}"_s);
    QVERIFY(m_items->itemAt(0)->widget()->findChild<QPushButton *>(u"copy"_s));
}

void tst_ResultCards::shellPayload_withoutCode_onToolError_showsExitCodeOne()
{
    ResultCards cards(m_content.get(), m_items);
    const QString payload = u"{\"stdout\": \"\", \"stderr\": \"boom\", \"errorCode\": null}"_s;
    cards.addTextItem(0, textItem(payload), true);
    auto *code = m_content->findChild<QLabel *>(u"exitCode"_s);
    QVERIFY(code);
    QCOMPARE(code->property("exitCode").toInt(), 1);
    QCOMPARE(m_content->findChild<QPlainTextEdit *>(u"stderr"_s)->toPlainText(), u"boom"_s);
}

void tst_ResultCards::clear_leavesOnlyTheStretch()
{
    ResultCards cards(m_content.get(), m_items);
    cards.addJsonCard(u"structuredContent"_s, u"Structured content"_s, QJsonArray{1, 2});
    cards.addNote(u"note"_s);
    cards.clear();
    QCOMPARE(m_items->count(), 1);
    QVERIFY(m_items->itemAt(0)->spacerItem());
}

QTEST_MAIN(tst_ResultCards)
#include "tst_resultcards.moc"
