// SPDX-License-Identifier: MIT
#include "savedcallspage.h"

#include <ui/common/apppalette.h>
#include <ui/common/flowlayout.h>

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::SavedCall;

namespace {

constexpr int NameRole = Qt::UserRole + 1;

QString argumentsPreview(const QJsonObject &arguments)
{
    const QString text = QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact));
    return text.size() > 80 ? text.left(79) + u'…' : text;
}

} // namespace

SavedCallsPage::SavedCallsPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    // Both button rows wrap in a narrow pane instead of widening the Tools tab.
    auto *top = new FlowLayout;
    auto *collection = new QWidget(this);
    auto *collectionRow = new QHBoxLayout(collection);
    collectionRow->setContentsMargins(0, 0, 0, 0);
    auto *collectionLabel = new QLabel(tr("Collection:"), collection);
    collectionRow->addWidget(collectionLabel);
    m_collections = new QComboBox(collection);
    m_collections->setObjectName(u"collections"_s);
    m_collections->setMinimumContentsLength(14);
    collectionLabel->setBuddy(m_collections);
    connect(m_collections, &QComboBox::currentIndexChanged, this, &SavedCallsPage::showCalls);
    collectionRow->addWidget(m_collections, 1);
    top->addWidget(collection);
    auto *newCollection = new QPushButton(tr("New…"), this);
    newCollection->setObjectName(u"newCollection"_s);
    connect(newCollection, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New collection"), tr("Name:"), QLineEdit::Normal, {}, &ok);
        if (ok && !name.trimmed().isEmpty()) {
            m_store.addCollection(name);
            if (persist()) {
                reload(name.trimmed());
            }
        }
    });
    top->addWidget(newCollection);
    auto *importButton = new QPushButton(tr("Import…"), this);
    importButton->setObjectName(u"importSaved"_s);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import saved calls"), {}, tr("Saved calls (*.json);;All files (*)"));
        if (!path.isEmpty()) {
            importFile(path);
        }
    });
    top->addWidget(importButton);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(u"exportSaved"_s);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this,
            tr("Export saved calls"),
            (currentCollection().isEmpty() ? u"saved-calls"_s : currentCollection()) + u".json"_s,
            tr("Saved calls (*.json)"));
        if (!path.isEmpty()) {
            exportFile(path, currentCollection());
        }
    });
    top->addWidget(exportButton);
    layout->addLayout(top);

    m_calls = new QListWidget(this);
    m_calls->setObjectName(u"savedCalls"_s);
    m_calls->setAlternatingRowColors(true);
    connect(m_calls, &QListWidget::itemSelectionChanged, this, &SavedCallsPage::updateButtons);
    connect(m_calls, &QListWidget::itemDoubleClicked, this, [this] {
        if (const auto call = selectedCall(); call && m_canRun) {
            Q_EMIT runRequested(*call);
        }
    });
    layout->addWidget(m_calls, 1);

    auto *buttons = new FlowLayout;
    auto *save = new QPushButton(tr("Save current call…"), this);
    save->setObjectName(u"saveCurrent"_s);
    save->setToolTip(tr("Keep the form's tool and arguments under a name"));
    connect(save, &QPushButton::clicked, this, &SavedCallsPage::askToSaveCurrentCall);
    buttons->addWidget(save);
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(u"runSaved"_s);
    m_run->setToolTip(tr("Run the saved call on the current session"));
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (const auto call = selectedCall()) {
            Q_EMIT runRequested(*call);
        }
    });
    m_load = new QPushButton(tr("Load into form"), this);
    m_load->setObjectName(u"loadSaved"_s);
    connect(m_load, &QPushButton::clicked, this, [this] {
        if (const auto call = selectedCall()) {
            Q_EMIT loadRequested(*call);
        }
    });
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(u"deleteSaved"_s);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const auto call = selectedCall()) {
            removeCall(currentCollection(), call->name);
        }
    });
    buttons->addWidget(m_run);
    buttons->addWidget(m_load);
    buttons->addWidget(m_delete);
    layout->addLayout(buttons);
    m_message = new QLabel(this);
    m_message->setObjectName(u"savedMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    updateButtons();
}

SavedCallsPage::~SavedCallsPage() = default;

void SavedCallsPage::setStore(const QString &directory, const QString &profile, const QStringList &secrets)
{
    m_store = Core::SavedCallStore(directory, profile);
    m_store.setSecrets(secrets);
    QString error;
    if (!m_store.load(&error)) {
        setMessage(error, true);
    } else {
        setMessage({});
    }
    reload();
}

void SavedCallsPage::reload(const QString &collection)
{
    const QString keep = collection.isEmpty() ? currentCollection() : collection;
    const QSignalBlocker blocker(m_collections);
    m_collections->clear();
    m_collections->addItems(m_store.collectionNames());
    const int index = m_collections->findText(keep);
    m_collections->setCurrentIndex(index >= 0 ? index : 0);
    showCalls();
}

