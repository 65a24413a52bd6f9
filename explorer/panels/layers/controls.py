"""The Layer Explorer's left column: which network, which input, and the input with its overlays."""

import numpy as np
from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import fill
from ...widgets.digit_view import DigitView
from ...widgets.prob_bars import ProbabilityBars


class InputControls(QWidget):
    network_chosen = Signal(str)
    open_requested = Signal()
    input_changed = Signal(str)  # "drawing", "test" or "image"
    load_requested = Signal()
    overlay_toggled = Signal(bool)

    def __init__(self, samples, parent=None):
        super().__init__(parent)
        self.images, self.labels = samples
        self.position = 0  # index into the shipped test digits
        self.rng = np.random.default_rng()
        self.network_box = QGroupBox()
        self.network_combo = QComboBox()
        self.open_button = QPushButton()
        n = QVBoxLayout(self.network_box)
        n.addWidget(self.network_combo)
        n.addWidget(self.open_button)

        self.input_box = QGroupBox()
        self.source_combo = QComboBox()
        self.prev_button, self.next_button, self.random_button = QToolButton(), QToolButton(), QToolButton()
        self.prev_button.setText("◀")
        self.next_button.setText("▶")
        self.class_combo = QComboBox()
        self.class_combo.addItem("", None)
        for d in range(10):
            self.class_combo.addItem(str(d), d)
        self.load_button = QPushButton()
        self.loaded = None  # the last loaded image, MNIST-style (28, 28)
        self.test_row = QWidget()
        t = QHBoxLayout(self.test_row)
        t.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.next_button, self.random_button, self.class_combo):
            t.addWidget(w)
        self.digit = DigitView()
        self.digit.setMinimumSize(150, 150)
        self.digit.setMaximumHeight(240)  # the answer and its bars stay in view below it
        self.overlay_check = QCheckBox()
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.bars = ProbabilityBars()
        for combo in (self.network_combo, self.source_combo, self.class_combo):  # long names never widen the column
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        i = QGridLayout(self.input_box)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_combo, 1)
        source_row.addWidget(self.load_button)
        i.addLayout(source_row, 0, 0)
        i.addWidget(self.test_row, 1, 0)
        i.addWidget(self.digit, 2, 0)
        i.addWidget(self.overlay_check, 3, 0)
        i.addWidget(self.answer, 4, 0)
        i.addWidget(self.bars, 5, 0)
        i.setRowStretch(6, 1)  # room to spare goes below the bars, not around the digit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.network_box)
        layout.addWidget(self.input_box, 1)

        self.network_combo.activated.connect(lambda _i: self.network_chosen.emit(self.network_combo.currentData()))
        self.open_button.clicked.connect(self.open_requested)
        self.load_button.clicked.connect(self.load_requested)
        self.source_combo.activated.connect(lambda _i: self.set_source(self.source_combo.currentData()))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.random_button.clicked.connect(self.random_digit)
        self.class_combo.activated.connect(lambda _i: self.step(0))
        self.overlay_check.toggled.connect(self.overlay_toggled)

    def retranslate(self):
        self.network_box.setTitle(self.tr("Network"))
        self.open_button.setText(self.tr("Open weights…"))
        self.open_button.setToolTip(self.tr("SimpleConvNet or DeepConvNet weights (.npz, or the book's .pkl)"))
        self.input_box.setTitle(self.tr("Input"))
        current = self.source_combo.currentData()
        with QSignalBlocker(self.source_combo):
            self.source_combo.clear()
            self.source_combo.addItem(self.tr("Your drawing (Draw & Classify)"), "drawing")
            self.source_combo.addItem(self.tr("MNIST test digits (1,000 shipped)"), "test")
            if self.loaded is not None:
                self.source_combo.addItem(self.tr("Loaded image"), "image")
            self.source_combo.setCurrentIndex(max(self.source_combo.findData(current), 0))
        self.load_button.setText(self.tr("Load image…"))
        self.load_button.setToolTip(self.tr("A photo or scan of a handwritten digit"))
        self.prev_button.setToolTip(self.tr("Previous test digit"))
        self.next_button.setToolTip(self.tr("Next test digit"))
        self.random_button.setText(self.tr("Random"))
        self.random_button.setToolTip(self.tr("A random test digit"))
        self.class_combo.setItemText(0, self.tr("any digit"))
        self.class_combo.setToolTip(self.tr("Only test digits of this class"))
        self.overlay_check.setText(self.tr("Show where it looks (saliency)"))
        self.overlay_check.setToolTip(self.tr("How strongly each pixel changes the score of the answer "
                                              "(the gradient of the score with respect to the input)"))
        self._update_network_items()

    def _update_network_items(self):
        key = self.network_combo.currentData()
        with QSignalBlocker(self.network_combo):
            self.network_combo.clear()
            self.network_combo.addItem(self.tr("DeepConvNet (shipped)"), "deep")
            self.network_combo.addItem(self.tr("SimpleConvNet (as in Draw & Classify)"), "current")
            if getattr(self, "_file_name", None):
                self.network_combo.addItem(self._file_name, "file")
            self.network_combo.setCurrentIndex(max(self.network_combo.findData(key), 0))

    def show_network(self, key, name):
        """Select ``key``; for 'file', ``name`` says which (a file name, or 'trained in the Training Studio')."""
        self._file_name = name if key == "file" else getattr(self, "_file_name", None)
        self._update_network_items()
        with QSignalBlocker(self.network_combo):
            self.network_combo.setCurrentIndex(self.network_combo.findData(key))

    # -- input ----------------------------------------------------------------------------------------------

    def set_source(self, source):
        with QSignalBlocker(self.source_combo):
            self.source_combo.setCurrentIndex(self.source_combo.findData(source))
        self.test_row.setVisible(source == "test")
        self.input_changed.emit(source)

    def _candidates(self):
        d = self.class_combo.currentData()
        return np.arange(len(self.labels)) if d is None else np.flatnonzero(self.labels == d)

    def step(self, direction):
        """Next (+1), previous (-1) or, for 0, the first test digit of the chosen class after the current one."""
        idx = self._candidates()
        later = idx[idx > self.position] if direction >= 0 else idx[idx < self.position]
        if direction == 0 and self.position in idx:
            later = idx[idx >= self.position]
        if later.size:
            self.position = int(later[0] if direction >= 0 else later[-1])
        elif idx.size:
            self.position = int(idx[0] if direction >= 0 else idx[-1])  # wrap around
        self.set_source("test")

    def random_digit(self):
        self.position = int(self.rng.choice(self._candidates()))
        self.set_source("test")

    def set_loaded(self, image):
        self.loaded = image
        self.retranslate()
        self.set_source("image")

    def image(self):
        if self.source_combo.currentData() == "image" and self.loaded is not None:
            return self.loaded
        return self.images[self.position] / 255.0

    def show_inspection(self, inspection):
        if inspection is None:
            self.digit.set_image(None)
            self.answer.setText(self.tr("No input yet"))
            self.bars.set_probabilities(None)
            return
        self.digit.set_image(inspection.image)
        p = inspection.probabilities
        text = fill(self.tr("Answer: %1 (%2% sure)"), inspection.answer, f"{100 * p.max():.1f}")
        if self.source_combo.currentData() == "test":
            text += "  " + fill(self.tr("label %1, test digit #%2"), int(self.labels[self.position]),
                                self.position + 1)
        self.answer.setText(text)
        self.bars.set_probabilities(p)
