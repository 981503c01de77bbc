// SPDX-License-Identifier: MIT
#include "fanoutpage.h"

#include "fanoutresultcard.h"
#include "fanoutrun.h"
#include "resultwindow.h"

#include <core/sessions/labelselector.h>
#include <ui/common/flowlayout.h>

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::ToolCallRecord;
using ItemState = FanOutRun::ItemState;

FanOutPage::FanOutPage(Core::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_run(new FanOutRun(client, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    // The rows wrap in a narrow pane instead of widening the Tools tab.
    auto *targets = new FlowLayout;
    m_selectedMode = new QRadioButton(this);
    m_selectedMode->setObjectName(u"selectedMode"_s);
    m_selectorMode = new QRadioButton(tr("Sessions labelled"), this);
    m_selectorMode->setObjectName(u"selectorMode"_s);
    auto *group = new QButtonGroup(this);
    group->addButton(m_selectedMode);
    group->addButton(m_selectorMode);
    m_selectedMode->setChecked(true);
    m_selectorEdit = new QLineEdit(this);
    m_selectorEdit->setObjectName(u"selectorEdit"_s);
    m_selectorEdit->setPlaceholderText(tr("team=qa,env!=prod"));
    m_selectorEdit->setToolTip(tr("Every running session whose labels match this selector"));
    connect(m_selectorEdit, &QLineEdit::textEdited, this, [this] {
        m_selectorMode->setChecked(true);
        updateButtons();
    });
    targets->addWidget(m_selectedMode);
    targets->addWidget(m_selectorMode);
    targets->addWidget(m_selectorEdit);
    auto *atOnce = new QWidget(this);
    auto *atOnceRow = new QHBoxLayout(atOnce);
    atOnceRow->setContentsMargins(0, 0, 0, 0);
    auto *atOnceLabel = new QLabel(tr("At once:"), atOnce);
    atOnceRow->addWidget(atOnceLabel);
    m_concurrency = new QSpinBox(atOnce);
    atOnceLabel->setBuddy(m_concurrency);
    m_concurrency->setObjectName(u"concurrency"_s);
    m_concurrency->setRange(1, 32);
    m_concurrency->setValue(FanOutRun::DefaultConcurrency);
    m_concurrency->setToolTip(tr("How many sessions are called at the same time"));
    atOnceRow->addWidget(m_concurrency);
    targets->addWidget(atOnce);
    layout->addLayout(targets);

    auto *bar = new FlowLayout;
    m_runButton = new QPushButton(tr("Run on all"), this);
    m_runButton->setObjectName(u"fanOutRun"_s);
    connect(m_runButton, &QPushButton::clicked, this, &FanOutPage::runRequested);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(u"fanOutCancel"_s);
    connect(m_cancelButton, &QPushButton::clicked, this, &FanOutPage::cancel);
    m_progress = new QLabel(this);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setWordWrap(true);
    m_copyPython = new QPushButton(tr("Copy as Python"), this);
    m_copyPython->setObjectName(u"copyPython"_s);
    m_copyPython->setToolTip(tr("A Python SDK loop over these sessions (the key is read from AGENTBAY_API_KEY)"));
    connect(m_copyPython, &QPushButton::clicked, this, [this] {
        copySnippet(true);
    });
    m_copyShell = new QPushButton(tr("Copy as shell"), this);
    m_copyShell->setObjectName(u"copyShell"_s);
    m_copyShell->setToolTip(tr("A shell loop of curl calls (the key is read from $AGENTBAY_API_KEY)"));
    connect(m_copyShell, &QPushButton::clicked, this, [this] {
        copySnippet(false);
    });
    bar->addWidget(m_runButton);
    bar->addWidget(m_cancelButton);
    bar->addWidget(m_copyPython);
    bar->addWidget(m_copyShell);
    layout->addLayout(bar);
    layout->addWidget(m_progress); // a line of its own: it grows with the run

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"fanOutResults"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_grid = new QWidget;
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(m_grid);
    layout->addWidget(scroll, 1);

    connect(m_run, &FanOutRun::targetsResolved, this, &FanOutPage::onTargetsResolved);
    connect(m_run, &FanOutRun::resolveFailed, m_progress, &QLabel::setText);
    connect(m_run, &FanOutRun::itemChanged, this, &FanOutPage::refreshResults);
    connect(m_run, &FanOutRun::finished, this, [this] {
        refreshResults();
        updateButtons();
    });
    updateTargets();
}

FanOutPage::~FanOutPage()
{
    m_run->disconnect(this); // the run is a child: it must not reach a half-gone page
}

void FanOutPage::setSelectedSessions(const QStringList &sessionIds)
{
    m_selected = sessionIds;
    updateTargets();
}

void FanOutPage::setLabelSelector(const QString &selector)
{
    m_selectorEdit->setText(selector);
    // Sessions picked by hand win over a selector offered from elsewhere (the list's filter).
    const bool bySelector = !selector.isEmpty() && m_selected.isEmpty();
    m_selectorMode->setChecked(bySelector);
    m_selectedMode->setChecked(!bySelector);
    updateButtons();
}

void FanOutPage::setConcurrency(int concurrency)
{
    m_concurrency->setValue(concurrency);
}

void FanOutPage::updateTargets()
{
    m_selectedMode->setText(tr("Selected sessions (%1)").arg(m_selected.size()));
    updateButtons();
}

void FanOutPage::updateButtons()
{
    const bool active = m_run->isActive();
    const bool hasTargets =
        m_selectorMode->isChecked() ? !m_selectorEdit->text().trimmed().isEmpty() : !m_selected.isEmpty();
    m_runButton->setEnabled(!active && hasTargets);
    m_cancelButton->setEnabled(active);
    m_copyPython->setEnabled(!m_run->items().isEmpty());
    m_copyShell->setEnabled(!m_run->items().isEmpty());
}

bool FanOutPage::run(const Core::McpTool &tool, const QJsonObject &arguments, int timeoutMs)
{
    if (m_run->isActive()) {
        return false;
    }
    m_timeoutMs = timeoutMs;
    qDeleteAll(m_cards);
    m_cards.clear();
    m_reference = -1;
    m_run->setConcurrency(m_concurrency->value());
    bool started = false;
    if (m_selectorMode->isChecked()) {
        m_progress->setText(tr("Finding the sessions labelled %1…").arg(m_selectorEdit->text().trimmed()));
        started =
            m_run->startOnSelector(tool, arguments, Core::LabelSelector::parse(m_selectorEdit->text()), timeoutMs);
    } else if (m_selected.isEmpty()) {
        m_progress->setText(tr("Select sessions in the list, or type a label selector."));
    } else {
        started = m_run->start(tool, arguments, m_selected, timeoutMs);
    }
    updateButtons();
    return started;
}

void FanOutPage::cancel()
{
    m_run->cancel();
    updateButtons();
}

void FanOutPage::onTargetsResolved(const QStringList &sessionIds)
{
    qDeleteAll(m_cards);
    m_cards.clear();
    m_columns = 0;
    for (qsizetype i = 0; i < sessionIds.size(); ++i) {
        auto *card = new FanOutResultCard(sessionIds.at(i), m_grid);
        connect(card, &FanOutResultCard::openRequested, this, [this, i] {
            openResult(int(i));
        });
        m_cards.append(card);
    }
    layoutCards();
    refreshResults();
}

void FanOutPage::layoutCards()
{
    // Side by side: as many columns as fit at a readable width.
    const int columns = qBound(1, (width() - 24) / 360, 4); // the scroll bar takes its share
    if (columns == m_columns && m_gridLayout->count() == m_cards.size()) {
        return;
    }
    m_columns = columns;
    for (FanOutResultCard *card : std::as_const(m_cards)) {
        m_gridLayout->removeWidget(card);
    }
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        m_gridLayout->addWidget(m_cards.at(i), int(i) / columns, int(i) % columns);
    }
}

void FanOutPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutCards();
}

