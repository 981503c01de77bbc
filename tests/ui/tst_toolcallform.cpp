// SPDX-License-Identifier: MIT
#include <ui/tools/fieldeditor.h>
#include <ui/tools/schemaformwidget.h>
#include <ui/tools/toolcallform.h>

#include <QApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::McpTool;
using AgentBay::Ui::SchemaFormWidget;
using AgentBay::Ui::ToolCallForm;
using AgentBay::Ui::ToolCallSession;

namespace {

enum Tab {
    FormTab,
    JsonTab,
};

McpTool shellTool()
{
    McpTool tool;
    tool.name = u"shell"_s;
    tool.server = u"shell_server"_s;
    tool.inputSchema = QJsonDocument::fromJson(R"({"type": "object",
        "properties": {"command": {"type": "string"}, "timeout_ms": {"type": "integer", "minimum": 1}},
        "required": ["command"]})")
                           .object();
    return tool;
}

McpTool refTool()
{
    McpTool tool;
    tool.name = u"odd"_s;
    tool.inputSchema = QJsonDocument::fromJson(R"({"type": "object",
        "properties": {"spec": {"$ref": "#/$defs/spec"}, "name": {"type": "string"}}})")
                           .object();
    return tool;
}

} // namespace

class tst_ToolCallForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noTool_callDisabled_saysPickATool();
    void blocker_disablesCallAndIsItsTooltip();
    void missingRequired_notSent_problemShownWhereItIs();
    void validArguments_callAndCancelButtons_askTheOwner();
    void loadArguments_showsFormOnlyWhenNothingIsLost_data();
    void loadArguments_showsFormOnlyWhenNothingIsLost();
    void unsupportedSchema_startsInJson_andSaysWhatIsChecked();
    void draft_roundTrip_bringsBackTheTypedJson();
    void setCalling_onlyCancelEnabled_focusFollows();
    void narrowCallBar_buttonsKeepIconsAndDropLabels();
    void timeout_inMilliseconds();
    void tabFromTheFormTab_reachesTheFirstField();
    void toolWithItsOwnTimeout_oneControl_theCallWaitsForIt();

private:
    void typeCommand(ToolCallForm &form, const QString &command);
};

void tst_ToolCallForm::typeCommand(ToolCallForm &form, const QString &command)
{
    auto *line =
        qobject_cast<QLineEdit *>(form.findChild<SchemaFormWidget *>(u"form"_s)->editor(u"command"_s)->inputWidget());
    QVERIFY(line);
    line->clear();
    QTest::keyClicks(line, command);
}

void tst_ToolCallForm::noTool_callDisabled_saysPickATool()
{
    ToolCallForm form;
    auto *call = form.findChild<QPushButton *>(u"callButton"_s);
    QVERIFY(!call->isEnabled());
    QCOMPARE(call->toolTip(), u"Pick a tool first."_s);
    QVERIFY(!form.findChild<QToolButton *>(u"copyAsCode"_s)->isEnabled());
    QVERIFY(!form.findChild<QTabWidget *>(u"argumentsTabs"_s)->isEnabled());
    QVERIFY(!form.findChild<QToolButton *>(u"cancelButton"_s)->isEnabled());
}

void tst_ToolCallForm::blocker_disablesCallAndIsItsTooltip()
{
    ToolCallForm form;
    form.setTool(shellTool(), std::nullopt);
    typeCommand(form, u"ls"_s);
    auto *call = form.findChild<QPushButton *>(u"callButton"_s);
    QVERIFY(call->isEnabled());
    QCOMPARE(form.findChild<QLabel *>(u"callHint"_s)->text(), u"Ctrl+Enter to call"_s);
    form.setBlocker(u"This session is paused."_s);
    QVERIFY(!call->isEnabled());
    QCOMPARE(call->toolTip(), u"This session is paused."_s);
    form.setBlocker({});
    QVERIFY(call->isEnabled());
}

void tst_ToolCallForm::missingRequired_notSent_problemShownWhereItIs()
{
    ToolCallForm form;
    form.setTool(shellTool(), std::nullopt);
    auto *schemaForm = form.findChild<SchemaFormWidget *>(u"form"_s);
    // Untouched: no red before the user did anything.
    QCOMPARE(schemaForm->editor(u"command"_s)->problemText(), QString());
    QCOMPARE(form.findChild<QLabel *>(u"callHint"_s)->text(), QString());
    QVERIFY(!form.argumentsToSend());
    QCOMPARE(schemaForm->editor(u"command"_s)->problemText(), u"Required."_s);
    QVERIFY(form.findChild<QLabel *>(u"callHint"_s)->text().startsWith(u"Not sent: command: Required."_s));
}