void SavedCallsPage::showCalls()
{
    m_calls->clear();
    for (const Core::SavedCallCollection &collection : m_store.collections()) {
        if (collection.name != currentCollection()) {
            continue;
        }
        for (const SavedCall &call : collection.calls) {
            auto *item = new QListWidgetItem(
                tr("%1 — %2 %3").arg(call.name, call.toolName, argumentsPreview(call.arguments)), m_calls);
            item->setData(NameRole, call.name);
            item->setToolTip(QString::fromUtf8(QJsonDocument(call.arguments).toJson(QJsonDocument::Indented)));
        }
    }
    if (m_calls->count() > 0) {
        m_calls->setCurrentRow(0);
    }
    updateButtons();
}

QString SavedCallsPage::currentCollection() const
{
    return m_collections->currentText();
}

void SavedCallsPage::setCurrentCollection(const QString &name)
{
    m_collections->setCurrentIndex(m_collections->findText(name));
}

std::optional<SavedCall> SavedCallsPage::selectedCall() const
{
    const QListWidgetItem *item = m_calls->currentItem();
    return item ? m_store.call(currentCollection(), item->data(NameRole).toString()) : std::nullopt;
}

void SavedCallsPage::setCanRun(bool canRun)
{
    m_canRun = canRun;
    updateButtons();
}

void SavedCallsPage::updateButtons()
{
    const bool selected = m_calls->currentItem() != nullptr;
    m_run->setEnabled(selected && m_canRun);
    m_load->setEnabled(selected);
    m_delete->setEnabled(selected);
}

bool SavedCallsPage::persist()
{
    QString error;
    if (!m_store.save(&error)) {
        setMessage(error, true);
        return false;
    }
    return true;
}

bool SavedCallsPage::saveCall(const QString &collection, const SavedCall &call)
{
    if (collection.trimmed().isEmpty() || call.name.trimmed().isEmpty()) {
        setMessage(tr("A saved call needs a collection and a name."), true);
        return false;
    }
    m_store.putCall(collection, call);
    if (!persist()) {
        return false;
    }
    reload(collection.trimmed());
    const QList<QListWidgetItem *> found = m_calls->findItems(call.name + u" — "_s, Qt::MatchStartsWith);
    if (!found.isEmpty()) {
        m_calls->setCurrentItem(found.first());
    }
    setMessage(tr("Saved \"%1\" in %2.").arg(call.name, collection.trimmed()));
    return true;
}

bool SavedCallsPage::saveCurrentCall(const QString &collection, const QString &name)
{
    QString error;
    auto call = m_currentCall ? m_currentCall(&error) : std::nullopt;
    if (!call) {
        setMessage(error.isEmpty() ? tr("There is no call to save.") : error, true);
        return false;
    }
    call->name = name.trimmed();
    return saveCall(collection, *call);
}

void SavedCallsPage::askToSaveCurrentCall()
{
    QString error;
    const auto call = m_currentCall ? m_currentCall(&error) : std::nullopt;
    if (!call) {
        setMessage(error.isEmpty() ? tr("There is no call to save.") : error, true);
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save call"), tr("Name for this %1 call:").arg(call->toolName), QLineEdit::Normal, call->name, &ok);
    if (ok && !name.trimmed().isEmpty()) {
        saveCurrentCall(currentCollection().isEmpty() ? tr("Default") : currentCollection(), name);
    }
}

bool SavedCallsPage::removeCall(const QString &collection, const QString &name)
{
    if (!m_store.removeCall(collection, name) || !persist()) {
        return false;
    }
    reload(collection);
    return true;
}

bool SavedCallsPage::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setMessage(tr("Cannot read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    QString error;
    const auto parsed = Core::SavedCallStore::parse(file.readAll(), &error);
    if (!parsed) {
        setMessage(tr("Cannot import %1: %2").arg(path, error), true);
        return false;
    }
    const int count = m_store.merge(*parsed);
    if (!persist()) {
        return false;
    }
    reload(parsed->isEmpty() ? QString() : parsed->first().name);
    setMessage(tr("Imported %n call(s).", nullptr, count));
    return true;
}

bool SavedCallsPage::exportFile(const QString &path, const QString &onlyCollection)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setMessage(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    file.write(m_store.exportJson(onlyCollection));
    if (!file.commit()) {
        setMessage(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    setMessage(tr("Exported to %1.").arg(path));
    return true;
}

QString SavedCallsPage::message() const
{
    return m_message->text();
}

void SavedCallsPage::setMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(
        problem ? u"color: %1;"_s.arg(AppPalette::errorText(m_message->palette()).name()) : QString());
}

} // namespace AgentBay::Ui
