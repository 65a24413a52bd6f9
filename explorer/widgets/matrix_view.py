"""A grid of numbers the way the lecture slides draw them: cells, values, highlights, editing.

Values are a 2-D float array (NaN = not computed yet, drawn empty). An optional ring of
``pad`` cells is drawn as greyed zeros. Cells can be edited (double-click or just type),
a block of numbers can be pasted (Ctrl+V); text that is not a number is refused with a
message and the cell keeps its value.
"""

import math
import re

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QWidget

from ..i18n import fill
from ..qimages import to_qimage

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text):
    """float(text) for plain decimal numbers only (no 'nan', 'inf', '1_000'); None otherwise."""
    text = text.strip().replace("−", "-")
    return float(text) if NUMBER.match(text) else None


def parse_block(text):
    """Rows of numbers separated by spaces, tabs, commas or semicolons -> 2-D array; raises ValueError."""
    rows = [r for r in text.strip().splitlines() if r.strip()]
    if not rows:
        raise ValueError("the clipboard holds no numbers")
    out = []
    for r, line in enumerate(rows, 1):
        cells = [c for c in re.split(r"[\s,;]+", line.strip().strip("[]")) if c.strip("[]")]
        values = [parse_number(c.strip("[]")) for c in cells]
        if any(v is None for v in values):
            bad = next(c for c, v in zip(cells, values) if v is None)
            raise ValueError(f"row {r}: '{bad}' is not a number")
        out.append(values)
    widths = {len(r) for r in out}
    if len(widths) != 1:
        raise ValueError(f"rows have different lengths ({', '.join(str(len(r)) for r in out)})")
    return np.array(out, dtype=float)


