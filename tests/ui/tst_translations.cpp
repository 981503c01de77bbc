// SPDX-License-Identifier: MIT
// Translations: the .ts files are complete and consistent (no unfinished or vanished entry, every
// text translated, the same %1..%n placeholders and & mnemonics as the source), lupdate finds no
// text in the sources that the .ts files lack, the language follows the system unless Settings
// chose one, and the window and its dialogs, built with the Chinese translation against a real
// agentbay-local, show no English text: a text that bypasses tr() is caught there.
#include <support/appagainstlocalserver.h>
#include <support/widgetwalk.h>
#include <ui/profiles/profiledialog.h>
#include <ui/services/profilestore.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/sessions/createsessiondialog.h>
#include <ui/sessions/deletesessionsdialog.h>
#include <ui/sessions/labeleditor.h>
#include <ui/sessions/sessiondetailpane.h>
#include <ui/sessions/sessiontableview.h>
#include <ui/tools/toolpanel.h>
#include <ui/tray/traycontroller.h>
#include <ui/tray/trayintegration.h>
#include <ui/window/mainwindow.h>
#include <ui/window/settingsdialog.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include <translations/translationloader.h>

#include <memory>
#include <optional>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using Ui::TranslationLoader;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString type; // unfinished, vanished, obsolete or empty
    QStringList forms; // the translation, or its plural forms
    bool numerus = false;
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        const auto name = xml.name();
        if (name == u"TS") {
            ts.language = xml.attributes().value(u"language"_s).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage{context, {}, {}, {}, xml.attributes().value(u"numerus"_s) == u"yes"};
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(u"type"_s).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    message.forms.append(xml.readElementText()); // <numerusform>
                }
            } else {
                message.forms = {xml.readElementText()};
            }
            ts.messages.append(message);
        }
    }
    if (xml.hasError()) {
        ts.error = xml.errorString();
    }
    return ts;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(u"%L?(\\d{1,2}|n)"_s);
    QStringList found;
    for (auto it = marker.globalMatch(text); it.hasNext();) {
        found.append(it.next().captured(1));
    }
    found.sort();
    found.removeDuplicates();
    return found;
}

int mnemonics(const QString &text)
{
    // "&&" is a literal ampersand and "&amp;"-like entities belong to rich text.
    static const QRegularExpression mnemonic(u"(?<!&)&(?![&\\s]|[a-zA-Z]+;|#\\d+;)"_s);
    return int(text.count(mnemonic));
}

// Words that read the same in a Chinese window: names, protocols, keys and formats.
const QSet<QString> &sameInEveryLanguage()
{
    static const QSet<QString> words{u"AgentBay"_s,
        u"Desktop"_s,
        u"MCP"_s,
        u"JSON"_s,
        u"CPU"_s,
        u"API"_s,
        u"SDK"_s,
        u"HTTP"_s,
        u"HTTPS"_s,
        u"URL"_s,
        u"URI"_s,
        u"TLS"_s,
        u"CA"_s,
        u"PEM"_s,
        u"Python"_s,
        u"curl"_s,
        u"Shell"_s,
        u"Qt"_s,
        u"Ctrl"_s,
        u"Shift"_s,
        u"Alt"_s,
        u"Enter"_s,
        u"Esc"_s,
        u"Del"_s,
        u"Delete"_s,
        u"Backspace"_s,
        u"Tab"_s,
        u"stdout"_s,
        u"stderr"_s,
        u"Schema"_s,
        u"schema"_s,
        u"ID"_s,
        u"Lines"_s,
        u"base64"_s,
        u"null"_s,
        u"true"_s,
        u"false"_s,
        u"key"_s,
        u"value"_s,
        u"name"_s,
        u"structuredContent"_s,
        u"LoginRegionId"_s,
        u"ResourceUrl"_s,
        u"WsUrl"_s,
        u"ptySessionId"_s,
        u"PAUSING"_s,
        u"PAUSED"_s,
        u"RESUMING"_s,
        u"RUNNING"_s,
        u"AGENTBAY_API_KEY"_s,
        u"bubblewrap"_s,
        u"get_metrics"_s,
        u"pty"_s,
        u"create"_s,
        u"env"_s,
        u"prod"_s,
        u"team"_s,
        u"owner"_s,
        u"bob"_s,
        u"temp"_s,
        u"host"_s,
        u"port"_s,
        u"http"_s,
        u"https"_s,
        u"ws"_s,
        u"wss"_s,
        u"url"_s,
        u"file"_s,
        u"jsonl"_s,
        u"json"_s,
        u"KEY"_s,
        u"Linux"_s,
        // A language in its own words (the Language choice in Settings); values agentbay-local
        // reports (its region id and resource type).
        u"English"_s,
        u"local"_s,
        u"AIAgent"_s};
    return words;
}

