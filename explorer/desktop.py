"""A Linux desktop entry for the installed app: ``dlfs-explorer --install-desktop-entry``.

Writes ``dlfs-explorer.desktop`` into $XDG_DATA_HOME/applications (default ~/.local/share) and the
app's icon into the hicolor theme there, so the app appears in the desktop's menu and search.
No Qt needed; nothing outside the user's own data folder is touched.
"""

import os
import shutil
import sys
from pathlib import Path

from engine.resource_files import resource_path

ENTRY = """[Desktop Entry]
Type=Application
Name=DLFS Explorer
Name[ko]=DLFS 탐색기
GenericName=Deep Learning from Scratch, chapters 6-8
GenericName[ko]=밑바닥부터 시작하는 딥러닝 6-8장
Comment=See and poke optimizers, convolution and CNN layers
Comment[ko]=최적화 기법, 합성곱, CNN 계층을 보고 만져 보기
Exec={exe} %F
Icon=dlfs-explorer
Terminal=false
Categories=Education;Science;ArtificialIntelligence;
Keywords=deep learning;CNN;MNIST;optimizer;convolution;딥러닝;합성곱;
"""


def data_home():
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def install_desktop_entry(exe=None):
    """Write the entry and icon; returns the entry's path."""
    exe = exe or shutil.which("dlfs-explorer") or f"{sys.executable} -m explorer"
    apps = data_home() / "applications"
    icons = data_home() / "icons" / "hicolor" / "scalable" / "apps"
    apps.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("icons", "app.svg"), icons / "dlfs-explorer.svg")
    entry = apps / "dlfs-explorer.desktop"
    entry.write_text(ENTRY.format(exe=exe), encoding="utf-8")
    return entry
