// SPDX-License-Identifier: MIT
#include "filterbar.h"

#include "sessionlistmodel.h"

#include <ui/common/apppalette.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace AgentBay::Ui {

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_selectorEdit(new QLineEdit(this))
    , m_statusCombo(new QComboBox(this))
    , m_idEdit(new QLineEdit(this))
    , m_count(new QLabel(this))
{
    m_selectorEdit->setPlaceholderText(tr("Labels: env=prod, team, owner!=bob, !temp"));
    m_selectorEdit->addAction(QIcon(u":/icons/labels.svg"_s), QLineEdit::LeadingPosition);
    m_selectorEdit->setClearButtonEnabled(true);
    m_selectorEdit->setAccessibleName(tr("Label selector"));
    m_selectorEdit->setToolTip(tr("Comma-separated terms, all must hold:\n"
                                  "  key=value   label has this value\n"
                                  "  key!=value  label missing or different\n"
                                  "  key         label present\n"
                                  "  !key        label absent"));

    m_statusCombo->addItem(tr("All statuses"));
    for (const Core::SessionStatus status : {Core::SessionStatus::Running,
             Core::SessionStatus::Paused,
             Core::SessionStatus::Pausing,
             Core::SessionStatus::Resuming,
             Core::SessionStatus::Deleting}) {
        m_statusCombo->addItem(SessionListModel::statusText(status), int(status));
    }
    m_statusCombo->setAccessibleName(tr("Status filter"));

    m_idEdit->setPlaceholderText(tr("Search id"));
    m_idEdit->addAction(QIcon(u":/icons/search.svg"_s), QLineEdit::LeadingPosition);
    m_idEdit->setClearButtonEnabled(true);
    m_idEdit->setAccessibleName(tr("Session id search"));
    m_idEdit->setMaximumWidth(220);
    // Room for the icon, the placeholder and the clear button even in a narrow window.
    // (small, so that the label selector, typed most, keeps the room in a narrow window)
    m_idEdit->setMinimumWidth(m_idEdit->fontMetrics().horizontalAdvance(m_idEdit->placeholderText()) + 44);

    m_count->setForegroundRole(QPalette::PlaceholderText); // not the disabled grey: 4.5:1
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(u"000 of 000"_s));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_selectorEdit, 3);
    layout->addWidget(m_statusCombo);
    layout->addWidget(m_idEdit, 1);
    layout->addWidget(m_count);

    m_serverDelay.setSingleShot(true);
    m_serverDelay.setInterval(400ms);
    connect(&m_serverDelay, &QTimer::timeout, this, [this] {
        const auto current = status();
        Q_EMIT serverFilterChanged(
            m_selector.serverLabels(), current ? Core::sessionStatusToString(*current) : QString());
    });
    connect(m_selectorEdit, &QLineEdit::textChanged, this, &FilterBar::onSelectorEdited);
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, [this] {
        Q_EMIT statusChanged(status());
        m_serverDelay.start();
    });
    connect(m_idEdit, &QLineEdit::textChanged, this, &FilterBar::idTextChanged);
}

FilterBar::~FilterBar() = default;

std::optional<Core::SessionStatus> FilterBar::status() const
{
    const QVariant data = m_statusCombo->currentData();
    if (!data.isValid()) {
        return std::nullopt;
    }
    return Core::SessionStatus(data.toInt());
}

QString FilterBar::idText() const
{
    return m_idEdit->text();
}

bool FilterBar::isFiltering() const
{
    return !m_selectorEdit->text().trimmed().isEmpty() || status().has_value() || !idText().trimmed().isEmpty();
}

void FilterBar::setCounts(int shown, int total)
{
    if (shown != total) {
        m_count->setText(tr("%1 of %2").arg(shown).arg(total));
    } else {
        m_count->setText(tr("%n session(s)", nullptr, total));
    }
}

void FilterBar::clearFilters()
{
    m_selectorEdit->clear();
    m_statusCombo->setCurrentIndex(0);
    m_idEdit->clear();
}

void FilterBar::focusSelector()
{
    m_selectorEdit->setFocus(Qt::ShortcutFocusReason);
    m_selectorEdit->selectAll();
}

void FilterBar::onSelectorEdited(const QString &text)
{
    const Core::LabelSelector parsed = Core::LabelSelector::parse(text);
    if (!parsed.isValid()) {
        // The error colour as a border; the text stays on the palette's own background.
        m_selectorEdit->setStyleSheet(u"QLineEdit { border: 2px solid %1; border-radius: 3px; padding: 1px; }"_s.arg(
            AppPalette::errorText(palette()).name()));
        m_selectorEdit->setToolTip(tr("Not applied: %1").arg(parsed.errorString()));
        m_serverDelay.stop();
        return;
    }
    m_selectorEdit->setStyleSheet({});
    m_selectorEdit->setToolTip(parsed.isEmpty() ? tr("Comma-separated terms: key=value, key!=value, key, !key")
                                                : tr("Matching %1").arg(parsed.toString()));
    if (parsed == m_selector) {
        return;
    }
    m_selector = parsed;
    Q_EMIT selectorChanged(parsed);
    m_serverDelay.start();
}

} // namespace AgentBay::Ui
