"""The Feature maps tab: the strip of layers, every channel of the selected one, and the tracer text."""

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...i18n import fill
from ...widgets.layer_strip import LayerStrip
from ...widgets.mosaic import MosaicView
from .state import as_tiles, grid_columns, tracer_boxes


class MapsPage(QWidget):
    layer_selected = Signal(str)
    unit_clicked = Signal(int, int, int)  # tile, row, column

    def __init__(self, parent=None):
        super().__init__(parent)
        self._build_ui()
        self._connect()

    def _build_ui(self):
        self.strip = LayerStrip()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.maps = MosaicView("inferno")
        self.trace = QLabel()
        self.trace.setWordWrap(True)
        for label in (self.caption, self.trace):  # room for the wrapped lines
            label.setMinimumHeight(3 * label.fontMetrics().lineSpacing())
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addWidget(self.caption)
        layout.addWidget(self.maps, 1)
        layout.addWidget(self.trace)

    def _connect(self):
        self.strip.layer_selected.connect(self.layer_selected)
        self.maps.unit_clicked.connect(self.unit_clicked)

    def retranslate(self):
        self.maps.setToolTip(self.tr("Every channel of the selected layer for this input (brighter = stronger). "
                                     "Click a pixel to select that unit: its receptive field appears on the input."))

    def set_layers(self, geometry, selected):
        """One strip button per layer: name, output shape, receptive field."""
        items = []
        for g in geometry:
            shape = "×".join(map(str, g.shape))
            rf = fill(self.tr("sees %1×%1"), g.size[0]) if g.size else self.tr("sees all")
            items.append((g.name, f"{g.name}\n{shape}\n{rf}",
                          fill(self.tr("%1: output %2 per image; each unit sees %3 of the input"), g.name, shape,
                               fill(self.tr("a %1×%1 pixel window"), g.size[0]) if g.size else self.tr("all"))))
        self.strip.set_layers(items)
        self.strip.select(selected)

    def clear(self):
        self.caption.setText(self.tr("Draw a digit in Draw & Classify, or pick a test digit on the left."))
        self.maps.clear_maps()
        self.trace.setText("")

    def show_layer(self, state, inspection, output_size):
        """Draw the selected layer for ``inspection``; returns the tracer's boxes on the input
        (the unit's own box or None, [boxes of the units below that feed it])."""
        s, g = state, state.geo()
        tiles = as_tiles(inspection.activations[s.layer])
        aspect = self.maps.width() / max(self.maps.height(), 1) * tiles.shape[1] / tiles.shape[2]
        self.maps.set_maps(tiles, cols=grid_columns(len(tiles), aspect), pad=max(1, tiles.shape[1] // 12))
        if g.is_map:
            self.maps.select(s.channel)
            self.maps.mark_unit(s.channel if s.unit else None, *(s.unit or (0, 0)))
            text = fill(self.tr("<b>%1</b>: %2 maps of %3×%4 for this input; each unit sees a %5×%5 pixel window "
                                "of the input."), s.layer, g.shape[0], g.shape[1], g.shape[2], g.size[0])
        else:  # one tile holding every unit: no frame, the chosen number marked
            self.maps.select(None)
            self.maps.mark_unit(0, *divmod(s.channel, tiles.shape[2]))
            text = fill(self.tr("<b>%1</b>: %2 numbers (every unit sees the whole input)."), s.layer, g.shape[0])
        low, high = self.maps.image.getLevels()
        self.caption.setText(text + " " + fill(self.tr("Colour: dark %1 … bright %2."), f"{low:.3g}", f"{high:.3g}"))
        own, feeders = tracer_boxes(s, inspection.image.shape)
        self._show_trace(s, inspection, own, feeders, output_size)
        return own, feeders

    def _show_trace(self, s, inspection, own, feeders, output_size):
        g = s.geo()
        if not g.is_map:
            value = float(np.ravel(inspection.activations[s.layer])[s.channel])
            last = s.layer == s.geometry[-1].name or g.shape[0] == output_size
            self.trace.setText(fill(self.tr("Class %1: score %2 (click another number)") if last else
                                    self.tr("Unit %1: %2 (click another number)"), s.channel, f"{value:.3f}"))
            return
        if own is None:
            self.trace.setText(self.tr("Click a pixel of a map to trace its receptive field."))
            return
        i, j = s.unit
        below = s.below()
        top, left, bottom, right = own
        text = fill(self.tr("Unit (%1, %2) of channel %3 sees input rows %4–%5, columns %6–%7 (cyan)."),
                    i, j, s.channel + 1, top, bottom - 1, left, right - 1)
        if feeders and below is not None:
            text += " " + fill(self.tr("It is computed from %n unit(s) of %1 (green: what each of them sees).", "",
                                       len(feeders)), below.name)
        self.trace.setText(text)
