"""A grid of MNIST digits to pick from (icons made once, shown with their labels)."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from ..qimages import to_qimage

ICON = 42


def digit_icon(image):
    """uint8 (28, 28), white on black -> QIcon."""
    qimage = to_qimage(image)
    return QIcon(QPixmap.fromImage(qimage).scaled(ICON, ICON, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))


class DigitGallery(QListWidget):
    digit_chosen = Signal(int)  # index into the images last given to show()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("digitGallery")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(ICON, ICON))
        self.setGridSize(QSize(ICON + 14, ICON + 22))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self._icons = {}
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)

    def show_digits(self, images, indices, captions, tooltips, key):
        """Show images[indices]; icons are cached per (key, index)."""
        self.setUpdatesEnabled(False)
        self.clear()
        for i, caption, tip in zip(indices, captions, tooltips):
            icon = self._icons.get((key, int(i)))
            if icon is None:
                icon = self._icons[(key, int(i))] = digit_icon(images[i])
            item = QListWidgetItem(icon, caption)
            item.setData(Qt.ItemDataRole.UserRole, int(i))
            item.setToolTip(tip)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.addItem(item)
        self.setUpdatesEnabled(True)

    def _on_item_activated(self, item):
        self.digit_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
