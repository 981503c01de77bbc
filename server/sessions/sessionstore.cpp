// SPDX-License-Identifier: MIT
#include "sessionstore.h"

#include <server/sessions/localsession.h>
#include <server/sessions/sessionreaper.h>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>

namespace AgentBay::Server {

Q_LOGGING_CATEGORY(lcStore, "agentbay.server.sessionstore")

namespace {
constexpr int storeVersion = 1;

QString trashDirName()
{
    return QStringLiteral("trash");
}
} // namespace

SessionStore::SessionStore(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_clock([] {
        return QDateTime::currentDateTimeUtc();
    })
    , m_reaper(new SessionReaper(this))
{
}

void SessionStore::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

SessionStore::~SessionStore()
{
    for (LocalSession *session : std::as_const(m_byId)) {
        session->terminate();
    }
    qDeleteAll(m_byId);
}

QString SessionStore::storePath() const
{
    return m_dataDir + QStringLiteral("/sessions.json");
}

QString SessionStore::sessionDir(const QString &id) const
{
    Q_ASSERT(isValidId(id));
    return m_dataDir + QStringLiteral("/sessions/") + id;
}

QString SessionStore::randomAlphanumeric(int length)
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i) {
        text.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(36)]));
    }
    return text;
}

QString SessionStore::newSessionId()
{
    return QStringLiteral("session-") + randomAlphanumeric(20);
}

bool SessionStore::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > maxIdLength) {
        return false;
    }
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'_';
    });
}

bool SessionStore::load(QString *error)
{
    if (!QDir().mkpath(m_dataDir + QStringLiteral("/sessions"))) {
        *error = tr("Cannot create the folder %1").arg(m_dataDir + QStringLiteral("/sessions"));
        return false;
    }
    // Leftovers of deletions that a stop interrupted.
    removeInBackground(m_dataDir + QLatin1Char('/') + trashDirName());

    QFile file(storePath());
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2").arg(storePath(), file.errorString());
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject()) {
            *error = tr("The session store %1 is damaged: %2").arg(storePath(), parseError.errorString());
            return false;
        }
        const QJsonObject root = doc.object();
        m_nextSequence = qMax<qint64>(1, root.value(QStringLiteral("nextSequence")).toInteger(1));
        const QJsonArray items = root.value(QStringLiteral("sessions")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject o = item.toObject();
            const QString id = o.value(QStringLiteral("id")).toString();
            if (!isValidId(id)) {
                qCWarning(lcStore) << "skipping a stored session with an invalid id";
                continue;
            }
            if (m_byId.contains(id)) {
                continue;
            }
            QMap<QString, QString> labels;
            const QJsonObject labelObject = o.value(QStringLiteral("labels")).toObject();
            for (auto it = labelObject.begin(); it != labelObject.end(); ++it) {
                labels.insert(it.key(), it.value().toString());
            }
            const qint64 sequence = o.value(QStringLiteral("sequence")).toInteger(m_nextSequence);
            m_nextSequence = qMax(m_nextSequence, sequence + 1);
            const QString workspace = sessionDir(id) + QStringLiteral("/workspace");
            QDir().mkpath(workspace);
            auto *session = new LocalSession(id,
                o.value(QStringLiteral("imageId")).toString(),
                labels,
                QDateTime::fromString(o.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs),
                o.value(QStringLiteral("authCode")).toString(),
                sequence,
                workspace,
                this);
            session->setNetworkMode(o.value(QStringLiteral("networkMode")).toString());
            QString startError;
            if (!session->start(&startError)) {
                qCWarning(lcStore) << "session" << id << "has no sandbox after restart:" << startError;
            }
            session->setLifecycle(SessionLifecycle::fromJson(o.value(QStringLiteral("lifecycle")).toObject()));
            m_byId.insert(id, session);
            m_bySequence.insert(sequence, session);
            adopt(session);
        }
    }

    // Workspaces of sessions the store no longer knows (deleted while the server was killed).
    const QStringList dirs = QDir(m_dataDir + QStringLiteral("/sessions")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &dir : dirs) {
        if (!m_byId.contains(dir)) {
            removeInBackground(m_dataDir + QStringLiteral("/sessions/") + dir);
        }
    }
    // Time spent stopped counts as idle for no one: the idle clocks start again now.
    m_reaper->check();
    return true;
}

