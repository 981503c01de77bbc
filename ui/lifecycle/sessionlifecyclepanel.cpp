// SPDX-License-Identifier: MIT
#include "sessionlifecyclepanel.h"

#include "keepalivewhileshown.h"
#include "metricsgraph.h"

#include <ui/services/lifecycletracker.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace AgentBay::Ui {

SessionLifecyclePanel::SessionLifecyclePanel(MetricsPoller *metrics, LifecycleTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
    , m_remaining(new QLabel(this))
    , m_keepAlive(new QPushButton(tr("&Keep alive"), this))
    , m_whileShown(new QCheckBox(tr("Keep alive &while shown here"), this))
    , m_graph(new MetricsGraph(metrics, this))
    , m_keeper(new KeepAliveWhileShown(tracker, this))
{
    m_remaining->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remaining->setWordWrap(true);
    m_keepAlive->setToolTip(tr("Restart the idle release timer of this session now"));
    m_whileShown->setToolTip(tr("Restart the idle release timer again and again while this session is shown in "
                                "this pane (before a third of its idle time has passed)"));
    m_graph->setToolTip(tr("Filled: CPU; line: memory; both in percent. Sampled while the session is running "
                           "and shown in the table or here."));

    m_graph->setMinimumHeight(m_graph->sizeHint().height()); // room for a shape, not just a line

    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(m_keepAlive);
    actions->addWidget(m_whileShown, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_remaining);
    layout->addLayout(actions);
    layout->addWidget(m_graph);

    connect(m_keepAlive, &QPushButton::clicked, this, [this] {
        if (m_tracker && !m_id.isEmpty()) {
            m_tracker->keepAlive({m_id});
        }
    });
    connect(m_whileShown, &QCheckBox::toggled, m_keeper, &KeepAliveWhileShown::setActive);
    connect(m_keeper, &KeepAliveWhileShown::activeChanged, this, [this](bool active) {
        const QSignalBlocker blocker(m_whileShown);
        m_whileShown->setChecked(active);
    });
    connect(tracker, &LifecycleTracker::timesChanged, this, &SessionLifecyclePanel::updateRemaining);
    connect(tracker, &LifecycleTracker::keptAlive, this, [this](const QString &id) {
        if (id == m_id) {
            updateRemaining();
        }
    });
    connect(tracker, &LifecycleTracker::keepAliveFailed, this, [this](const QString &id, const QString &message) {
        if (id == m_id) {
            Q_EMIT statusMessage(tr("Could not keep %1 alive: %2").arg(id, message));
        }
    });
    // The time left counts down by itself.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SessionLifecyclePanel::updateRemaining);
    setSession({}, false);
}

SessionLifecyclePanel::~SessionLifecyclePanel() = default;

void SessionLifecyclePanel::setSession(const QString &id, bool running)
{
    if (id != m_id) {
        m_keeper->setSession(id);
        m_graph->setSession(id);
    }
    m_id = id;
    m_running = running && !id.isEmpty();
    if (!m_running) {
        m_keeper->setActive(false); // a paused session is not released for idleness
    }
    m_keepAlive->setEnabled(m_running);
    m_whileShown->setEnabled(m_running);
    updateRemaining();
    if (m_id.isEmpty()) {
        m_tick.stop();
    } else if (!m_tick.isActive()) {
        m_tick.start();
    }
}

void SessionLifecyclePanel::updateRemaining()
{
    if (m_id.isEmpty() || !m_tracker) {
        m_remaining->clear();
        return;
    }
    const Core::RemainingTime left = m_tracker->remaining(m_id);
    const QDateTime now = m_tracker->now();
    QString text;
    switch (left.source()) {
    case Core::RemainingTime::Source::Unknown:
        text = tr("Release: unknown (the service does not say, and this app did not create it)");
        break;
    case Core::RemainingTime::Source::Never:
        text = tr("Release: never (only a delete ends it)");
        break;
    case Core::RemainingTime::Source::Server:
    case Core::RemainingTime::Source::Estimate:
        text = left.reason() == Core::RemainingTime::Reason::Idle
            ? tr("Released in %1 unless it is used or kept alive").arg(left.text(now))
            : tr("Released in %1 (its maximum runtime)").arg(left.text(now));
        break;
    }
    m_remaining->setText(text);
    // Near the end it stands out (bold, not a colour: it reads on both palettes).
    QFont font = m_remaining->font();
    font.setBold(left.isNearEnd(now, m_tracker->warnAhead()));
    m_remaining->setFont(font);
}

} // namespace AgentBay::Ui
