// SPDX-License-Identifier: MIT
#include "savedcallstore.h"

#include <core/api/redaction.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Core {

QJsonObject SavedCall::toJson() const
{
    QJsonObject object{{u"name"_s, name}, {u"tool"_s, toolName}, {u"arguments"_s, arguments}};
    if (!server.isEmpty()) {
        object.insert(u"server"_s, server);
    }
    return object;
}

std::optional<SavedCall> SavedCall::fromJson(const QJsonObject &object)
{
    SavedCall call;
    call.name = object.value(u"name").toString().trimmed();
    call.toolName = object.value(u"tool").toString().trimmed();
    call.server = object.value(u"server").toString();
    const QJsonValue arguments = object.value(u"arguments");
    if (call.name.isEmpty() || call.toolName.isEmpty() || !(arguments.isObject() || arguments.isUndefined())) {
        return std::nullopt;
    }
    call.arguments = arguments.toObject();
    return call;
}

QString SavedCallStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/saved-calls"_s;
}

SavedCallStore::SavedCallStore(const QString &directory, const QString &profile)
    : m_directory(directory)
    , m_profile(profile)
{
}

QString SavedCallStore::filePath() const
{
    // Profile names are typed by people: keep the file name to safe characters.
    QString base = m_profile.isEmpty() ? u"default"_s : m_profile;
    base.replace(QRegularExpression(u"[^A-Za-z0-9._-]"_s), u"_"_s);
    if (base.startsWith(u'.')) {
        base.prepend(u'_');
    }
    return m_directory + u'/' + base + u".json"_s;
}

void SavedCallStore::setSecrets(const QStringList &secrets)
{
    m_secrets = secrets;
}

std::optional<QList<SavedCallCollection>> SavedCallStore::parse(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        return fail(doc.isNull() ? tr("Not JSON: %1").arg(parseError.errorString())
                                 : tr("Not a saved-calls file (no JSON object)."));
    }
    const QJsonObject root = doc.object();
    if (!root.value(u"collections").isArray()) {
        return fail(tr("Not a saved-calls file (no \"collections\" list)."));
    }
    if (root.value(u"version").toInt(FormatVersion) > FormatVersion) {
        return fail(tr("Saved by a newer version (format %1).").arg(root.value(u"version").toInt()));
    }
    QList<SavedCallCollection> collections;
    const QJsonArray items = root.value(u"collections").toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        SavedCallCollection collection;
        collection.name = object.value(u"name").toString().trimmed();
        if (collection.name.isEmpty()) {
            return fail(tr("A collection has no name."));
        }
        const QJsonArray calls = object.value(u"calls").toArray();
        for (const QJsonValue &callValue : calls) {
            const auto call = SavedCall::fromJson(callValue.toObject());
            if (!call) {
                return fail(tr("A call in \"%1\" has no name or no tool.").arg(collection.name));
            }
            collection.calls.append(*call);
        }
        collections.append(collection);
    }
    return collections;
}

bool SavedCallStore::load(QString *error)
{
    m_collections.clear();
    QFile file(filePath());
    if (!file.exists()) {
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = tr("Cannot read %1: %2").arg(filePath(), file.errorString());
        }
        return false;
    }
    const auto parsed = parse(file.readAll(), error);
    if (!parsed) {
        return false;
    }
    m_collections = *parsed;
    return true;
}

bool SavedCallStore::save(QString *error) const
{
    const auto fail = [error, this](const QString &reason) {
        if (error) {
            *error = tr("Cannot save %1: %2").arg(filePath(), reason);
        }
        return false;
    };
    if (!QDir().mkpath(m_directory)) {
        return fail(tr("cannot create the folder"));
    }
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(file.errorString());
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(toJson({})).toJson(QJsonDocument::Indented));
    return file.commit() || fail(file.errorString());
}

QStringList SavedCallStore::collectionNames() const
{
    QStringList names;
    for (const SavedCallCollection &collection : m_collections) {
        names.append(collection.name);
    }
    return names;
}

std::optional<SavedCall> SavedCallStore::call(const QString &collection, const QString &name) const
{
    for (const SavedCallCollection &entry : m_collections) {
        if (entry.name != collection) {
            continue;
        }
        for (const SavedCall &call : entry.calls) {
            if (call.name == name) {
                return call;
            }
        }
    }
    return std::nullopt;
}

void SavedCallStore::addCollection(const QString &name)
{
    if (!name.trimmed().isEmpty() && !collectionNames().contains(name.trimmed())) {
        m_collections.append({name.trimmed(), {}});
    }
}

SavedCall SavedCallStore::clean(SavedCall call) const
{
    const Redaction redaction(m_secrets);
    call.name = redaction.apply(call.name);
    call.arguments = redaction.apply(QJsonValue(call.arguments)).toObject();
    return call;
}

void SavedCallStore::putCall(const QString &collection, const SavedCall &call)
{
    addCollection(collection);
    const SavedCall cleaned = clean(call);
    for (SavedCallCollection &entry : m_collections) {
        if (entry.name != collection.trimmed()) {
            continue;
        }
        for (SavedCall &existing : entry.calls) {
            if (existing.name == cleaned.name) {
                existing = cleaned;
                return;
            }
        }
        entry.calls.append(cleaned);
        return;
    }
}

bool SavedCallStore::removeCall(const QString &collection, const QString &name)
{
    for (SavedCallCollection &entry : m_collections) {
        if (entry.name == collection) {
            return entry.calls.removeIf([&name](const SavedCall &call) {
                return call.name == name;
            }) > 0;
        }
    }
    return false;
}

bool SavedCallStore::removeCollection(const QString &name)
{
    return m_collections.removeIf([&name](const SavedCallCollection &entry) {
        return entry.name == name;
    }) > 0;
}

QJsonObject SavedCallStore::toJson(const QString &onlyCollection) const
{
    QJsonArray collections;
    for (const SavedCallCollection &collection : m_collections) {
        if (!onlyCollection.isEmpty() && collection.name != onlyCollection) {
            continue;
        }
        QJsonArray calls;
        for (const SavedCall &call : collection.calls) {
            calls.append(clean(call).toJson());
        }
        collections.append(QJsonObject{{u"name"_s, collection.name}, {u"calls"_s, calls}});
    }
    return {{u"version"_s, FormatVersion}, {u"collections"_s, collections}};
}

QByteArray SavedCallStore::exportJson(const QString &onlyCollection) const
{
    return QJsonDocument(toJson(onlyCollection)).toJson(QJsonDocument::Indented);
}

int SavedCallStore::merge(const QList<SavedCallCollection> &collections)
{
    int count = 0;
    for (const SavedCallCollection &collection : collections) {
        addCollection(collection.name);
        for (const SavedCall &call : collection.calls) {
            putCall(collection.name, call);
            ++count;
        }
    }
    return count;
}

} // namespace AgentBay::Core
