// SPDX-License-Identifier: MIT
// The profile dialog, offscreen: no problem is shown before anything was typed, a keychain that
// fails is a plain warning that the key lasts this run only (the system's words in the tool tip),
// and switching the service to Custom starts from an empty endpoint.
#include <ui/profiles/profiledialog.h>
#include <ui/services/credentialstore.h>
#include <ui/services/profilestore.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using Ui::Profile;

namespace {

const QString SystemError = u"Failed to execute child process \u201cdbus-launch\u201d (No such file or directory)"_s;

// A keychain that cannot be reached, as on a desktop without a D-Bus session.
class BrokenKeychain final : public Ui::CredentialStore
{
public:
    bool isPersistent() const override { return false; }

    QString description() const override { return SystemError; }

    void read(const QString &, QObject *, ReadCallback done) override { done(std::nullopt, SystemError); }

    void write(const QString &, const QString &, QObject *, WriteCallback done) override { done(SystemError); }

    void remove(const QString &, QObject *, WriteCallback done) override { done({}); }
};

} // namespace

class tst_ProfileDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newProfile_showsNoProblemBeforeTyping();
    void brokenKeychain_isAPlainWarningThatTheKeyLastsThisRun();
    void switchingToCustom_startsFromAnEmptyEndpoint();
};

void tst_ProfileDialog::newProfile_showsNoProblemBeforeTyping()
{
    Profile profile;
    profile.kind = Profile::Kind::Custom;
    Ui::ProfileDialog dialog(profile, nullptr, {});
    dialog.show();
    auto *problem = dialog.findChild<QLabel *>(u"problem"_s);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!problem->isVisible());
    QVERIFY(!ok->isEnabled()); // nothing to save yet, said in the button's tool tip
    QVERIFY(!ok->toolTip().isEmpty());
    auto *name = dialog.findChild<QLineEdit *>(u"name"_s);
    QTest::keyClicks(name, u"staging"_s);
    QVERIFY(problem->isVisible()); // now the missing endpoint is worth saying
    QVERIFY(problem->text().contains(u"endpoint"_s));
}

void tst_ProfileDialog::brokenKeychain_isAPlainWarningThatTheKeyLastsThisRun()
{
    BrokenKeychain keychain;
    Profile profile;
    profile.name = u"Shanghai"_s;
    profile.kind = Profile::Kind::CloudShanghai;
    Ui::ProfileDialog dialog(profile, &keychain, {u"Shanghai"_s});
    auto *status = dialog.findChild<QLabel *>(u"keyStatus"_s);
    QVERIFY2(status->text().contains(u"this run only"_s), qPrintable(status->text()));
    QVERIFY2(!status->text().contains(u"dbus"_s), qPrintable(status->text()));
    QVERIFY(status->isEnabled());
    QCOMPARE(status->toolTip(), SystemError);
}

void tst_ProfileDialog::switchingToCustom_startsFromAnEmptyEndpoint()
{
    Profile profile;
    profile.name = u"Shanghai"_s;
    profile.kind = Profile::Kind::CloudShanghai;
    Ui::ProfileDialog dialog(profile, nullptr, {});
    dialog.show();
    auto *endpoint = dialog.findChild<QLineEdit *>(u"endpoint"_s);
    QVERIFY(!endpoint->text().isEmpty()); // the service's fixed host
    auto *service = dialog.findChild<QComboBox *>(u"service"_s);
    service->setCurrentIndex(service->findData(int(Profile::Kind::Custom)));
    QVERIFY(endpoint->text().isEmpty());
    QTest::keyClicks(endpoint, u"127.0.0.1:9000"_s);
    QCOMPARE(dialog.profile().endpoint, u"127.0.0.1:9000"_s);
}

QTEST_MAIN(tst_ProfileDialog)
#include "tst_profiledialog.moc"
