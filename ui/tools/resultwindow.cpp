// SPDX-License-Identifier: MIT
#include "resultwindow.h"

#include "resultview.h"

#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

ResultWindow::ResultWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(u"resultWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    m_view = new ResultView(this);
    m_view->setObjectName(u"resultView"_s);
    layout->addWidget(m_view);
    resize(720, 560);
}

ResultWindow::~ResultWindow() = default;

void ResultWindow::showRecord(const Core::ToolCallRecord &record, const QJsonObject &outputSchema)
{
    m_view->setOutputSchema(outputSchema);
    m_view->showRecord(record);
    const QString session = record.sessionId.isEmpty() ? QString() : tr(" on %1").arg(record.sessionId);
    setWindowTitle(tr("%1%2 — result").arg(record.toolName, session));
}

ResultWindow *ResultWindow::open(const Core::ToolCallRecord &record, const QJsonObject &outputSchema, QWidget *opener)
{
    // A child window of the opener: closed with it, and never outliving the data it shows.
    auto *window = new ResultWindow(opener);
    window->showRecord(record, outputSchema);
    window->show();
    window->raise();
    return window;
}

} // namespace AgentBay::Ui
