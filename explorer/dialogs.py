"""Small dialogs of the main window."""

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


def ask_image_path(parent, settings):
    """Ask for a photo or scan of a digit; the path, or '' when cancelled. The dialog opens where
    it was last used."""
    kinds = QCoreApplication.translate("Dialogs", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)")
    title = QCoreApplication.translate("Dialogs", "Load an image of a digit")
    path, _ = QFileDialog.getOpenFileName(parent, title, settings.folder("images"), kinds)
    if path:
        settings.remember_folder("images", path)
    return path
