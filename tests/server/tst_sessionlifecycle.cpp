// SPDX-License-Identifier: MIT
// The session lifecycle calls of protocol-2026.md against a real agentbay-local: the policy
// at create, its extra Data fields, keep-alive, ListSession filters and the default link.
#include "rawapi.h"

#include <support/localserver.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using AgentBay::Test::Form;
using AgentBay::Test::LocalServer;
using AgentBay::Test::RawAnswer;
using AgentBay::Test::RawApi;
using namespace Qt::Literals::StringLiterals;

namespace {

QDateTime timeOf(const QJsonObject &data, const QString &field)
{
    return QDateTime::fromString(data.value(field).toString(), Qt::ISODate);
}

// Seconds from CreateTime to a deadline field; -1 when the field is absent.
qint64 secondsAfterCreate(const QJsonObject &data, const QString &field)
{
    if (!data.contains(field)) {
        return -1;
    }
    return timeOf(data, u"CreateTime"_s).secsTo(timeOf(data, field));
}

} // namespace

class tst_SessionLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void create_policyGivesTheDeadlines_data();
    void create_policyGivesTheDeadlines();
    void create_invalidPolicy_isRefusedNamingTheParameter_data();
    void create_invalidPolicy_isRefusedNamingTheParameter();
    void create_idleTimeoutInSeconds_releasesTheSession();
    void deadlineFields_areInEveryView();
    void keepAlive_movesTheIdleDeadline();
    void toolCall_movesTheIdleDeadline();
    void metricsCall_leavesTheIdleDeadline();
    void keepAlive_unknownSession_isNotFound();
    void listSession_filtersByImageIdAndStatus();
    void getLink_withoutPort_isTheSessionsPage();

private:
    QJsonObject sessionData(const QString &id);

    LocalServer m_server;
    std::unique_ptr<RawApi> m_api;
};

void tst_SessionLifecycle::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    m_api = std::make_unique<RawApi>(m_server.url(), m_server.apiKey());
}

QJsonObject tst_SessionLifecycle::sessionData(const QString &id)
{
    return m_api->call(u"GetSession"_s, {{u"SessionId"_s, id}}).json.value(u"Data"_s).toObject();
}

void tst_SessionLifecycle::create_policyGivesTheDeadlines_data()
{
    QTest::addColumn<Form>("policy");
    QTest::addColumn<qint64>("idleSeconds"); // -1: no idle release
    QTest::addColumn<qint64>("maxRuntimeSeconds"); // -1: no maximum runtime

    QTest::newRow("none") << Form{} << qint64(-1) << qint64(-1);
    QTest::newRow("legacy Timeout is seconds") << Form{{u"Timeout"_s, u"300"_s}} << qint64(300) << qint64(-1);
    QTest::newRow("policy (Python, Go): minutes")
        << Form{{u"Timeout"_s, u"10"_s}, {u"MaxRuntime"_s, u"60"_s}} << qint64(600) << qint64(3600);
    QTest::newRow("policy (TypeScript): minutes")
        << Form{{u"Timeout"_s, u"10"_s}, {u"MaxRuntime"_s, u"60"_s}, {u"ManualRelease"_s, u"false"_s}} << qint64(600)
        << qint64(3600);
    QTest::newRow("manual release (Python)") << Form{{u"ManualRelease"_s, u"True"_s}} << qint64(-1) << qint64(-1);
    QTest::newRow("manual release (TypeScript)")
        << Form{{u"Timeout"_s, u"0"_s}, {u"MaxRuntime"_s, u"0"_s}, {u"ManualRelease"_s, u"true"_s}} << qint64(-1)
        << qint64(-1);
    QTest::newRow("max runtime only") << Form{{u"MaxRuntime"_s, u"5"_s}} << qint64(-1) << qint64(300);
}

