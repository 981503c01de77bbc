// SPDX-License-Identifier: MIT
#include "appagainstlocalserver.h"

#include "../server/rawapi.h"

#include <core/api/apiclient.h>
#include <support/callbackprobe.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/window/mainwindow.h>

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace AgentBay::Test {

using namespace std::chrono_literals;

AppAgainstLocalServer::AppAgainstLocalServer()
{
    QStandardPaths::setTestModeEnabled(true);
}

AppAgainstLocalServer::~AppAgainstLocalServer() = default;

QString AppAgainstLocalServer::filePath(const QString &name) const
{
    return m_dir.filePath(name);
}

bool AppAgainstLocalServer::startServer()
{
    if (!m_server) {
        m_server = std::make_unique<LocalServer>(m_dir.filePath(QStringLiteral("server")));
    }
    return m_dir.isValid() && m_server->start();
}

void AppAgainstLocalServer::stopServer()
{
    m_server.reset();
}

Core::ApiClient *AppAgainstLocalServer::makeClient()
{
    Core::Config config;
    config.endpoint = m_server->url();
    config.apiKey = m_server->apiKey();
    config.timeoutMs = CallTimeoutMs;
    m_client = std::make_unique<Core::ApiClient>(config);
    return m_client.get();
}

Ui::SessionController *AppAgainstLocalServer::makeController()
{
    m_controller = std::make_unique<Ui::SessionController>(m_client.get(), &m_opener);
    m_controller->setRefreshInterval(300ms);
    return m_controller.get();
}

bool AppAgainstLocalServer::startController()
{
    QSignalSpy refreshed(m_controller.get(), &Ui::SessionController::refreshed);
    m_controller->start();
    return refreshed.wait(10000);
}

Ui::MainWindow *AppAgainstLocalServer::makeWindow(const QString &settingsFile)
{
    m_settings = std::make_unique<QSettings>(m_dir.filePath(settingsFile), QSettings::IniFormat);
    // Until connectWindow, a loopback port where nothing listens: a request the window makes on
    // its own (a selected row's details) fails at once and never reaches the default cloud host.
    Core::Config config;
    config.endpoint = QStringLiteral("http://127.0.0.1:9");
    m_client = std::make_unique<Core::ApiClient>(config);
    m_window = std::make_unique<Ui::MainWindow>(m_client.get(), &m_opener, &m_credentials, m_settings.get());
    return m_window.get();
}

bool AppAgainstLocalServer::showWindow(QSize size)
{
    if (size.isValid()) {
        m_window->resize(size);
    }
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window.get());
}

bool AppAgainstLocalServer::connectWindow()
{
    QSignalSpy refreshed(m_window->controller(), &Ui::SessionController::refreshed);
    m_window->connectTo(m_server->url(), m_server->apiKey());
    return refreshed.wait(10000);
}

Ui::SessionController *AppAgainstLocalServer::controller() const
{
    return m_window ? m_window->controller() : m_controller.get();
}

QString AppAgainstLocalServer::createRawSession(const QList<std::pair<QString, QString>> &extra)
{
    RawApi raw(m_server->url(), m_server->apiKey());
    return raw.createSession(extra);
}

QString AppAgainstLocalServer::createSession()
{
    CallbackProbe<Core::SessionData> probe;
    m_client->create({}, &probe.context, probe.callback());
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(probe.done(), CallTimeoutMs);
        QVERIFY2(probe.ok(), qPrintable(probe.why()));
    }();
    return probe.ok() ? probe.value().sessionId : QString();
}

QString AppAgainstLocalServer::waitForRunningRow(const QString &id)
{
    Ui::SessionController *controller = this->controller();
    [&] {
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(controller->store()->find(id), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(controller->store()->find(id)->status, Core::SessionStatus::Running, 10000);
    }();
    return id;
}

void AppAgainstLocalServer::reset()
{
    m_window.reset();
    m_controller.reset();
    m_client.reset();
    m_settings.reset();
}

} // namespace AgentBay::Test
