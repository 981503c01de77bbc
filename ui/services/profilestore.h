// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace AgentBay::Ui {

// Where a profile points. The API key is not here: it lives in the CredentialStore (cloud) or
// in agentbay-local's discovery file (Local).
struct Profile
{
    enum class Kind {
        Local,
        CloudShanghai,
        CloudSingapore,
        Custom,
    };

    QString name;
    Kind kind = Kind::Local;
    QString endpoint; // Custom only ("host[:port]" = https, or a full http(s):// URL)
    QString regionId; // optional LoginRegionId for create
    int refreshIntervalMs = 0; // 0 = the kind's default

    static constexpr int LocalRefreshMs = 5000;
    static constexpr int CloudRefreshMs = 15000;
    static QString shanghaiEndpoint();
    static QString singaporeEndpoint();
    static QString kindName(Kind kind); // translated
    static QString localName(); // "Local"
    // The name as the window shows it: the Local profile's in the user's language, others as saved.
    QString displayName() const;

    QString effectiveEndpoint() const; // empty for Local until the server is found
    int effectiveRefreshMs() const;

    bool isLocal() const { return kind == Kind::Local; }

    // Key name in the credential store.
    QString credentialKey() const;
    bool operator==(const Profile &) const = default;

    Q_DECLARE_TR_FUNCTIONS(AgentBay::Ui::Profile)
};

// Profiles and app-wide settings in QSettings. On first start there is exactly one profile,
// "Local", and it is current.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings *settings);

    QList<Profile> profiles() const;
    void setProfiles(const QList<Profile> &profiles);
    std::optional<Profile> find(const QString &name) const;
    QString currentName() const;
    void setCurrentName(const QString &name);
    Profile current() const;

    int requestTimeoutMs() const;
    void setRequestTimeoutMs(int timeoutMs);

private:
    QSettings *m_settings;
};

} // namespace AgentBay::Ui
