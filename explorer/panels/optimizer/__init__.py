"""Optimizer Playground: the lecture's blindfolded adventurer, animated, with the numbers."""

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.surfaces import BUILT_IN, SurfaceError, custom

from ...dialogs import ask_path
from ...i18n import fill
from ...widgets.combo import refill, select_data
from ...widgets.step_controls import StepControls
from ..base import Panel
from .formula_errors import translated
from .plots import LossPlot, SurfaceView, ViewMode
from .state import PlaygroundState, update_html
from .table import NAMES, ORDER, OptimizerTable


class OptimizerPanel(Panel):
    def __init__(self, context, spec, parent=None):
        super().__init__(context, spec, parent)
        self.state = PlaygroundState()
        self.state.book_figure()  # opens on the book's figure, paths drawn to the end
        self.surface = None
        self.playing = False  # while the animation runs, lines are drawn without antialiasing
        self._build_ui()
        self._connect()
        self.retranslate()
        self.recompute(new_surface=True)

    def _build_ui(self):
        self.view = SurfaceView()
        self.surface_combo = QComboBox()
        self.formula = QLineEdit()
        self.apply_button = QPushButton()
        self.formula_message = QLabel()
        self.formula_message.setWordWrap(True)
        self.preset_button = QPushButton()
        self.mode_combo = QComboBox()
        top = QHBoxLayout()
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, 20.0)
        self.noise.setSingleStep(0.5)
        self.noise.setDecimals(1)
        self.noise_label = QLabel()
        for w in (self.surface_combo, self.formula, self.apply_button):
            top.addWidget(w)
        top.setStretch(1, 1)
        # Frames 0 (the start) to N updates: the Convolution Lab's step controls, counting updates.
        self.steps = StepControls(label=lambda k, count: fill(self.tr("Update %1 of %2"), str(k), str(count - 1)),
                                  speed=(1, 60, 10))
        self.iterations = QSpinBox()
        self.iterations.setRange(1, 1000)
        self.iterations.setValue(self.state.iterations)
        self.iterations_label = QLabel()
        self.trails = QCheckBox()
        self.trails.setChecked(True)
        self.export_button = QPushButton()
        # Two rows that fit a narrow window: playing the animation; what is drawn and saved.
        controls = QHBoxLayout()
        controls.addWidget(self.steps)
        extras = QHBoxLayout()
        for w in (self.mode_combo, self.iterations_label, self.iterations, self.trails, self.preset_button,
                  self.export_button):
            extras.addWidget(w)
        extras.insertStretch(4, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addLayout(top)
        lv.addWidget(self.formula_message)
        lv.addWidget(self.view, 1)
        lv.addLayout(controls)
        lv.addLayout(extras)

        self.table = OptimizerTable(self.state)
        self.state_title = QLabel()
        self.state_view = QLabel()
        self.state_view.setTextFormat(Qt.TextFormat.RichText)
        self.state_view.setWordWrap(True)
        self.state_view.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.loss = LossPlot()
        self.loss_title = QLabel()
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.addWidget(self.table)
        noise_row = QHBoxLayout()  # under the table: the noise is the same for every optimizer
        noise_row.addWidget(self.noise_label)
        noise_row.addWidget(self.noise)
        noise_row.addStretch(1)
        rv.addLayout(noise_row)
        rv.addWidget(self.state_title)
        rv.addWidget(self.state_view, 1)
        rv.addWidget(self.loss_title)
        rv.addWidget(self.loss, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.right_key = QShortcut(QKeySequence(Qt.Key.Key_Right), self)
        self.right_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.left_key = QShortcut(QKeySequence(Qt.Key.Key_Left), self)
        self.left_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.home_key = QShortcut(QKeySequence(Qt.Key.Key_Home), self)
        self.home_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.end_key = QShortcut(QKeySequence(Qt.Key.Key_End), self)
        self.end_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect(self):
        self.surface_combo.currentIndexChanged.connect(self._on_surface_changed)
        self.apply_button.clicked.connect(self._on_formula_applied)
        self.formula.returnPressed.connect(self._on_formula_applied)
        self.table.changed.connect(lambda: self.recompute())
        self.table.selected.connect(self._on_optimizer_selected)
        self.view.start_moved.connect(self._on_start_moved)
        self.iterations.valueChanged.connect(self._on_iterations_changed)
        self.noise.valueChanged.connect(self._on_noise_changed)
        self.trails.toggled.connect(lambda _on: self.show_frame())
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        self.preset_button.clicked.connect(self.load_book_figure)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.space.activated.connect(self.steps.toggle_play)
        self.right_key.activated.connect(lambda: self.set_frame(self.state.frame + 1))
        self.left_key.activated.connect(lambda: self.set_frame(max(self.state.frame - 1, 0)))
        self.home_key.activated.connect(lambda: self.set_frame(0))
        self.end_key.activated.connect(lambda: self.set_frame(self.state.iterations))
        self.steps.step_changed.connect(self._on_step_changed)
        self.steps.playing_changed.connect(self._on_playing_changed)

    def retranslate(self):
        titles = {"book": self.tr("Book: f(x, y) = x²/20 + y²"), "rosenbrock": self.tr("Rosenbrock"),
                  "beale": self.tr("Beale"), "himmelblau": self.tr("Himmelblau (four minima)"),
                  "saddle": self.tr("Saddle: x² − y²"), "booth": self.tr("Booth"),
                  "custom": self.tr("Your own function…")}
        refill(self.surface_combo, [(titles[key], key) for key in (*BUILT_IN, "custom")])
        self.surface_combo.setToolTip(self.tr("The loss surface the optimizers walk on"))
        self.formula.setPlaceholderText(self.tr("Type f(x, y), e.g. x**2/20 + y**2 or sin(x)*cos(y)"))
        self.formula.setToolTip(self.tr("Numbers, x, y, + − * / ** (or ^) and sin cos tan exp log sqrt abs tanh"))
        self.apply_button.setText(self.tr("Use formula"))
        self.steps.retranslate()
        self.steps.speed.setToolTip(self.tr("Updates per second (up to 60)"))
        self.iterations_label.setText(self.tr("Updates"))
        self.iterations.setToolTip(self.tr("How many updates each optimizer makes"))
        self.noise_label.setText(self.tr("Noise σ"))
        self.noise.setToolTip(self.tr("Gaussian noise added to every gradient, as a mini-batch's gradient "
                                      "scatters around the true one (0: exact gradients). Every optimizer gets the "
                                      "same noise. SGD's steps follow every noisy gradient; Momentum and Adam "
                                      "average the gradients of several steps; AdaGrad's steps shrink as they go."))
        self.trails.setText(self.tr("Trails"))
        self.trails.setToolTip(self.tr("Draw the whole path, not only the current position"))
        self.preset_button.setText(self.tr("Book's figure"))
        self.preset_button.setToolTip(self.tr("Start (−7, 2), 30 updates, SGD η=0.95, Momentum η=0.1, AdaGrad η=1.5, "
                                              "Adam η=0.3"))
        refill(self.mode_combo, [(self.tr("Overlaid"), ViewMode.OVERLAY.value),
                                 (self.tr("One plot each (as in the book)"), ViewMode.GRID.value)])
        self.mode_combo.setToolTip(self.tr("All paths on one plot, or the book's grid of plots"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the figure (PNG, SVG) or the animation (GIF)"))
        self.loss_title.setText(self.tr("Loss f(x, y) per update"))
        self.view.setToolTip(self.tr("Click (or drag the cross) to choose the start point"))
        self.table.retranslate()
        self.show_frame()

    # -- computing -------------------------------------------------------------------------------------

    def recompute(self, new_surface=False):
        if new_surface or self.surface is None:
            self.surface = self.state.surface()
            self.view.set_surface(self.surface, NAMES)
        self.state.compute(self.surface)
        self.loss.set_ranges(self.state.paths, self.state.iterations)
        self.table.show_divergence(self.state.paths)
        self.view.set_start(*self.state.start)
        if self.view.mode is ViewMode.GRID:
            self.view.set_mode(ViewMode.GRID, list(self.state.paths))
        self._sync_steps()
        self.show_frame()

    def set_frame(self, frame):
        self.state.frame = max(0, min(self.state.iterations, frame))
        self._sync_steps()
        self.show_frame()

    def _sync_steps(self):
        """The step controls show frame ``state.frame`` of ``state.iterations + 1`` (no signal back)."""
        self.steps.blockSignals(True)
        self.steps.set_count(self.state.iterations + 1)
        self.steps.set_step(self.state.frame, force=True)
        self.steps.blockSignals(False)

    def show_frame(self):
        k = self.state.frame
        self.view.set_paths(self.state.paths, k, self.trails.isChecked(), playing=self.playing)
        self.loss.set_paths(self.state.paths, k, playing=self.playing)
        key = self.state.selected
        self.state_title.setText(fill(self.tr("%1 at update %2"), NAMES[key], str(k)))
        path = self.state.paths.get(key)
        if path is None:
            self.state_view.setText(fill(self.tr("Switch %1 on to see its state."), NAMES[key]))
        elif k == 0:
            self.state_view.setText(fill(self.tr("At the start (%1, %2); press ▶ or → to update."),
                                         f"{self.state.start[0]:.3g}", f"{self.state.start[1]:.3g}"))
        else:
            text = update_html(key, path, min(k, path.steps), self.state.configs[key])
            if path.diverged_at and k >= path.diverged_at:
                diverged = self.tr("Diverged at update %1: the learning rate is too large here.")
                text += "<br><b style='color:#c53030'>" + fill(diverged, str(path.diverged_at))
                text += "</b>"
            self.state_view.setText(text)

    # -- events --------------------------------------------------------------------------------------------

    def _on_step_changed(self, frame):
        self.state.frame = frame
        self.show_frame()

    def _on_playing_changed(self, on):
        self.playing = on
        if not on:
            self.show_frame()  # the still picture gets smooth lines again

    def _on_surface_changed(self, _i):
        key = self.surface_combo.currentData()
        if key == "custom":
            self.formula.setFocus()
            if self.state.formula:
                self._on_formula_applied()
            return
        self.state.surface_key = key
        self.state.start = tuple(BUILT_IN[key]["start"])
        self.state.frame = 0
        self.formula_message.setText("")
        self.recompute(new_surface=True)

    def _on_formula_applied(self):
        """Parse the typed formula; a bad one is explained and the current surface stays."""
        text = self.formula.text()
        try:
            surface = custom(text)
        except SurfaceError as e:
            message = html.escape(translated(e), quote=False)
            self.formula_message.setText(f"<span style='color:#c53030'>{message}</span>")
            return False
        self.formula_message.setText("")
        self.state.surface_key, self.state.formula = "custom", text
        self.state.start, self.state.frame = surface.start, 0
        self.surface = surface
        self.view.set_surface(surface, NAMES)
        select_data(self.surface_combo, "custom")
        self.recompute()
        return True

    def _on_start_moved(self, x, y):
        self.state.start = (x, y)
        self.state.frame = max(self.state.frame, 0)
        self.recompute()

    def _on_optimizer_selected(self, key):
        self.state.selected = key
        self.show_frame()

    def _on_iterations_changed(self, n):
        self.state.iterations = n
        self.state.frame = min(self.state.frame, n)
        self.recompute()

    def _on_noise_changed(self, sigma):
        self.state.noise = sigma
        self.recompute()

    def _on_mode_changed(self, _i):
        self.view.set_mode(self.mode_combo.currentData(), list(self.state.paths))
        self.show_frame()

    def load_book_figure(self):
        on_book = self.state.surface_key == "book"  # then its contours stay: redrawing them is the slow part
        self.state.book_figure()
        for box, value in ((self.iterations, 30), (self.noise, 0.0)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        select_data(self.surface_combo, "book")
        self.table.sync()
        self.recompute(new_surface=not on_book)

    def _on_export_clicked(self):
        path = ask_path(self, self.context.settings, "export", self.tr("Export figure or animation"),
                        self.tr("PNG image (*.png);;SVG drawing (*.svg);;GIF animation (*.gif)"), save=True)
        if path:
            self.export(path)

    def export(self, path):
        from ...exporting import export_widget  # with QtSvg: loaded when a figure is first exported
        from .export import export_gif  # with PIL, likewise

        path = str(path)
        shown = {key: NAMES[key] for key in ORDER if key in self.state.paths}
        with self.view.legend_shown(shown):
            ok = export_gif(self, path) if path.lower().endswith(".gif") else export_widget(self.view, path)
        self.status_message.emit(fill(self.tr("Exported to %1") if ok else self.tr("Could not write %1"), path))
        return ok

    def export_widget(self):
        return self.view

    def shutdown(self):
        self.steps.play_button.setChecked(False)

