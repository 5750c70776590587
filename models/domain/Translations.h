#pragma once

class QCoreApplication;

/** Loads the product's and Qt's translations for the system locale into the application. */
void installTranslations(QCoreApplication &app);