void tst_SessionLifecycle::create_policyGivesTheDeadlines()
{
    QFETCH(Form, policy);
    QFETCH(qint64, idleSeconds);
    QFETCH(qint64, maxRuntimeSeconds);

    const RawAnswer created = m_api->call(u"CreateMcpSession"_s, policy);
    QVERIFY2(created.status == 200, created.body.constData());
    const QJsonObject data = created.json.value(u"Data"_s).toObject();
    const QString id = data.value(u"SessionId"_s).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(timeOf(data, u"CreateTime"_s).isValid());
    // A second or two of slack: the deadline counts from the last activity, a moment after creation.
    const qint64 idle = secondsAfterCreate(data, u"IdleReleaseDeadline"_s);
    QVERIFY2(idleSeconds < 0 ? idle == -1 : (idle >= idleSeconds && idle <= idleSeconds + 2),
        qPrintable(QString::number(idle)));
    QCOMPARE(secondsAfterCreate(data, u"MaxRuntimeDeadline"_s), maxRuntimeSeconds);
    QCOMPARE(m_api->call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, id}}).status, 200);
}

void tst_SessionLifecycle::create_invalidPolicy_isRefusedNamingTheParameter_data()
{
    QTest::addColumn<Form>("policy");
    QTest::addColumn<QString>("code");
    QTest::newRow("negative Timeout") << Form{{u"Timeout"_s, u"-1"_s}} << u"InvalidParameter.Timeout"_s;
    QTest::newRow("Timeout not a number") << Form{{u"Timeout"_s, u"soon"_s}} << u"InvalidParameter.Timeout"_s;
    QTest::newRow("fractional MaxRuntime") << Form{{u"MaxRuntime"_s, u"1.5"_s}} << u"InvalidParameter.MaxRuntime"_s;
    QTest::newRow("ManualRelease not a boolean")
        << Form{{u"ManualRelease"_s, u"maybe"_s}} << u"InvalidParameter.ManualRelease"_s;
}

void tst_SessionLifecycle::create_invalidPolicy_isRefusedNamingTheParameter()
{
    QFETCH(Form, policy);
    QFETCH(QString, code);
    const RawAnswer answer = m_api->call(u"CreateMcpSession"_s, policy);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(u"Code"_s).toString(), code);
    QCOMPARE(answer.json.value(u"Success"_s).toBool(true), false);
}

void tst_SessionLifecycle::create_idleTimeoutInSeconds_releasesTheSession()
{
    const RawAnswer created = m_api->call(u"CreateMcpSession"_s, {{u"Timeout"_s, u"1"_s}});
    const QString id = created.json.value(u"Data"_s).toObject().value(u"SessionId"_s).toString();
    QVERIFY2(!id.isEmpty(), created.body.constData());
    // Released after 1 s idle; the bound only ends a broken run on a loaded machine.
    QTRY_COMPARE_WITH_TIMEOUT(m_api->status(id), u"InvalidMcpSession.NotFound"_s, 15000);
}

void tst_SessionLifecycle::deadlineFields_areInEveryView()
{
    const QString id = m_api->createSession({{u"Timeout"_s, u"30"_s}, {u"MaxRuntime"_s, u"60"_s}});
    QVERIFY(!id.isEmpty());
    const QStringList fields{u"CreateTime"_s, u"IdleReleaseDeadline"_s, u"MaxRuntimeDeadline"_s};
    const QJsonObject detail =
        m_api->call(u"GetSessionDetail"_s, {{u"SessionId"_s, id}}).json.value(u"Data"_s).toObject();
    QJsonObject item;
    const QJsonArray items = m_api->call(u"ListSession"_s).json.value(u"Data"_s).toArray();
    for (const QJsonValue &value : items) {
        if (value.toObject().value(u"SessionId"_s).toString() == id) {
            item = value.toObject();
        }
    }
    for (const QString &field : fields) {
        QVERIFY2(timeOf(sessionData(id), field).isValid(), qPrintable(u"GetSession "_s + field));
        QVERIFY2(timeOf(detail, field).isValid(), qPrintable(u"GetSessionDetail "_s + field));
        QVERIFY2(timeOf(item, field).isValid(), qPrintable(u"ListSession "_s + field));
    }
    // Paused, nothing is idle: only the maximum runtime is still counting.
    QCOMPARE(m_api->call(u"PauseSessionAsync"_s, {{u"SessionId"_s, id}}).status, 200);
    QTRY_COMPARE(m_api->status(id), u"PAUSED"_s);
    QVERIFY(!sessionData(id).contains(u"IdleReleaseDeadline"_s));
    QVERIFY(sessionData(id).contains(u"MaxRuntimeDeadline"_s));
    QCOMPARE(m_api->call(u"ResumeSessionAsync"_s, {{u"SessionId"_s, id}}).status, 200);
    QTRY_COMPARE(m_api->status(id), u"RUNNING"_s);
    QVERIFY(timeOf(sessionData(id), u"IdleReleaseDeadline"_s).isValid());
    QCOMPARE(m_api->call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, id}}).status, 200);
}

