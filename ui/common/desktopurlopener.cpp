// SPDX-License-Identifier: MIT
#include "desktopurlopener.h"

#include <QDesktopServices>

namespace AgentBay::Ui {

namespace {

// While a URL is handed to the desktop: Qt's warnings about it (no browser found, a platform
// that cannot open URLs) name the whole URL, and a port link's query holds its auth code.
QtMessageHandler outerHandler = nullptr;
QStringList hiddenParts;

void withoutHiddenParts(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QString text = message;
    for (const QString &part : std::as_const(hiddenParts)) {
        text.replace(part, QStringLiteral("…"));
    }
    outerHandler(type, context, text);
}

} // namespace

bool DesktopUrlOpener::open(const QUrl &url)
{
    if (!url.isValid()) {
        return false;
    }
    hiddenParts.clear();
    for (const QUrl::ComponentFormattingOptions format :
        {QUrl::PrettyDecoded, QUrl::FullyEncoded, QUrl::FullyDecoded}) {
        if (const QString query = url.query(format); !query.isEmpty()) {
            hiddenParts << query;
        }
    }
    if (hiddenParts.isEmpty()) {
        return QDesktopServices::openUrl(url);
    }
    outerHandler = qInstallMessageHandler(withoutHiddenParts);
    const bool opened = QDesktopServices::openUrl(url);
    qInstallMessageHandler(outerHandler);
    hiddenParts.clear();
    return opened;
}

} // namespace AgentBay::Ui
