// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/savedcallstore.h>

#include <QString>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace AgentBay::Ui {

// The "Saved" page of the Tools tab: the profile's saved calls by collection. A call is run on
// the current session in one click (or loaded into the form); collections are imported and
// exported as JSON. Every change is saved at once (SavedCallStore).
class SavedCallsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedCallsPage)

public:
    explicit SavedCallsPage(QWidget *parent = nullptr);
    ~SavedCallsPage() override;

    // Where and for which profile calls are kept; reloads. Secrets are never written.
    void setStore(const QString &directory, const QString &profile, const QStringList &secrets);

    const Core::SavedCallStore &store() const { return m_store; }

    void setSecrets(const QStringList &secrets) { m_store.setSecrets(secrets); }

    QString currentCollection() const;
    void setCurrentCollection(const QString &name);
    // Adds (or replaces) a call in the collection and saves; false with the reason shown.
    bool saveCall(const QString &collection, const Core::SavedCall &call);
    bool removeCall(const QString &collection, const QString &name);
    // What "Save current call…" saves: the form's call (name = tool), or why there is none.
    using CurrentCallSource = std::function<std::optional<Core::SavedCall>(QString *error)>;

    void setCurrentCallSource(CurrentCallSource source) { m_currentCall = std::move(source); }

    // Saves the current call under a name (without asking); false with the reason shown.
    bool saveCurrentCall(const QString &collection, const QString &name);
    // Whether the current session can run calls (enables Run).
    void setCanRun(bool canRun);

    bool importFile(const QString &path);
    bool exportFile(const QString &path, const QString &onlyCollection = {});

    QString message() const;

Q_SIGNALS:
    void runRequested(const AgentBay::Core::SavedCall &call);
    void loadRequested(const AgentBay::Core::SavedCall &call);

private:
    void reload(const QString &collection = {});
    void showCalls();
    std::optional<Core::SavedCall> selectedCall() const;
    void updateButtons();
    void setMessage(const QString &text, bool problem = false);
    bool persist();
    void askToSaveCurrentCall();

    Core::SavedCallStore m_store;
    bool m_canRun = false;
    CurrentCallSource m_currentCall;
    QComboBox *m_collections = nullptr;
    QListWidget *m_calls = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace AgentBay::Ui
