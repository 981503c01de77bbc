// SPDX-License-Identifier: MIT
#include <ui/sessions/sessionfilterproxymodel.h>
#include <ui/sessions/sessionlistmodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QtTest>

using namespace AgentBay;
using namespace Qt::StringLiterals;
using Core::LabelSelector;
using Core::SessionStatus;
using Ui::SessionFilterProxyModel;
using Ui::SessionListModel;

namespace {

// One ListSession item; the newer item fields stay empty.
AgentBay::Core::SessionSummary summary(const QString &id, AgentBay::Core::SessionStatus status)
{
    AgentBay::Core::SessionSummary item;
    item.sessionId = id;
    item.status = status;
    return item;
}

} // namespace

class tst_SessionFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void labelSelector_filtersRows_data();
    void labelSelector_filtersRows();
    void labelSelector_rowsWithoutLabelsYet_hiddenUntilLoaded();
    void labelSelector_invalid_keepsLastValidFilter();
    void setters_sameValue_doNotRefilter();
    void statusAndId_combineWithLabels();
    void filter_survivesRefreshAndFollowsStatusChanges();
    void sort_usesRawValuesNotDisplayText();

private:
    QStringList visibleIds() const;

    Ui::SessionStore *m_store = nullptr;
    SessionListModel *m_model = nullptr;
    SessionFilterProxyModel *m_proxy = nullptr;
    QAbstractItemModelTester *m_modelTester = nullptr;
    QAbstractItemModelTester *m_proxyTester = nullptr;
};

void tst_SessionFilterProxyModel::init()
{
    m_store = new Ui::SessionStore;
    m_model = new SessionListModel(m_store);
    m_proxy = new SessionFilterProxyModel;
    m_proxy->setSourceModel(m_model);
    m_modelTester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = new QAbstractItemModelTester(m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy->sort(SessionListModel::IdColumn, Qt::AscendingOrder);

    m_store->applyRefresh({summary(u"s-1"_s, SessionStatus::Running),
        summary(u"s-2"_s, SessionStatus::Paused),
        summary(u"s-3"_s, SessionStatus::Running),
        summary(u"s-4"_s, SessionStatus::Running)});
    m_store->setLabels(u"s-1"_s, {{u"env"_s, u"prod"_s}, {u"team"_s, u"core"_s}});
    m_store->setLabels(u"s-2"_s, {{u"env"_s, u"dev"_s}});
    m_store->setLabels(u"s-3"_s, {{u"env"_s, u"prod"_s}});
    m_store->setLabels(u"s-4"_s, {});
}

void tst_SessionFilterProxyModel::cleanup()
{
    delete m_proxyTester;
    delete m_modelTester;
    delete m_proxy;
    delete m_model;
    delete m_store;
}

QStringList tst_SessionFilterProxyModel::visibleIds() const
{
    QStringList ids;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        ids.append(m_proxy->index(row, 0).data(SessionListModel::SessionIdRole).toString());
    }
    return ids;
}

void tst_SessionFilterProxyModel::labelSelector_filtersRows_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QStringList>("visible");
    QTest::newRow("empty shows all") << QString() << QStringList{u"s-1"_s, u"s-2"_s, u"s-3"_s, u"s-4"_s};
    QTest::newRow("equality") << u"env=prod"_s << QStringList{u"s-1"_s, u"s-3"_s};
    QTest::newRow("inequality") << u"env!=prod"_s << QStringList{u"s-2"_s, u"s-4"_s};
    QTest::newRow("exists") << u"team"_s << QStringList{u"s-1"_s};
    QTest::newRow("absent") << u"!env"_s << QStringList{u"s-4"_s};
    QTest::newRow("and") << u"env=prod,!team"_s << QStringList{u"s-3"_s};
    QTest::newRow("no match") << u"env=qa"_s << QStringList{};
}

void tst_SessionFilterProxyModel::labelSelector_filtersRows()
{
    QFETCH(QString, selector);
    QFETCH(QStringList, visible);
    m_proxy->setLabelSelector(LabelSelector::parse(selector));
    QCOMPARE(visibleIds(), visible);
}

