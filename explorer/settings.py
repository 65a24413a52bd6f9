"""Persistent settings (QSettings in an INI file) with type-checked, crash-proof reads.

The file lives in the user's config folder, or in $DLFS_CONFIG_DIR (tests use a throw-away
one). A corrupt or hand-edited file never stops the app: bad values fall back to defaults.
"""

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


def config_dir():
    if os.environ.get("DLFS_CONFIG_DIR"):
        return Path(os.environ["DLFS_CONFIG_DIR"])
    import platformdirs  # only when no folder is given (tests give one)

    return Path(platformdirs.user_config_dir("dlfs-explorer", appauthor=False))


class Settings:
    """Typed access to the app's QSettings."""

    def __init__(self, path=None):
        path = Path(path) if path else config_dir() / "dlfs-explorer.ini"
        self.problem = None  # why settings will not be kept, for the window to say
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_dir() or (path.exists() and not os.access(path, os.W_OK)) or not os.access(path.parent,
                                                                                               os.W_OK):
                raise PermissionError(13, "not writable")
        except OSError as e:
            self.problem = f"settings cannot be saved in {path.parent} ({e.strerror or e})"
            path = Path(tempfile.gettempdir()) / f"dlfs-explorer-{os.getuid() if hasattr(os, 'getuid') else 0}.ini"
        self.path = path
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        self.qsettings.allKeys()  # QSettings reads lazily: its status tells of a broken file only after a read
        if self.qsettings.status() != QSettings.Status.NoError:
            # Unreadable file: start from defaults, keep the broken one for inspection.
            try:
                path.replace(path.with_suffix(".ini.broken"))
            except OSError:
                pass
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, key, default, kind=None, within=None, choices=None):
        """The stored value converted to ``kind`` (default's type), or ``default`` if it does not convert.

        ``within=(lo, hi)`` clamps a number into its range; ``choices``: anything else is ``default``.
        A hand-edited or corrupt value can then never reach a widget that would refuse it."""
        value = self._get(key, default, kind)
        if within is not None:
            lo, hi = within
            if isinstance(value, float) and value != value:  # NaN
                return default
            value = min(max(value, lo), hi)
        if choices is not None and value not in choices:
            return default
        return value

    def _get(self, key, default, kind):
        kind = kind or type(default)
        value = self.qsettings.value(key, default)
        try:
            if kind is bool:
                if isinstance(value, str):
                    if value.lower() in ("true", "1", "yes"):
                        return True
                    if value.lower() in ("false", "0", "no"):
                        return False
                    return default
                return bool(value)
            if kind is QByteArray:
                return value if isinstance(value, QByteArray) else default
            return kind(value)
        except (TypeError, ValueError, OverflowError):
            return default

    def set(self, key, value):
        self.qsettings.setValue(key, value)

    def folder(self, dialog):
        """Where the file dialog named ``dialog`` ("weights", "images", "export") opens: where it was
        last used, else the last folder any dialog used."""
        return self.get(f"dialogs/{dialog}", "", str) or self.get("last_dir", "", str)

    def remember_folder(self, dialog, path):
        """Remember the folder of ``path`` for the dialog named ``dialog``."""
        folder = str(Path(path).parent)
        self.set(f"dialogs/{dialog}", folder)
        self.set("last_dir", folder)

    def sync(self):
        """Write the settings to their file now; False if that failed (folder gone, disk full)."""
        self.qsettings.sync()
        return self.qsettings.status() == QSettings.Status.NoError
