"""A 28x28 digit drawn large, with an optional heat overlay and rectangles (receptive fields)."""

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPen

from ..plotting import pg, themed


class DigitView(pg.GraphicsLayoutWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        themed(self, on_window=True)  # the window's colour, in either theme
        self.view = self.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem()
        self.view.addItem(self.image)
        self.heat = pg.ImageItem()
        self.heat.setVisible(False)
        self.view.addItem(self.heat)
        self._boxes = []
        self._size = None

    def set_image(self, image):
        """image: (H, W) in 0..1, white ink on black (None clears)."""
        if image is None:
            self.image.clear()
            self.heat.clear()
            return
        self.image.setImage(np.asarray(image, dtype=np.float32), levels=(0, 1), autoLevels=False)
        if self._size != image.shape:
            self._size = image.shape
            self.view.setRange(QRectF(0, 0, image.shape[1], image.shape[0]), padding=0.02)

    def set_heat(self, heat):
        """A (H, W) map in 0..1 drawn over the digit in orange, as opaque as it is strong, so the
        digit stays visible where the map is weak (None hides it)."""
        self.heat.setVisible(heat is not None)
        if heat is not None:
            h = np.clip(np.asarray(heat, dtype=np.float32), 0, 1)
            rgba = np.empty((*h.shape, 4), dtype=np.uint8)
            rgba[..., 0] = 255
            rgba[..., 1] = (64 + 191 * h).astype(np.uint8)
            rgba[..., 2] = 0
            rgba[..., 3] = (220 * h).astype(np.uint8)
            self.heat.setImage(rgba, levels=None, autoLevels=False)
            self.heat_values = h

    def set_boxes(self, boxes):
        """[(top, left, bottom, right, QColor, width)] in pixel coordinates."""
        while len(self._boxes) < len(boxes):
            item = pg.QtWidgets.QGraphicsRectItem()
            self.view.addItem(item)
            self._boxes.append(item)
        for item, box in zip(self._boxes, boxes):
            top, left, bottom, right, color, width = box
            item.setRect(QRectF(left, top, right - left, bottom - top))
            item.setPen(QPen(QColor(color), width))
            item.setVisible(True)
        for item in self._boxes[len(boxes):]:
            item.setVisible(False)
