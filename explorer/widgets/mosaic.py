"""A grid of small images (feature maps, filters) drawn as one image; click a tile to select it."""

import numpy as np
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QPen

from ..plotting import pg, themed


def tile(maps, cols, pad=1):
    """Arrange maps (K, h, w) in a grid with ``cols`` columns; gaps are NaN (drawn transparent)."""
    K, h, w = maps.shape
    rows = -(-K // cols)
    out = np.full((rows * (h + pad) - pad, cols * (w + pad) - pad), np.nan, dtype=np.float32)
    for k in range(K):
        r, c = divmod(k, cols)
        out[r * (h + pad) : r * (h + pad) + h, c * (w + pad) : c * (w + pad) + w] = maps[k]
    return out


class MosaicView(pg.GraphicsLayoutWidget):
    tile_clicked = Signal(int)
    unit_clicked = Signal(int, int, int)  # tile, row and column inside the tile

    def __init__(self, colormap="inferno", symmetric=False, parent=None):
        super().__init__(parent)
        themed(self, on_window=True)  # the window's colour, in either theme
        self.symmetric = symmetric
        self.view = self.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get(colormap))
        self.view.addItem(self.image)
        self.frame = pg.QtWidgets.QGraphicsRectItem()
        self.frame.setPen(QPen(QColor(0, 200, 255), 0.25))
        self.frame.setVisible(False)
        self.view.addItem(self.frame)
        self.unit_mark = pg.QtWidgets.QGraphicsRectItem()  # one marked pixel of one tile
        self.unit_mark.setPen(QPen(QColor(0, 255, 120), 0.2))
        self.unit_mark.setVisible(False)
        self.view.addItem(self.unit_mark)
        self.shape = None  # (K, h, w, cols, pad)
        self.selected = None
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def set_maps(self, maps, cols, pad=1):
        maps = np.asarray(maps, dtype=np.float32)
        K, h, w = maps.shape
        mosaic = tile(maps, cols, pad)
        finite = maps[np.isfinite(maps)]
        hi = float(np.abs(finite).max()) if finite.size else 1.0
        hi = hi if hi > 0 else 1.0
        levels = (-hi, hi) if self.symmetric else (min(0.0, float(finite.min()) if finite.size else 0.0), hi)
        self.image.setImage(mosaic, levels=levels, autoLevels=False)
        if self.shape != (K, h, w, cols, pad):
            self.shape = (K, h, w, cols, pad)
            self.view.setRange(QRectF(0, 0, mosaic.shape[1], mosaic.shape[0]), padding=0.01)
        self.select(self.selected)

    def clear_maps(self):
        """Show nothing (no input)."""
        self.image.clear()
        self.frame.setVisible(False)
        self.unit_mark.setVisible(False)

    def tile_rect(self, k):
        K, h, w, cols, pad = self.shape
        r, c = divmod(k, cols)
        return QRectF(c * (w + pad) - 0.5, r * (h + pad) - 0.5, w + 1, h + 1)

    def select(self, k):
        self.selected = k
        if k is None or self.shape is None or k >= self.shape[0]:
            self.frame.setVisible(False)
            return
        self.frame.setRect(self.tile_rect(k))
        self.frame.setVisible(True)

    def mark_unit(self, k, i, j):
        """Outline pixel (i, j) of tile k (None hides the mark)."""
        if k is None or self.shape is None or k >= self.shape[0]:
            self.unit_mark.setVisible(False)
            return
        rect = self.tile_rect(k)
        self.unit_mark.setRect(QRectF(rect.x() + 0.5 + j, rect.y() + 0.5 + i, 1, 1))
        self.unit_mark.setVisible(True)

    def tile_at(self, x, y):
        """Index of the tile under image coordinates (x, y), or None in a gap."""
        if self.shape is None:
            return None
        K, h, w, cols, pad = self.shape
        c, cx = divmod(int(np.floor(x)), w + pad)
        r, ry = divmod(int(np.floor(y)), h + pad)
        if x < 0 or y < 0 or cx >= w or ry >= h or c >= cols:
            return None
        k = r * cols + c
        return k if k < K else None

    def _on_scene_clicked(self, event):
        pos = self.image.mapFromScene(event.scenePos())
        k = self.tile_at(pos.x(), pos.y())
        if k is not None:
            self.select(k)
            self.tile_clicked.emit(k)
            _, h, w, cols, pad = self.shape
            r, c = divmod(k, cols)
            self.unit_clicked.emit(k, int(np.floor(pos.y())) - r * (h + pad), int(np.floor(pos.x())) - c * (w + pad))