bool isCjk(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF);
}

// True when a text a user sees is English: it has a word of letters that is not a name, a key or a
// format, and no Chinese at all; or a number with an English unit ("29m 56s"), Chinese around it
// or not. Data reads the same in every language, so a chunk with a digit, "_", "-", ".", "/", "=",
// ":" or "@" (ids, images, URLs, labels, paths, times) is not a word.
bool looksEnglish(QString text)
{
    if (Qt::mightBeRichText(text)) {
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    }
    text.remove(u'&');
    static const QRegularExpression separators(u"[\\s,;+()\\[\\]{}\"“”'!?…·，：（）]+"_s);
    const QStringList chunks = text.split(separators, Qt::SkipEmptyParts);
    static const QRegularExpression englishUnit(u"^~?\\d+(ms|s|m|h|d)$"_s);
    if (std::any_of(chunks.cbegin(), chunks.cend(), [](const QString &c) {
            return c.contains(englishUnit);
        })) {
        return true;
    }
    if (std::any_of(text.cbegin(), text.cend(), isCjk)) {
        return false;
    }
    static const QRegularExpression dataChunk(u"[0-9_./=:@$-]"_s);
    static const QRegularExpression word(u"[A-Za-z]{3,}|\\b[A-Za-z]{2}\\b"_s);
    for (const QString &chunk : chunks) {
        if (chunk.contains(dataChunk) || sameInEveryLanguage().contains(chunk)) {
            continue;
        }
        if (chunk.contains(word)) {
            return true;
        }
    }
    return false;
}

// Whether w shows what the session's MCP server says about a tool: its name, server and
// description, and in the argument form the schema's field names, descriptions and choices
// (placeholders and the form's own buttons are still ours).
bool showsServerText(const QWidget *w, const char *what)
{
    static const QStringList toolHeader{u"toolName"_s, u"toolServer"_s, u"toolDescription"_s};
    bool inForm = false;
    for (const QWidget *p = w; p; p = p->parentWidget()) {
        if (toolHeader.contains(p->objectName())) {
            return true;
        }
        inForm = inForm || p->objectName() == u"form";
    }
    return inForm && qstrcmp(what, "placeholder") != 0 && !qobject_cast<const QAbstractButton *>(w);
}

