// SPDX-License-Identifier: MIT
#include "createsessiondialog.h"

#include "labeleditor.h"

#include <ui/lifecycle/lifecyclepolicyeditor.h>
#include <ui/services/sessioncontroller.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

CreateSessionDialog::CreateSessionDialog(SessionController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_image(new QComboBox(this))
    , m_imageHint(new QLabel(this))
    , m_labels(new LabelEditor(this))
    , m_region(new QLineEdit(this))
    , m_policy(new QLineEdit(this))
    , m_lifecycle(new LifecyclePolicyEditor(this))
    , m_error(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Session"));
    setMinimumWidth(480);

    m_image->setEditable(true);
    m_image->setAccessibleName(tr("Image"));
    m_image->lineEdit()->setPlaceholderText(u"linux_latest"_s);
    m_imageHint->setWordWrap(true);
    m_imageHint->setForegroundRole(QPalette::PlaceholderText);
    setLocalServer(false);

    m_region->setPlaceholderText(tr("Default"));
    m_region->setToolTip(tr("Sent as LoginRegionId, e.g. cn-hangzhou. Leave empty for the default."));
    m_policy->setPlaceholderText(tr("None"));
    m_region->setAccessibleName(tr("Region"));
    m_policy->setAccessibleName(tr("Policy id"));
    m_labels->setMinimumHeight(140);

    auto *labelsHint =
        new QLabel(tr("Optional key/value pairs to find and filter sessions by later, e.g. env = prod."), this);
    labelsHint->setWordWrap(true);
    // Hints are secondary text, not disabled text: the disabled grey falls below 4.5:1.
    labelsHint->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Image:"), m_image);
    form->addRow(QString(), m_imageHint);
    form->addRow(tr("&Labels:"), m_labels);
    form->addRow(QString(), labelsHint);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(tr("&Policy id:"), m_policy);
    form->addRow(tr("Lifecycle:"), m_lifecycle);

    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(u"QLabel { color: #b71c1c; background: #fdecea; border: 1px solid #f5c2c0;"
                           " border-radius: 4px; padding: 6px; }"_s);
    m_error->hide();

    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    m_progressText->hide();

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    m_buttons->button(QDialogButtonBox::Ok)->setIcon(QIcon(u":/icons/create.svg"_s));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateSessionDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreateSessionDialog::reject);
    connect(m_labels, &LabelEditor::validityChanged, this, &CreateSessionDialog::updateButtons);
    connect(m_image, &QComboBox::currentTextChanged, this, &CreateSessionDialog::updateButtons);
    updateButtons();
}

CreateSessionDialog::~CreateSessionDialog() = default;

QStringList CreateSessionDialog::cloudImages()
{
    return {u"linux_latest"_s, u"code_latest"_s, u"browser_latest"_s, u"windows_latest"_s, u"mobile_latest"_s};
}

QStringList CreateSessionDialog::localImages()
{
    return {u"linux_latest"_s, u"code_latest"_s};
}

QStringList CreateSessionDialog::imagesNamedIn(const QString &message, const QString &refused)
{
    // Image ids are not translated, so this holds whatever language the server answers in.
    static const QRegularExpression id(u"\\b(?:[a-z][a-z0-9]*_latest|imgc-[A-Za-z0-9]+)\\b"_s);
    QStringList images;
    for (auto it = id.globalMatch(message); it.hasNext();) {
        const QString found = it.next().captured();
        if (found != refused && !images.contains(found)) {
            images.append(found);
        }
    }
    return images;
}

void CreateSessionDialog::setLocalServer(bool local)
{
    m_local = local;
    setOfferedImages(local ? localImages() : cloudImages());
}

QStringList CreateSessionDialog::offeredImages() const
{
    QStringList images;
    for (int i = 0; i < m_image->count(); ++i) {
        images.append(m_image->itemText(i));
    }
    return images;
}

