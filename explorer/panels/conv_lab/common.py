"""What the Convolution Lab's pages share: the highlight colours and two small helpers."""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSizePolicy

WINDOW = QColor(221, 107, 32)  # the current window / output cell
FED = QColor(49, 130, 206)  # outputs an input cell feeds
LEFTOVER = QColor(200, 30, 30)


def pretty(formula):
    """The engine's ASCII formula as the lecture writes it: 2·P, a real minus sign."""
    return formula.replace("*", "·").replace(" - ", " − ")


def compact(view):
    """Grids keep their natural height instead of stretching to fill the row."""
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
    return view