LocalSession *SessionStore::create(
    const QString &imageId, const QMap<QString, QString> &labels, QString *error, const QString &networkMode)
{
    QString id = newSessionId();
    while (m_byId.contains(id)) {
        id = newSessionId();
    }
    const QString workspace = sessionDir(id) + QStringLiteral("/workspace");
    if (!QDir().mkpath(workspace)) {
        *error = tr("Cannot create the workspace %1").arg(workspace);
        return nullptr;
    }
    const qint64 sequence = m_nextSequence++;
    QElapsedTimer timer;
    timer.start();
    auto *session = new LocalSession(id, imageId, labels, now(), randomAlphanumeric(32), sequence, workspace, this);
    session->setNetworkMode(networkMode);
    if (!session->start(error)) {
        delete session;
        QDir(sessionDir(id)).removeRecursively();
        return nullptr;
    }
    const qint64 startedNs = timer.nsecsElapsed();
    m_byId.insert(id, session);
    m_bySequence.insert(sequence, session);
    adopt(session);
    if (!save(error)) {
        remove(session);
        return nullptr;
    }
    qCDebug(lcStore,
        "created %s: sandbox %.2f ms, store %.2f ms",
        qPrintable(id),
        double(startedNs) / 1e6,
        double(timer.nsecsElapsed() - startedNs) / 1e6);
    return session;
}

LocalSession *SessionStore::find(const QString &id) const
{
    return m_byId.value(id);
}

QList<LocalSession *> SessionStore::sessions() const
{
    return m_bySequence.values();
}

bool SessionStore::save(QString *error)
{
    QJsonArray items;
    for (const LocalSession *session : std::as_const(m_bySequence)) {
        if (session->status() != LocalSession::Status::Deleting) {
            items.append(session->toJson());
        }
    }
    const QJsonObject root{
        {QStringLiteral("version"), storeVersion},
        {QStringLiteral("nextSequence"), m_nextSequence},
        {QStringLiteral("sessions"), items},
    };
    QSaveFile file(storePath());
    if (!file.open(QIODevice::WriteOnly)) {
        const QString message = tr("Cannot write %1: %2").arg(storePath(), file.errorString());
        qCWarning(lcStore).noquote() << message;
        if (error) {
            *error = message;
        }
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        const QString message = tr("Cannot write %1: %2").arg(storePath(), file.errorString());
        qCWarning(lcStore).noquote() << message;
        if (error) {
            *error = message;
        }
        return false;
    }
    return true;
}

void SessionStore::remove(LocalSession *session)
{
    if (!session || m_byId.value(session->id()) != session) {
        return;
    }
    m_byId.remove(session->id());
    m_bySequence.remove(session->sequence());
    session->terminate();
    save();

    // Renamed first so that the id's folder is gone at once; the contents go in the background.
    const QString trash = m_dataDir + QLatin1Char('/') + trashDirName();
    QDir().mkpath(trash);
    const QString target = trash + QLatin1Char('/') + session->id() + QLatin1Char('-') + randomAlphanumeric(6);
    if (QDir().rename(sessionDir(session->id()), target)) {
        removeInBackground(target);
    } else {
        removeInBackground(sessionDir(session->id()));
    }
    session->deleteLater();
}

void SessionStore::release(LocalSession *session)
{
    if (!session || m_byId.value(session->id()) != session) {
        return;
    }
    session->setStatus(LocalSession::Status::Deleting);
    save();
    const QString id = session->id();
    QTimer::singleShot(0, this, [this, id] {
        if (LocalSession *s = find(id)) {
            remove(s);
        }
    });
}

void SessionStore::adopt(LocalSession *session)
{
    session->noteActivity(now());
    // Any change may bring a deadline nearer than the one the reaper sleeps towards.
    connect(session, &LocalSession::lifecycleChanged, m_reaper, &SessionReaper::reschedule);
    m_reaper->reschedule();
}

void SessionStore::removeInBackground(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        return;
    }
    QThreadPool::globalInstance()->start([path] {
        QDir(path).removeRecursively();
    });
}

} // namespace AgentBay::Server
