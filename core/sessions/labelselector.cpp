// SPDX-License-Identifier: MIT
#include "labelselector.h"

#include <QCoreApplication>

namespace AgentBay::Core {

namespace {

// Leading/trailing whitespace of [from, to) in text, as offsets into text.
void trimRange(const QString &text, qsizetype &from, qsizetype &to)
{
    while (from < to && text.at(from).isSpace()) {
        ++from;
    }
    while (to > from && text.at(to - 1).isSpace()) {
        --to;
    }
}

} // namespace

LabelSelector LabelSelector::parse(const QString &text)
{
    LabelSelector selector;
    if (text.trimmed().isEmpty()) {
        return selector;
    }
    const auto fail = [&selector](const QString &message, qsizetype position) {
        selector.m_terms.clear();
        selector.m_error = message;
        selector.m_errorPosition = int(position);
        return selector;
    };

    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u',', start);
        if (end < 0) {
            end = text.size();
        }
        qsizetype from = start;
        qsizetype to = end;
        trimRange(text, from, to);
        if (from == to) {
            return fail(tr("Empty term: remove the extra comma."), start);
        }

        Term term;
        const QStringView part = QStringView(text).mid(from, to - from);
        const qsizetype notEq = part.indexOf(u"!=");
        const qsizetype eq = part.indexOf(u'=');
        if (notEq >= 0 && notEq < eq) {
            term.op = Term::Op::NotEquals;
            term.key = part.left(notEq).trimmed().toString();
            term.value = part.mid(notEq + 2).trimmed().toString();
        } else if (eq >= 0) {
            term.op = Term::Op::Equals;
            term.key = part.left(eq).trimmed().toString();
            term.value = part.mid(eq + 1).trimmed().toString();
        } else if (part.startsWith(u'!')) {
            term.op = Term::Op::NotExists;
            term.key = part.mid(1).trimmed().toString();
        } else {
            term.op = Term::Op::Exists;
            term.key = part.toString();
        }

        if (term.key.isEmpty()) {
            return fail(tr("A label key is missing before \"=\"."), from);
        }
        if (term.key.contains(u'!')) {
            return fail(tr("Label key \"%1\" contains \"!\"; use key!=value or !key.").arg(term.key), from);
        }
        if ((term.op == Term::Op::Equals || term.op == Term::Op::NotEquals) && term.value.isEmpty()) {
            return fail(tr("The value for \"%1\" is missing.").arg(term.key), to);
        }
        selector.m_terms.append(term);
        start = end + 1;
    }
    return selector;
}

bool LabelSelector::matches(const Labels &labels) const
{
    if (!isValid()) {
        return false;
    }
    for (const Term &term : m_terms) {
        const auto it = labels.constFind(term.key);
        const bool present = it != labels.constEnd();
        switch (term.op) {
        case Term::Op::Equals:
            if (!present || *it != term.value) {
                return false;
            }
            break;
        case Term::Op::NotEquals:
            if (present && *it == term.value) {
                return false;
            }
            break;
        case Term::Op::Exists:
            if (!present) {
                return false;
            }
            break;
        case Term::Op::NotExists:
            if (present) {
                return false;
            }
            break;
        }
    }
    return true;
}

Labels LabelSelector::serverLabels() const
{
    Labels labels;
    if (!isValid()) {
        return labels;
    }
    for (const Term &term : m_terms) {
        if (term.op != Term::Op::Equals) {
            continue;
        }
        const auto it = labels.constFind(term.key);
        if (it != labels.constEnd() && *it != term.value) {
            return {}; // contradictory: nothing matches; let the local filter say so
        }
        labels.insert(term.key, term.value);
    }
    return labels;
}

bool LabelSelector::isFullyServerSide() const
{
    if (!isValid()) {
        return false;
    }
    const Labels server = serverLabels();
    qsizetype equalities = 0;
    for (const Term &term : m_terms) {
        if (term.op != Term::Op::Equals) {
            return false;
        }
        ++equalities;
    }
    // Duplicated identical terms collapse in the map; contradictions empty it.
    return !server.isEmpty() || equalities == 0;
}

QString LabelSelector::toString() const
{
    QStringList parts;
    parts.reserve(m_terms.size());
    for (const Term &term : m_terms) {
        switch (term.op) {
        case Term::Op::Equals:
            parts.append(term.key + u'=' + term.value);
            break;
        case Term::Op::NotEquals:
            parts.append(term.key + u"!=" + term.value);
            break;
        case Term::Op::Exists:
            parts.append(term.key);
            break;
        case Term::Op::NotExists:
            parts.append(u'!' + term.key);
            break;
        }
    }
    return parts.join(u',');
}

} // namespace AgentBay::Core
