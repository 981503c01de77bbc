// SPDX-License-Identifier: MIT
// Every Alt+letter in a dialog goes to one control only: the test walks each dialog's labels
// (with a buddy), buttons, check boxes, group boxes and tabs, and fails on a letter used twice.
#include <core/api/apiclient.h>
#include <ui/profiles/profiledialog.h>
#include <ui/services/memorycredentialstore.h>
#include <ui/services/profilestore.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/urlopener.h>
#include <ui/sessions/createsessiondialog.h>
#include <ui/sessions/deletesessionsdialog.h>
#include <ui/sessions/sessionlabelspage.h>
#include <ui/window/settingsdialog.h>

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <translations/translationloader.h>

using namespace AgentBay;

namespace {

class NoOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &) override { return true; }
};

// The letter after a single '&' ("&&" is a literal ampersand), lower case; null when none.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&') {
            continue;
        }
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// "Alt+R: &Refresh, &Region" for each letter
// that more than one control of root uses.
QStringList duplicateMnemonics(QWidget *root)
{
    QMultiMap<QChar, QString> owners;
    const auto note = [&owners](const QString &text) {
        if (const QChar letter = mnemonicOf(text); !letter.isNull()) {
            owners.insert(letter, text);
        }
    };
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(root)) {
            continue;
        }
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            note(button->text());
        } else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy()) {
            note(label->text());
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            note(group->title());
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                note(tabs->tabText(i));
            }
        }
    }
    QStringList problems;
    for (const QChar letter : owners.uniqueKeys()) {
        const QStringList texts = owners.values(letter);
        if (texts.size() > 1) {
            problems << QStringLiteral("Alt+%1: %2").arg(letter.toUpper(), texts.join(QStringLiteral(", ")));
        }
    }
    return problems;
}

} // namespace

class tst_DialogMnemonics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every test in English and in Chinese (whose texts carry their own "(&X)").
    void initTestCase_data();
    void init();
    void mnemonicOf_readsTheLetterAfterASingleAmpersand();
    void walk_findsADuplicate();
    void settings_unique();
    void profile_unique();
    void createSession_unique();
    void labels_unique();
    void deleteSessions_unique_data();
    void deleteSessions_unique();

private:
    Ui::TranslationLoader m_loader;
};

void tst_DialogMnemonics::initTestCase_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void tst_DialogMnemonics::init()
{
    QFETCH_GLOBAL(QString, language);
    QVERIFY(m_loader.install(language));
}

void tst_DialogMnemonics::mnemonicOf_readsTheLetterAfterASingleAmpersand()
{
    QCOMPARE(mnemonicOf(QStringLiteral("&Refresh")), QChar(u'r'));
    QCOMPARE(mnemonicOf(QStringLiteral("Save &Labels")), QChar(u'l'));
    QCOMPARE(mnemonicOf(QStringLiteral("Tom && Jerry")), QChar());
    QCOMPARE(mnemonicOf(QStringLiteral("刷新(&R)")), QChar(u'r'));
}

void tst_DialogMnemonics::walk_findsADuplicate()
{
    // The test can fail: two controls with Alt+R.
    QWidget root;
    auto *label = new QLabel(QStringLiteral("&Refresh"), &root);
    label->setBuddy(new QLabel(&root));
    new QGroupBox(QStringLiteral("&Region"), &root);
    QCOMPARE(duplicateMnemonics(&root).size(), 1);
}

void tst_DialogMnemonics::settings_unique()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    Ui::SettingsDialog dialog(5000, 5000, 30000);
    dialog.setQuitPolicy(0);
    dialog.editLanguageIn(&settings);
    dialog.setTraySettings(&settings, true);
    const QStringList problems = duplicateMnemonics(&dialog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void tst_DialogMnemonics::profile_unique()
{
    Ui::MemoryCredentialStore store;
    for (const auto kind : {Ui::Profile::Kind::Local, Ui::Profile::Kind::CloudShanghai}) {
        Ui::Profile profile;
        profile.name = QStringLiteral("p");
        profile.kind = kind;
        Ui::ProfileDialog dialog(profile, &store, {});
        const QStringList problems = duplicateMnemonics(&dialog);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }
}

void tst_DialogMnemonics::createSession_unique()
{
    Core::ApiClient client(Core::Config{});
    NoOpener opener;
    Ui::SessionController controller(&client, &opener);
    Ui::CreateSessionDialog dialog(&controller);
    const QStringList problems = duplicateMnemonics(&dialog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void tst_DialogMnemonics::labels_unique()
{
    Core::ApiClient client(Core::Config{});
    NoOpener opener;
    Ui::SessionController controller(&client, &opener);
    Ui::SessionLabelsPage page(&controller);
    const QStringList problems = duplicateMnemonics(&page);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void tst_DialogMnemonics::deleteSessions_unique_data()
{
    QTest::addColumn<bool>("anyPaused");
    QTest::addColumn<bool>("allPaused");
    QTest::newRow("running") << false << false;
    QTest::newRow("some paused") << true << false;
    QTest::newRow("all paused") << true << true;
}

void tst_DialogMnemonics::deleteSessions_unique()
{
    QFETCH(bool, anyPaused);
    QFETCH(bool, allPaused);
    QStringList problems;
    bool seen = false;
    // The question is modal: look at it once it is up, then answer Cancel.
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box) {
            seen = true;
            problems = duplicateMnemonics(box);
            box->reject();
        }
    });
    const auto choice = Ui::DeleteSessionsDialog::ask(
        nullptr, {QStringLiteral("session-a"), QStringLiteral("session-b")}, anyPaused, allPaused);
    QVERIFY(seen);
    QCOMPARE(choice, Ui::DeleteSessionsDialog::Choice::Cancel);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

QTEST_MAIN(tst_DialogMnemonics)
#include "tst_dialogmnemonics.moc"
