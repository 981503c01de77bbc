// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/toolcallhistory.h>

#include <QList>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace AgentBay::Ui {

class CallHistoryModel;
class ResultView;

// The History tab of the Tools tab: the session's calls, newest first, the selected call's
// result below them, and Re-run / Load arguments / Clear history. It only asks; the owner
// does the work.
class CallHistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallHistoryPage)

public:
    explicit CallHistoryPage(QWidget *parent = nullptr);
    ~CallHistoryPage() override;

    // A session's calls, oldest first (as ToolCallHistory::load returns them); at most maxRows
    // are kept when more calls are added.
    void setRecords(const QList<Core::ToolCallRecord> &records, int maxRows);
    // No session: no rows.
    void clear();
    // A call that just finished becomes the first row.
    void addRecord(const Core::ToolCallRecord &record);

    int rowCount() const;
    const Core::ToolCallRecord *selectedRecord() const;
    // calling: a call runs (no Re-run, no Clear); blocked: the session cannot be called.
    void setCallState(bool calling, bool blocked);
    // The rows, oldest first: all of them, or the selected ones (for export).
    QList<Core::ToolCallRecord> records(bool selectedOnly = false) const;
    // Shows calls read from a file, for viewing, with a notice naming the file and a way back.
    void showImported(const QList<Core::ToolCallRecord> &records, const QString &source);

    bool isShowingImported() const { return m_imported; }

    // Texts an export must never contain (the API key).
    void setSecrets(const QStringList &secrets) { m_secrets = secrets; }

    // Export… and Import… without their file dialogs: JSON lines, secrets replaced.
    bool exportTo(const QString &path, bool selectedOnly, QString *error = nullptr) const;
    bool importFrom(const QString &path, QString *error = nullptr);

Q_SIGNALS:
    void loadArgumentsRequested(const AgentBay::Core::ToolCallRecord &record);
    void rerunRequested(const AgentBay::Core::ToolCallRecord &record);
    void clearRequested();
    // Back from imported calls to the session's own history.
    void sessionHistoryRequested();

private:
    void showSelection();
    void updateButtons();
    void askFile(bool exporting);
    void showNotice(const QString &text);

    bool m_calling = false;
    bool m_blocked = false;
    bool m_imported = false;
    QStringList m_secrets;
    QLabel *m_importNotice = nullptr;
    QWidget *m_importBar = nullptr;
    CallHistoryModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    ResultView *m_result = nullptr;
    QPushButton *m_rerun = nullptr;
    QPushButton *m_loadArguments = nullptr;
    QPushButton *m_clear = nullptr;
};

} // namespace AgentBay::Ui
