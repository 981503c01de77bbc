// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace AgentBay::Ui {

// A warning strip above the content: what is wrong and the one thing to do about it.
class Banner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Banner)

public:
    explicit Banner(QWidget *parent = nullptr);
    ~Banner() override;

    // An empty buttonText shows no button.
    void showMessage(const QString &text, const QString &buttonText, std::function<void()> action);
    void dismiss();

    QString text() const;

    QPushButton *button() const { return m_button; }

private:
    QLabel *m_text;
    QPushButton *m_button;
    std::function<void()> m_action;
};

} // namespace AgentBay::Ui