// Every text a widget shows or says (tool tips, placeholders, accessible names included).
void collectTexts(QWidget *root, QStringList &out)
{
    auto add = [&out](const QObject *owner, const char *what, const QString &text) {
        const auto *widget = qobject_cast<const QWidget *>(owner);
        if (widget && showsServerText(widget, what)) {
            return;
        }
        if (!text.trimmed().isEmpty()) {
            out.append(u"%1 %2 (%3): %4"_s.arg(QString::fromLatin1(owner->metaObject()->className()),
                owner->objectName(),
                QString::fromLatin1(what),
                text));
        }
    };
    const auto onWidget = [&add](QWidget *w) {
        if (w->isWindow()) {
            add(w, "window title", w->windowTitle());
        }
        add(w, "tool tip", w->toolTip());
        add(w, "accessible name", w->accessibleName());
        add(w, "accessible description", w->accessibleDescription());
        if (auto *label = qobject_cast<QLabel *>(w)) {
            add(w, "text", label->text());
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            add(w, "text", button->text());
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            add(w, "placeholder", edit->placeholderText());
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) {
            add(w, "placeholder", plain->placeholderText());
        } else if (auto *group = qobject_cast<QGroupBox *>(w)) {
            add(w, "title", group->title());
        } else if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            add(w, "title", dock->windowTitle());
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(w, "tab", tabs->tabText(i));
                add(w, "tab tool tip", tabs->tabToolTip(i));
            }
        } else if (auto *menu = qobject_cast<QMenu *>(w)) {
            add(w, "title", menu->title());
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int c = 0; c < model->columnCount(); ++c) {
                add(w, "header", model->headerData(c, Qt::Horizontal).toString());
                add(w, "header tool tip", model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
            }
        }
        // Fixed choices only: the profile and image lists hold names the user or server chose.
        if (auto *combo = qobject_cast<QComboBox *>(w); combo && !combo->isEditable()) {
            for (int i = 0; i < combo->count(); ++i) {
                add(w, "item", combo->itemText(i));
            }
        }
    };
    const auto onAction = [&add](const QAction *action) {
        add(action, "text", action->text());
        add(action, "tool tip", action->toolTip());
    };
    Test::WidgetWalk(root).visit(onWidget, onAction);
}

QStringList englishTexts(QWidget *root)
{
    QStringList texts;
    collectTexts(root, texts);
    QStringList english;
    for (const QString &entry : std::as_const(texts)) {
        const QString text = entry.section(u"): "_s, 1);
        if (looksEnglish(text)) {
            english.append(entry);
        }
    }
    english.removeDuplicates();
    return english;
}

QString translationsDir()
{
    return QStringLiteral(AGENTBAY_TRANSLATIONS_DIR);
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void tsFile_isCompleteAndConsistent_data();
    void tsFile_isCompleteAndConsistent();
    void tsCheck_catchesBrokenEntries();
    void sources_haveNoTextMissingFromTs_data();
    void sources_haveNoTextMissingFromTs();

    void resolve_followsSystemUnlessChosen_data();
    void resolve_followsSystemUnlessChosen();
    void install_loadsEmbeddedChinese();

    void looksEnglish_data();
    void looksEnglish();
    void window_inChinese_showsNoEnglish();
    void unreachableServer_inChinese_showsNoEnglish();
    void dialogs_inChinese_showNoEnglish();
    void settingsDialog_savesLanguageChoice();

private:
    static QStringList problemsIn(const TsFile &ts);
    void buildWindow();

    Test::AppAgainstLocalServer m_app;
    Ui::MainWindow *m_window = nullptr;
    std::unique_ptr<Ui::TrayIntegration> m_tray;
    TranslationLoader m_loader;
};

void tst_Translations::initTestCase()
{
    QVERIFY(m_app.isValid());
}

void tst_Translations::cleanup()
{
    m_tray.reset();
    m_app.reset();
    m_window = nullptr;
    m_loader.install(u"en"_s);
}

QStringList tst_Translations::problemsIn(const TsFile &ts)
{
    QStringList problems;
    if (!ts.error.isEmpty()) {
        return {ts.error};
    }
    const bool chinese = ts.language.startsWith(u"zh"_s);
    const qsizetype pluralForms = chinese ? 1 : 2;
    for (const TsMessage &m : ts.messages) {
        const QString where = u"%1 \"%2\""_s.arg(m.context, m.source);
        if (!m.type.isEmpty()) {
            problems.append(u"%1 is %2"_s.arg(where, m.type));
            continue;
        }
        if (m.numerus && m.forms.size() != pluralForms) {
            problems.append(u"%1 has %2 plural forms, %3 wants %4"_s.arg(where)
                                .arg(m.forms.size())
                                .arg(ts.language)
                                .arg(pluralForms));
        }
        for (const QString &form : m.forms) {
            if (form.isEmpty()) {
                problems.append(where + u" has an empty translation"_s);
            } else if (placeholders(form) != placeholders(m.source)) {
                problems.append(u"%1: \"%2\" has placeholders %3, the source %4"_s.arg(
                    where, form, placeholders(form).join(u','), placeholders(m.source).join(u',')));
            } else if (mnemonics(form) != mnemonics(m.source)) {
                problems.append(u"%1: \"%2\" has %3 & mnemonics, the source %4"_s.arg(where, form)
                                    .arg(mnemonics(form))
                                    .arg(mnemonics(m.source)));
            } else if (chinese && ::looksEnglish(form)) {
                problems.append(u"%1: \"%2\" is not Chinese"_s.arg(where, form));
            }
        }
    }
    return problems;
}

