"""Translations: Qt's QTranslator with the compiled catalogues in resources/i18n.

Source strings are English; ``explorer/i18n/dlfs_ko.ts`` holds the Korean, compiled to
``resources/i18n/dlfs_ko.qm`` by ``python -m explorer.i18n.update``. Counts use Qt's plural forms:
``self.tr("%n digit(s)", "", n)``; ``dlfs_en.ts`` holds only those strings' English forms ("1 digit",
"2 digits"), Korean has one form.
"""

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from engine.resource_files import resource_path

TS_FILE = Path(__file__).resolve().parent / "dlfs_ko.ts"
QM_FILE = resource_path("i18n", "dlfs_ko.qm")  # compiled from TS_FILE, shipped with the package
EN_TS_FILE = Path(__file__).resolve().parent / "dlfs_en.ts"  # English plural forms only
EN_QM_FILE = resource_path("i18n", "dlfs_en.qm")
LANGUAGES = {"en": "English", "ko": "한국어"}
CATALOGUES = {"en": EN_QM_FILE, "ko": QM_FILE}

_installed = None


def system_language():
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def install(lang):
    """Switch the application's language; widgets retranslate on QEvent.LanguageChange."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if lang in CATALOGUES:
        translator = QTranslator(app)
        if not translator.load(str(CATALOGUES[lang])):
            return lang == "en"  # English without its plural forms still reads: "1 digit(s)"
        app.installTranslator(translator)
        _installed = translator
    return True


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text, *values):
    """Qt-style placeholders %1..%9 filled in one pass, so a value that itself contains '%2' stays as it is."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values)
                            else m.group(0), text)
