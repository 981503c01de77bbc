// SPDX-License-Identifier: MIT
// The create dialog and its label table, offscreen, against a real agentbay-local: the images
// offered follow the server, a refused image is explained in plain words, nothing is flagged
// before anything was typed, Tab leaves the label table and Space does not overwrite a cell.
#include <core/api/apiclient.h>
#include <support/localserver.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/urlopener.h>
#include <ui/sessions/createsessiondialog.h>
#include <ui/sessions/labeleditor.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <memory>

using namespace AgentBay;
using namespace Qt::StringLiterals;

namespace {

class NoUrlOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &) override { return true; }
};

} // namespace

class tst_CreateSessionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void localServer_offersOnlyItsImages_cloudTheDocumentedList();
    void refusedImage_isExplainedAndTheServersImagesOffered();
    void imagesNamedIn_findsTheServersImagesButNotTheRefusedOne();
    void newLabelRow_showsNoProblemUntilSomethingIsTyped();
    void tabInTheLabelTable_leavesIt_andSpaceKeepsTheText();
    void labelsMnemonic_thenTabAndSpace_addsALabel();
    void addLabelMnemonic_opensTheKey_andTabGoesOnToTheValue();

private:
    std::unique_ptr<Test::LocalServer> m_server;
    std::unique_ptr<Core::ApiClient> m_client;
    NoUrlOpener m_opener;
    std::unique_ptr<Ui::SessionController> m_controller;
};

void tst_CreateSessionDialog::initTestCase()
{
    m_server = std::make_unique<Test::LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    Core::Config config;
    config.endpoint = m_server->url();
    config.apiKey = m_server->apiKey();
    m_client = std::make_unique<Core::ApiClient>(config);
    m_controller = std::make_unique<Ui::SessionController>(m_client.get(), &m_opener);
}

void tst_CreateSessionDialog::localServer_offersOnlyItsImages_cloudTheDocumentedList()
{
    Ui::CreateSessionDialog dialog(m_controller.get());
    QVERIFY(dialog.offeredImages().contains(u"browser_latest"_s)); // cloud by default
    QVERIFY(dialog.imageCombo()->isEditable()); // custom imgc-… ids still typed in
    dialog.setLocalServer(true);
    QCOMPARE(dialog.offeredImages(), QStringList({u"linux_latest"_s, u"code_latest"_s}));
    QCOMPARE(dialog.imageCombo()->currentText(), u"linux_latest"_s);
    QVERIFY(dialog.imageHint()->text().contains(u"code_latest"_s));
}

void tst_CreateSessionDialog::refusedImage_isExplainedAndTheServersImagesOffered()
{
    Ui::CreateSessionDialog dialog(m_controller.get());
    dialog.show();
    // As if a cloud list were offered to agentbay-local: it refuses browser_latest.
    dialog.imageCombo()->setCurrentText(u"browser_latest"_s);
    dialog.submit();
    // The refusal comes back at once from the loopback server; 10 s covers a loaded machine.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning() && dialog.errorLabel()->isVisible(), 10000);
    const QString text = dialog.errorLabel()->text();
    QVERIFY2(text.contains(u"cannot run the image “browser_latest”"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"InvalidParameter"_s), qPrintable(text)); // no raw API code
    QCOMPARE(dialog.offeredImages(), QStringList({u"linux_latest"_s, u"code_latest"_s}));
    QCOMPARE(dialog.imageCombo()->currentText(), u"linux_latest"_s);
    QVERIFY(dialog.isVisible()); // stays open, nothing typed is lost
}

void tst_CreateSessionDialog::imagesNamedIn_findsTheServersImagesButNotTheRefusedOne()
{
    QCOMPARE(Ui::CreateSessionDialog::imagesNamedIn(
                 u"Unknown image browser_latest; this server offers linux_latest, code_latest"_s, u"browser_latest"_s),
        QStringList({u"linux_latest"_s, u"code_latest"_s}));
    QVERIFY(Ui::CreateSessionDialog::imagesNamedIn(u"quota exceeded"_s, u"linux_latest"_s).isEmpty());
}