void tst_Translations::tsFile_isCompleteAndConsistent_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minimum"); // guards against a file that lost its texts
    QTest::newRow("zh_CN") << u"agentbay_zh_CN.ts"_s << 800;
    QTest::newRow("en (plural forms)") << u"agentbay_en.ts"_s << 15;
}

void tst_Translations::tsFile_isCompleteAndConsistent()
{
    QFETCH(QString, file);
    QFETCH(int, minimum);
    const TsFile ts = readTs(translationsDir() + u'/' + file);
    const QStringList problems = problemsIn(ts);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY2(ts.messages.size() >= minimum, qPrintable(QString::number(ts.messages.size())));
}

void tst_Translations::tsCheck_catchesBrokenEntries()
{
    const QString path = m_app.filePath(u"broken_zh_CN.ts"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="zh_CN"><context><name>C</name>
<message><source>New text</source><translation type="unfinished"></translation></message>
<message><source>Gone</source><translation type="vanished">没了</translation></message>
<message><source>Empty</source><translation></translation></message>
<message><source>Delete %1 of %2</source><translation>删除 %1</translation></message>
<message><source>&amp;Save</source><translation>保存</translation></message>
<message><source>Copied</source><translation>Copied</translation></message>
<message numerus="yes"><source>%n item(s)</source><translation><numerusform>%n 项</numerusform></translation></message>
<message><source>&amp;Open</source><translation>打开(&amp;O)</translation></message>
</context></TS>
)");
    file.close();
    const QStringList problems = problemsIn(readTs(path));
    const QStringList expected{u"\"New text\" is unfinished"_s,
        u"\"Gone\" is vanished"_s,
        u"\"Empty\" has an empty translation"_s,
        u"has placeholders 1, the source 1,2"_s,
        u"has 0 & mnemonics, the source 1"_s,
        u"\"Copied\" is not Chinese"_s};
    for (const QString &needle : expected) {
        QVERIFY2(problems.filter(needle).size() == 1, qPrintable(needle + u"\n"_s + problems.join(u'\n')));
    }
    QCOMPARE(problems.size(), expected.size()); // the good plural and mnemonic pass
}

void tst_Translations::sources_haveNoTextMissingFromTs_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("zh_CN") << u"agentbay_zh_CN.ts"_s << QStringList();
    QTest::newRow("en (plural forms)") << u"agentbay_en.ts"_s << QStringList{u"-pluralonly"_s};
}

