// SPDX-License-Identifier: MIT
#include <core/api/apiclient.h>
#include <support/localserver.h>
#include <ui/services/sessiondetailloader.h>
#include <ui/services/sessionstore.h>

#include <QSignalSpy>
#include <QtTest>

#include <optional>

using namespace AgentBay;
using namespace Qt::StringLiterals;

class tst_SessionDetailLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void load_fillsEveryRow_withBoundedConcurrency();
    void load_secondTime_usesCacheWithoutRequests();
    void reload_fetchesAgain();

private:
    std::unique_ptr<Test::LocalServer> m_server;
    std::unique_ptr<Core::ApiClient> m_client;
    QList<Core::SessionSummary> m_sessions;
};

void tst_SessionDetailLoader::initTestCase()
{
    m_server = std::make_unique<Test::LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    Core::Config config;
    config.endpoint = m_server->url();
    config.apiKey = m_server->apiKey();
    m_client = std::make_unique<Core::ApiClient>(config);
    for (int i = 0; i < 8; ++i) {
        std::optional<Core::Result<Core::SessionData>> created;
        Core::CreateSessionParams params;
        params.imageId = i % 2 ? u"code_latest"_s : u"linux_latest"_s;
        params.labels = {{u"n"_s, QString::number(i)}};
        m_client->create(params, this, [&created](const Core::Result<Core::SessionData> &r) {
            created = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 15000);
        if (!created->ok()) {
            QFAIL(qPrintable(created->error().details()));
        }
        Core::SessionSummary item;
        item.sessionId = created->value().sessionId;
        item.status = Core::SessionStatus::Running;
        m_sessions.append(item);
    }
}

void tst_SessionDetailLoader::load_fillsEveryRow_withBoundedConcurrency()
{
    Ui::SessionStore model;
    Ui::SessionDetailLoader loader(m_client.get(), &model);
    loader.setMaxConcurrent(2);
    int highest = 0;
    QObject probe; // the connection ends with this test, not with the test object
    connect(m_client.get(), &Core::ApiClient::inFlightCountChanged, &probe, [&highest](int count) {
        highest = qMax(highest, count);
    });
    QSignalSpy idle(&loader, &Ui::SessionDetailLoader::idle);

    model.applyRefresh(m_sessions); // the loader follows sessionsAdded
    QVERIFY(loader.pendingCount() > 0);
    QVERIFY(idle.wait(15000));

    QVERIFY2(highest <= 2, qPrintable(u"%1 requests at once"_s.arg(highest)));
    for (int i = 0; i < m_sessions.size(); ++i) {
        const Ui::SessionRow *row = model.find(m_sessions.at(i).sessionId);
        QVERIFY(row && row->detailsLoaded && row->labelsLoaded);
        QCOMPARE(row->imageId, i % 2 ? u"code_latest"_s : u"linux_latest"_s);
        QCOMPARE(row->labels.value(u"n"_s), QString::number(i));
    }
}

void tst_SessionDetailLoader::load_secondTime_usesCacheWithoutRequests()
{
    Ui::SessionStore model;
    Ui::SessionDetailLoader loader(m_client.get(), &model);
    QSignalSpy idle(&loader, &Ui::SessionDetailLoader::idle);
    model.applyRefresh(m_sessions);
    QVERIFY(idle.wait(15000));

    QSignalSpy started(m_client.get(), &Core::ApiClient::requestStarted);
    model.clear();
    model.applyRefresh(m_sessions);
    QCOMPARE(started.count(), 0);
    QCOMPARE(loader.pendingCount(), 0);
    QVERIFY(model.find(m_sessions.first().sessionId)->labelsLoaded);
}

void tst_SessionDetailLoader::reload_fetchesAgain()
{
    Ui::SessionStore model;
    Ui::SessionDetailLoader loader(m_client.get(), &model);
    QSignalSpy idle(&loader, &Ui::SessionDetailLoader::idle);
    model.applyRefresh(m_sessions);
    QVERIFY(idle.wait(15000));

    const QString id = m_sessions.first().sessionId;
    std::optional<bool> saved;
    m_client->setLabels(id, {{u"n"_s, u"changed"_s}}, this, [&saved](const Core::Result<Core::Empty> &r) {
        saved = r.ok();
    });
    QTRY_VERIFY(saved.has_value() && *saved);
    QSignalSpy started(m_client.get(), &Core::ApiClient::requestStarted);
    loader.reload(id);
    QTRY_COMPARE(model.find(id)->labels.value(u"n"_s), u"changed"_s);
    QCOMPARE(started.count(), 2); // GetLabel and GetSessionDetail
}

QTEST_MAIN(tst_SessionDetailLoader)
#include "tst_sessiondetailloader.moc"
