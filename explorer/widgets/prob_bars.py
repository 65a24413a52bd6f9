"""Ten horizontal probability bars, the top answer highlighted."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class ProbabilityBars(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("probabilityBars")
        self.probabilities = None  # (10,) or None when there is nothing to classify
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self):  # noqa: N802
        return QSize(260, 10 * 22 + 4)

    def minimumSizeHint(self):  # noqa: N802
        return QSize(160, 10 * 16)

    def set_probabilities(self, p):
        self.probabilities = None if p is None else [float(v) for v in p]
        self.setAccessibleDescription(", ".join(f"{digit}: {value}" for digit, value in self.rows() if value))
        self.update()

    def rows(self):
        """[(digit, its probability as written beside its bar)] from the top row down: what is painted."""
        if self.probabilities is None:
            return [(str(i), "") for i in range(10)]
        return [(str(i), f"{100 * v:.1f}%") for i, v in enumerate(self.probabilities)]

    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        n = 10
        row = self.height() / n
        label_w = self.fontMetrics().horizontalAdvance("0") * 2 + 6
        value_w = self.fontMetrics().horizontalAdvance("100.0%") + 8
        bar_w = max(10.0, self.width() - label_w - value_w)
        top = max(range(n), key=lambda i: self.probabilities[i]) if self.probabilities else None
        for i, (label, text) in enumerate(self.rows()):
            y = i * row
            p.setPen(text_color)
            p.drawText(QRectF(0, y, label_w - 6, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       label)
            track = QRectF(label_w, y + row * 0.2, bar_w, row * 0.6)
            p.fillRect(track, pal.color(QPalette.ColorRole.AlternateBase))
            if self.probabilities is None:
                continue
            value = self.probabilities[i]
            color = QColor(221, 107, 32) if i == top else QColor(66, 133, 244)
            p.fillRect(QRectF(track.x(), track.y(), bar_w * value, track.height()), color)
            p.setPen(text_color)
            p.drawText(QRectF(label_w + bar_w + 4, y, value_w, row), Qt.AlignmentFlag.AlignVCenter, text)
        p.end()
