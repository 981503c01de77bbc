// SPDX-License-Identifier: MIT
#include "toolarguments.h"

#include <QJsonDocument>

namespace AgentBay::Server {

ToolArguments::ToolArguments(const QJsonObject &args)
    : m_args(args)
{
}

QString ToolArguments::string(const QString &name, bool required, const QString &fallback)
{
    const QJsonValue value = m_args.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required) {
            fail(tr("Missing required argument \"%1\"").arg(name));
        }
        return fallback;
    }
    if (!value.isString()) {
        fail(tr("Argument \"%1\" must be a string").arg(name));
        return fallback;
    }
    if (required && value.toString().isEmpty()) {
        fail(tr("Argument \"%1\" must not be empty").arg(name));
    }
    return value.toString();
}

qint64 ToolArguments::integer(const QString &name, qint64 minimum, qint64 maximum, qint64 fallback)
{
    const QJsonValue value = m_args.value(name);
    if (value.isUndefined() || value.isNull()) {
        return fallback;
    }
    bool ok = false;
    qint64 number = 0;
    if (value.isDouble()) {
        const double d = value.toDouble();
        ok = d == double(qint64(d));
        number = qint64(d);
    } else if (value.isString()) {
        number = value.toString().trimmed().toLongLong(&ok); // some clients send numbers as text
    }
    if (!ok) {
        fail(tr("Argument \"%1\" must be an integer").arg(name));
        return fallback;
    }
    if (number < minimum || number > maximum) {
        fail(tr("Argument \"%1\" must be between %2 and %3").arg(name).arg(minimum).arg(maximum));
        return fallback;
    }
    return number;
}

bool ToolArguments::boolean(const QString &name, bool fallback)
{
    const QJsonValue value = m_args.value(name);
    if (value.isUndefined() || value.isNull()) {
        return fallback;
    }
    if (value.isBool()) {
        return value.toBool();
    }
    const QString text = value.toString().toLower();
    if (text == u"true" || text == u"1") {
        return true;
    }
    if (text == u"false" || text == u"0") {
        return false;
    }
    fail(tr("Argument \"%1\" must be a boolean").arg(name));
    return fallback;
}

std::optional<QJsonArray> ToolArguments::array(const QString &name)
{
    QJsonValue value = m_args.value(name);
    if (value.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (doc.isArray()) {
            value = doc.array();
        }
    }
    if (value.isUndefined() || value.isNull()) {
        fail(tr("Missing required argument \"%1\"").arg(name));
        return std::nullopt;
    }
    if (!value.isArray()) {
        fail(tr("Argument \"%1\" must be an array").arg(name));
        return std::nullopt;
    }
    return value.toArray();
}

QMap<QString, QString> ToolArguments::stringMap(const QString &name)
{
    QMap<QString, QString> map;
    QJsonValue value = m_args.value(name);
    if (value.isUndefined() || value.isNull()) {
        return map;
    }
    if (value.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (doc.isObject()) {
            value = doc.object();
        }
    }
    if (!value.isObject()) {
        fail(tr("Argument \"%1\" must be an object of strings").arg(name));
        return map;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString()) {
            fail(tr("Argument \"%1\": the value of \"%2\" must be a string").arg(name, it.key()));
            return {};
        }
        if (it.key().isEmpty() || it.key().contains(u'=')) {
            fail(tr("Argument \"%1\": \"%2\" is not a valid variable name").arg(name, it.key()));
            return {};
        }
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

void ToolArguments::fail(const QString &message)
{
    if (m_error.isEmpty()) {
        m_error = message;
    }
}

} // namespace AgentBay::Server
