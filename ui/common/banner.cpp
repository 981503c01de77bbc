// SPDX-License-Identifier: MIT
#include "banner.h"

#include "apppalette.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_button(new QPushButton(this))
{
    setObjectName(u"banner"_s);
    // A warm strip on either palette; the text keeps the palette's own colour (>= 4.5:1 on both).
    setProperty("bannerFrame", true);
    setStyleSheet(AppPalette::isDark(palette())
            ? u"QFrame[bannerFrame=\"true\"] { background: #3a2e14; border: 1px solid #8a6d2b; border-radius: 4px; }"_s
            : u"QFrame[bannerFrame=\"true\"] { background: #fff4e5; border: 1px solid #f3c98b; border-radius: 4px; }"_s);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/icons/error.svg"_s).pixmap(16, 16));
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_button);
    hide();
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_action) {
            m_action();
        }
    });
}

Banner::~Banner() = default;

void Banner::showMessage(const QString &text, const QString &buttonText, std::function<void()> action)
{
    m_text->setText(text);
    m_button->setText(buttonText);
    m_button->setVisible(!buttonText.isEmpty());
    m_action = std::move(action);
    show();
}

void Banner::dismiss()
{
    hide();
    m_action = nullptr;
}

QString Banner::text() const
{
    return m_text->text();
}

} // namespace AgentBay::Ui
