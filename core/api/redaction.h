// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace AgentBay::Core {

// Keeps secrets out of text that may be shown, logged or stored: the one place that knows how a
// secret may be spelled (as is, percent-encoded, form-encoded). A value type holding the secrets
// to hide; the static helpers serve one-off uses.
class Redaction
{
public:
    Redaction() = default;
    explicit Redaction(const QStringList &secrets);

    // Secrets shorter than four characters are ignored: they would blank out ordinary words.
    void setSecrets(const QStringList &secrets);

    bool isEmpty() const { return m_secrets.isEmpty(); }

    // Every known secret, in every spelling, replaced by "***".
    QString apply(QString text) const;
    // Strings, object keys included, at any depth.
    QJsonValue apply(const QJsonValue &value) const;

    // Replaces the secret, also percent- or form-encoded, by "***".
    static QString redact(QString text, const QString &secret);
    // "akm-0123...cdef" -> "akm-…cdef" style hint, enough to tell keys apart.
    static QString mask(const QString &secret);

private:
    QStringList m_secrets;
};

} // namespace AgentBay::Core
