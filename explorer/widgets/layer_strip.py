"""The network as a row of layers: one button per layer with its output shape and receptive field."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QScrollArea, QToolButton, QWidget


class LayerStrip(QScrollArea):
    layer_selected = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self._on_clicked)
        self.buttons = {}
        self._names = []

    def set_layers(self, items):
        """items: [(name, text, tooltip)]; rebuilt only when the layer names change."""
        names = [name for name, _, _ in items]
        if names != self._names:
            self._names = names
            inner = QWidget()
            row = QHBoxLayout(inner)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(3)
            for b in self.buttons.values():
                self.group.removeButton(b)
            self.buttons = {}
            for i, name in enumerate(names):
                b = QToolButton()
                b.setCheckable(True)
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                b.setObjectName(f"layer_{name}")
                self.group.addButton(b, i)
                self.buttons[name] = b
                row.addWidget(b)
            row.addStretch(1)
            self.setWidget(inner)
        for name, text, tip in items:
            self.buttons[name].setText(text)
            self.buttons[name].setToolTip(tip)
        if self.widget() is not None:
            self.setFixedHeight(self.widget().sizeHint().height() + 4 + self.horizontalScrollBar().sizeHint().height())

    def select(self, name):
        if name in self.buttons:
            self.buttons[name].setChecked(True)
            self.ensureWidgetVisible(self.buttons[name])

    def _on_clicked(self, index):
        self.layer_selected.emit(self._names[index])
