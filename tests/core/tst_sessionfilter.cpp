// SPDX-License-Identifier: MIT
// The session list's filter as a value: label selector, status and id text.
#include <core/sessions/sessionfilter.h>

#include <QtTest>

using namespace AgentBay::Core;
using namespace Qt::StringLiterals;

class tst_SessionFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty_matchesEverything();
    void matches_data();
    void matches();
    void setters_reportWhetherTheFilterChanged();
    void invalidSelector_keepsTheLastValidOne();
};

void tst_SessionFilter::empty_matchesEverything()
{
    const SessionFilter filter;
    QVERIFY(filter.isEmpty());
    QVERIFY(filter.matches(u"session-1"_s, SessionStatus::Paused, {}, false));
}

void tst_SessionFilter::matches_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<int>("status"); // -1 = any
    QTest::addColumn<QString>("idText");
    QTest::addColumn<bool>("labelsKnown");
    QTest::addColumn<bool>("expected");

    // The session: id "session-AbC1", running, labels env=prod.
    QTest::newRow("selector matches") << u"env=prod"_s << -1 << QString() << true << true;
    QTest::newRow("selector differs") << u"env=dev"_s << -1 << QString() << true << false;
    QTest::newRow("labels not loaded yet") << u"env=prod"_s << -1 << QString() << false << false;
    QTest::newRow("no selector, labels unknown") << QString() << -1 << QString() << false << true;
    QTest::newRow("status matches") << QString() << int(SessionStatus::Running) << QString() << true << true;
    QTest::newRow("status differs") << QString() << int(SessionStatus::Paused) << QString() << true << false;
    QTest::newRow("id text, any case") << QString() << -1 << u"abc"_s << true << true;
    QTest::newRow("id text, trimmed") << QString() << -1 << u"  abc1 "_s << true << true;
    QTest::newRow("id text differs") << QString() << -1 << u"xyz"_s << true << false;
    QTest::newRow("all three") << u"env"_s << int(SessionStatus::Running) << u"session"_s << true << true;
    QTest::newRow("all but one") << u"env"_s << int(SessionStatus::Running) << u"other"_s << true << false;
}

void tst_SessionFilter::matches()
{
    QFETCH(QString, selector);
    QFETCH(int, status);
    QFETCH(QString, idText);
    QFETCH(bool, labelsKnown);
    QFETCH(bool, expected);

    SessionFilter filter;
    filter.setLabelSelector(LabelSelector::parse(selector));
    filter.setStatus(status < 0 ? std::nullopt : std::optional(SessionStatus(status)));
    filter.setIdText(idText);
    const Labels labels{{u"env"_s, u"prod"_s}};
    QCOMPARE(filter.matches(u"session-AbC1"_s, SessionStatus::Running, labels, labelsKnown), expected);
}

void tst_SessionFilter::setters_reportWhetherTheFilterChanged()
{
    SessionFilter filter;
    QVERIFY(filter.setIdText(u"abc"_s));
    QVERIFY(!filter.setIdText(u" abc "_s)); // the same once trimmed
    QVERIFY(filter.setStatus(SessionStatus::Paused));
    QVERIFY(!filter.setStatus(SessionStatus::Paused));
    QVERIFY(filter.setLabelSelector(LabelSelector::parse(u"env=prod"_s)));
    QVERIFY(!filter.setLabelSelector(LabelSelector::parse(u"env=prod"_s)));
    QVERIFY(!filter.isEmpty());
}

void tst_SessionFilter::invalidSelector_keepsTheLastValidOne()
{
    SessionFilter filter;
    filter.setLabelSelector(LabelSelector::parse(u"env=prod"_s));
    const LabelSelector invalid = LabelSelector::parse(u"env=prod,,team"_s);
    QVERIFY(!invalid.isValid());
    QVERIFY(!filter.setLabelSelector(invalid));
    QCOMPARE(filter.labelSelector(), LabelSelector::parse(u"env=prod"_s));
}

QTEST_APPLESS_MAIN(tst_SessionFilter)
#include "tst_sessionfilter.moc"
