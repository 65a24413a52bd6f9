"""What every panel shares: a context, live retranslation, shutdown, export target."""

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget


@dataclass
class PanelContext:
    """What the main window hands to every panel (panels never import each other)."""

    settings: object  # explorer.settings.Settings
    model: object  # explorer.model.ModelStore
    drawing: object = None  # explorer.model.CurrentDigit


class Panel(QWidget):
    """Base class: subclasses build once, connect once, and set texts in ``retranslate``."""

    status_message = Signal(str)

    def __init__(self, context, spec, parent=None):
        super().__init__(parent)
        self.context = context
        self.spec = spec
        self.setObjectName(f"panel_{spec.key}")

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self):
        """Set every user-visible text (called once after building and on language change)."""

    def data_folder_changed(self):
        """MNIST was chosen or downloaded (File menu): update whatever depends on it."""

    def shutdown(self):
        """Stop background work: request stop, quit, wait. Called when the window closes."""

    def export_widget(self):
        """The widget that File > Export view renders."""
        return self
