// SPDX-License-Identifier: MIT
#include <ui/profiles/profiledialog.h>
#include <ui/services/memorycredentialstore.h>
#include <ui/services/profilestore.h>

#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;
using AgentBay::Ui::MemoryCredentialStore;
using AgentBay::Ui::Profile;
using AgentBay::Ui::ProfileStore;

class tst_ProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstStart_hasOnlyLocal_andItIsCurrent();
    void profiles_roundTripThroughSettings();
    void effectiveValues_perKind_data();
    void effectiveValues_perKind();
    void memoryStore_readsBackWhatWasWritten_andSaysItDoesNotPersist();
    void settingsFile_neverHoldsTheKey();
    void profileDialog_importsKeyFromEnvironment_andKeepsItMasked();
};

void tst_ProfileStore::firstStart_hasOnlyLocal_andItIsCurrent()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    ProfileStore store(&settings);
    QCOMPARE(store.profiles().size(), 1);
    QVERIFY(store.profiles().first().isLocal());
    QCOMPARE(store.current().name, u"Local"_s);
    QCOMPARE(store.requestTimeoutMs(), 60000);
}

void tst_ProfileStore::profiles_roundTripThroughSettings()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    ProfileStore store(&settings);
    Profile cloud;
    cloud.name = u"Work"_s;
    cloud.kind = Profile::Kind::CloudSingapore;
    cloud.regionId = u"ap-southeast-1"_s;
    Profile custom;
    custom.name = u"Lab"_s;
    custom.kind = Profile::Kind::Custom;
    custom.endpoint = u"http://10.0.0.5:8080"_s;
    custom.refreshIntervalMs = 2000;
    store.setProfiles({store.profiles().first(), cloud, custom});
    store.setCurrentName(u"Lab"_s);
    store.setRequestTimeoutMs(30000);

    QSettings reread(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    ProfileStore again(&reread);
    QCOMPARE(again.profiles().size(), 3);
    QCOMPARE(again.find(u"work"_s).value(), cloud);
    QCOMPARE(again.current(), custom);
    QCOMPARE(again.requestTimeoutMs(), 30000);
}

void tst_ProfileStore::effectiveValues_perKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<int>("refreshMs");
    QTest::newRow("local") << int(Profile::Kind::Local) << QString() << 5000;
    QTest::newRow("shanghai") << int(Profile::Kind::CloudShanghai) << u"wuyingai.cn-shanghai.aliyuncs.com"_s << 15000;
    QTest::newRow("singapore") << int(Profile::Kind::CloudSingapore) << u"wuyingai.ap-southeast-1.aliyuncs.com"_s
                               << 15000;
    QTest::newRow("custom") << int(Profile::Kind::Custom) << u"example.test:8443"_s << 15000;
}

void tst_ProfileStore::effectiveValues_perKind()
{
    QFETCH(int, kind);
    QFETCH(QString, endpoint);
    QFETCH(int, refreshMs);
    Profile profile;
    profile.kind = Profile::Kind(kind);
    if (profile.kind == Profile::Kind::Custom) {
        profile.endpoint = u"example.test:8443"_s;
    }
    QCOMPARE(profile.effectiveEndpoint(), endpoint);
    QCOMPARE(profile.effectiveRefreshMs(), refreshMs);
    profile.refreshIntervalMs = 1234;
    QCOMPARE(profile.effectiveRefreshMs(), 1234);
}

void tst_ProfileStore::memoryStore_readsBackWhatWasWritten_andSaysItDoesNotPersist()
{
    MemoryCredentialStore store;
    QVERIFY(!store.isPersistent());
    QVERIFY(!store.description().isEmpty());
    std::optional<QString> error;
    store.write(u"apikey/Work"_s, u"akm-1"_s, this, [&error](const QString &e) {
        error = e;
    });
    QTRY_VERIFY(error.has_value());
    QVERIFY(error->isEmpty());
    std::optional<std::optional<QString>> value;
    store.read(u"apikey/Work"_s, this, [&value](const std::optional<QString> &v, const QString &) {
        value = v;
    });
    QTRY_VERIFY(value.has_value());
    QCOMPARE(value->value_or(QString()), u"akm-1"_s);
    value.reset();
    store.read(u"apikey/Other"_s, this, [&value](const std::optional<QString> &v, const QString &) {
        value = v;
    });
    QTRY_VERIFY(value.has_value());
    QVERIFY(!value->has_value());
}

void tst_ProfileStore::settingsFile_neverHoldsTheKey()
{
    QTemporaryDir dir;
    {
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        ProfileStore store(&settings);
        Profile cloud;
        cloud.name = u"Work"_s;
        cloud.kind = Profile::Kind::CloudShanghai;
        store.setProfiles({cloud});
    }
    QFile file(dir.filePath(u"s.ini"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("akm"));
    QVERIFY(!text.contains("apiKey"));
}

void tst_ProfileStore::profileDialog_importsKeyFromEnvironment_andKeepsItMasked()
{
    qputenv("AGENTBAY_API_KEY", "akm-from-env-42");
    MemoryCredentialStore store;
    Profile profile;
    profile.name = u"Work"_s;
    profile.kind = Profile::Kind::CloudShanghai;
    AgentBay::Ui::ProfileDialog dialog(profile, &store, {u"Local"_s, u"Work"_s});
    QVERIFY(!dialog.apiKeyChanged());
    dialog.importKey();
    qunsetenv("AGENTBAY_API_KEY");
    QCOMPARE(dialog.apiKey(), u"akm-from-env-42"_s);
    QVERIFY(dialog.apiKeyChanged());
    auto *keyEdit = dialog.findChild<QLineEdit *>();
    QVERIFY(keyEdit);
    bool masked = false;
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        masked |= edit->text() == u"akm-from-env-42"_s && edit->echoMode() == QLineEdit::Password;
    }
    QVERIFY(masked);
    QCOMPARE(dialog.profile().name, u"Work"_s); // its own name is not "taken"
}

QTEST_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
