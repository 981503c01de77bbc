// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/toolcallhistory.h>

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace AgentBay::Core {

// One call's result reduced to what is compared across sessions.
struct ComparableResult
{
    enum class Kind {
        Text,
        Json, // the text is a JSON object or array (shell, get_metrics, run_code...)
        Image,
        Error, // failed or cancelled: no result to compare
    };
    Kind kind = Kind::Error;
    QString text; // Text: every text item; Json: indented; Error: the message
    QJsonValue json;
    QByteArray image; // Image: the first image item's bytes
    QString key; // equal keys = equal results

    static ComparableResult from(const ToolCallRecord &record);
};

// Compares the results of the same call on many sessions: which result the others are held
// against (the most common one; the first on a tie) and where each one differs from it.
class ResultComparison
{
public:
    // -1 for an empty list. Errors count only when nothing else came back.
    static int referenceIndex(const QList<ComparableResult> &results);
    // How many results equal the reference (it included).
    static int agreeing(const QList<ComparableResult> &results, int reference);
    // Leaf paths ("stdout", "result[0].x") whose values differ or exist on one side only.
    static QStringList differingPaths(const QJsonValue &reference, const QJsonValue &value);
    // Line numbers (0-based) of text that the reference does not have at all.
    static QSet<int> differingLines(const QString &reference, const QString &text);
    // Every leaf of a JSON value by path; an empty object or array is a leaf.
    static QMap<QString, QJsonValue> flatten(const QJsonValue &value);
};

} // namespace AgentBay::Core
