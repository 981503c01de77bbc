// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace AgentBay::Server {

// Typed access to a tool call's arguments. The first problem found is kept as one clear
// message; a tool checks ok() once after reading all it needs.
class ToolArguments
{
    Q_DECLARE_TR_FUNCTIONS(ToolArguments)

public:
    explicit ToolArguments(const QJsonObject &args);

    QString error() const { return m_error; }

    bool ok() const { return m_error.isEmpty(); }

    QJsonValue value(const QString &name) const { return m_args.value(name); }

    QString string(const QString &name, bool required, const QString &fallback = {});
    qint64 integer(const QString &name, qint64 minimum, qint64 maximum, qint64 fallback);
    bool boolean(const QString &name, bool fallback);
    // An array, also accepted as a JSON text holding one.
    std::optional<QJsonArray> array(const QString &name);
    // An object of strings, also accepted as a JSON text holding one.
    QMap<QString, QString> stringMap(const QString &name);

private:
    void fail(const QString &message);

    QJsonObject m_args;
    QString m_error;
};

} // namespace AgentBay::Server
