// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AgentBay::Core {

// A named tool call: the tool and its arguments, run again on whatever session is current.
struct SavedCall
{
    QString name;
    QString toolName;
    QString server;
    QJsonObject arguments;
    bool operator==(const SavedCall &) const = default;

    QJsonObject toJson() const;
    static std::optional<SavedCall> fromJson(const QJsonObject &object);
};

struct SavedCallCollection
{
    QString name;
    QList<SavedCall> calls;
    bool operator==(const SavedCallCollection &) const = default;
};

// The saved calls of one profile, in named collections, kept as one JSON file (0600) per
// profile under a directory. Known secrets (the API key) are replaced before anything is
// written or exported. Import merges: a call with the name of an existing one replaces it.
class SavedCallStore
{
    Q_DECLARE_TR_FUNCTIONS(SavedCallStore)

public:
    static constexpr int FormatVersion = 1;

    // Default directory: AppDataLocation + "/saved-calls".
    static QString defaultDirectory();

    explicit SavedCallStore(const QString &directory = defaultDirectory(), const QString &profile = {});

    QString filePath() const;

    QString profile() const { return m_profile; }

    void setSecrets(const QStringList &secrets);

    // Reads the file; a missing file is an empty store. Error: unreadable or not ours.
    bool load(QString *error = nullptr);
    bool save(QString *error = nullptr) const;

    const QList<SavedCallCollection> &collections() const { return m_collections; }

    QStringList collectionNames() const;
    std::optional<SavedCall> call(const QString &collection, const QString &name) const;

    // Adds or replaces (same name) a call; creates the collection if needed. Not saved yet.
    void putCall(const QString &collection, const SavedCall &call);
    bool removeCall(const QString &collection, const QString &name);
    void addCollection(const QString &name);
    bool removeCollection(const QString &name);

    // The whole store (or one collection) as the export format, secrets replaced.
    QByteArray exportJson(const QString &onlyCollection = {}) const;
    // Parses an export; error says what is wrong with it.
    static std::optional<QList<SavedCallCollection>> parse(const QByteArray &json, QString *error = nullptr);
    // Merges parsed collections in; returns how many calls were added or replaced.
    int merge(const QList<SavedCallCollection> &collections);

private:
    QJsonObject toJson(const QString &onlyCollection) const;
    SavedCall clean(SavedCall call) const;

    QString m_directory;
    QString m_profile;
    QStringList m_secrets;
    QList<SavedCallCollection> m_collections;
};

} // namespace AgentBay::Core
