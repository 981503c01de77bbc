// SPDX-License-Identifier: MIT
#include "remotefilemimedata.h"

#include <QUrl>

namespace AgentBay::Ui {

namespace {
const QString uriList = QStringLiteral("text/uri-list");
}

RemoteFileMimeData::RemoteFileMimeData(Maker maker)
    : m_maker(std::move(maker))
{
}

RemoteFileMimeData::~RemoteFileMimeData() = default;

QStringList RemoteFileMimeData::formats() const
{
    return {uriList};
}

bool RemoteFileMimeData::hasFormat(const QString &mimeType) const
{
    return mimeType == uriList;
}

QVariant RemoteFileMimeData::retrieveData(const QString &mimeType, QMetaType type) const
{
    if (mimeType != uriList) {
        return {};
    }
    if (!m_localPath) {
        m_localPath = m_maker ? m_maker() : QString();
    }
    if (m_localPath->isEmpty()) {
        return {};
    }
    const QUrl url = QUrl::fromLocalFile(*m_localPath);
    if (type.id() == QMetaType::QByteArray || type.id() == QMetaType::QString) {
        return QByteArray(url.toEncoded() + QByteArrayLiteral("\r\n"));
    }
    return QVariantList{url};
}

} // namespace AgentBay::Ui
