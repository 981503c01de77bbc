// SPDX-License-Identifier: MIT
#include "translationloader.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>

namespace AgentBay::Ui {

namespace {

const QString SourceLanguage = QStringLiteral("en");

} // namespace

TranslationLoader::~TranslationLoader()
{
    removeAll();
}

QStringList TranslationLoader::languages()
{
    return {SourceLanguage, QStringLiteral("zh_CN")};
}

QString TranslationLoader::resolve(const QString &choice, const QStringList &uiLanguages)
{
    const QStringList available = languages();
    if (available.contains(choice)) {
        return choice;
    }
    for (const QString &name : uiLanguages) {
        const QLocale locale(name);
        // Simplified Chinese is the only Chinese we have; a zh_TW reader still reads it better
        // than English.
        if (locale.language() == QLocale::Chinese) {
            return QStringLiteral("zh_CN");
        }
        if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
            return SourceLanguage;
        }
    }
    return SourceLanguage;
}

QString TranslationLoader::qmFile(const QString &language)
{
    return QStringLiteral(":/i18n/agentbay_%1.qm").arg(language);
}

bool TranslationLoader::install(const QString &language)
{
    removeAll();
    m_language = SourceLanguage;
    // Qt's own texts first: translators installed later are asked first, so ours win where both
    // translate a text (standard buttons, qtstandardtexts.cpp).
    if (language != SourceLanguage) {
        auto *qt = new QTranslator;
        if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            m_qt = qt;
        } else {
            delete qt;
        }
    }
    auto *own = new QTranslator;
    if (!own->load(qmFile(language))) {
        delete own;
        return language == SourceLanguage; // English reads the source texts without it
    }
    QCoreApplication::installTranslator(own);
    m_own = own;
    m_language = language;
    // Dates and numbers in the same language as the texts (a Chinese window on an English system
    // says 2026/11/30, not "30 Nov 2026"); a system already in that language keeps its own format.
    if (QLocale().language() != QLocale(language).language()) {
        QLocale::setDefault(QLocale(language));
    }
    return true;
}

void TranslationLoader::removeAll()
{
    for (QTranslator **translator : {&m_own, &m_qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

} // namespace AgentBay::Ui
