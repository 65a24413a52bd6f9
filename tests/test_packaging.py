"""A wheel carries every file the app reads at run time (users install with pip install . / pipx)."""

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def tracked(folder):
    out = subprocess.run(["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0 or not out.stdout.strip():
        pytest.skip("not a git checkout")
    return [Path(line) for line in out.stdout.splitlines()]


def test_every_package_folder_is_listed_in_pyproject():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+; 3.10 checks it in CI's wheel step
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for top in ("engine", "explorer")
             for p in (ROOT / top).rglob("__init__.py") if "__pycache__" not in p.parts}
    assert found <= listed, f"packages missing from pyproject.toml: {sorted(found - listed)}"
    assert config["package-dir"]["dlfs_explorer_resources"] == "resources"


def installed_setuptools_builds_us():
    """True when the setuptools installed here meets pyproject's build requirement (then the wheel can be
    built without fetching one; an older setuptools rejects the SPDX `license` string)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        have = tuple(int(x) for x in version("setuptools").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return False
    need = re.search(r'"setuptools>=([0-9.]+)"', (ROOT / "pyproject.toml").read_text())
    return need is not None and have >= tuple(int(x) for x in need.group(1).split(".")[:2])


@pytest.mark.slow
def test_the_wheel_holds_every_shipped_file(tmp_path):
    # An isolated build fetches a new enough setuptools; skip that when the installed one will do.
    isolation = ["--no-build-isolation"] if installed_setuptools_builds_us() else []
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-q",
                          "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    wheel = next(tmp_path.glob("dlfs_explorer-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [p for p in tracked("resources") if p.name != "__init__.py"]
    assert shipped, "nothing shipped?"
    missing = [str(p) for p in shipped
               if "dlfs_explorer_resources/" + "/".join(p.parts[1:]) not in names]
    assert not missing, f"not in the wheel: {missing}"
    code = [p for p in tracked("engine") + tracked("explorer") if p.suffix == ".py"]
    assert not [str(p) for p in code if "/".join(p.parts) not in names]
    assert "dlfs_explorer_resources/i18n/dlfs_ko.qm" in names  # the wheel speaks Korean


def test_desktop_entry_installs_into_the_users_data_folder(tmp_path, monkeypatch, capsys):
    from explorer.__main__ import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop-entry"]) == 0
    entry = tmp_path / "applications" / "dlfs-explorer.desktop"
    text = entry.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\nType=Application\n") and "Icon=dlfs-explorer" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert "dlfs-explorer" in exec_line or "-m explorer" in exec_line
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "dlfs-explorer.svg").read_bytes().startswith(b"<svg")
    assert capsys.readouterr().out == f"installed {entry}\n"
    from explorer import desktop

    monkeypatch.setattr(desktop.shutil, "which", lambda name: "/opt/dlfs/bin/" + name)
    desktop.install_desktop_entry()
    assert "\nExec=/opt/dlfs/bin/dlfs-explorer %F\n" in entry.read_text(encoding="utf-8")  # the installed command
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    desktop.install_desktop_entry()
    assert f"\nExec={sys.executable} -m explorer %F\n" in entry.read_text(encoding="utf-8")  # else this Python's
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert desktop.install_desktop_entry() == tmp_path / "home" / ".local" / "share" / "applications" / entry.name
