// SPDX-License-Identifier: MIT
#include "profilestore.h"

#include <core/config/config.h>

#include <QCoreApplication>
#include <QSettings>

#include <optional>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

QString kindKey(Profile::Kind kind)
{
    switch (kind) {
    case Profile::Kind::Local:
        return u"local"_s;
    case Profile::Kind::CloudShanghai:
        return u"cn-shanghai"_s;
    case Profile::Kind::CloudSingapore:
        return u"ap-southeast-1"_s;
    case Profile::Kind::Custom:
        break;
    }
    return u"custom"_s;
}

Profile::Kind kindFromKey(const QString &key)
{
    for (const Profile::Kind kind :
        {Profile::Kind::Local, Profile::Kind::CloudShanghai, Profile::Kind::CloudSingapore, Profile::Kind::Custom}) {
        if (kindKey(kind) == key) {
            return kind;
        }
    }
    return Profile::Kind::Custom;
}

Profile localProfile()
{
    Profile profile;
    profile.name = Profile::localName();
    profile.kind = Profile::Kind::Local;
    return profile;
}

} // namespace

QString Profile::shanghaiEndpoint()
{
    return u"wuyingai.cn-shanghai.aliyuncs.com"_s;
}

QString Profile::singaporeEndpoint()
{
    return u"wuyingai.ap-southeast-1.aliyuncs.com"_s;
}

QString Profile::localName()
{
    return u"Local"_s;
}

QString Profile::displayName() const
{
    return name == localName() ? tr("Local") : name;
}

QString Profile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Local:
        return tr("Local (agentbay-local on this machine)");
    case Kind::CloudShanghai:
        return tr("AgentBay cloud, Shanghai");
    case Kind::CloudSingapore:
        return tr("AgentBay cloud, Singapore");
    case Kind::Custom:
        break;
    }
    return tr("Custom endpoint");
}

QString Profile::effectiveEndpoint() const
{
    switch (kind) {
    case Kind::Local:
        return endpoint; // filled in once agentbay-local answers
    case Kind::CloudShanghai:
        return shanghaiEndpoint();
    case Kind::CloudSingapore:
        return singaporeEndpoint();
    case Kind::Custom:
        break;
    }
    return endpoint;
}

int Profile::effectiveRefreshMs() const
{
    if (refreshIntervalMs > 0) {
        return refreshIntervalMs;
    }
    return kind == Kind::Local ? LocalRefreshMs : CloudRefreshMs;
}

QString Profile::credentialKey() const
{
    return u"apikey/"_s + name;
}

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> list;
    const int count = m_settings->beginReadArray(u"profiles"_s);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Profile profile;
        profile.name = m_settings->value(u"name"_s).toString();
        profile.kind = kindFromKey(m_settings->value(u"kind"_s).toString());
        profile.endpoint = m_settings->value(u"endpoint"_s).toString();
        profile.regionId = m_settings->value(u"region"_s).toString();
        profile.refreshIntervalMs = m_settings->value(u"refreshMs"_s, 0).toInt();
        if (!profile.name.isEmpty()) {
            list.append(profile);
        }
    }
    m_settings->endArray();
    const bool hasLocal = std::any_of(list.cbegin(), list.cend(), [](const Profile &p) {
        return p.isLocal();
    });
    if (!hasLocal) {
        list.prepend(localProfile());
    }
    return list;
}

void ProfileStore::setProfiles(const QList<Profile> &profiles)
{
    m_settings->beginWriteArray(u"profiles"_s, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &profile = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(u"name"_s, profile.name);
        m_settings->setValue(u"kind"_s, kindKey(profile.kind));
        m_settings->setValue(u"endpoint"_s, profile.isLocal() ? QString() : profile.endpoint);
        m_settings->setValue(u"region"_s, profile.regionId);
        m_settings->setValue(u"refreshMs"_s, profile.refreshIntervalMs);
    }
    m_settings->endArray();
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    const QList<Profile> list = profiles();
    for (const Profile &profile : list) {
        if (profile.name.compare(name, Qt::CaseInsensitive) == 0) {
            return profile;
        }
    }
    return std::nullopt;
}

QString ProfileStore::currentName() const
{
    return m_settings->value(u"currentProfile"_s, Profile::localName()).toString();
}

void ProfileStore::setCurrentName(const QString &name)
{
    m_settings->setValue(u"currentProfile"_s, name);
}

Profile ProfileStore::current() const
{
    return find(currentName()).value_or(localProfile());
}

int ProfileStore::requestTimeoutMs() const
{
    return m_settings->value(u"network/timeoutMs"_s, Core::Config::DefaultTimeoutMs).toInt();
}

void ProfileStore::setRequestTimeoutMs(int timeoutMs)
{
    m_settings->setValue(u"network/timeoutMs"_s, timeoutMs);
}

} // namespace AgentBay::Ui
