// SPDX-License-Identifier: MIT
// Texts that Qt's own widgets put in our windows (standard dialog buttons, a field's context
// menu, the tab bar's and dock's buttons, --help). Listed here so lupdate puts them in our .ts
// files and the Chinese window does not depend on Qt's translation package being installed; Qt's
// own .qm, when present, covers the rest.
#include "translationloader.h"

#include <QtGlobal>

namespace AgentBay::Ui {

const TranslationLoader::QtText TranslationLoader::QtStandardTexts[] = {
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "OK")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save All")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Open")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&No")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Abort")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Retry")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Close")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Help")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Reset")},
    {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults")},
    {"QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "&OK")},
    {"QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "&Save")},
    {"QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel")},
    {"QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "&Close")},
    {"QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving")},
    {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Undo")},
    {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Redo")},
    {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Cu&t")},
    {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Copy")},
    {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Paste")},
    {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Delete")},
    {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Select All")},
    {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo")},
    {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo")},
    {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t")},
    {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy")},
    {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location")},
    {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste")},
    {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete")},
    {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All")},
    {"QTabBar", QT_TRANSLATE_NOOP("QTabBar", "Scroll Left")},
    {"QTabBar", QT_TRANSLATE_NOOP("QTabBar", "Scroll Right")},
    {"CloseButton", QT_TRANSLATE_NOOP("CloseButton", "Close Tab")},
    {"QDockWidget", QT_TRANSLATE_NOOP("QDockWidget", "Float")},
    {"QDockWidget", QT_TRANSLATE_NOOP("QDockWidget", "Undocks and re-attaches the dock widget")},
    {"QDockWidget", QT_TRANSLATE_NOOP("QDockWidget", "Close")},
    {"QDockWidget", QT_TRANSLATE_NOOP("QDockWidget", "Closes the dock widget")},
    {"QCommandLineParser", QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1")},
    {"QCommandLineParser", QT_TRANSLATE_NOOP("QCommandLineParser", "Options:")},
    {"QCommandLineParser", QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:")},
    {"QCommandLineParser", QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options.")},
    {"QCommandLineParser", QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options.")},
    {"QCommandLineParser", QT_TRANSLATE_NOOP("QCommandLineParser", "Displays version information.")},
};

const std::size_t TranslationLoader::QtStandardTextCount = std::size(TranslationLoader::QtStandardTexts);

} // namespace AgentBay::Ui
