"""Refilling a combo box's items (as on a language change) without firing its signals."""

from PySide6.QtCore import QSignalBlocker


def refill(combo, items):
    """Replace the (text, data) items of ``combo``, keeping the selected position, quietly."""
    with QSignalBlocker(combo):
        current = combo.currentIndex()
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(current, 0))


def select_data(combo, data):
    """Select the item holding ``data`` without emitting currentIndexChanged."""
    with QSignalBlocker(combo):
        combo.setCurrentIndex(combo.findData(data))
