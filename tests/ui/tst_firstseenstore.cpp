// SPDX-License-Identifier: MIT
// First-seen times per endpoint in one JSON file.
#include <ui/services/firstseenstore.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace AgentBay::Ui;
using namespace Qt::StringLiterals;

class tst_FirstSeenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void load_missingFile_isEmpty();
    void saveThenLoad_roundTripsPerKey();
    void save_keepsOtherEndpoints();
    void load_corruptFile_isEmptyAndSaveRepairsIt();
};

void tst_FirstSeenStore::load_missingFile_isEmpty()
{
    QTemporaryDir dir;
    const FirstSeenStore store(dir.filePath(u"none/first-seen.json"_s));
    QVERIFY(store.load(u"http://127.0.0.1:1"_s).isEmpty());
}

void tst_FirstSeenStore::saveThenLoad_roundTripsPerKey()
{
    QTemporaryDir dir;
    const FirstSeenStore store(dir.filePath(u"sub/first-seen.json"_s)); // the folder is made
    const QDateTime at = QDateTime(QDate(2026, 1, 29), QTime(9, 0, 1, 250), Qt::UTC);
    QVERIFY(store.save(u"local:/data"_s, {{u"session-a"_s, at}, {u"session-b"_s, at.addSecs(60)}}));
    const QHash<QString, QDateTime> loaded = store.load(u"local:/data"_s);
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(loaded.value(u"session-a"_s), at);
    QCOMPARE(loaded.value(u"session-b"_s), at.addSecs(60));
    QVERIFY(store.load(u"https://elsewhere"_s).isEmpty());
}

void tst_FirstSeenStore::save_keepsOtherEndpoints()
{
    QTemporaryDir dir;
    const FirstSeenStore store(dir.filePath(u"first-seen.json"_s));
    const QDateTime at = QDateTime(QDate(2026, 1, 29), QTime(9, 0), Qt::UTC);
    QVERIFY(store.save(u"one"_s, {{u"s-1"_s, at}}));
    QVERIFY(store.save(u"two"_s, {{u"s-2"_s, at}}));
    QVERIFY(store.save(u"one"_s, {{u"s-3"_s, at}})); // replaces "one" only
    QCOMPARE(store.load(u"one"_s).keys(), QList<QString>{u"s-3"_s});
    QCOMPARE(store.load(u"two"_s).keys(), QList<QString>{u"s-2"_s});
}

void tst_FirstSeenStore::load_corruptFile_isEmptyAndSaveRepairsIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"first-seen.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{not json");
    file.close();
    const FirstSeenStore store(path);
    QVERIFY(store.load(u"one"_s).isEmpty());
    const QDateTime at = QDateTime(QDate(2026, 1, 29), QTime(9, 0), Qt::UTC);
    QVERIFY(store.save(u"one"_s, {{u"s-1"_s, at}}));
    QCOMPARE(store.load(u"one"_s).value(u"s-1"_s), at);
}

QTEST_APPLESS_MAIN(tst_FirstSeenStore)
#include "tst_firstseenstore.moc"
