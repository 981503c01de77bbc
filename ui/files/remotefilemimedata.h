// SPDX-License-Identifier: MIT
#pragma once

#include <QMimeData>

#include <functional>
#include <optional>

namespace AgentBay::Ui {

// The drag data of a session file dragged out to the desktop: a file URL that exists only once
// a drop target asks for it. Asking runs the download (the maker, once) and hands out the local
// copy; nothing is fetched for a drag that is dropped nowhere. Targets that read the data
// before the drop (some do, to show what they would accept) start the fetch early.
class RemoteFileMimeData final : public QMimeData
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteFileMimeData)

public:
    // Returns the local copy's path, empty on failure or cancel.
    using Maker = std::function<QString()>;

    explicit RemoteFileMimeData(Maker maker);
    ~RemoteFileMimeData() override;

    QStringList formats() const override;
    bool hasFormat(const QString &mimeType) const override;

    // Whether the file was fetched (for tests).
    bool isMaterialized() const { return m_localPath.has_value(); }

protected:
    QVariant retrieveData(const QString &mimeType, QMetaType type) const override;

private:
    Maker m_maker;
    mutable std::optional<QString> m_localPath;
};

} // namespace AgentBay::Ui
