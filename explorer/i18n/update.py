"""Refresh the translations: lupdate the sources into ``dlfs_ko.ts`` (the translations' source:
edit it in Qt Linguist — ``pyside6-linguist explorer/i18n/dlfs_ko.ts`` — or any text editor) and into
``dlfs_en.ts`` (only the strings with a count, for their English singular and plural), then lrelease
the ``.qm`` files the app loads.

    python -m explorer.i18n.update
"""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

from . import EN_QM_FILE, EN_TS_FILE, QM_FILE, TS_FILE

ROOT = Path(__file__).resolve().parents[2]  # the checkout: this is a developer's tool


def source_files():
    return sorted(str(p) for p in (ROOT / "explorer").rglob("*.py") if "i18n" not in p.parts)


def tool(name):
    """Qt's lupdate/lrelease: the binaries inside the PySide6 package, else its pyside6-* wrapper beside
    this Python, else on PATH — pytest run by its full path has no venv bin/ on PATH."""
    import PySide6  # a developer's tool: the package is only needed to find its binaries

    package = Path(PySide6.__file__).parent
    for candidate in (package / name, package / f"{name}.exe", Path(sys.executable).parent / f"pyside6-{name}"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    path = shutil.which(f"pyside6-{name}")
    if path is None:
        raise RuntimeError(f"pyside6-{name} not found (it comes with PySide6)")
    return path


def extract(ts_path, language="ko_KR"):
    """Run lupdate over the sources into ``ts_path`` (keeping the translations it already holds, dropping
    strings no source uses any more; for English only the strings with a count); returns
    ``messages(ts_path)``."""
    plural_only = ["-pluralonly"] if language.startswith("en") else []
    subprocess.run([tool("lupdate"), *source_files(), "-no-obsolete", "-locations", "none", *plural_only,
                    "-target-language", language, "-ts", str(ts_path)], check=True, capture_output=True)
    return messages(ts_path)


class Message(NamedTuple):
    context: str
    source: str
    comment: str | None  # the disambiguation, where one English text has two meanings
    translation: str | tuple | None  # None: missing or unfinished; a string with a count: its forms


def messages(ts_path):
    """The Messages of a .ts file. A string with a count (numerus) has a tuple of its forms as its
    translation (Korean one, English two: singular and plural)."""
    out = []
    for ctx in ET.parse(ts_path).getroot().iter("context"):
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            if translation is None or translation.get("type") is not None:
                text = None
            elif msg.get("numerus") == "yes":
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
                text = forms if forms and all(form.strip() for form in forms) else None
            else:
                text = translation.text if (translation.text or "").strip() else None
            out.append(Message(ctx.findtext("name"), msg.findtext("source"), msg.findtext("comment"), text))
    return out


def main():
    """Refresh dlfs_ko.ts and dlfs_en.ts from the sources (new strings arrive unfinished, for Qt Linguist or
    an editor), then compile the .qm files. Exit status 1 while a string lacks its translation."""
    status = 0
    for ts, qm, language in ((TS_FILE, QM_FILE, "ko_KR"), (EN_TS_FILE, EN_QM_FILE, "en_GB")):
        found = extract(ts, language)
        missing = [m.source for m in found if m.translation is None]
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        for source in missing:
            print(f"not translated: {source!r} (translate it in {ts.relative_to(ROOT)})", file=sys.stderr)
        print(f"{ts.name}: {len(missing)} untranslated; wrote {qm.relative_to(ROOT)}")
        status |= bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main())
