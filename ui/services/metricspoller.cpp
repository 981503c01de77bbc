// SPDX-License-Identifier: MIT
#include "metricspoller.h"

#include <core/api/apiclient.h>

namespace AgentBay::Ui {

MetricsPoller::MetricsPoller(Core::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock([] {
        return QDateTime::currentDateTimeUtc();
    })
{
    m_timer.setInterval(DefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &MetricsPoller::pollNow);
}

MetricsPoller::~MetricsPoller()
{
    cancelPending(m_inFlight.values());
}

void MetricsPoller::cancelPending(QList<Pending> pending)
{
    // Taken out first: a cancelled operation calls back at once.
    for (Pending &p : pending) {
        p.handle.cancel();
    }
}

void MetricsPoller::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

std::chrono::milliseconds MetricsPoller::interval() const
{
    return m_timer.intervalAsDuration();
}

void MetricsPoller::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void MetricsPoller::setSessions(const QStringList &ids)
{
    m_ids = ids;
    m_ids.removeDuplicates();
    QList<Pending> unwanted; // hidden or no longer running: their answers are not wanted
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (m_ids.contains(it.key())) {
            ++it;
        } else {
            unwanted.append(*it);
            it = m_inFlight.erase(it);
        }
    }
    cancelPending(unwanted);
}

void MetricsPoller::start()
{
    m_timer.start();
    pollNow();
}

void MetricsPoller::stop()
{
    m_timer.stop();
}

void MetricsPoller::pollNow()
{
    for (const QString &id : std::as_const(m_ids)) {
        if (!m_inFlight.contains(id)) {
            request(id);
        }
    }
}

void MetricsPoller::request(const QString &id)
{
    ++m_requestsSent;
    Core::CallToolOptions options;
    options.readTimeoutMs = int(std::max<qint64>(5000, m_timer.interval()));
    const quint64 serial = ++m_nextSerial;
    // Inserted before the call: a callback that runs at once still finds (and removes) it.
    m_inFlight.insert(id, Pending{serial, {}});
    Core::OperationHandle handle = m_client->callMcpTool(id,
        QStringLiteral("get_metrics"),
        {},
        options,
        this,
        [this, id, serial](const Core::Result<Core::McpToolResult> &result) {
            const auto pending = m_inFlight.constFind(id);
            if (pending == m_inFlight.cend() || pending->serial != serial) {
                return; // cancelled, or a newer request replaced it
            }
            m_inFlight.erase(pending);
            if (!result.ok()) {
                if (result.error().kind != Core::ApiError::Kind::Cancelled) {
                    Q_EMIT metricsFailed(id, result.errorMessage());
                }
                return;
            }
            const Core::Result<Core::SessionMetrics> metrics = Core::SessionMetrics::fromToolResult(result.value());
            if (!metrics.ok()) {
                Q_EMIT metricsFailed(id, metrics.errorMessage());
                return;
            }
            record(id, metrics.value());
        });
    const auto pending = m_inFlight.find(id);
    if (pending != m_inFlight.end() && pending->serial == serial) {
        pending->handle = handle;
    }
}

void MetricsPoller::record(const QString &id, const Core::SessionMetrics &metrics)
{
    const QDateTime now = m_clock();
    QList<Sample> &samples = m_history[id];
    samples.append(Sample{now, metrics});
    const QDateTime oldest = now.addSecs(-qint64(HistorySpan.count()));
    while (!samples.isEmpty() && samples.first().at < oldest) {
        samples.removeFirst();
    }
    Q_EMIT metricsUpdated(id);
}

Core::SessionMetrics MetricsPoller::latest(const QString &id) const
{
    const auto it = m_history.constFind(id);
    return it == m_history.cend() || it->isEmpty() ? Core::SessionMetrics() : it->last().metrics;
}

QList<MetricsPoller::Sample> MetricsPoller::history(const QString &id) const
{
    return m_history.value(id);
}

void MetricsPoller::forget(const QString &id)
{
    m_history.remove(id);
    if (m_inFlight.contains(id)) {
        cancelPending({m_inFlight.take(id)});
    }
}

} // namespace AgentBay::Ui
