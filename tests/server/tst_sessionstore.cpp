// SPDX-License-Identifier: MIT
// Sessions, labels and workspaces survive restarts of agentbay-local, also a kill -9.
#include "rawapi.h"

#include <server/sessions/sessionstore.h>
#include <support/localserver.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using AgentBay::Server::SessionStore;
using AgentBay::Test::encodeForm;
using AgentBay::Test::LocalServer;
using AgentBay::Test::RawAnswer;
using AgentBay::Test::RawApi;
using namespace Qt::Literals::StringLiterals;

class tst_SessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restart_keepsSessionsLabelsAndWorkspaces_data();
    void restart_keepsSessionsLabelsAndWorkspaces();
    void restart_afterKillDuringDelete_leavesNoLeftovers();
    void newSessionId_hasTheServiceShape();
    void isValidId_acceptsOnlyPlainIds_data();
    void isValidId_acceptsOnlyPlainIds();
    void load_storedIdThatIsAPath_isSkippedAndTouchesNothing();
    void load_damagedStore_isReportedNotOverwritten();
};

void tst_SessionStore::restart_keepsSessionsLabelsAndWorkspaces_data()
{
    QTest::addColumn<bool>("kill");
    QTest::newRow("SIGTERM") << false;
    QTest::newRow("kill -9") << true;
}

void tst_SessionStore::restart_keepsSessionsLabelsAndWorkspaces()
{
    QFETCH(bool, kill);
    QTemporaryDir dir;
    LocalServer server(dir.path());
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    RawApi api(server.url(), server.apiKey());

    const QString kept = api.createSession({{u"Labels"_s, uR"({"keep": "me"})"_s}, {u"ImageId"_s, u"code_latest"_s}});
    const QString relabelled = api.createSession({{u"Labels"_s, uR"({"v": "1"})"_s}});
    const QString paused = api.createSession();
    const QString deleted = api.createSession();
    QVERIFY(!kept.isEmpty() && !relabelled.isEmpty() && !paused.isEmpty() && !deleted.isEmpty());
    QCOMPARE(api.call(u"SetLabel"_s, {{u"SessionId"_s, relabelled}, {u"Labels"_s, uR"({"v": "2"})"_s}}).status, 200);
    QCOMPARE(api.call(u"PauseSessionAsync"_s, {{u"SessionId"_s, paused}}).status, 200);
    QTRY_COMPARE(api.status(paused), u"PAUSED"_s);
    QCOMPARE(api.call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, deleted}}).status, 200);
    const RawAnswer wrote = api.call(u"CallMcpTool"_s,
        {{u"SessionId"_s, kept},
            {u"Name"_s, u"write_file"_s},
            {u"Args"_s, uR"({"path": "notes.txt", "content": "survives"})"_s}});
    QCOMPARE(wrote.status, 200);
    const QString resourceUrl = api.call(u"GetSession"_s, {{u"SessionId"_s, kept}})
                                    .json.value(u"Data"_s)
                                    .toObject()
                                    .value(u"ResourceUrl"_s)
                                    .toString();
    const QString token = server.apiKey();

    if (kill) {
        server.kill();
        QVERIFY(QFile::exists(dir.path() + u"/server.json"_s)); // nobody removed it
    } else {
        server.stop();
        QVERIFY(!QFile::exists(dir.path() + u"/server.json"_s));
    }
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QCOMPARE(server.apiKey(), token);
    api.setTarget(server.url(), server.apiKey());

    const RawAnswer list = api.call(u"ListSession"_s, {{u"MaxResults"_s, u"100"_s}});
    QStringList ids;
    for (const QJsonValue &item : list.json.value(u"Data"_s).toArray()) {
        ids.append(item.toObject().value(u"SessionId"_s).toString());
        QCOMPARE(item.toObject().value(u"SessionStatus"_s).toString(), u"RUNNING"_s);
    }
    std::sort(ids.begin(), ids.end());
    QStringList expected{kept, relabelled, paused};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(ids, expected);
    QCOMPARE(api.status(deleted), u"InvalidMcpSession.NotFound"_s);

    auto labelsOf = [&api](const QString &id) {
        const RawAnswer answer = api.call(u"GetLabel"_s, {{u"SessionId"_s, id}});
        return QJsonDocument::fromJson(answer.json.value(u"Data"_s).toObject().value(u"Labels"_s).toString().toUtf8())
            .object();
    };
    QCOMPARE(labelsOf(kept), QJsonObject({{u"keep"_s, u"me"_s}}));
    QCOMPARE(labelsOf(relabelled), QJsonObject({{u"v"_s, u"2"_s}}));

    const RawAnswer detail = api.send("/?Action=GetSessionDetail&SessionId=" + kept.toUtf8(),
        encodeForm({{u"Authorization"_s, api.authorization()}}));
    QCOMPARE(detail.json.value(u"Data"_s).toObject().value(u"ImageId"_s).toString(), u"code_latest"_s);

    // Same auth code, so the old ResourceUrl still opens (on the new port).
    const QString newUrl = api.call(u"GetSession"_s, {{u"SessionId"_s, kept}})
                               .json.value(u"Data"_s)
                               .toObject()
                               .value(u"ResourceUrl"_s)
                               .toString();
    QCOMPARE(newUrl.mid(newUrl.indexOf(u"/sessions/"_s)), resourceUrl.mid(resourceUrl.indexOf(u"/sessions/"_s)));

    const RawAnswer read = api.call(u"CallMcpTool"_s,
        {{u"SessionId"_s, kept}, {u"Name"_s, u"read_file"_s}, {u"Args"_s, uR"({"path": "notes.txt"})"_s}});
    const QJsonObject result = read.json.value(u"Data"_s).toObject();
    QVERIFY2(result.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString() == u"survives"_s,
        read.body.constData());
    QVERIFY(QFile::exists(dir.path() + u"/server.json"_s));
}