// lupdate over the same sources as update_translations, on a copy: a tr() text the .ts lacks
// comes back unfinished, a text that is gone comes back vanished.
void tst_Translations::sources_haveNoTextMissingFromTs()
{
    QFETCH(QString, file);
    QFETCH(QStringList, options);
    const QString copy = m_app.filePath(file);
    QFile::remove(copy);
    QVERIFY(QFile::copy(translationsDir() + u'/' + file, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(AGENTBAY_LUPDATE),
        QStringList{u"-locations"_s, u"none"_s, u"-I"_s, QStringLiteral(AGENTBAY_SOURCE_DIR)} + options
            + QStringList{u"@"_s + QStringLiteral(AGENTBAY_LUPDATE_SOURCES), u"-ts"_s, copy});
    QVERIFY(lupdate.waitForFinished(60000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
    const TsFile updated = readTs(copy);
    QStringList missing;
    for (const TsMessage &m : updated.messages) {
        if (m.type == u"unfinished") {
            missing.append(u"%1 \"%2\": not in %3 (build update_translations, then translate it)"_s.arg(
                m.context, m.source, file));
        } else if (m.type == u"vanished" || m.type == u"obsolete") {
            missing.append(
                u"%1 \"%2\": no longer in the sources (build update_translations)"_s.arg(m.context, m.source));
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
}

void tst_Translations::resolve_followsSystemUnlessChosen_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QStringList>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("system zh-CN") << QString() << QStringList{u"zh-CN"_s, u"zh-Hans-CN"_s} << u"zh_CN"_s;
    QTest::newRow("system zh-TW reads Simplified") << QString() << QStringList{u"zh-TW"_s} << u"zh_CN"_s;
    QTest::newRow("system en-US") << QString() << QStringList{u"en-US"_s} << u"en"_s;
    QTest::newRow("system de, then zh") << QString() << QStringList{u"de-DE"_s, u"zh-CN"_s} << u"zh_CN"_s;
    QTest::newRow("system fr only") << QString() << QStringList{u"fr-FR"_s} << u"en"_s;
    QTest::newRow("chosen English on a Chinese system") << u"en"_s << QStringList{u"zh-CN"_s} << u"en"_s;
    QTest::newRow("chosen Chinese on an English system") << u"zh_CN"_s << QStringList{u"en-US"_s} << u"zh_CN"_s;
    QTest::newRow("unknown choice follows the system") << u"xx"_s << QStringList{u"zh-CN"_s} << u"zh_CN"_s;
}

void tst_Translations::resolve_followsSystemUnlessChosen()
{
    QFETCH(QString, choice);
    QFETCH(QStringList, system);
    QFETCH(QString, expected);
    QCOMPARE(TranslationLoader::resolve(choice, system), expected);
}

void tst_Translations::install_loadsEmbeddedChinese()
{
    QVERIFY(QFile::exists(TranslationLoader::qmFile(u"zh_CN"_s)));
    QVERIFY(m_loader.install(u"zh_CN"_s));
    QCOMPARE(m_loader.language(), u"zh_CN"_s);
    QCOMPARE(QCoreApplication::translate("AgentBay::Ui::SessionListModel", "Running"), u"运行中"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"取消"_s);
    QCOMPARE(QLocale().language(), QLocale::Chinese); // dates read 2026/11/30, not "30 Nov 2026"
    QVERIFY(m_loader.install(u"en"_s));
    QCOMPARE(QCoreApplication::translate("AgentBay::Ui::SessionListModel", "Running"), u"Running"_s);
    QCOMPARE(QLocale().language(), QLocale::English);
    // English plural forms come from agentbay_en.qm.
    QCOMPARE(QCoreApplication::translate("AgentBay::Ui::SavedCallsPage", "Imported %n call(s).", nullptr, 1),
        u"Imported 1 call."_s);
    QVERIFY(!m_loader.install(u"xx"_s));
    QCOMPARE(m_loader.language(), u"en"_s);
}

void tst_Translations::looksEnglish_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("english");
    QTest::newRow("English sentence") << u"Delete the session"_s << true;
    QTest::newRow("English word") << u"Refresh"_s << true;
    QTest::newRow("English with mnemonic") << u"&Retry"_s << true;
    QTest::newRow("rich text English") << u"<b>Could not</b> create"_s << true;
    QTest::newRow("two letters") << u"OK"_s << true;
    QTest::newRow("Chinese") << u"删除会话"_s << false;
    QTest::newRow("Chinese with mnemonic") << u"刷新(&F)"_s << false;
    QTest::newRow("Chinese with names") << u"AgentBay Desktop：3 个运行中的会话"_s << false;
    QTest::newRow("session id") << u"session-3f2a91c0"_s << false;
    QTest::newRow("image id") << u"linux_latest"_s << false;
    QTest::newRow("URL") << u"http://127.0.0.1:8080/sessions"_s << false;
    QTest::newRow("label") << u"env=prod"_s << false;
    QTest::newRow("time and number") << u"21:04 12%"_s << false;
    QTest::newRow("product name") << u"AgentBay Desktop"_s << false;
    QTest::newRow("keys") << u"Ctrl+N"_s << false;
    QTest::newRow("English duration in Chinese") << u"将在 29m 56s 后释放"_s << true;
    QTest::newRow("English duration alone") << u"29m 56s"_s << true;
    QTest::newRow("Chinese duration") << u"29分56秒"_s << false;
}

void tst_Translations::looksEnglish()
{
    QFETCH(QString, text);
    QFETCH(bool, english);
    QCOMPARE(::looksEnglish(text), english);
}

void tst_Translations::buildWindow()
{
    m_window = m_app.makeWindow();
    // As the app has it: the glance columns, the lifecycle panel and the tray menu.
    m_tray = std::make_unique<Ui::TrayIntegration>(m_app.client(), m_window->controller(), m_window, m_app.settings());
    m_tray->attachTable(m_window);
    QVERIFY(m_app.showWindow(QSize(1280, 800)));
    QVERIFY(m_app.connectWindow());
}

void tst_Translations::window_inChinese_showsNoEnglish()
{
    QVERIFY2(m_app.startServer(), qPrintable(m_app.server()->lastError()));
    QVERIFY(m_loader.install(u"zh_CN"_s));
    buildWindow();

    // The empty list first, then a session through the create dialog (walked while it is open),
    // selected, with every detail tab shown once.
    QStringList english = englishTexts(m_window);
    // Toolbar buttons read "暂停", not "暂停(P)": a Chinese-style mnemonic's brackets go too.
    static const QRegularExpression leftOverMnemonic(u"\\(\\w\\)"_s);
    const auto toolbars = m_window->findChildren<QToolBar *>();
    for (const QToolBar *toolbar : toolbars) {
        const auto buttons = toolbar->findChildren<QToolButton *>();
        for (const QToolButton *button : buttons) {
            QVERIFY2(!button->text().contains(leftOverMnemonic), qPrintable(button->text()));
        }
    }
    m_window->createAction()->trigger();
    QPointer<Ui::CreateSessionDialog> dialog = m_window->findChild<Ui::CreateSessionDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    english += englishTexts(dialog);
    QVERIFY2(english.isEmpty(), qPrintable(u"English in the empty Chinese window:\n"_s + english.join(u'\n')));
    QSignalSpy created(dialog.data(), &Ui::CreateSessionDialog::created);
    dialog->submit();
    QVERIFY(created.wait(15000));
    const QString id = created.at(0).at(0).toString();
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE(m_window->currentId(), id);
    QTRY_VERIFY(m_window->controller()->store()->find(id)->detailsLoaded);
    auto *tabs = m_window->detailPane()->findChild<QTabWidget *>();
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(0); // let the page fill itself once shown
        english += englishTexts(m_window);
    }
    // The Tools tab with a tool picked: its form, call bar and result area.
    Ui::ToolPanel *tools = m_window->detailPane()->toolPanel();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i) == tools || tabs->widget(i)->isAncestorOf(tools)) {
            tabs->setCurrentIndex(i);
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(tools->selectTool(u"shell"_s), 15000);
    english += englishTexts(m_window);
    // The tray menu with a running session in it (its own window, not the main window's child).
    QTRY_VERIFY(!m_tray->tray()->menu()->actions().isEmpty());
    english += englishTexts(m_tray->tray()->menu());
    // What the session table shows for the row (status, age, labels).
    const QAbstractItemModel *model = m_window->table()->model();
    for (int c = 0; c < model->columnCount(); ++c) {
        const QString cell = model->index(0, c).data().toString();
        if (::looksEnglish(cell)) {
            english.append(u"session table cell %1: %2"_s.arg(c).arg(cell));
        }
    }
    english.removeDuplicates();
    QVERIFY2(english.isEmpty(), qPrintable(u"English in the Chinese window:\n"_s + english.join(u'\n')));
}

// The connection problem as the empty state (with Retry), the status bar's error and the banner.
void tst_Translations::unreachableServer_inChinese_showsNoEnglish()
{
    QVERIFY(m_loader.install(u"zh_CN"_s));
    m_window = m_app.makeWindow(u"unreachable.ini"_s);
    QVERIFY(m_app.showWindow(QSize(1280, 800)));
    QSignalSpy failed(m_window->controller(), &Ui::SessionController::refreshFailed);
    m_window->connectTo(u"http://127.0.0.1:9"_s, u"key"_s); // discard port: nothing listens
    QVERIFY(failed.wait(30000));
    const QStringList english = englishTexts(m_window);
    QVERIFY2(english.isEmpty(), qPrintable(u"English in the unreachable state:\n"_s + english.join(u'\n')));
}

void tst_Translations::dialogs_inChinese_showNoEnglish()
{
    QVERIFY(m_loader.install(u"zh_CN"_s));
    QStringList english;

    QSettings saved(m_app.filePath(u"dialogs.ini"_s), QSettings::IniFormat);
    Ui::SettingsDialog settings(5000, 5000, 30000);
    settings.editLanguageIn(&saved);
    english += englishTexts(&settings);

    // Each kind of profile shows other rows (the local server's key, a custom endpoint); a new one
    // has no name yet.
    for (const auto kind : {Ui::Profile::Kind::Local,
             Ui::Profile::Kind::CloudShanghai,
             Ui::Profile::Kind::CloudSingapore,
             Ui::Profile::Kind::Custom}) {
        Ui::Profile profile;
        profile.name = kind == Ui::Profile::Kind::Local ? Ui::Profile::localName() : QString();
        profile.kind = kind;
        Ui::ProfileDialog profileDialog(profile, m_app.credentials(), {});
        english += englishTexts(&profileDialog);
    }

    // The delete question is modal: read it while it is open, then cancel it.
    QTimer::singleShot(0, this, [&english] {
        QWidget *box = QApplication::activeModalWidget();
        if (!box) {
            english.append(u"the delete question did not open"_s);
            return;
        }
        english += englishTexts(box);
        static_cast<QDialog *>(box)->reject();
    });
    const auto choice = Ui::DeleteSessionsDialog::ask(nullptr, {u"session-1"_s, u"session-2"_s}, true, false);
    QCOMPARE(choice, Ui::DeleteSessionsDialog::Choice::Cancel);

    english.removeDuplicates();
    QVERIFY2(english.isEmpty(), qPrintable(u"English in the Chinese dialogs:\n"_s + english.join(u'\n')));
}

void tst_Translations::settingsDialog_savesLanguageChoice()
{
    QSettings settings(m_app.filePath(u"language.ini"_s), QSettings::IniFormat);
    settings.setValue(u"ui/language"_s, u"en"_s);
    {
        Ui::SettingsDialog dialog(5000, 5000, 30000);
        dialog.editLanguageIn(&settings);
        auto *combo = dialog.findChild<QComboBox *>(u"languageCombo"_s);
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), u"en"_s); // shows what was saved
        QCOMPARE(combo->count(), 3);
        QCOMPARE(combo->itemData(0).toString(), QString()); // the system's language
        combo->setCurrentIndex(combo->findData(u"zh_CN"_s));
        dialog.reject();
    }
    QCOMPARE(settings.value(u"ui/language"_s).toString(), u"en"_s); // Cancel keeps it
    {
        Ui::SettingsDialog dialog(5000, 5000, 30000);
        dialog.editLanguageIn(&settings);
        auto *combo = dialog.findChild<QComboBox *>(u"languageCombo"_s);
        combo->setCurrentIndex(combo->findData(u"zh_CN"_s));
        dialog.accept();
    }
    QCOMPARE(settings.value(u"ui/language"_s).toString(), u"zh_CN"_s);
    // What the app does with it at its next start.
    QCOMPARE(TranslationLoader::resolve(settings.value(u"ui/language"_s).toString(), {u"en-US"_s}), u"zh_CN"_s);
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
