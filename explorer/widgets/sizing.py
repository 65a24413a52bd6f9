"""Widths that follow the text size: a column capped at 360 px at the normal zoom is capped at
576 px at zoom +6, and never below what its own controls need (in any language)."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

SLIDER_MIN_WIDTH = 80  # px at the normal text size: narrower, a slider cannot be set with the mouse


def scaled(widget, px):
    """``px`` (meant for the app's normal text size) scaled to the widget's current text size."""
    base = QApplication.instance().property("base_point_size") if QApplication.instance() else None
    size = widget.font().pointSizeF()
    if not base or size <= 0:
        return int(px)
    return int(round(px * size / float(base)))


# zoom, language switch, first show, a child shown or hidden (its minimum changes)
FOLLOWED = (QEvent.Type.FontChange, QEvent.Type.LanguageChange, QEvent.Type.Show, QEvent.Type.LayoutRequest)


class _Follow(QObject):
    """Re-applies a width rule when what it depends on changes."""

    def __init__(self, widget, apply):
        super().__init__(widget)
        self.apply = apply
        widget.installEventFilter(self)
        apply()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if event.type() in FOLLOWED:
            self.apply()
        return False  # the widget still handles the event itself


def cap_width(widget, px):
    """At most ``px`` wide at the normal text size (scaled with zoom), but never narrower than the
    widget's own minimum (its longest label in the current language)."""
    _Follow(widget, lambda: widget.setMaximumWidth(max(scaled(widget, px), widget.minimumSizeHint().width())))
    return widget


def fix_width(widget, px):
    """Exactly ``px`` wide at the normal text size, scaled with zoom."""
    _Follow(widget, lambda: widget.setFixedWidth(scaled(widget, px)))
    return widget


def usable_slider(slider, px=SLIDER_MIN_WIDTH):
    """A horizontal slider that keeps at least ``px`` (scaled) of travel however tight its row."""
    _Follow(slider, lambda: slider.setMinimumWidth(scaled(slider, px)))
    return slider
