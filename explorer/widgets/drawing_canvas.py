"""A square canvas to draw a digit on: white ink on black, like MNIST.

Smooth antialiased strokes from mouse, pen tablets (pressure changes the width) and touch
(Qt turns touches into mouse events), an eraser, undo/redo and clear.
"""

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..qimages import to_array, to_qimage

RESOLUTION = 280  # canvas pixels per side: 10 per MNIST pixel
UNDO_LIMIT = 100


class DrawingCanvas(QWidget):
    stroke_moved = Signal()  # ink changed during a stroke (throttle before heavy work)
    stroke_finished = Signal()
    changed = Signal()  # any change: stroke end, undo, redo, clear, load

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("drawingCanvas")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)  # touches arrive as mouse events
        self.image = self._blank()
        self.pen_width = 22.0
        self.eraser = False
        self.hint = ""
        self._undo, self._redo = [], []
        self._last = None
        self._drawing = False

    @staticmethod
    def _blank():
        image = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_Grayscale8)
        image.fill(0)
        return image

    # -- geometry: the canvas is the largest centred square ------------------------------------

    def _target(self):
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_canvas(self, pos):
        t = self._target()
        return QPointF((pos.x() - t.x()) * RESOLUTION / t.width(), (pos.y() - t.y()) * RESOLUTION / t.height())

    def sizeHint(self):  # noqa: N802 (Qt's name)
        return QSize(320, 320)

    def hasHeightForWidth(self):  # noqa: N802
        return True

    def heightForWidth(self, width):  # noqa: N802
        return width

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        t = self._target()
        p.drawImage(t, self.image)
        p.setPen(QPen(QColor(120, 120, 120), 1))
        p.drawRect(t.adjusted(0, 0, -1, -1))
        if self.is_empty() and self.hint:
            p.setPen(QColor(150, 150, 150))
            p.drawText(t, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
        p.end()

    def _stroke_to(self, point, width):
        p = QPainter(self.image)
        # Ink is antialiased; the eraser is not, and reaches 2 px further: its soft edge, and the ink's own
        # soft fringe, would otherwise leave a faint grey ghost along an erased stroke.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, not self.eraser)
        if self.eraser:
            width += 2
        color = QColor(0, 0, 0) if self.eraser else QColor(255, 255, 255)
        p.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        if self._last is None or self._last == point:
            p.drawPoint(point)
        else:
            p.drawLine(self._last, point)
        p.end()
        self._last = point
        self.update()
        self.stroke_moved.emit()

    def _begin(self, point, width):
        self._push_undo()
        self._drawing = True
        self._last = None
        self._stroke_to(point, width)

    def _end(self):
        if self._drawing:
            self._drawing = False
            self._last = None
            self.stroke_finished.emit()
            self.changed.emit()

    # -- input ------------------------------------------------------------------------------------

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(self._to_canvas(event.position()), self.pen_width)

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._stroke_to(self._to_canvas(event.position()), self.pen_width)

    def mouseReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._end()

    def tabletEvent(self, event):  # noqa: N802
        # Pressure 0..1 scales the pen between half and one and a half times its width.
        width = self.pen_width * (0.5 + event.pressure())
        point = self._to_canvas(event.position())
        kind = event.type()
        if kind == event.Type.TabletPress:
            self._begin(point, width)
        elif kind == event.Type.TabletMove and self._drawing:
            self._stroke_to(point, width)
        elif kind == event.Type.TabletRelease:
            self._end()
        event.accept()

    # -- editing ------------------------------------------------------------------------------------

    def _push_undo(self):
        self._undo.append(self.image.copy())
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    def reset_history(self):
        self._undo.clear()
        self._redo.clear()

    def can_undo(self):
        return bool(self._undo)

    def can_redo(self):
        return bool(self._redo)

    def undo(self):
        if self._undo:
            self._redo.append(self.image)
            self.image = self._undo.pop()
            self.update()
            self.changed.emit()

    def redo(self):
        if self._redo:
            self._undo.append(self.image)
            self.image = self._redo.pop()
            self.update()
            self.changed.emit()

    def clear(self):
        if self.is_empty():
            return
        self._push_undo()
        self.image = self._blank()
        self.update()
        self.changed.emit()

    def is_empty(self):
        return not self.to_array().any()

    def to_array(self):
        """The ink as floats (RESOLUTION, RESOLUTION): 0 background .. 1 full ink."""
        return to_array(self.image).astype(np.float32) / 255.0

    def set_array(self, ink):
        """Replace the drawing with an ink image (any size, 0..1), scaled to fill the canvas (undoable)."""
        ink = np.asarray(ink, dtype=np.float64)
        h, w = ink.shape
        image = to_qimage(np.clip(ink * 255.0 + 0.5, 0, 255))
        if (h, w) != (RESOLUTION, RESOLUTION):  # smooth scaling: a 28x28 digit should not look blocky
            image = image.scaled(RESOLUTION, RESOLUTION, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
            image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        self._push_undo()
        self.image = image
        self.update()
        self.changed.emit()