def fmt(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if float(v).is_integer() and abs(v) < 1e6:
        return str(int(v))
    if abs(v) >= 0.01:
        return f"{v:.2f}"
    mantissa, exponent = f"{v:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"  # 5.7e-5, not 5.7e-05: cells are narrow


class MatrixView(QWidget):
    cell_clicked = Signal(int, int)  # row, column in padded coordinates
    cell_hovered = Signal(int, int)  # (-1, -1) when the mouse leaves
    cell_edited = Signal(int, int, float)  # row, column in value (unpadded) coordinates
    block_pasted = Signal(object)  # the new values array
    edit_refused = Signal(str)

    def __init__(self, parent=None, editable=False, diverging=True, max_cell=40):
        super().__init__(parent)
        self.values = np.zeros((1, 1))
        self.pad = 0
        self.editable = editable
        self.diverging = diverging
        self.max_cell = max_cell
        self.room = 1.0  # how much larger than the normal window the view may draw (set_room)
        self.highlights = []  # (top, left, height, width, QColor) in padded coordinates
        self.marks = {}  # (r, c) -> QColor, padded coordinates
        self.current = None  # selected (r, c) in padded coordinates
        self.scale = None  # value mapped to full colour
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if editable else Qt.FocusPolicy.ClickFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._editor = None
        self._committing = False  # an editor was just closed by Enter

    # -- data -----------------------------------------------------------------------------------

    def set_values(self, values, pad=0):
        self.values = np.array(values, dtype=float, ndmin=2)
        self.pad = pad
        self.updateGeometry()
        self.update()

    def set_highlights(self, highlights):
        self.highlights = list(highlights)
        self.update()

    def set_marks(self, marks):
        self.marks = dict(marks)
        self.update()

    @property
    def shape(self):
        h, w = self.values.shape
        return h + 2 * self.pad, w + 2 * self.pad

    def value_at(self, r, c):
        """Value at padded (r, c): the padding ring is zeros."""
        h, w = self.values.shape
        rr, cc = r - self.pad, c - self.pad
        return self.values[rr, cc] if 0 <= rr < h and 0 <= cc < w else 0.0

    # -- geometry --------------------------------------------------------------------------------

    def set_room(self, room):
        """Cells up to ``room`` times their normal size: a large window gets large, readable cells."""
        if room != self.room:
            self.room = room
            self.updateGeometry()
            self.update()

    def cell_size(self):
        rows, cols = self.shape
        return max(6.0, min(self.max_cell * self.room, (self.width() - 2) / cols, (self.height() - 2) / rows))

    def origin(self):
        s = self.cell_size()
        rows, cols = self.shape
        return (self.width() - s * cols) / 2, (self.height() - s * rows) / 2

    def cell_rect(self, r, c):
        s = self.cell_size()
        x0, y0 = self.origin()
        return QRectF(x0 + c * s, y0 + r * s, s, s)

    def block_rect(self, top, left, rows, cols):
        """The rectangle of ``rows`` x ``cols`` cells from cell (top, left): a highlight's frame."""
        return self.cell_rect(top, left).united(self.cell_rect(top + rows - 1, left + cols - 1))

    def cell_at(self, pos):
        s = self.cell_size()
        x0, y0 = self.origin()
        c, r = int((pos.x() - x0) // s), int((pos.y() - y0) // s)
        rows, cols = self.shape
        return (r, c) if 0 <= r < rows and 0 <= c < cols and pos.x() >= x0 and pos.y() >= y0 else None

    def sizeHint(self):  # noqa: N802
        rows, cols = self.shape
        s = min(self.max_cell * self.room, max(14, 360 * self.room / max(rows, cols)))
        return QSize(int(cols * s) + 2, int(rows * s) + 2)

    def minimumSizeHint(self):  # noqa: N802
        hint = self.sizeHint()  # small grids keep readable cells; big ones may shrink
        return QSize(min(hint.width(), 160), min(hint.height(), 160))

    # -- painting --------------------------------------------------------------------------------

    def _color_scale(self):
        """The value drawn at full colour: the largest magnitude shown (computed once per paint)."""
        finite = self.values[np.isfinite(self.values)]
        return self.scale or (float(np.abs(finite).max()) if finite.size else 1.0) or 1.0

    def colors(self):
        """(rows, cols, 3) uint8 cell colours, padding included: blue-white-red for signed values
        (diverging), white-blue otherwise; NaN (not computed yet) is the base colour."""
        t = np.clip(self.values / self._color_scale(), -1.0, 1.0)
        if self.diverging:
            pos, neg = np.maximum(t, 0), np.minimum(t, 0)
            rgb = np.stack([255 + 140 * neg, 255 - 120 * pos + 100 * neg, 255 - 140 * pos], axis=-1)
        else:
            t = np.maximum(t, 0)
            rgb = np.stack([255 - 120 * t, 255 - 80 * t, 255 - 20 * t], axis=-1)
        base = self.palette().color(QPalette.ColorRole.Base)
        rgb[np.isnan(self.values)] = (base.red(), base.green(), base.blue())
        p = self.pad
        out = np.full((self.values.shape[0] + 2 * p, self.values.shape[1] + 2 * p, 3), 225.0)
        out[p : p + self.values.shape[0], p : p + self.values.shape[1]] = rgb
        return np.ascontiguousarray(np.nan_to_num(out).astype(np.uint8))

    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        pal = self.palette()
        rows, cols = self.shape
        s = self.cell_size()
        x0, y0 = self.origin()
        # All cells in one image drawn with nearest-neighbour scaling, then the grid lines:
        # thousands of cells repaint in a few milliseconds.
        image = to_qimage(self.colors())
        p.drawImage(QRectF(x0, y0, cols * s, rows * s), image)
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        for r in range(rows + 1):
            p.drawLine(QPointF(x0, y0 + r * s), QPointF(x0 + cols * s, y0 + r * s))
        for c in range(cols + 1):
            p.drawLine(QPointF(x0 + c * s, y0), QPointF(x0 + c * s, y0 + rows * s))
        if s >= 16:  # numbers only where they are readable
            font = p.font()
            font.setPixelSize(max(7, int(s * 0.36)))
            p.setFont(font)
            text, pad_text = QColor(20, 20, 20), QColor(140, 140, 140)
            values = self.values.tolist()
            for r in range(rows):
                for c in range(cols):
                    in_pad = not (self.pad <= r < rows - self.pad and self.pad <= c < cols - self.pad)
                    v = 0.0 if in_pad else values[r - self.pad][c - self.pad]
                    if not math.isnan(v):
                        p.setPen(pad_text if in_pad else text)
                        label, rect = fmt(v), self.cell_rect(r, c)
                        wide = p.fontMetrics().horizontalAdvance(label)
                        if wide > rect.width() - 2:  # shrink rather than clip a number
                            small = QFont(font)
                            small.setPixelSize(max(6, int(font.pixelSize() * (rect.width() - 2) / wide)))
                            p.setFont(small)
                            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
                            p.setFont(font)
                        else:
                            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        for (r, c), color in self.marks.items():
            if 0 <= r < rows and 0 <= c < cols:
                p.setPen(QPen(color, max(2.0, s / 10)))
                p.drawEllipse(self.cell_rect(r, c).adjusted(s * 0.12, s * 0.12, -s * 0.12, -s * 0.12))
        for top, left, h, w, color in self.highlights:
            rect = self.block_rect(top, left, h, w)
            fill = QColor(color)
            fill.setAlpha(40)
            p.fillRect(rect, fill)
            p.setPen(QPen(color, max(2.0, s / 12)))
            p.drawRect(rect)
        if self.current is not None and self.hasFocus():
            p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine))
            p.drawRect(self.cell_rect(*self.current).adjusted(1, 1, -1, -1))
        p.end()

    # -- mouse -----------------------------------------------------------------------------------

    def mouseMoveEvent(self, event):  # noqa: N802
        cell = self.cell_at(event.position())
        self.cell_hovered.emit(*(cell or (-1, -1)))

    def leaveEvent(self, event):  # noqa: N802
        self.cell_hovered.emit(-1, -1)

    def mousePressEvent(self, event):  # noqa: N802
        cell = self.cell_at(event.position())
        if cell is not None:
            self.current = cell
            self.update()
            self.cell_clicked.emit(*cell)

    def mouseDoubleClickEvent(self, event):  # noqa: N802
        cell = self.cell_at(event.position())
        if cell is not None and self.editable:
            self.current = cell
            self.start_edit()

    # -- editing -----------------------------------------------------------------------------------

    def _editable_cell(self, cell):
        rows, cols = self.shape
        r, c = cell
        return self.editable and self.pad <= r < rows - self.pad and self.pad <= c < cols - self.pad

    def keyPressEvent(self, event):  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste) and self.editable:
            self.paste(QGuiApplication.clipboard().text())
            return
        if self.current is not None and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left,
                                                           Qt.Key.Key_Right) and self.editable:
            dr = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(event.key(), 0)
            dc = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(event.key(), 0)
            rows, cols = self.shape
            self.current = (min(max(self.current[0] + dr, 0), rows - 1), min(max(self.current[1] + dc, 0), cols - 1))
            self.update()
            return
        if self.editable and self.current is not None and event.text() and event.text() in "0123456789-+.":
            self.start_edit(event.text())
            return
        if self.editable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            if not self._committing:  # the Enter that just closed an editor is not a request for a new one
                self.start_edit()
            return
        super().keyPressEvent(event)

    def start_edit(self, initial=None):
        if self.current is None or not self._editable_cell(self.current):
            return
        r, c = self.current
        editor = QLineEdit(self)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setGeometry(self.cell_rect(r, c).adjusted(-8, 0, 8, 0).toRect())
        editor.setText(initial if initial is not None else fmt(self.value_at(r, c)))
        editor.editingFinished.connect(lambda: self._finish_edit(editor, r, c))
        editor.show()
        editor.setFocus()
        if initial is None:
            editor.selectAll()
        self._editor = editor

    def _finish_edit(self, editor, r, c):
        if self._editor is not editor:
            return
        self._editor = None
        text = editor.text()
        editor.deleteLater()
        self._committing = True  # until this key event has been handled everywhere
        QTimer.singleShot(0, lambda: setattr(self, "_committing", False))
        self.setFocus()
        self.commit_text(r, c, text)

    def commit_text(self, r, c, text):
        """Set padded cell (r, c) from text; refuses what is not a number. Returns success."""
        value = parse_number(text)
        if value is None:
            self.edit_refused.emit(fill(self.tr("'%1' is not a number; the cell keeps its value."), text))
            return False
        rr, cc = r - self.pad, c - self.pad
        self.values[rr, cc] = value
        self.update()
        self.cell_edited.emit(rr, cc, value)
        return True

    def paste(self, text):
        """Paste a block of numbers at the selected cell (or the top-left); refuses what does not fit."""
        try:
            block = parse_block(text)
        except ValueError as e:
            self.edit_refused.emit(fill(self.tr("Cannot paste: %1"), str(e)))
            return False
        h, w = self.values.shape
        r0, c0 = (0, 0) if self.current is None else (max(self.current[0] - self.pad, 0),
                                                       max(self.current[1] - self.pad, 0))
        if block.shape == (h, w):
            r0, c0 = 0, 0
        bh, bw = block.shape
        if r0 + bh > h or c0 + bw > w:
            self.edit_refused.emit(fill(self.tr("Cannot paste: a %1×%2 block does not fit at row %3, column %4 of this "
                                           "%5×%6 grid."), str(bh), str(bw), str(r0 + 1), str(c0 + 1), str(h), str(w)))
            return False
        self.values[r0 : r0 + bh, c0 : c0 + bw] = block
        self.update()
        self.block_pasted.emit(self.values.copy())
        return True