QString FanOutPage::progressText() const
{
    return m_progress->text();
}

void FanOutPage::refreshResults()
{
    const QList<FanOutRun::Item> &items = m_run->items();
    QList<int> doneIndexes;
    QList<Core::ComparableResult> results;
    int failed = 0;
    int running = 0;
    int skipped = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const FanOutRun::Item &item = items.at(i);
        if (item.state == ItemState::Done) {
            doneIndexes.append(int(i));
            results.append(Core::ComparableResult::from(item.record));
            failed += item.record.outcome == ToolCallRecord::Outcome::Ok ? 0 : 1;
        }
        running += item.state == ItemState::Running ? 1 : 0;
        skipped += item.state == ItemState::Skipped ? 1 : 0;
    }
    const int referenceInDone = Core::ResultComparison::referenceIndex(results);
    m_reference = referenceInDone < 0 ? -1 : doneIndexes.at(referenceInDone);
    int differing = 0;
    for (qsizetype i = 0; i < items.size() && i < m_cards.size(); ++i) {
        FanOutResultCard *card = m_cards.at(i);
        const FanOutRun::Item &item = items.at(i);
        if (item.state != ItemState::Done) {
            card->setPending(item.state == ItemState::Running ? tr("Running…")
                    : item.state == ItemState::Skipped        ? tr("Skipped")
                                                              : tr("Queued"));
            continue;
        }
        const Core::ComparableResult &result = results.at(doneIndexes.indexOf(int(i)));
        const Core::ComparableResult &reference = results.at(referenceInDone);
        const bool same = result.key == reference.key;
        differing += same ? 0 : 1;
        QString note;
        QSet<int> lines;
        if (int(i) == m_reference) {
            note = tr("Reference: %n of the results are the same as this one.",
                nullptr,
                Core::ResultComparison::agreeing(results, referenceInDone));
        } else if (same) {
            note = tr("Same as the reference.");
        } else if (result.kind == Core::ComparableResult::Kind::Json && reference.kind == result.kind) {
            const QStringList paths = Core::ResultComparison::differingPaths(reference.json, result.json);
            note = tr("Differs in %1").arg(paths.mid(0, 6).join(u", "_s) + (paths.size() > 6 ? u", …"_s : QString()));
            lines = Core::ResultComparison::differingLines(reference.text, result.text);
        } else if (result.kind == Core::ComparableResult::Kind::Image) {
            note = tr("A different image.");
        } else {
            note = tr("Differs from the reference.");
            lines = Core::ResultComparison::differingLines(reference.text, result.text);
        }
        const auto outcome = item.record.outcome;
        const QString color = outcome == ToolCallRecord::Outcome::Ok ? u"#2e7d32"_s
            : outcome == ToolCallRecord::Outcome::Cancelled          ? u"#757575"_s
                                                                     : u"#c62828"_s;
        const QString state = ToolCallRecord::outcomeName(outcome) + u" · "_s
            + tr("%1 ms").arg(QLocale().toString(item.record.durationMs));
        card->setResult(result, state, color, lines, note, !same);
    }
    QString text = tr("%1 of %2 done").arg(doneIndexes.size() + skipped).arg(items.size());
    if (running > 0) {
        text += tr(", %n running", nullptr, running);
    }
    if (failed > 0) {
        text += tr(", %n not OK", nullptr, failed);
    }
    if (skipped > 0) {
        text += tr(", %n skipped (cancelled)", nullptr, skipped);
    }
    if (!doneIndexes.isEmpty()) {
        text += differing == 0 ? tr(" · all results are the same")
                               : tr(" · %n differ from the reference", nullptr, differing);
    }
    m_progress->setText(text);
    updateButtons();
}

void FanOutPage::openResult(int index)
{
    const QList<FanOutRun::Item> &items = m_run->items();
    if (index < 0 || index >= items.size() || items.at(index).state != ItemState::Done) {
        return;
    }
    ResultWindow::open(items.at(index).record, m_run->tool().outputSchema, this);
}

QString FanOutPage::pythonSnippet() const
{
    return m_snippets.forSessions(
        CallSnippets::Language::Python, m_run->sessionIds(), m_run->tool(), m_run->arguments(), m_timeoutMs);
}

QString FanOutPage::shellSnippet() const
{
    return m_snippets.forSessions(
        CallSnippets::Language::Shell, m_run->sessionIds(), m_run->tool(), m_run->arguments(), m_timeoutMs);
}

void FanOutPage::copySnippet(bool python)
{
    CallSnippets::copy(python ? pythonSnippet() : shellSnippet());
    m_progress->setText(python ? tr("Python loop copied (the API key is read from AGENTBAY_API_KEY).")
                               : tr("Shell loop copied (the API key is read from $AGENTBAY_API_KEY)."));
}

} // namespace AgentBay::Ui
