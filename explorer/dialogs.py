"""Small dialogs of the main window."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QTableWidget, QTableWidgetItem, QVBoxLayout


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts as a two-column table (Help > Keyboard shortcuts, F1)."""

    def __init__(self, rows, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        table = QTableWidget(len(rows), 2)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)  # a list to read, not a form
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        for r, (keys, what) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(keys))
            table.setItem(r, 1, QTableWidgetItem(what))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 440)  # every row without scrolling


def ask_path(parent, settings, dialog, title, kinds, save=False, name=""):
    """Ask for a file to open (or, with ``save``, to write); the path, or '' when cancelled.

    The dialog opens in the folder where the dialog named ``dialog`` ("weights", "images", "export")
    was last used, with ``name`` suggested there, and remembers the folder of the answer."""
    start = settings.folder(dialog) if settings is not None else ""
    if name:
        start = str(Path(start) / name) if start else str(Path.home() / name)
    ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
    path, _ = ask(parent, title, start, kinds)
    if path and settings is not None:
        settings.remember_folder(dialog, path)
    return path


def ask_image_path(parent, settings):
    """Ask for a photo or scan of a digit; the path, or '' when cancelled."""
    kinds = QCoreApplication.translate("Dialogs", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)")
    return ask_path(parent, settings, "images", QCoreApplication.translate("Dialogs", "Load an image of a digit"),
                    kinds)