void tst_CreateSessionDialog::newLabelRow_showsNoProblemUntilSomethingIsTyped()
{
    Ui::CreateSessionDialog dialog(m_controller.get());
    dialog.show();
    auto *create = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    dialog.labelEditor()->addRow();
    auto *message = dialog.labelEditor()->findChild<QLabel *>();
    QVERIFY(message);
    QVERIFY2(!message->isVisible(), "a blank new row is no error yet");
    QVERIFY(!create->isEnabled()); // but it cannot be sent either
    QTableWidget *table = dialog.labelEditor()->table();
    table->item(0, 0)->setText(u"env"_s); // as typing does
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(u"empty"_s));
}

void tst_CreateSessionDialog::tabInTheLabelTable_leavesIt_andSpaceKeepsTheText()
{
    Ui::CreateSessionDialog dialog(m_controller.get());
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.labelEditor()->setLabels({{u"env"_s, u"prod"_s}, {u"team"_s, u"a"_s}});
    QTableWidget *table = dialog.labelEditor()->table();
    table->setFocus();
    table->setCurrentCell(0, 0);
    QTRY_VERIFY(table->hasFocus());

    QTest::keyClick(table, Qt::Key_Space);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY2(editor && table->isAncestorOf(editor), "Space opens the cell's editor");
    QCOMPARE(editor->text(), u"env"_s); // opened with its text, not replaced by a space
    QTest::keyClick(editor, Qt::Key_Escape);
    QCOMPARE(table->item(0, 0)->text(), u"env"_s);

    table->setFocus();
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY2(!table->hasFocus(), "Tab must move to the next control, not the next cell");
    QCOMPARE(table->currentRow(), 0);
    QCOMPARE(table->currentColumn(), 0);
}

void tst_CreateSessionDialog::labelsMnemonic_thenTabAndSpace_addsALabel()
{
    // The keyboard path to a first label: Alt+L (the "Labels:" mnemonic), Tab, Space.
    Ui::CreateSessionDialog dialog(m_controller.get());
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTableWidget *table = dialog.labelEditor()->table();
    QTRY_VERIFY(QApplication::focusWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::AltModifier);
    QTRY_VERIFY2(table->hasFocus(),
        qPrintable(QApplication::focusWidget()
                ? QString::fromLatin1(QApplication::focusWidget()->metaObject()->className())
                : u"nothing"_s));
    QTest::keyClick(table, Qt::Key_Backtab); // back out and in again: the table is one stop
    QTRY_VERIFY(!table->hasFocus() && !dialog.labelEditor()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Tab);
    auto *add = qobject_cast<QPushButton *>(QApplication::focusWidget());
    QVERIFY2(add && add->text() == u"&Add label"_s, "Tab from the labels reaches Add label");
    QTest::keyClick(add, Qt::Key_Space);
    QTRY_COMPARE(table->rowCount(), 1);
}

void tst_CreateSessionDialog::addLabelMnemonic_opensTheKey_andTabGoesOnToTheValue()
{
    // The shortest keyboard path: Alt+A from anywhere in the dialog, the key, Tab, the value.
    Ui::CreateSessionDialog dialog(m_controller.get());
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTRY_VERIFY(QApplication::focusWidget());
    const QString image = dialog.findChild<QComboBox *>()->currentText();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::AltModifier);
    QTableWidget *table = dialog.labelEditor()->table();
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(dialog.findChild<QComboBox *>()->currentText(), image); // no stray "a" typed
    QTRY_VERIFY(QApplication::focusWidget() && table->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"env"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(QApplication::focusWidget() && table->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"dev"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(dialog.labelEditor()->isValid());
    QCOMPARE(dialog.labelEditor()->labels(), (Core::Labels{{u"env"_s, u"dev"_s}}));
    QVERIFY(dialog.isVisible()); // Return ended the edit; it did not create the session
}

QTEST_MAIN(tst_CreateSessionDialog)
#include "tst_createsessiondialog.moc"
