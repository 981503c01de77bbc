// SPDX-License-Identifier: MIT
#include <core/tools/savedcallstore.h>

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::SavedCall;
using AgentBay::Core::SavedCallStore;

namespace {

const QString Key = u"akm-secret-0123456789abcdef"_s;

SavedCall shellCall(const QString &name, const QString &command)
{
    return SavedCall{name, u"shell"_s, u"wuying_shell"_s, QJsonObject{{u"command"_s, command}}};
}

} // namespace

class tst_SavedCallStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void saved_newInstanceReadsThem_fileIsPrivate()
    {
        QTemporaryDir dir;
        {
            SavedCallStore store(dir.path(), u"work"_s);
            store.putCall(u"Checks"_s, shellCall(u"disk"_s, u"df -h"_s));
            store.putCall(u"Checks"_s, shellCall(u"uptime"_s, u"uptime"_s));
            store.putCall(u"Other"_s, shellCall(u"ls"_s, u"ls"_s));
            QString error;
            QVERIFY2(store.save(&error), qPrintable(error));
        }
        SavedCallStore again(dir.path(), u"work"_s); // as after a restart
        QVERIFY(again.load());
        QCOMPARE(again.collectionNames(), QStringList({u"Checks"_s, u"Other"_s}));
        QCOMPARE(again.call(u"Checks"_s, u"disk"_s), shellCall(u"disk"_s, u"df -h"_s));
        QCOMPARE(QFile(again.filePath()).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup),
            QFileDevice::Permissions());
        SavedCallStore otherProfile(dir.path(), u"home"_s); // collections are per profile
        QVERIFY(otherProfile.load());
        QVERIFY(otherProfile.collections().isEmpty());
    }

    void sameName_replacesTheCall()
    {
        SavedCallStore store(QDir::tempPath(), u"x"_s);
        store.putCall(u"C"_s, shellCall(u"a"_s, u"one"_s));
        store.putCall(u"C"_s, shellCall(u"a"_s, u"two"_s));
        QCOMPARE(store.collections().first().calls.size(), 1);
        QCOMPARE(store.call(u"C"_s, u"a"_s)->arguments.value(u"command"_s).toString(), u"two"_s);
    }

    void exportImport_roundTrips()
    {
        QTemporaryDir dir;
        SavedCallStore store(dir.path(), u"a"_s);
        store.putCall(u"Checks"_s, shellCall(u"disk"_s, u"df -h"_s));
        store.putCall(u"Checks"_s,
            SavedCall{u"nested"_s,
                u"edit_file"_s,
                {},
                QJsonObject{{u"edits"_s, QJsonArray{QJsonObject{{u"oldText"_s, u"a"_s}}}}}});
        const QByteArray exported = store.exportJson();
        QString error;
        const auto parsed = SavedCallStore::parse(exported, &error);
        QVERIFY2(parsed, qPrintable(error));
        SavedCallStore other(dir.path(), u"b"_s);
        QCOMPARE(other.merge(*parsed), 2);
        QCOMPARE(other.collections(), store.collections());
        QCOMPARE(other.exportJson(), exported);
    }

    void secrets_neverWrittenOrExported()
    {
        QTemporaryDir dir;
        SavedCallStore store(dir.path(), u"a"_s);
        store.setSecrets({Key});
        store.putCall(u"C"_s, shellCall(u"curl"_s, QString(u"curl -H 'Authorization: Bearer "_s + Key + u"' x"_s)));
        QVERIFY(store.save());
        QFile file(store.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(Key.toUtf8()));
        QVERIFY(!store.exportJson().contains(Key.toUtf8()));
    }

    void parse_rejectsWhatIsNotAnExport()
    {
        QString error;
        QVERIFY(!SavedCallStore::parse("[1, 2]", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(
            !SavedCallStore::parse("{\"collections\": [{\"name\": \"C\", \"calls\": [{\"name\": \"x\"}]}]}", &error));
        QVERIFY(error.contains(u"no tool"_s));
        QVERIFY(!SavedCallStore::parse("{\"version\": 99, \"collections\": []}", &error));
    }
};

QTEST_GUILESS_MAIN(tst_SavedCallStore)
#include "tst_savedcallstore.moc"