void tst_ToolCallForm::validArguments_callAndCancelButtons_askTheOwner()
{
    ToolCallForm form;
    form.setTool(shellTool(), std::nullopt);
    typeCommand(form, u"echo hi"_s);
    QCOMPARE(form.argumentsToSend(), QJsonObject({{u"command"_s, u"echo hi"_s}}));
    QSignalSpy callRequested(&form, &ToolCallForm::callRequested);
    QSignalSpy cancelRequested(&form, &ToolCallForm::cancelRequested);
    QTest::mouseClick(form.findChild<QPushButton *>(u"callButton"_s), Qt::LeftButton);
    QCOMPARE(callRequested.count(), 1);
    form.setCalling(true);
    QTest::mouseClick(form.findChild<QToolButton *>(u"cancelButton"_s), Qt::LeftButton);
    QCOMPARE(cancelRequested.count(), 1);
    QCOMPARE(callRequested.count(), 1);
}

void tst_ToolCallForm::loadArguments_showsFormOnlyWhenNothingIsLost_data()
{
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<int>("tab");
    QTest::newRow("fits the form") << QJsonObject{{u"command"_s, u"ls"_s}, {u"timeout_ms"_s, 5}} << int(FormTab);
    QTest::newRow("unknown key") << QJsonObject{{u"command"_s, u"ls"_s}, {u"extra"_s, 1}} << int(JsonTab);
    QTest::newRow("wrong type") << QJsonObject{{u"command"_s, 3}} << int(JsonTab);
    QTest::newRow("empty text") << QJsonObject{{u"command"_s, QString()}} << int(JsonTab);
}

void tst_ToolCallForm::loadArguments_showsFormOnlyWhenNothingIsLost()
{
    QFETCH(QJsonObject, arguments);
    QFETCH(int, tab);
    ToolCallForm form;
    form.setTool(shellTool(), std::nullopt);
    form.loadArguments(arguments);
    QCOMPARE(form.findChild<QTabWidget *>(u"argumentsTabs"_s)->currentIndex(), tab);
    QCOMPARE(form.isJsonMode(), tab == JsonTab);
    QCOMPARE(form.arguments(), arguments); // exactly what was loaded, either way
}

void tst_ToolCallForm::unsupportedSchema_startsInJson_andSaysWhatIsChecked()
{
    ToolCallForm form;
    form.setTool(refTool(), std::nullopt);
    QVERIFY(form.isJsonMode());
    QCOMPARE(form.findChild<QTabWidget *>(u"argumentsTabs"_s)->currentIndex(), int(JsonTab));
    QVERIFY(form.findChild<QLabel *>(u"jsonStatus"_s)->text().startsWith(u"Valid JSON. Only part of this schema"_s));
    form.findChild<QPlainTextEdit *>(u"jsonEditor"_s)->setPlainText(u"{\"name\": 3}"_s);
    // The understood part is still checked.
    QCOMPARE(form.findChild<QLabel *>(u"jsonStatus"_s)->text(), u"name: Must be text."_s);
    QVERIFY(!form.findChild<QPushButton *>(u"callButton"_s)->isEnabled());
    // The form cannot take it: switching is refused.
    form.findChild<QTabWidget *>(u"argumentsTabs"_s)->setCurrentIndex(FormTab);
    QVERIFY(form.isJsonMode());
}

void tst_ToolCallForm::draft_roundTrip_bringsBackTheTypedJson()
{
    ToolCallForm form;
    form.setTool(shellTool(), std::nullopt);
    form.findChild<QTabWidget *>(u"argumentsTabs"_s)->setCurrentIndex(JsonTab);
    form.findChild<QPlainTextEdit *>(u"jsonEditor"_s)->setPlainText(u"{\"command\": \"half"_s);
    const ToolCallSession::Draft draft = form.draft();
    QVERIFY(draft.json);
    QCOMPARE(draft.jsonText, u"{\"command\": \"half"_s);

    ToolCallForm other;
    other.setTool(shellTool(), draft);
    QVERIFY(other.isJsonMode());
    QCOMPARE(other.findChild<QPlainTextEdit *>(u"jsonEditor"_s)->toPlainText(), u"{\"command\": \"half"_s);
    QVERIFY(!other.arguments()); // still the broken text, not silently replaced

    // A form draft comes back in the form.
    ToolCallForm third;
    third.setTool(shellTool(), ToolCallSession::Draft{false, {}, {{u"command"_s, u"pwd"_s}}});
    QVERIFY(!third.isJsonMode());
    QCOMPARE(third.arguments(), QJsonObject({{u"command"_s, u"pwd"_s}}));
}

void tst_ToolCallForm::setCalling_onlyCancelEnabled_focusFollows()
{
    ToolCallForm form;
    form.setTool(shellTool(), std::nullopt);
    typeCommand(form, u"ls"_s);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    auto *call = form.findChild<QPushButton *>(u"callButton"_s);
    auto *cancel = form.findChild<QToolButton *>(u"cancelButton"_s);
    call->setFocus();
    QVERIFY(call->hasFocus());
    form.setCalling(true);
    QVERIFY(!call->isEnabled());
    QVERIFY(cancel->isEnabled());
    QVERIFY(cancel->hasFocus()); // Space now cancels
    form.setHint(u"Running shell…"_s);
    form.setBlocker({}); // a state refresh while calling keeps the running hint
    QCOMPARE(form.findChild<QLabel *>(u"callHint"_s)->text(), u"Running shell…"_s);
    form.setCalling(false);
    QVERIFY(call->isEnabled());
    QVERIFY(!cancel->isEnabled());
    QVERIFY(call->hasFocus());
}

