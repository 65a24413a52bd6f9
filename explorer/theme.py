"""Light, dark or the system's appearance, and whether Hangul can be drawn."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def apply_theme(theme):
    """Light, dark, or the system's; our own palette where the platform offers no dark theme."""
    app = QApplication.instance()
    hints = QApplication.styleHints()
    scheme = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}[theme]
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    if theme == "system":
        app.setPalette(app.style().standardPalette())
    else:
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # the style that follows a custom palette everywhere
        app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
    plotting = sys.modules.get("explorer.plotting")  # loaded with the first plot, not at start-up
    if plotting is not None:
        plotting.restyle_all()


def dark_palette():
    p = QPalette()
    R = QPalette.ColorRole
    for role, rgb in ((R.Window, (45, 45, 48)), (R.WindowText, (230, 230, 230)), (R.Base, (30, 30, 32)),
                      (R.AlternateBase, (55, 55, 60)), (R.ToolTipBase, (60, 60, 64)), (R.ToolTipText, (230, 230, 230)),
                      (R.Text, (230, 230, 230)), (R.Button, (58, 58, 62)), (R.ButtonText, (230, 230, 230)),
                      (R.BrightText, (255, 80, 80)), (R.Highlight, (49, 130, 206)),
                      (R.HighlightedText, (255, 255, 255)),
                      (R.Link, (99, 179, 237)), (R.Mid, (90, 90, 96)), (R.PlaceholderText, (150, 150, 150))):
        p.setColor(role, QColor(*rgb))
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return p


def has_korean_font():
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))