void tst_SessionStore::restart_afterKillDuringDelete_leavesNoLeftovers()
{
    QTemporaryDir dir;
    LocalServer server(dir.path());
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    RawApi api(server.url(), server.apiKey());
    const QString id = api.createSession();
    QCOMPARE(api.call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, id}}).status, 200);
    server.kill();
    // Whether or not the teardown ran: after a restart the session and its folder are gone.
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    api.setTarget(server.url(), server.apiKey());
    QCOMPARE(api.status(id), u"InvalidMcpSession.NotFound"_s);
    QTRY_VERIFY(!QFileInfo::exists(dir.path() + u"/sessions/"_s + id));
}

void tst_SessionStore::newSessionId_hasTheServiceShape()
{
    const QString id = SessionStore::newSessionId();
    QVERIFY(QRegularExpression(u"^session-[a-z0-9]{20}$"_s).match(id).hasMatch());
    QVERIFY(id != SessionStore::newSessionId());
}

void tst_SessionStore::isValidId_acceptsOnlyPlainIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("generated") << SessionStore::newSessionId() << true;
    QTest::newRow("service shape") << u"session-04bdwfj7u22a1s30g"_s << true;
    QTest::newRow("underscore and capitals") << u"Session_X-1"_s << true;
    QTest::newRow("longest") << QString(SessionStore::maxIdLength, u'a') << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("too long") << QString(SessionStore::maxIdLength + 1, u'a') << false;
    QTest::newRow("dot dot") << u".."_s << false;
    QTest::newRow("traversal") << u"../../etc"_s << false;
    QTest::newRow("absolute") << u"/etc/passwd"_s << false;
    QTest::newRow("backslash") << u"session-a\\b"_s << false;
    QTest::newRow("space") << u"session- a"_s << false;
    QTest::newRow("NUL") << QString(u"session-a\0b"_s) << false;
    QTest::newRow("non-ASCII letter") << u"session-\u00e9"_s << false;
}

void tst_SessionStore::isValidId_acceptsOnlyPlainIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(SessionStore::isValidId(id), valid);
}

void tst_SessionStore::load_storedIdThatIsAPath_isSkippedAndTouchesNothing()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.path() + u"/data"_s));
    QVERIFY(QDir().mkpath(dir.path() + u"/victim"_s));
    QFile victim(dir.path() + u"/victim/precious.txt"_s);
    QVERIFY(victim.open(QIODevice::WriteOnly));
    victim.close();
    const QJsonObject evil{{u"id"_s, u"../../victim"_s}, {u"imageId"_s, u"linux_latest"_s}, {u"sequence"_s, 1}};
    QFile file(dir.path() + u"/data/sessions.json"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"sessions"_s, QJsonArray{evil}}}).toJson());
    file.close();

    SessionStore store(dir.path() + u"/data"_s);
    QString error;
    QVERIFY2(store.load(&error), qPrintable(error));
    QCOMPARE(store.count(), 0);
    QVERIFY(!QFileInfo::exists(dir.path() + u"/victim/workspace"_s));
    QVERIFY(QFileInfo::exists(dir.path() + u"/victim/precious.txt"_s));
}

void tst_SessionStore::load_damagedStore_isReportedNotOverwritten()
{
    QTemporaryDir dir;
    QFile file(dir.path() + u"/sessions.json"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ torn");
    file.close();
    SessionStore store(dir.path());
    QString error;
    QVERIFY(!store.load(&error));
    QVERIFY(error.contains(u"damaged"_s));
    QFile again(dir.path() + u"/sessions.json"_s);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), QByteArray("{ torn"));
}

QTEST_GUILESS_MAIN(tst_SessionStore)
#include "tst_sessionstore.moc"
