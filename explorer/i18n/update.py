"""Refresh the Korean translation: lupdate the sources, merge ``ko.KO``, lrelease the ``.qm``.

    python -m explorer.i18n.update
"""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from . import QM_FILE, TS_FILE
from .ko import KO

ROOT = Path(__file__).resolve().parents[2]  # the checkout: this is a developer's tool


def source_files():
    return sorted(str(p) for p in (ROOT / "explorer").rglob("*.py") if "i18n" not in p.parts)


def tool(name):
    """Qt's lupdate/lrelease: the binaries inside the PySide6 package, else its pyside6-* wrapper beside
    this Python, else on PATH — pytest run by its full path has no venv bin/ on PATH."""
    import PySide6

    package = Path(PySide6.__file__).parent
    for candidate in (package / name, package / f"{name}.exe", Path(sys.executable).parent / f"pyside6-{name}"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    path = shutil.which(f"pyside6-{name}")
    if path is None:
        raise RuntimeError(f"pyside6-{name} not found (it comes with PySide6)")
    return path


def extract(ts_path):
    """Run lupdate over the sources into ``ts_path``; returns [(context, source), ...]."""
    subprocess.run([tool("lupdate"), *source_files(), "-no-obsolete", "-locations", "none",
                    "-target-language", "ko_KR", "-ts", str(ts_path)], check=True, capture_output=True)
    tree = ET.parse(ts_path)
    return [(ctx.findtext("name"), msg.findtext("source"))
            for ctx in tree.getroot().iter("context") for msg in ctx.iter("message")]


def merge(ts_path):
    """Fill every message's translation from KO; returns the sources that have none."""
    tree = ET.parse(ts_path)
    missing = []
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source")
        translation = msg.find("translation")
        if source in KO:
            translation.text = KO[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def main():
    extract(TS_FILE)
    missing = merge(TS_FILE)
    QM_FILE.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), str(TS_FILE), "-qm", str(QM_FILE)], check=True, capture_output=True)
    for source in missing:
        print(f"no Korean for: {source!r}", file=sys.stderr)
    print(f"{TS_FILE.name}: {len(missing)} untranslated; wrote {QM_FILE.relative_to(ROOT)}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
