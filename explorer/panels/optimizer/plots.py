"""Contour plot of a surface with optimizer paths; the loss curves."""

from contextlib import contextmanager
from enum import Enum

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import QGraphicsItem

from ...colors import OPTIMIZER_COLORS as COLORS
from ...colors import OPTIMIZER_ORDER as ORDER
from ...plotting import optimizer_rgb, pg, plot_colors, themed


class ViewMode(str, Enum):
    """All paths on one plot, or the book's grid of one plot per optimizer (the values the mode box holds)."""

    OVERLAY = "overlay"
    GRID = "grid"

GRID = 150  # samples per axis for the contours


def log_levels(Z, n=14):
    """Contour levels spaced evenly in log(f - min): the valleys get as many lines as the walls."""
    finite = Z[np.isfinite(Z)]
    lo, hi = float(finite.min()), float(np.percentile(finite, 98))
    span = max(hi - lo, 1e-12)
    return lo + np.geomspace(span * 1e-3, span, n)


class SurfacePlot:
    """One pg.PlotItem: contours of f, minima, optimizer paths and their current positions."""

    def __init__(self, plot, start_marker=False):
        self.plot = plot
        plot.setAspectLocked(False)
        plot.showGrid(x=False, y=False)
        plot.setMenuEnabled(False)
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setOpacity(0.35)
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.addItem(self.image)
        self.isocurves = []
        self.minima = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush(255, 255, 255),
                                         pen=pg.mkPen(0, 0, 0))
        plot.addItem(self.minima)
        self.curves = {k: plot.plot([], [], pen=pg.mkPen(COLORS[k], width=2), symbol="o", symbolSize=4,
                                    symbolBrush=pg.mkBrush(*COLORS[k]), symbolPen=None) for k in ORDER}
        self.heads = pg.ScatterPlotItem(size=11, pen=pg.mkPen(255, 255, 255, width=1.5))
        plot.addItem(self.heads)
        self.start = None
        if start_marker:
            self.start = pg.TargetItem(pos=(0, 0), size=14, movable=True, pen=pg.mkPen(0, 0, 0, width=2))
            plot.addItem(self.start)

    def recolor(self):
        """Curve colours and the start marker for the current background."""
        for key, curve in self.curves.items():
            color = optimizer_rgb(key)
            curve.setPen(pg.mkPen(color, width=2))
            curve.setSymbolBrush(pg.mkBrush(*color))
        if self.start is not None:
            self.start.setPen(pg.mkPen(plot_colors()[1], width=2))

    def set_surface(self, surface):
        xs, ys, Z = surface.grid(GRID)
        xmin, xmax, ymin, ymax = surface.view
        finite = np.where(np.isfinite(Z), Z, np.nan)
        shade = np.log1p(np.clip(finite - np.nanmin(finite), 0, None))
        self.image.setImage(shade, autoLevels=True)
        self.image.setRect(QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
        for iso in self.isocurves:  # children of the image: detach them from the scene explicitly
            iso.setParentItem(None)
            if iso.scene() is not None:
                iso.scene().removeItem(iso)
        self.isocurves = []
        # Isocurves live in the image's coordinates and follow its rectangle.
        for level in log_levels(Z):
            iso = pg.IsocurveItem(data=np.nan_to_num(Z, nan=np.nanmax(finite)), level=level,
                                  pen=pg.mkPen(90, 90, 90, 160))
            iso.setParentItem(self.image)
            # The contours never change during an animation: paint them once into a cached pixmap.
            iso.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.isocurves.append(iso)
        self.minima.setData([m[0] for m in surface.minima], [m[1] for m in surface.minima])
        self.plot.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    def set_paths(self, paths, frame, trails=True, only=None, playing=False):
        xs, ys, brushes = [], [], []
        for key, curve in self.curves.items():
            path = paths.get(key)
            if path is None or (only is not None and key != only):
                curve.setData([], [])
                continue
            k = min(frame, path.steps)
            pts = path.positions[: k + 1]
            if trails:
                # Dots on every update and antialiased lines cost the frame rate (re-making the dots is
                # most of a frame): still pictures get both, the running animation plain lines.
                dots = not playing and len(path.positions) <= 61
                if (curve.opts["symbol"] is not None) != dots:
                    curve.setSymbol("o" if dots else None)
                curve.setData(pts[:, 0], pts[:, 1], antialias=not playing)
            else:
                curve.setData([], [])
            if np.all(np.isfinite(pts[-1])):
                xs.append(pts[-1, 0])
                ys.append(pts[-1, 1])
                brushes.append(pg.mkBrush(*optimizer_rgb(key)))
        self.heads.setData(xs, ys, brush=brushes)


class SurfaceView(pg.GraphicsLayoutWidget):
    """Overlay (all optimizers on one plot) or the book's grid (one plot each)."""

    start_moved = Signal(float, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.overlay = SurfacePlot(pg.PlotItem(), start_marker=True)
        self.grid = {k: SurfacePlot(pg.PlotItem(title=k)) for k in ORDER}
        self.mode = ViewMode.OVERLAY
        self.surface = None
        self.keys = []
        self.overlay.start.sigPositionChanged.connect(self._on_start_dragged)  # the paths follow the drag
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self._relayout()
        # The exported figure names its curves (in the app the table beside the plot does).
        self.legend = pg.LegendItem(offset=(-10, 10))
        self.legend.setParentItem(self.overlay.plot.vb)
        self.legend.hide()
        themed(self, self._recolor)

    @contextmanager
    def legend_shown(self, names):
        """Within the block the overlay shows a legend of ``names`` ({key: name}, in order)."""
        self.legend.clear()
        if self.mode is ViewMode.OVERLAY:
            for key, name in names.items():
                self.legend.addItem(self.overlay.curves[key], name)
            self.legend.setLabelTextColor(plot_colors()[1])
            self.legend.setBrush(pg.mkBrush(plot_colors()[0]))
            self.legend.show()
        try:
            yield
        finally:
            self.legend.hide()
            self.legend.clear()

    def _recolor(self):
        """The grid's plots are not all in the scene at once: style each of them, then the curves."""
        background, foreground = plot_colors()
        for plot in (self.overlay, *self.grid.values()):
            for name in ("left", "bottom"):
                plot.plot.getAxis(name).setPen(foreground)
                plot.plot.getAxis(name).setTextPen(foreground)
            plot.plot.titleLabel.setText(plot.plot.titleLabel.text, color=foreground)
            plot.recolor()

    def _relayout(self):
        self.ci.clear()
        if self.mode is ViewMode.OVERLAY:
            self.ci.addItem(self.overlay.plot)
            return
        for i, key in enumerate(self.keys):
            self.ci.addItem(self.grid[key].plot, row=i // 2, col=i % 2)

    def set_mode(self, mode: ViewMode | str, keys):
        self.mode, self.keys = ViewMode(mode), list(keys)
        self._relayout()
        if self.surface is not None and self.mode is ViewMode.GRID:
            for key in self.keys:
                self.grid[key].set_surface(self.surface)

    def set_surface(self, surface, titles):
        self.surface = surface
        self.overlay.set_surface(surface)
        for key, plot in self.grid.items():
            plot.plot.setTitle(titles[key])
            if self.mode is ViewMode.GRID and key in self.keys:
                plot.set_surface(surface)

    def set_start(self, x, y):
        self.overlay.start.blockSignals(True)
        self.overlay.start.setPos(x, y)
        self.overlay.start.blockSignals(False)

    def set_paths(self, paths, frame, trails, playing=False):
        if self.mode is ViewMode.OVERLAY:
            self.overlay.set_paths(paths, frame, trails, playing=playing)
        else:
            for key in self.keys:
                self.grid[key].set_paths(paths, frame, trails, only=key, playing=playing)

    def _on_start_dragged(self, item):
        pos = item.pos()
        self.start_moved.emit(pos.x(), pos.y())

    def _on_scene_clicked(self, event):
        if self.mode is not ViewMode.OVERLAY or event.button() != Qt.MouseButton.LeftButton or event.isAccepted():
            return
        vb = self.overlay.plot.vb
        if vb.sceneBoundingRect().contains(event.scenePos()):
            p = vb.mapSceneToView(event.scenePos())
            self.start_moved.emit(p.x(), p.y())


class LossPlot(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.curves = {k: self.plot([], [], pen=pg.mkPen(COLORS[k], width=2)) for k in ORDER}
        self.getAxis("bottom").enableAutoSIPrefix(False)
        self.getAxis("left").enableAutoSIPrefix(False)
        self.setMenuEnabled(False)
        self.log = False
        themed(self, lambda: [c.setPen(pg.mkPen(optimizer_rgb(k), width=2)) for k, c in self.curves.items()])

    def set_ranges(self, paths, iterations):
        """Fix the axes for a whole run, so the animation does not redraw them every frame."""
        values = [p.losses for p in paths.values()]
        finite = np.concatenate([v[np.isfinite(v)] for v in values]) if values else np.array([1.0])
        finite = finite[np.abs(finite) < 1e12] if finite.size else finite
        log = bool(finite.size) and bool(np.all(finite > 0))  # log scale only for positive losses
        if log != self.log:
            self.setLogMode(y=log)
            self.log = log
        if finite.size:
            lo, hi = float(finite.min()), float(finite.max())
            if log:
                lo, hi = np.log10(lo), np.log10(hi)
            pad = 0.05 * max(hi - lo, 1e-9)
            self.setRange(xRange=(0, max(iterations, 1)), yRange=(lo - pad, hi + pad), padding=0)

    def set_paths(self, paths, frame, playing=False):
        log = self.log
        for key, curve in self.curves.items():
            path = paths.get(key)
            if path is None:
                curve.setData([], [])
                continue
            k = min(frame, path.steps)
            v = path.losses[: k + 1]
            ok = np.isfinite(v) & ((v > 0) if log else True)
            curve.setData(np.arange(k + 1)[ok], v[ok], antialias=not playing)