void CreateSessionDialog::setOfferedImages(const QStringList &images)
{
    const QString typed = m_image->currentText();
    m_image->clear();
    m_image->addItems(images);
    m_image->setCurrentText(typed.isEmpty() || (!images.contains(typed) && !typed.startsWith(u"imgc-"_s))
            ? images.value(0, u"linux_latest"_s)
            : typed);
    if (m_local) {
        m_image->setToolTip(tr("The images this local server can run."));
        m_imageHint->setText(tr("The local server runs: %1.").arg(images.join(u", "_s)));
    } else {
        m_image->setToolTip(tr("A documented image, or a custom image id such as imgc-…"));
        m_imageHint->setText(tr("Pick a documented image or type a custom image id (imgc-…)."));
    }
}

void CreateSessionDialog::showFailure(const Core::ApiError &error, const QString &image)
{
    if (error.code.startsWith(u"InvalidParameter.ImageId"_s) || error.code == u"InvalidImageId"_s) {
        const QStringList offered = imagesNamedIn(error.message, image);
        if (!offered.isEmpty()) {
            setOfferedImages(offered);
        }
        m_error->setText(
            tr("<b>This server cannot run the image “%1”.</b><br>%2")
                .arg(image.toHtmlEscaped(),
                    offered.isEmpty() ? tr("Check the image id, or pick one from the list.")
                                      : tr("Pick one it offers: %1.").arg(offered.join(u", "_s).toHtmlEscaped())));
    } else {
        m_error->setText(tr("<b>Could not create the session.</b><br>%1").arg(error.details().toHtmlEscaped()));
    }
    m_error->show();
}

Core::CreateSessionParams CreateSessionDialog::params() const
{
    Core::CreateSessionParams params;
    params.imageId = m_image->currentText().trimmed();
    params.labels = m_labels->labels();
    params.regionId = m_region->text().trimmed();
    params.policyId = m_policy->text().trimmed();
    params.lifecycle = m_lifecycle->policy();
    return params;
}

void CreateSessionDialog::setDefaultRegion(const QString &region)
{
    m_region->setPlaceholderText(region.isEmpty() ? tr("Default") : region);
}

void CreateSessionDialog::updateButtons()
{
    const bool running = m_operation.isRunning();
    const bool imageOk = !m_image->currentText().trimmed().contains(u' ');
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!running && m_labels->isValid() && imageOk);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setToolTip(m_labels->isValid() ? QString() : m_labels->validationMessage());
}

void CreateSessionDialog::setRunning(bool running)
{
    m_image->setEnabled(!running);
    m_labels->setEnabled(!running);
    m_region->setEnabled(!running);
    m_policy->setEnabled(!running);
    m_lifecycle->setEnabled(!running);
    m_progress->setVisible(running);
    m_progressText->setVisible(running);
    m_progressText->setText(
        tr("Creating a %1 session…").arg(params().imageId.isEmpty() ? u"linux_latest"_s : params().imageId));
    updateButtons();
}

void CreateSessionDialog::submit()
{
    if (m_operation.isRunning() || !m_labels->isValid()) {
        return;
    }
    m_error->hide();
    const QString image = params().imageId.isEmpty() ? u"linux_latest"_s : params().imageId;
    m_operation = m_controller->create(params(), this, [this, image](const Core::Result<Core::SessionData> &result) {
        m_operation = {};
        setRunning(false);
        if (result.ok()) {
            Q_EMIT created(result.value().sessionId);
            accept();
            return;
        }
        if (result.error().kind == Core::ApiError::Kind::Cancelled) {
            return;
        }
        showFailure(result.error(), image);
    });
    setRunning(true);
}

void CreateSessionDialog::reject()
{
    // Cancel stops waiting for the answer; a session the server already made shows up in the list.
    if (m_operation.isRunning()) {
        m_operation.cancel();
        m_operation = {};
        setRunning(false);
    }
    QDialog::reject();
}

} // namespace AgentBay::Ui
