"""What every panel shares: a context, live retranslation, shutdown, export target."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # types only: panels get these from the window, they do not build them
    from ..model import CurrentDigit, ModelStore
    from ..settings import Settings


@dataclass
class PanelContext:
    """What the main window hands to every panel (panels never import each other)."""

    settings: Settings
    model: ModelStore
    drawing: CurrentDigit | None = None


@dataclass(frozen=True)
class FilterOnImage:
    """A request from one panel to another, routed by the main window: show conv1's filter ``index``
    (weights ``filter`` (FH, FW), ``bias``) on a 28x28 ``image`` in the Convolution Lab."""

    image: np.ndarray
    filter: np.ndarray
    bias: float
    index: int


class Panel(QWidget):
    """Base class: subclasses build once, connect once, and set texts in ``retranslate``."""

    status_message = Signal(str)
    filter_on_image_requested = Signal(object)  # a FilterOnImage for the Convolution Lab

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