void tst_SessionLifecycle::keepAlive_movesTheIdleDeadline()
{
    const QString id = m_api->createSession({{u"Timeout"_s, u"600"_s}});
    QVERIFY(!id.isEmpty());
    const QDateTime first = timeOf(sessionData(id), u"IdleReleaseDeadline"_s);
    QVERIFY(first.isValid());
    // The fields have whole seconds: keep-alives until one lands in a later second.
    const auto keepAlive = [this, &id] {
        const RawAnswer answer = m_api->call(u"RefreshSessionIdleTime"_s, {{u"SessionId"_s, id}});
        return answer.status == 200 && answer.json.value(u"Success"_s).toBool()
            ? timeOf(sessionData(id), u"IdleReleaseDeadline"_s)
            : QDateTime();
    };
    QTRY_VERIFY_WITH_TIMEOUT(keepAlive() > first, 10000);
    QCOMPARE(m_api->call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, id}}).status, 200);
}

void tst_SessionLifecycle::toolCall_movesTheIdleDeadline()
{
    const QString id = m_api->createSession({{u"Timeout"_s, u"600"_s}});
    QVERIFY(!id.isEmpty());
    const QDateTime first = timeOf(sessionData(id), u"IdleReleaseDeadline"_s);
    const auto callTool = [this, &id] {
        const RawAnswer answer = m_api->call(u"CallMcpTool"_s,
            {{u"SessionId"_s, id}, {u"Name"_s, u"list_directory"_s}, {u"Args"_s, uR"({"path": "."})"_s}});
        return answer.status == 200 ? timeOf(sessionData(id), u"IdleReleaseDeadline"_s) : QDateTime();
    };
    QTRY_VERIFY_WITH_TIMEOUT(callTool() > first, 10000);
    QCOMPARE(m_api->call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, id}}).status, 200);
}

void tst_SessionLifecycle::metricsCall_leavesTheIdleDeadline()
{
    const QString id = m_api->createSession({{u"Timeout"_s, u"600"_s}});
    QVERIFY(!id.isEmpty());
    const QDateTime first = timeOf(sessionData(id), u"IdleReleaseDeadline"_s);
    QVERIFY(first.isValid());
    // Deadlines are whole seconds: once a second has passed since the create, activity would show.
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc().addSecs(600) > first.addSecs(1), 10000);
    const RawAnswer answer =
        m_api->call(u"CallMcpTool"_s, {{u"SessionId"_s, id}, {u"Name"_s, u"get_metrics"_s}, {u"Args"_s, u"{}"_s}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(timeOf(sessionData(id), u"IdleReleaseDeadline"_s), first);
    QCOMPARE(m_api->call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, id}}).status, 200);
}

void tst_SessionLifecycle::keepAlive_unknownSession_isNotFound()
{
    const RawAnswer answer =
        m_api->call(u"RefreshSessionIdleTime"_s, {{u"SessionId"_s, u"session-doesnotexist000000"_s}});
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(u"Code"_s).toString(), u"InvalidMcpSession.NotFound"_s);
}

