"""Refresh the Korean translation: lupdate the sources into ``dlfs_ko.ts`` (the translations' source:
edit it in Qt Linguist — ``pyside6-linguist explorer/i18n/dlfs_ko.ts`` — or any text editor), then
lrelease the ``.qm`` the app loads.

    python -m explorer.i18n.update
"""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from . import QM_FILE, TS_FILE

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


def extract(ts_path):
    """Run lupdate over the sources into ``ts_path`` (keeping the translations it already holds, dropping
    strings no source uses any more); returns [(context, source, translation or None), ...], None where
    the translation is missing or unfinished."""
    subprocess.run([tool("lupdate"), *source_files(), "-no-obsolete", "-locations", "none",
                    "-target-language", "ko_KR", "-ts", str(ts_path)], check=True, capture_output=True)
    return messages(ts_path)


def messages(ts_path):
    """[(context, source, translation or None), ...] of a .ts file."""
    out = []
    for ctx in ET.parse(ts_path).getroot().iter("context"):
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            done = translation is not None and translation.get("type") is None and (translation.text or "").strip()
            out.append((ctx.findtext("name"), msg.findtext("source"), translation.text if done else None))
    return out


def main():
    """Refresh dlfs_ko.ts from the sources (new strings arrive unfinished, for Qt Linguist or an editor),
    then compile the .qm. Exit status 1 while a string lacks its Korean."""
    found = extract(TS_FILE)
    missing = [source for _, source, translation in found if translation is None]
    QM_FILE.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), str(TS_FILE), "-qm", str(QM_FILE)], check=True, capture_output=True)
    for source in missing:
        print(f"no Korean for: {source!r} (translate it in {TS_FILE.relative_to(ROOT)})", file=sys.stderr)
    print(f"{TS_FILE.name}: {len(missing)} untranslated; wrote {QM_FILE.relative_to(ROOT)}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
