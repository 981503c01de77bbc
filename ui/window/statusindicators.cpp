// SPDX-License-Identifier: MIT
#include "statusindicators.h"

#include <core/api/apierror.h>
#include <ui/common/apppalette.h>

#include <QDateTime>
#include <QFrame>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

Q_LOGGING_CATEGORY(lcStatus, "agentbay.ui.mainwindow")

StatusIndicators::StatusIndicators(QStatusBar *bar)
    : QObject(bar)
    , m_profile(new QLabel(bar))
    , m_refresh(new QLabel(bar))
    , m_inFlight(new QLabel(bar))
    , m_error(new QLabel(bar))
{
    m_error->setTextFormat(Qt::RichText);
    m_error->setStyleSheet(u"color: %1;"_s.arg(AppPalette::errorText(bar->palette()).name()));
    m_error->setMaximumWidth(520);
    m_errorExpiry.setSingleShot(true);
    m_errorExpiry.setInterval(std::chrono::minutes(2));
    connect(&m_errorExpiry, &QTimer::timeout, this, [this] {
        if (!m_errorFromRefresh) {
            m_errorKind.clear();
            m_error->clear();
            m_error->setToolTip({});
        }
    });
    connect(m_error, &QLabel::linkActivated, this, [this, bar] {
        // One window on request, never one per failure.
        QMessageBox box(QMessageBox::Warning, tr("Last Error"), m_error->toolTip(), QMessageBox::Close, bar->window());
        box.setDetailedText(m_errorDetails);
        box.exec();
    });
    for (QLabel *label : {m_error, m_inFlight, m_refresh, m_profile}) {
        label->setContentsMargins(8, 0, 8, 0);
        bar->addPermanentWidget(label);
        if (label != m_profile) {
            auto *separator = new QFrame(bar);
            separator->setFrameShape(QFrame::VLine);
            separator->setFrameShadow(QFrame::Sunken);
            bar->addPermanentWidget(separator);
        }
    }
}

StatusIndicators::~StatusIndicators() = default;

void StatusIndicators::setProfile(const QString &name, const QString &endpoint)
{
    m_profile->setText(tr("Profile: %1").arg(name.isEmpty() ? tr("none") : name));
    m_profile->setToolTip(endpoint);
}

void StatusIndicators::setLastRefresh(const QDateTime &at)
{
    m_refresh->setText(
        at.isValid() ? tr("Refreshed %1").arg(at.toLocalTime().toString(u"HH:mm:ss"_s)) : tr("Not refreshed yet"));
}

void StatusIndicators::setInFlight(int count)
{
    m_inFlight->setText(count == 0 ? tr("Idle")
            : count == 1           ? tr("1 request in flight")
                                   : tr("%1 requests in flight").arg(count));
}

void StatusIndicators::showError(
    const QString &summary, const Core::ApiError &error, bool fromRefresh, const QString &kind)
{
    m_errorFromRefresh = fromRefresh;
    m_errorKind = kind;
    if (!fromRefresh) {
        m_errorExpiry.start(); // a refresh error stays while the server stays away
    }
    m_errorDetails = error.details();
    const QString text = tr("%1: %2").arg(summary, error.message);
    // The time tells a stale error (kept as "the last error") from a fresh one.
    const QString shown = tr("%1 %2").arg(QTime::currentTime().toString(u"HH:mm"_s), text);
    const QFontMetrics metrics(m_error->font());
    m_error->setText(u"<a href=\"#\" style=\"color:%1; text-decoration:none\">%2</a>"_s.arg(
        AppPalette::errorText(m_error->palette()).name(),
        metrics.elidedText(shown, Qt::ElideRight, 480).toHtmlEscaped()));
    m_error->setToolTip(text + u"\n"_s + m_errorDetails);
    qCInfo(lcStatus).noquote() << summary << error.details();
}

void StatusIndicators::clearRefreshError()
{
    if (!m_errorFromRefresh) {
        return;
    }
    m_errorFromRefresh = false;
    m_error->clear();
    m_error->setToolTip({});
}

void StatusIndicators::clearError(const QString &kind)
{
    if (kind.isEmpty() || kind != m_errorKind || m_errorFromRefresh) {
        return;
    }
    m_errorKind.clear();
    m_errorExpiry.stop();
    m_error->clear();
    m_error->setToolTip({});
}

} // namespace AgentBay::Ui
