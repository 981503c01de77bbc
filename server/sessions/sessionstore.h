// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>

namespace AgentBay::Server {

class LocalSession;
class SessionReaper;

// Every session of agentbay-local, kept in DATA/sessions.json (written with QSaveFile on every
// change, so a kill -9 never leaves a torn file) with the workspaces under
// DATA/sessions/<id>/workspace. Processes do not survive a restart: loaded sessions come
// back RUNNING with a fresh sandbox.
class SessionStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStore)

public:
    explicit SessionStore(const QString &dataDir, QObject *parent = nullptr);
    ~SessionStore() override; // kills every session's processes

    // Reads the store, restarts a sandbox per session, removes leftovers of deletions.
    bool load(QString *error);

    // networkMode: the session's own ("none" or "user"), empty for the server's default.
    LocalSession *create(const QString &imageId,
        const QMap<QString, QString> &labels,
        QString *error,
        const QString &networkMode = QString());
    LocalSession *find(const QString &id) const;
    QList<LocalSession *> sessions() const; // in creation order

    int count() const { return int(m_byId.size()); }

    // Persists the current state (sessions being deleted are left out).
    bool save(QString *error = nullptr);
    // Kills the session's processes, removes its workspace (in the background) and forgets it.
    void remove(LocalSession *session);
    // Deletes a session as DeleteSessionAsync does: DELETING is visible (and persisted as gone)
    // at once, the teardown (remove) follows on the next turn of the event loop.
    void release(LocalSession *session);

    // The clock of creation times, activity and release deadlines; tests set their own.
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock);

    QDateTime now() const { return m_clock(); }

    // Releases sessions whose lifecycle policy says their time is up.
    SessionReaper *reaper() const { return m_reaper; }

    QString dataDir() const { return m_dataDir; }

    QString storePath() const;
    static QString newSessionId();
    // Whether id can name a session: 1 to maxIdLength ASCII letters, digits, '-' and '_'. Ids
    // from clients and from the store file pass here before they come near a path.
    static bool isValidId(const QString &id);
    static constexpr int maxIdLength = 128;
    static QString randomAlphanumeric(int length);

private:
    QString sessionDir(const QString &id) const;
    void removeInBackground(const QString &path);
    void adopt(LocalSession *session);

    QString m_dataDir;
    qint64 m_nextSequence = 1;
    QMap<qint64, LocalSession *> m_bySequence;
    QHash<QString, LocalSession *> m_byId;
    Clock m_clock;
    SessionReaper *m_reaper;
};

} // namespace AgentBay::Server
