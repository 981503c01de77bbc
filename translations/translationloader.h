// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <cstddef>

class QTranslator;

namespace AgentBay::Ui {

// Picks the language of the desktop app and installs its translators: ours (built from
// translations/*.ts into :/i18n) and Qt's own when the system has it. The choice is a language
// code from languages(), or empty for the system's language; the app installs it once at start.
class TranslationLoader final
{
public:
    TranslationLoader() = default;
    ~TranslationLoader();
    TranslationLoader(const TranslationLoader &) = delete;
    TranslationLoader &operator=(const TranslationLoader &) = delete;

    // The languages the app is translated into, "en" (the source texts) first.
    static QStringList languages();
    // The language to show for a choice: the choice itself when it is one of languages(), else
    // the first of the system's UI languages we have (any Chinese reads the Simplified
    // translation), else English.
    static QString resolve(const QString &choice, const QStringList &uiLanguages);
    // The resource that holds a language's translation, e.g. ":/i18n/agentbay_zh_CN.qm".
    static QString qmFile(const QString &language);

    // Installs the translators for a language, and makes it the default locale when the current
    // one is another language; false when ours cannot be loaded (English then).
    bool install(const QString &language);

    QString language() const { return m_language; }

    // Texts of Qt's own widgets that we translate ourselves (qtstandardtexts.cpp).
    struct QtText
    {
        const char *context;
        const char *text;
    };

    static const QtText QtStandardTexts[];
    static const std::size_t QtStandardTextCount;

private:
    void removeAll();

    QTranslator *m_qt = nullptr;
    QTranslator *m_own = nullptr;
    QString m_language = QStringLiteral("en");
};

} // namespace AgentBay::Ui