void tst_SessionLifecycle::listSession_filtersByImageIdAndStatus()
{
    const Form labels{{u"Labels"_s, uR"({"suite": "lifecycle-list"})"_s}};
    const QString linux = m_api->createSession(labels);
    const QString code = m_api->createSession(labels + Form{{u"ImageId"_s, u"code_latest"_s}});
    QVERIFY(!linux.isEmpty() && !code.isEmpty());
    QCOMPARE(m_api->call(u"PauseSessionAsync"_s, {{u"SessionId"_s, linux}}).status, 200);
    QTRY_COMPARE(m_api->status(linux), u"PAUSED"_s);

    const auto ids = [this, &labels](const Form &filter) {
        QStringList result;
        const QJsonArray items = m_api->call(u"ListSession"_s, labels + filter).json.value(u"Data"_s).toArray();
        for (const QJsonValue &item : items) {
            result.append(item.toObject().value(u"SessionId"_s).toString());
        }
        return result;
    };
    QCOMPARE(ids({{u"ImageId"_s, u"code_latest"_s}}), QStringList{code});
    QCOMPARE(ids({{u"ImageId"_s, u"linux_latest"_s}}), QStringList{linux});
    QCOMPARE(ids({{u"ImageId"_s, u"no_such_image"_s}}), QStringList());
    QCOMPARE(ids({{u"Status"_s, u"PAUSED"_s}}), QStringList{linux});
    QCOMPARE(ids({{u"Status"_s, u"RUNNING"_s}, {u"ImageId"_s, u"code_latest"_s}}), QStringList{code});

    const QJsonObject item = m_api->call(u"ListSession"_s, labels + Form{{u"ImageId"_s, u"code_latest"_s}})
                                 .json.value(u"Data"_s)
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(item.value(u"ImageId"_s).toString(), u"code_latest"_s);
    QCOMPARE(item.value(u"AppInstanceId"_s).toString(), sessionData(code).value(u"AppInstanceId"_s).toString());
    QCOMPARE(item.value(u"SessionStatus"_s).toString(), u"RUNNING"_s);

    QCOMPARE(m_api->call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, code}}).status, 200);
    QCOMPARE(m_api->call(u"ResumeSessionAsync"_s, {{u"SessionId"_s, linux}}).status, 200);
    QTRY_COMPARE(m_api->status(linux), u"RUNNING"_s);
    QCOMPARE(m_api->call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, linux}}).status, 200);
}

void tst_SessionLifecycle::getLink_withoutPort_isTheSessionsPage()
{
    const QString id = m_api->createSession();
    QVERIFY(!id.isEmpty());
    const QString page = sessionData(id).value(u"ResourceUrl"_s).toString();
    for (const Form &extra : {Form{}, Form{{u"ProtocolType"_s, u"https"_s}}, Form{{u"Option"_s, uR"({"a": 1})"_s}}}) {
        const RawAnswer link = m_api->call(u"GetLink"_s, Form{{u"SessionId"_s, id}} + extra);
        QVERIFY2(link.status == 200, link.body.constData());
        QCOMPARE(link.json.value(u"Data"_s).toObject().value(u"Url"_s).toString(), page);
    }
    // Option changes nothing on a port link either.
    const RawAnswer portLink =
        m_api->call(u"GetLink"_s, {{u"SessionId"_s, id}, {u"Port"_s, u"30150"_s}, {u"Option"_s, u"opaque"_s}});
    QCOMPARE(portLink.status, 200);
    QVERIFY(portLink.json.value(u"Data"_s).toObject().value(u"Url"_s).toString().contains(u"/ports/30150/"_s));

    // The default link opens the session's page.
    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> reply(nam.get(QNetworkRequest(QUrl(page))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains(id.toUtf8()));
    QCOMPARE(m_api->call(u"DeleteSessionAsync"_s, {{u"SessionId"_s, id}}).status, 200);
}

QTEST_GUILESS_MAIN(tst_SessionLifecycle)
#include "tst_sessionlifecycle.moc"