void tst_ToolCallForm::narrowCallBar_buttonsKeepIconsAndDropLabels()
{
    // The form's own minimum is the full call bar: only a pane squeezed by its owner (a
    // splitter, a narrow window) makes it narrower. A host without a layout does the squeezing.
    QWidget host;
    host.resize(900, 400);
    auto *form = new ToolCallForm(&host);
    form->setTool(shellTool(), std::nullopt);
    form->setGeometry(0, 0, 900, 400);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    auto *cancel = form->findChild<QToolButton *>(u"cancelButton"_s);
    auto *timeout = form->findChild<QSpinBox *>(u"timeout"_s);
    QTRY_COMPARE(cancel->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    QCOMPARE(timeout->prefix(), u"Timeout "_s);
    form->setGeometry(0, 0, 250, 400);
    QTRY_COMPARE(cancel->toolButtonStyle(), Qt::ToolButtonIconOnly);
    QCOMPARE(form->findChild<QToolButton *>(u"copyAsCode"_s)->toolButtonStyle(), Qt::ToolButtonIconOnly);
    QCOMPARE(timeout->prefix(), QString());
    QVERIFY(!cancel->toolTip().isEmpty());
    form->setGeometry(0, 0, 900, 400);
    QTRY_COMPARE(cancel->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    QCOMPARE(timeout->prefix(), u"Timeout "_s);
}

void tst_ToolCallForm::timeout_inMilliseconds()
{
    ToolCallForm form;
    QCOMPARE(form.timeoutMs(), 60000);
    form.findChild<QSpinBox *>(u"timeout"_s)->setValue(5);
    QCOMPARE(form.timeoutMs(), 5000);
}

void tst_ToolCallForm::toolWithItsOwnTimeout_oneControl_theCallWaitsForIt()
{
    QWidget host;
    auto *form = new ToolCallForm(&host);
    host.show();
    auto *timeout = form->findChild<QSpinBox *>(u"timeout"_s);
    QVERIFY(timeout->isVisibleTo(&host));

    // The shell tool says how long to let the command run: that is the only timeout shown,
    // and the call waits for it plus a margin for the answer to travel back.
    form->setTool(shellTool(), std::nullopt);
    QCOMPARE(form->toolTimeoutArgument(), u"timeout_ms"_s);
    QVERIFY(!timeout->isVisibleTo(&host));
    form->loadArguments({{u"command"_s, u"sleep 100"_s}, {u"timeout_ms"_s, 120000}});
    QVERIFY(form->timeoutMs() > 120000);
    QVERIFY(form->timeoutMs() <= 120000 + 60000);
    form->loadArguments({{u"command"_s, u"ls"_s}, {u"timeout_ms"_s, 1000}});
    const int shortWait = form->timeoutMs();
    QVERIFY(shortWait > 1000 && shortWait < 120000);

    // Seconds, with the schema's default when nothing is typed.
    McpTool code;
    code.name = u"run_code"_s;
    code.inputSchema = QJsonDocument::fromJson(R"({"type": "object",
        "properties": {"code": {"type": "string"}, "timeout_s": {"type": "integer", "default": 300}},
        "required": ["code"]})")
                           .object();
    form->setTool(code, std::nullopt);
    QCOMPARE(form->toolTimeoutArgument(), u"timeout_s"_s);
    QVERIFY(!timeout->isVisibleTo(&host));
    QVERIFY(form->timeoutMs() > 300000);

    // A tool without one: the call bar's own control is back.
    form->setTool(refTool(), std::nullopt);
    QVERIFY(form->toolTimeoutArgument().isEmpty());
    QVERIFY(timeout->isVisibleTo(&host));
    timeout->setValue(7);
    QCOMPARE(form->timeoutMs(), 7000);
}

void tst_ToolCallForm::tabFromTheFormTab_reachesTheFirstField()
{
    QWidget host;
    auto *form = new ToolCallForm(&host);
    form->setTool(shellTool(), std::nullopt);
    host.resize(600, 500);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    auto *tabBar = form->findChild<QTabWidget *>(u"argumentsTabs"_s)->findChild<QTabBar *>();
    tabBar->setFocus();
    QTRY_VERIFY(tabBar->hasFocus());
    QTest::keyClick(tabBar, Qt::Key_Tab);
    // Typing goes into the command at once (not into the form's scroll area first).
    auto *command = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY2(command, qPrintable(QApplication::focusWidget()->objectName() + QApplication::focusWidget()->toolTip()));
    QTest::keyClicks(command, u"echo hi"_s);
    QCOMPARE(form->arguments()->value(u"command"_s).toString(), u"echo hi"_s);
}

QTEST_MAIN(tst_ToolCallForm)
#include "tst_toolcallform.moc"
