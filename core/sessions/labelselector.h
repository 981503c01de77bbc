// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/session.h>

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace AgentBay::Core {

// A label selector as typed in the filter bar: comma-separated terms that must all hold.
//   key=value   the label is present with exactly this value
//   key!=value  the label is absent or has another value
//   key         the label is present (any value)
//   !key        the label is absent
// Whitespace around keys and values is ignored. The equality terms are what ListSession can
// express (serverLabels()); everything is always checked locally with matches().
class LabelSelector
{
    Q_DECLARE_TR_FUNCTIONS(AgentBay::Core::LabelSelector)

public:
    struct Term
    {
        enum class Op {
            Equals,
            NotEquals,
            Exists,
            NotExists,
        };
        QString key;
        QString value;
        Op op = Op::Exists;
        bool operator==(const Term &) const = default;
    };

    LabelSelector() = default;
    static LabelSelector parse(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }

    bool isEmpty() const { return m_terms.isEmpty(); }

    // Translated, fit for a tooltip; empty when valid.
    QString errorString() const { return m_error; }

    // Character offset of the problem in the text, -1 when valid.
    int errorPosition() const { return m_errorPosition; }

    const QList<Term> &terms() const { return m_terms; }

    // An invalid selector matches nothing; an empty one matches everything.
    bool matches(const Labels &labels) const;
    // The key=value terms, for ListSession's Labels filter. Empty when invalid, and when two
    // terms ask different values for one key (then nothing matches, which matches() decides).
    Labels serverLabels() const;
    // True when serverLabels() says everything (no !=, existence or conflicting terms).
    bool isFullyServerSide() const;

    // The canonical text ("a=1,b!=2,c").
    QString toString() const;

    bool operator==(const LabelSelector &) const = default;

private:
    QList<Term> m_terms;
    QString m_error;
    int m_errorPosition = -1;
};

} // namespace AgentBay::Core
