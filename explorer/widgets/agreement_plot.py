"""Label agreement over the conv layers (how abstract each layer is), one curve per epoch."""

import numpy as np
from PySide6.QtCore import Qt

from engine.features import chance_agreement

from ..plotting import pg, themed

CHANCE_AGREEMENT = chance_agreement()  # nine random test images: about 0.29


class EpochAgreementPlot(pg.PlotWidget):
    """The newest epoch dark blue, earlier ones paler; chance as a red dotted line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.showGrid(x=True, y=True, alpha=0.2)
        self.setYRange(0, 1)
        self.setMouseEnabled(False, False)
        self.chance = self.plot([], [], pen=pg.mkPen((229, 62, 62), width=1, style=Qt.PenStyle.DotLine))
        self.curves = []
        themed(self)  # as book_plot: the book's white, or the dark theme's background

    def clear_epochs(self):
        for curve in self.curves:
            self.removeItem(curve)
        self.curves = []
        self.chance.setData([], [])

    def add_epoch(self, agreement):
        """agreement: {layer name: value} in input-to-output order."""
        names = list(agreement)
        x = np.arange(1, len(names) + 1)
        for k, curve in enumerate(self.curves):
            shade = 200 - 150 * (k + 1) // (len(self.curves) + 1)
            curve.setPen(pg.mkPen((shade, shade, 230), width=1))
            curve.setSymbolBrush((shade, shade, 230))
        self.curves.append(self.plot(x, [agreement[n] for n in names], pen=pg.mkPen((43, 108, 176), width=2.5),
                                     symbol="o", symbolSize=6, symbolBrush=(43, 108, 176)))
        self.chance.setData([0.8, len(names) + 0.2], [CHANCE_AGREEMENT, CHANCE_AGREEMENT])
        self.getAxis("bottom").setTicks([[(i, n) for i, n in zip(x, names)]])
        self.setXRange(0.7, len(names) + 0.3, padding=0)
