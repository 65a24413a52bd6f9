"""By depth: a few channels of every conv layer, then the ten classes; and the abstraction curve."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from engine.features import crop

from ...i18n import fill
from ...plotting import book_plot, pg
from ...widgets.mosaic import MosaicView
from ...widgets.sizing import fix_width
from .state import agreement_series, most_selective

PER_ROW = 8


def _bright(image):
    """Scaled so its brightest pixel is white: deep layers' favourite inputs are faint."""
    top = float(image.max())
    return image / top if top > 0 else image


class DepthPage(QScrollArea):
    """One row per conv layer: the maximisation images of its most selective channels above the
    single test image that excites each most; the last row one class-model image per digit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []  # (caption QLabel, MosaicView)
        self._build_ui()

    def _build_ui(self):
        self.setWidgetResizable(True)
        self.inner = QWidget()
        self.grid = QGridLayout(self.inner)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.grid.addWidget(self.intro, 0, 0, 1, 2)
        self.grid.setRowStretch(99, 1)  # rows keep their height; the rest is blank below
        self.setWidget(self.inner)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.grid.addWidget(self.empty, 1, 0, 1, 2)

    def retranslate(self):
        self.intro.setText(self.tr("Each row is one layer, input side at the top. Upper tiles: the input each "
                                   "channel likes best; lower tiles: the test image that excites it most, cut to "
                                   "what the unit sees. Edges and dots, then strokes and corners, then parts of "
                                   "digits, then whole digits. Agreement: how often a channel's 9 strongest test "
                                   "images show the same digit (see How abstract?)."))
        self.empty.setText(self.tr("Not computed for these weights yet: use the button on the right."))

    def _row(self, index):
        while len(self.rows) <= index:
            caption = QLabel()
            caption.setWordWrap(True)
            fix_width(caption, 150)
            caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            view = MosaicView("CET-L1")
            view.setFixedHeight(120)
            r = len(self.rows) + 2
            self.grid.addWidget(caption, r, 0)
            self.grid.addWidget(view, r, 1)
            self.rows.append((caption, view))
        return self.rows[index]

    def show_atlas(self, atlas, geometry):
        """atlas: engine.atlas.Atlas or None; geometry: {name: LayerGeometry}."""
        self.empty.setVisible(atlas is None)
        for caption, view in self.rows:
            caption.setVisible(atlas is not None)
            view.setVisible(atlas is not None)
        if atlas is None:
            return
        names = list(atlas.layers)
        for r, name in enumerate(names):
            g = geometry[name]
            la = atlas.layers[name]
            chosen = most_selective(atlas, name, PER_ROW)
            _, h, w = g.shape
            box = g.box(h // 2, w // 2)
            best = [_bright(crop(la.maximized[c], box)) for c in chosen]
            tops = []
            for c in chosen:
                i, j = la.top_positions[c, 0]
                tops.append(crop(atlas.image(name, c, 0) / 255.0, g.box(int(i), int(j))))
            caption, view = self._row(r)
            caption.setText(fill(self.tr("<b>%1</b><br>sees %2×%2 pixels<br>agreement %3"), name, g.size[0],
                                 f"{atlas.agreement.get(name, float('nan')):.2f}"))
            view.set_maps(np.stack(best + tops), cols=len(chosen), pad=max(1, g.size[0] // 8))
            view.setToolTip(fill(self.tr("Channels %1 of %2 (the ones whose top images agree most on one digit)"),
                                 ", ".join(str(c + 1) for c in chosen), name))
        caption, view = self._row(len(names))
        caption.setText(self.tr("<b>Output</b><br>one image per digit 0–9"))
        view.set_maps(np.stack([_bright(c) for c in atlas.classes]), cols=len(atlas.classes))
        view.setToolTip(self.tr("Class models: inputs that raise each class score most"))
        for caption, view in self.rows[len(names) + 1 :]:
            caption.setVisible(False)
            view.setVisible(False)


class AbstractionPlot(QWidget):
    """Label agreement over depth: trained, untrained, chance (and SimpleConvNet's one layer)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._build_ui()

    def _build_ui(self):
        self.plot = book_plot(legend=(10, 10))
        self.plot.setYRange(0, 1)
        self.plot.setMouseEnabled(False, False)
        self.trained = self.plot.plot([], [], pen=pg.mkPen("#2b6cb0", width=2.5), symbol="o", symbolSize=9,
                                      symbolBrush="#2b6cb0")
        self.untrained = self.plot.plot([], [], pen=pg.mkPen("#718096", width=1.5, style=Qt.PenStyle.DashLine),
                                        symbol="s", symbolSize=7, symbolBrush="#718096")
        self.chance = self.plot.plot([], [], pen=pg.mkPen("#e53e3e", width=1.5, style=Qt.PenStyle.DotLine))
        self.other = self.plot.plot([], [], pen=None, symbol="t", symbolSize=12, symbolBrush="#dd6b20")
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)

    def retranslate(self, network_name=""):
        legend = self.plot.plotItem.legend
        legend.clear()
        legend.addItem(self.trained, fill(self.tr("%1, trained"), network_name) if network_name else self.tr("trained"))
        legend.addItem(self.untrained, self.tr("the same network before training"))
        legend.addItem(self.chance, self.tr("chance (9 random test images)"))
        legend.addItem(self.other, self.tr("SimpleConvNet's one conv layer"))
        self.plot.setLabel("left", self.tr("share of a channel's top 9 images with one label"))
        self.plot.setLabel("bottom", self.tr("convolution layer (input → output)"))
        self.note.setText(self.tr("For every channel, take the 9 test images that excite it most and count how many "
                                  "show the same digit; average over the layer's channels. Deep layers respond to "
                                  "whole digits, so their top images agree; the first layer responds to strokes "
                                  "that every digit has. This is the lecture's claim, measured."))

    def show_atlas(self, atlas, other=None):
        """atlas of the explored network (None clears); other: SimpleConvNet's atlas for one extra point."""
        if atlas is None:
            for c in (self.trained, self.untrained, self.chance, self.other):
                c.setData([], [])
            return
        names = list(atlas.layers)
        x = np.arange(1, len(names) + 1)
        trained, untrained = agreement_series(atlas, names)
        self.trained.setData(x, trained)
        ok = np.isfinite(untrained)
        self.untrained.setData(x[ok], untrained[ok])
        self.chance.setData([0.8, len(names) + 0.2], [atlas.chance, atlas.chance])
        self.plot.getAxis("bottom").setTicks([[(i, n) for i, n in zip(x, names)]])
        self.plot.setXRange(0.7, len(names) + 0.3, padding=0)
        if other is not None and other is not atlas and other.agreement:
            self.other.setData([1], [next(iter(other.agreement.values()))])
        else:
            self.other.setData([], [])


class LazyPages:
    """The By depth and How abstract? tabs: empty holders until first shown (building their plots
    costs ~0.1 s), then filled and kept up to date with the panel's atlas."""

    def __init__(self, panel):
        self.panel = panel
        self.holders = {}
        self.pages = {}

    def holder(self, index):
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.holders[index] = widget
        return widget

    def build(self, index):
        if index in self.holders and index not in self.pages:
            page = DepthPage() if index == 1 else AbstractionPlot()
            self.holders[index].layout().addWidget(page)
            self.pages[index] = page
            self.retranslate()

    def page(self, index):
        self.build(index)
        return self.pages[index]

    def retranslate(self):
        net = self.panel.network.net if self.panel.network is not None else None
        for index, page in self.pages.items():
            if index == 1:
                page.retranslate()
            else:
                page.retranslate(type(net).__name__ if net is not None else "")
        self.update()  # the rows' captions are drawn with the atlas

    def update(self):
        p = self.panel
        for index, page in self.pages.items():
            if index == 1:
                page.show_atlas(p.atlas, {g.name: g for g in p.state.geometry})
            else:
                page.show_atlas(p.atlas, p.simple_atlas)
