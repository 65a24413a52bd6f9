"""One row per optimizer: on/off in its colour, its hyperparameters, and whether it diverged."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGridLayout, QLabel, QRadioButton, QWidget

from ...colors import OPTIMIZER_NAMES as NAMES
from ...colors import OPTIMIZER_ORDER as ORDER
from ...colors import paint_optimizer_labels
from ...i18n import fill

RANGES = {"lr": (0.0001, 10.0, 4), "momentum": (0.0, 0.999, 3), "decay_rate": (0.0, 0.9999, 4),
          "beta1": (0.0, 0.999, 3), "beta2": (0.0, 0.99999, 5)}


class OptimizerTable(QWidget):
    changed = Signal()  # a hyperparameter or on/off changed
    selected = Signal(str)  # the optimizer whose state is shown

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks, self.radios, self.spins, self.param_labels = {}, {}, {}, {}
        self._divergence = {}  # key -> the step where it diverged
        for row, key in enumerate(ORDER, start=1):
            check = QCheckBox(NAMES[key])
            radio = QRadioButton()
            self.checks[key], self.radios[key] = check, radio
            grid.addWidget(radio, row, 0)
            grid.addWidget(check, row, 1)
            col = 2
            self.spins[key] = {}
            for name, value in state.configs[key].params.items():
                lo, hi, decimals = RANGES[name]
                spin = QDoubleSpinBox()
                spin.setRange(lo, hi)
                spin.setDecimals(decimals)
                spin.setSingleStep(10 ** -(decimals - 1) if name == "lr" else 0.01)
                spin.setValue(value)
                label = QLabel()
                self.param_labels[(key, name)] = label
                grid.addWidget(label, row, col)
                grid.addWidget(spin, row, col + 1)
                self.spins[key][name] = spin
                spin.valueChanged.connect(lambda v, k=key, n=name: self._on_param_changed(k, n, v))
                col += 2
            check.toggled.connect(lambda on, k=key: self._on_enabled_toggled(k, on))
            radio.toggled.connect(lambda on, k=key: on and self.selected.emit(k))
        grid.setColumnStretch(8, 1)
        # Which optimizers diverged, on two lines kept free below the table (a note beside each row
        # would widen the table, and one appearing would move the layout).
        self.diverged = QLabel()
        self.diverged.setWordWrap(True)
        self.diverged.setStyleSheet("color: #e53e3e;")
        self.diverged.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.diverged, len(ORDER) + 1, 0, 1, 9)
        paint_optimizer_labels(self.checks, self.palette())
        self.sync()

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark theme switched
            paint_optimizer_labels(self.checks, self.palette())
        elif event.type() == QEvent.Type.FontChange:  # zoom
            self._reserve_divergence_lines()
        super().changeEvent(event)

    def _reserve_divergence_lines(self):
        self.diverged.setMinimumHeight(2 * self.diverged.fontMetrics().lineSpacing() + 2)

    def retranslate(self):
        names = {"lr": "η", "momentum": "α", "decay_rate": "ρ", "beta1": "β₁",  # symbols: never translated
                 "beta2": "β₂"}
        tips = {"lr": self.tr("Learning rate η"), "momentum": self.tr("Momentum α: how much velocity is kept"),
                "decay_rate": self.tr("Decay rate ρ of the squared-gradient average"),
                "beta1": self.tr("β₁: decay of the gradient average m"),
                "beta2": self.tr("β₂: decay of the squared-gradient average v")}
        for (key, name), label in self.param_labels.items():
            label.setText(names[name])
            self.spins[key][name].setToolTip(tips[name])
        self._reserve_divergence_lines()
        self._show_divergence_text()
        for key in ORDER:
            self.checks[key].setToolTip(fill(self.tr("Show %1 on the surface"), NAMES[key]))
            self.radios[key].setToolTip(fill(self.tr("Show %1's internal state below"), NAMES[key]))

    def sync(self):
        """Show the state's configuration (after a preset)."""
        for key in ORDER:
            c = self.state.configs[key]
            self.checks[key].blockSignals(True)
            self.checks[key].setChecked(c.enabled)
            self.checks[key].blockSignals(False)
            for name, spin in self.spins[key].items():
                spin.blockSignals(True)
                spin.setValue(c.params[name])
                spin.blockSignals(False)
        self.radios[self.state.selected].setChecked(True)

    def show_divergence(self, paths):
        self._divergence = {key: paths[key].diverged_at for key in ORDER
                            if key in paths and paths[key].diverged_at is not None}
        self._show_divergence_text()

    def _show_divergence_text(self):
        self.diverged.setText("  ·  ".join(fill(self.tr("%1 diverged at step %2"), NAMES[key], at)
                                           for key, at in self._divergence.items()))

    def _on_param_changed(self, key, name, value):
        self.state.configs[key].params[name] = value
        self.changed.emit()

    def _on_enabled_toggled(self, key, on):
        self.state.configs[key].enabled = on
        self.changed.emit()
