// SPDX-License-Identifier: MIT
#include <core/tools/resultcomparison.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using AgentBay::Core::ComparableResult;
using AgentBay::Core::ResultComparison;
using AgentBay::Core::ToolCallRecord;

namespace {

ToolCallRecord textRecord(const QString &text)
{
    ToolCallRecord r;
    r.result = QJsonObject{{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}}};
    return r;
}

} // namespace

class tst_ResultComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void reference_isTheMostCommonResult()
    {
        const QList<ComparableResult> results{ComparableResult::from(textRecord(u"b"_s)),
            ComparableResult::from(textRecord(u"a"_s)),
            ComparableResult::from(textRecord(u"a"_s))};
        QCOMPARE(ResultComparison::referenceIndex(results), 1);
        QCOMPARE(ResultComparison::agreeing(results, 1), 2);
    }

    void reference_skipsFailuresWhenSomethingAnswered()
    {
        ToolCallRecord failed;
        failed.outcome = ToolCallRecord::Outcome::Failed;
        failed.errorMessage = u"x"_s;
        const QList<ComparableResult> results{
            ComparableResult::from(failed), ComparableResult::from(failed), ComparableResult::from(textRecord(u"a"_s))};
        QCOMPARE(ResultComparison::referenceIndex(results), 2);
    }

    void jsonText_comparedByLeafPaths()
    {
        const auto left = ComparableResult::from(textRecord(u"{\"stdout\": \"a\\n\", \"exit_code\": 0}"_s));
        const auto right =
            ComparableResult::from(textRecord(u"{\"exit_code\": 0, \"stdout\": \"b\\n\", \"x\": [1]}"_s));
        QCOMPARE(left.kind, ComparableResult::Kind::Json);
        QCOMPARE(ResultComparison::differingPaths(left.json, right.json), QStringList({u"stdout"_s, u"x[0]"_s}));
        const QSet<int> lines = ResultComparison::differingLines(left.text, right.text);
        // The stdout line and the x array's lines; the braces and exit_code are shared.
        QCOMPARE(lines, QSet<int>({2, 3, 4, 5}));
    }

    void sameJson_differentKeyOrder_isEqual()
    {
        QCOMPARE(ComparableResult::from(textRecord(u"{\"a\": 1, \"b\": 2}"_s)).key,
            ComparableResult::from(textRecord(u"{\"b\": 2, \"a\": 1}"_s)).key);
    }
};

QTEST_GUILESS_MAIN(tst_ResultComparison)
#include "tst_resultcomparison.moc"
