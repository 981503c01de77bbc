// SPDX-License-Identifier: MIT
// The tray and notification choices: the Settings dialog shows and saves them, the notifier
// honours each kind, and closing the window keeps the app in the tray only where one exists
// and the setting is on (the window system's close; Quit still quits).
#include <core/api/apiclient.h>
#include <ui/lifecycle/traysettings.h>
#include <ui/services/memorycredentialstore.h>
#include <ui/services/notifier.h>
#include <ui/services/urlopener.h>
#include <ui/tray/trayintegration.h>
#include <ui/window/mainwindow.h>
#include <ui/window/settingsdialog.h>

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

#include <memory>

using namespace AgentBay;

namespace {

class NoOpener final : public Ui::UrlOpener
{
public:
    bool open(const QUrl &) override { return true; }
};

} // namespace

class tst_TraySettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dialog_defaults_trayOn_everyNotificationOn();
    void dialog_savesOnOk_notOnCancel();
    void dialog_withoutTray_closeToTrayOffAndDisabled();
    void notifier_honoursTheSavedKinds_afterSettingsChanged();
    void windowClose_hidesToTray_whenOnAndATrayExists();
    void windowClose_quits_whenOffOrNoTray();
    void quitAction_quitsEvenWithTheTray();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_TraySettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_TraySettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    // Closing the test's last window must not end the test.
    QApplication::setQuitOnLastWindowClosed(false);
}

void tst_TraySettings::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

void tst_TraySettings::dialog_defaults_trayOn_everyNotificationOn()
{
    Ui::SettingsDialog dialog(5000, 5000, 60000);
    dialog.setTraySettings(m_settings.get(), true);
    QVERIFY(dialog.closeToTrayBox()->isChecked());
    QVERIFY(dialog.closeToTrayBox()->isEnabled());
    for (const Ui::Notifier::Kind kind : Ui::TraySettings::notificationKinds()) {
        QVERIFY(dialog.notificationBox(kind));
        QVERIFY(dialog.notificationBox(kind)->isChecked());
    }
    if (qEnvironmentVariableIsSet("AGENTBAY_SHOT_DIR")) {
        dialog.adjustSize();
        dialog.grab().save(qEnvironmentVariable("AGENTBAY_SHOT_DIR") + QStringLiteral("/settings-tray.png"));
    }
}

void tst_TraySettings::dialog_savesOnOk_notOnCancel()
{
    {
        Ui::SettingsDialog dialog(5000, 5000, 60000);
        dialog.setTraySettings(m_settings.get(), true);
        dialog.closeToTrayBox()->setChecked(false);
        dialog.notificationBox(Ui::Notifier::Kind::SessionVanished)->setChecked(false);
        dialog.reject();
    }
    QVERIFY(Ui::TraySettings::closeToTray(m_settings.get(), true));
    QVERIFY(Ui::TraySettings::notificationEnabled(m_settings.get(), Ui::Notifier::Kind::SessionVanished));
    {
        Ui::SettingsDialog dialog(5000, 5000, 60000);
        dialog.setTraySettings(m_settings.get(), true);
        dialog.closeToTrayBox()->setChecked(false);
        dialog.notificationBox(Ui::Notifier::Kind::SessionVanished)->setChecked(false);
        dialog.accept();
    }
    QVERIFY(!Ui::TraySettings::closeToTray(m_settings.get(), true));
    QVERIFY(!Ui::TraySettings::notificationEnabled(m_settings.get(), Ui::Notifier::Kind::SessionVanished));
    QVERIFY(Ui::TraySettings::notificationEnabled(m_settings.get(), Ui::Notifier::Kind::ReleaseSoon));
    // Shown again as saved.
    Ui::SettingsDialog again(5000, 5000, 60000);
    again.setTraySettings(m_settings.get(), true);
    QVERIFY(!again.closeToTrayBox()->isChecked());
    QVERIFY(!again.notificationBox(Ui::Notifier::Kind::SessionVanished)->isChecked());
    QVERIFY(again.notificationBox(Ui::Notifier::Kind::OperationFailed)->isChecked());
}

void tst_TraySettings::dialog_withoutTray_closeToTrayOffAndDisabled()
{
    Ui::SettingsDialog dialog(5000, 5000, 60000);
    dialog.setTraySettings(m_settings.get(), false);
    QVERIFY(!dialog.closeToTrayBox()->isChecked());
    QVERIFY(!dialog.closeToTrayBox()->isEnabled());
    dialog.accept();
    // Nothing saved for it: a desktop that gains a tray gets the default (on).
    QVERIFY(Ui::TraySettings::closeToTray(m_settings.get(), true));
    QVERIFY(!Ui::TraySettings::closeToTray(m_settings.get(), false));
}

