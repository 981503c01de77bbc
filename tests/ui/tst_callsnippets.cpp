// SPDX-License-Identifier: MIT
#include <ui/tools/callsnippets.h>

#include <QClipboard>
#include <QGuiApplication>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Ui::CallSnippets;
using Language = AgentBay::Ui::CallSnippets::Language;

class tst_CallSnippets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneSession_namesEndpointSessionToolAndArguments();
    void manySessions_loopOverEverySession();
    void copy_putsTheSnippetOnTheClipboard();
};

namespace {

AgentBay::Core::McpTool shellTool()
{
    AgentBay::Core::McpTool tool;
    tool.name = u"shell"_s;
    tool.server = u"wuying_shell"_s;
    return tool;
}

} // namespace

void tst_CallSnippets::oneSession_namesEndpointSessionToolAndArguments()
{
    CallSnippets snippets;
    snippets.setEndpoint(u"http://127.0.0.1:4321"_s);
    const QJsonObject args{{u"command"_s, u"echo hi"_s}};
    for (const Language language : {Language::Python, Language::Shell}) {
        const QString text = snippets.forSession(language, u"s-1"_s, shellTool(), args, 5000);
        QVERIFY2(text.contains(u"s-1"_s) && text.contains(u"shell"_s) && text.contains(u"echo hi"_s), qPrintable(text));
        QVERIFY2(text.contains(u"AGENTBAY_API_KEY"_s), qPrintable(text));
    }
    QVERIFY(snippets.forSession(Language::Shell, u"s-1"_s, shellTool(), args, 5000)
                .contains(u"http://127.0.0.1:4321/?Action=CallMcpTool"_s));
}

void tst_CallSnippets::manySessions_loopOverEverySession()
{
    CallSnippets snippets;
    snippets.setEndpoint(u"http://127.0.0.1:4321"_s);
    const QStringList ids{u"s-1"_s, u"s-2"_s, u"s-3"_s};
    for (const Language language : {Language::Python, Language::Shell}) {
        const QString text = snippets.forSessions(language, ids, shellTool(), {}, 0);
        for (const QString &id : ids) {
            QVERIFY2(text.contains(id), qPrintable(text));
        }
        QVERIFY2(text.contains(u"127.0.0.1:4321"_s), qPrintable(text));
    }
}

void tst_CallSnippets::copy_putsTheSnippetOnTheClipboard()
{
    CallSnippets::copy(u"curl …"_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"curl …"_s);
}

QTEST_MAIN(tst_CallSnippets)
#include "tst_callsnippets.moc"