void tst_SessionFilterProxyModel::labelSelector_rowsWithoutLabelsYet_hiddenUntilLoaded()
{
    m_store->setStatus(u"s-5"_s, SessionStatus::Running);
    m_proxy->setLabelSelector(LabelSelector::parse(u"env=prod"_s));
    QVERIFY(!visibleIds().contains(u"s-5"_s));
    m_store->setLabels(u"s-5"_s, {{u"env"_s, u"prod"_s}});
    QVERIFY(visibleIds().contains(u"s-5"_s));
}

void tst_SessionFilterProxyModel::labelSelector_invalid_keepsLastValidFilter()
{
    m_proxy->setLabelSelector(LabelSelector::parse(u"env=prod"_s));
    m_proxy->setLabelSelector(LabelSelector::parse(u"env=prod,"_s)); // half typed
    QCOMPARE(visibleIds(), QStringList({u"s-1"_s, u"s-3"_s}));
    QCOMPARE(m_proxy->labelSelector().toString(), u"env=prod"_s);
}

void tst_SessionFilterProxyModel::setters_sameValue_doNotRefilter()
{
    m_proxy->setLabelSelector(LabelSelector::parse(u"env=prod"_s));
    m_proxy->setStatusFilter(SessionStatus::Running);
    m_proxy->setIdFilter(u"s-"_s);
    QSignalSpy removed(m_proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_proxy, &QAbstractItemModel::rowsInserted);
    QSignalSpy layout(m_proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(m_proxy, &QAbstractItemModel::modelReset);

    m_proxy->setLabelSelector(LabelSelector::parse(u" env = prod "_s));
    m_proxy->setStatusFilter(SessionStatus::Running);
    m_proxy->setIdFilter(u" s- "_s);

    QCOMPARE(removed.count() + inserted.count() + layout.count() + reset.count(), 0);
}

void tst_SessionFilterProxyModel::statusAndId_combineWithLabels()
{
    m_proxy->setStatusFilter(SessionStatus::Running);
    QCOMPARE(visibleIds(), QStringList({u"s-1"_s, u"s-3"_s, u"s-4"_s}));
    m_proxy->setIdFilter(u"S-3"_s);
    QCOMPARE(visibleIds(), QStringList({u"s-3"_s}));
    m_proxy->setLabelSelector(LabelSelector::parse(u"env=dev"_s));
    QCOMPARE(visibleIds(), QStringList());
    m_proxy->setIdFilter({});
    m_proxy->setStatusFilter(std::nullopt);
    QCOMPARE(visibleIds(), QStringList({u"s-2"_s}));
}

void tst_SessionFilterProxyModel::filter_survivesRefreshAndFollowsStatusChanges()
{
    m_proxy->setStatusFilter(SessionStatus::Running);
    m_store->applyRefresh({summary(u"s-1"_s, SessionStatus::Pausing),
        summary(u"s-2"_s, SessionStatus::Paused),
        summary(u"s-3"_s, SessionStatus::Running),
        summary(u"s-4"_s, SessionStatus::Running),
        summary(u"s-6"_s, SessionStatus::Running)});
    QCOMPARE(visibleIds(), QStringList({u"s-3"_s, u"s-4"_s, u"s-6"_s}));
    QCOMPARE(m_proxy->statusFilter(), std::optional<SessionStatus>(SessionStatus::Running));
}

void tst_SessionFilterProxyModel::sort_usesRawValuesNotDisplayText()
{
    // Display says "Running"/"Paused"; the rank puts Running before Paused.
    m_proxy->sort(SessionListModel::StatusColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->index(m_proxy->rowCount() - 1, 0).data(SessionListModel::SessionIdRole).toString(), u"s-2"_s);

    // Ages: "10m" sorts before "9s" as text; by first-seen time, the 9s old one is younger.
    auto *store = new Ui::SessionStore(this);
    auto *model = new SessionListModel(store, this);
    SessionFilterProxyModel proxy;
    proxy.setSourceModel(model);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store->setKnownFirstSeen({{u"old"_s, now.addSecs(-600)}, {u"young"_s, now.addSecs(-9)}});
    store->applyRefresh({summary(u"old"_s, SessionStatus::Running), summary(u"young"_s, SessionStatus::Running)});
    proxy.sort(SessionListModel::AgeColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(SessionListModel::SessionIdRole).toString(), u"young"_s);
}

QTEST_MAIN(tst_SessionFilterProxyModel)
#include "tst_sessionfilterproxymodel.moc"