void tst_TraySettings::notifier_honoursTheSavedKinds_afterSettingsChanged()
{
    Core::ApiClient client(Core::Config{});
    Ui::MemoryCredentialStore credentials;
    NoOpener opener;
    Ui::MainWindow window(&client, &opener, &credentials, m_settings.get());
    Ui::TrayIntegration glance(&client, window.controller(), &window, m_settings.get());
    glance.attachTable(&window);
    QSignalSpy notified(glance.notifier(), &Ui::Notifier::notified);
    {
        Ui::SettingsDialog dialog(5000, 5000, 60000);
        dialog.setTraySettings(m_settings.get(), true);
        dialog.notificationBox(Ui::Notifier::Kind::OperationFailed)->setChecked(false);
        dialog.notificationBox(Ui::Notifier::Kind::ReleaseSoon)->setChecked(false);
        dialog.accept();
    }
    // Still on until the window says its settings changed.
    QVERIFY(glance.notifier()->isEnabled(Ui::Notifier::Kind::OperationFailed));
    Q_EMIT window.settingsChanged();
    QVERIFY(!glance.notifier()->isEnabled(Ui::Notifier::Kind::OperationFailed));
    QVERIFY(!glance.notifier()->isEnabled(Ui::Notifier::Kind::ReleaseSoon));
    QVERIFY(glance.notifier()->isEnabled(Ui::Notifier::Kind::SessionVanished));
    QVERIFY(glance.notifier()->isEnabled(Ui::Notifier::Kind::OperationFinished));
    glance.notifier()->notify(Ui::Notifier::Kind::OperationFailed, QStringLiteral("Pause failed"), QString());
    glance.notifier()->notify(Ui::Notifier::Kind::ReleaseSoon, QStringLiteral("Released soon"), QString());
    QCOMPARE(notified.size(), 0);
    glance.notifier()->notify(Ui::Notifier::Kind::SessionVanished, QStringLiteral("Gone"), QString());
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(0).value<Ui::Notifier::Kind>(), Ui::Notifier::Kind::SessionVanished);
}

void tst_TraySettings::windowClose_hidesToTray_whenOnAndATrayExists()
{
    Core::ApiClient client(Core::Config{});
    Ui::MemoryCredentialStore credentials;
    NoOpener opener;
    Ui::MainWindow window(&client, &opener, &credentials, m_settings.get());
    Ui::TrayIntegration glance(&client, window.controller(), &window, m_settings.get());
    glance.setTrayAvailability([] {
        return true;
    });
    QVERIFY(glance.closesToTray()); // the default where a tray exists
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The window system's close (title bar, Alt+F4) arrives as a spontaneous close event, which
    // the integration's event filter hands here (a test cannot make a spontaneous one).
    QCloseEvent close;
    QVERIFY(glance.closeToTray(&close));
    QVERIFY(!close.isAccepted());
    QVERIFY(!window.isVisible());
    // Hidden, not closed: the layout was not saved (MainWindow::closeEvent did not run), and a
    // dialog closed meanwhile cannot end the app.
    QVERIFY(!m_settings->contains(QStringLiteral("window/geometry")));
    QVERIFY(!QApplication::quitOnLastWindowClosed());
    // The tray brings it back.
    glance.showWindow();
    QVERIFY(window.isVisible());
    QVERIFY(QApplication::quitOnLastWindowClosed());
    QApplication::setQuitOnLastWindowClosed(false);
}

void tst_TraySettings::windowClose_quits_whenOffOrNoTray()
{
    Core::ApiClient client(Core::Config{});
    Ui::MemoryCredentialStore credentials;
    NoOpener opener;
    Ui::MainWindow window(&client, &opener, &credentials, m_settings.get());
    Ui::TrayIntegration glance(&client, window.controller(), &window, m_settings.get());
    glance.attachTable(&window);
    // A tray, but the setting off (saved by the dialog, applied when the window says so).
    glance.setTrayAvailability([] {
        return true;
    });
    Ui::TraySettings::setCloseToTray(m_settings.get(), false);
    Q_EMIT window.settingsChanged();
    QVERIFY(!glance.closesToTray());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCloseEvent close;
    QVERIFY(!glance.closeToTray(&close));
    QVERIFY(window.isVisible());
    window.windowHandle()->close();
    QTRY_VERIFY(!window.isVisible());
    QVERIFY(m_settings->contains(QStringLiteral("window/geometry"))); // really closed
    // No tray: the setting on does not apply (nothing could bring the window back).
    m_settings->remove(QStringLiteral("window/geometry"));
    Ui::TraySettings::setCloseToTray(m_settings.get(), true);
    glance.setTrayAvailability([] {
        return false;
    });
    QVERIFY(!glance.closesToTray());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!glance.closeToTray(&close));
    window.windowHandle()->close();
    QTRY_VERIFY(!window.isVisible());
    QVERIFY(m_settings->contains(QStringLiteral("window/geometry")));
}

void tst_TraySettings::quitAction_quitsEvenWithTheTray()
{
    Core::ApiClient client(Core::Config{});
    Ui::MemoryCredentialStore credentials;
    NoOpener opener;
    Ui::MainWindow window(&client, &opener, &credentials, m_settings.get());
    Ui::TrayIntegration glance(&client, window.controller(), &window, m_settings.get());
    glance.setTrayAvailability([] {
        return true;
    });
    QVERIFY(glance.closesToTray());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // File > Quit calls close() itself (as does QWindow::close()): not the window system's
    // close, so the window closes.
    window.close();
    QVERIFY(!window.isVisible());
    QVERIFY(m_settings->contains(QStringLiteral("window/geometry")));
}

QTEST_MAIN(tst_TraySettings)
#include "tst_traysettings.moc"
